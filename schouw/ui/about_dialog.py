"""*Over schouw*: version, licence, where this installation keeps its data, and the
third-party software inside (from the installed metadata, see :mod:`schouw.licences`);
and *Controleren op updates*, which exists only when an update URL is configured."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QUrl
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from schouw import __version__, licences, settings
from schouw.ui.widgets import fit_on_screen, named


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        named(self, "aboutDialog", self.tr("Over Schouw"))
        self.setWindowTitle(self.tr("Over Schouw"))
        layout = QVBoxLayout(self)
        title = named(QLabel(self.tr("Schouw {version}").format(version=__version__), self), "aboutVersion",
                      self.tr("Versie"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        text = named(QLabel(self.tr("Wijkschouw en beeldkwaliteit (CROW A+ t/m D), straat voor straat, offline, in "
                                    "één projectbestand.\nVrije software onder de licentie {licence}.")
                            .format(licence=licences.LICENCE), self), "aboutText", self.tr("Over Schouw"))
        text.setWordWrap(True)
        layout.addWidget(text)

        places = QFormLayout()
        names = {"data": self.tr("Gegevensmap"), "settings": self.tr("Instellingen"),
                 "backups": self.tr("Reservekopieën"), "logs": self.tr("Logbestanden"),
                 "forms": self.tr("Eigen formulieren")}
        for key, path in settings.locations().items():
            value = named(QLabel(str(path), self), f"aboutPath_{key}", names.get(key, key))
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                          | Qt.TextInteractionFlag.TextSelectableByKeyboard)
            places.addRow(names.get(key, key) + ":", value)
        if settings.portable_ini() is not None:
            places.addRow(self.tr("Draagbaar:"), named(QLabel(self.tr("ja (schouw.ini naast het programma)"), self),
                                                        "aboutPortable", self.tr("Draagbaar")))
        layout.addLayout(places)

        layout.addWidget(QLabel(self.tr("Software van anderen in Schouw:"), self))
        items = licences.third_party()
        table = self.table = named(QTableWidget(len(items), 3, self), "aboutThirdParty",
                                   self.tr("Software van anderen en hun licenties"))
        table.setHorizontalHeaderLabels([self.tr("Naam"), self.tr("Versie"), self.tr("Licentie")])
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().hide()
        for row, item in enumerate(items):
            for column, key in enumerate(("name", "version", "licence")):
                cell = QTableWidgetItem(item.get(key, ""))
                cell.setToolTip(item.get("url", ""))
                table.setItem(row, column, cell)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(table, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.setObjectName("aboutButtons")
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName(self.tr("Sluiten"))
        layout.addWidget(buttons)
        fit_on_screen(self, 640, 560)


class UpdateCheck(QObject):
    """One question to the configured update URL, answered in a message box: a newer
    version (with where to get it), this one is the newest, or why it could not ask.
    Qt's network access runs on the event loop, so the window stays responsive."""

    TIMEOUT_MS = 10_000

    def __init__(self, parent: QWidget, url: str):
        from PySide6.QtNetwork import QNetworkAccessManager, QNetworkRequest

        super().__init__(parent)
        self.owner = parent
        self.manager = QNetworkAccessManager(parent)
        request = QNetworkRequest(QUrl(url))
        request.setTransferTimeout(self.TIMEOUT_MS)
        self.reply = self.manager.get(request)
        self.reply.finished.connect(self._finished)

    def _finished(self) -> None:
        from PySide6.QtNetwork import QNetworkReply

        from schouw.ui.dialogs import show_message
        from schouw.updates import is_newer, read_offer

        reply, title = self.reply, self.tr("Controleren op updates")
        try:
            if reply.error() != QNetworkReply.NetworkError.NoError:
                self.box = show_message(self.owner, title, self.tr("Kon niet controleren op updates: {error}")
                                        .format(error=reply.errorString()))
                return
            try:
                offer = read_offer(bytes(reply.readAll().data()))
            except (ValueError, UnicodeDecodeError):
                self.box = show_message(self.owner, title, self.tr("Het antwoord van de updateserver is onleesbaar."))
                return
            if is_newer(offer, __version__):
                text = self.tr("Er is een nieuwere versie: Schouw {new} (u hebt {current}).").format(
                    new=offer.version, current=__version__)
                where = self.tr("Downloaden: {url}").format(url=offer.url) if offer.url else ""
                self.box = show_message(self.owner, title, text, error=False,
                                        detail="\n\n".join(p for p in (where, offer.notes) if p))
            else:
                self.box = show_message(self.owner, title, self.tr("U hebt de nieuwste versie (Schouw {current}).")
                                        .format(current=__version__), error=False)
        finally:
            reply.deleteLater()
            self.manager.deleteLater()
