"""What the window shows before a round is open: what the app does and the next step."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from schouw.ui.widgets import label, named, panel, styled


class StartPage(QWidget):
    newProject = Signal()
    openProject = Signal()
    openRecent = Signal(str)
    newRound = Signal()
    importStreets = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        named(self, "startPage", self.tr("Startpagina"))
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        card = panel(self)
        card.setMinimumWidth(560)
        card.setMaximumWidth(760)
        outer.addWidget(card, 3)
        outer.addStretch(1)
        outer.setContentsMargins(24, 40, 24, 40)
        layout = QVBoxLayout(card)
        layout.setContentsMargins(36, 30, 36, 30)
        layout.setSpacing(12)
        layout.addWidget(label(self.tr("Schouw"), "hero"))
        self.intro = label(self.tr("Leg een wijkschouw straat voor straat vast: bevindingen met niveau A+ t/m D, "
                                   "foto's en actiepunten, ook zonder netwerk. Alles wordt direct opgeslagen "
                                   "in één projectbestand."), "muted")
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.status = label("", "heading")
        self.status.setObjectName("startStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.hint = label("", "muted")
        self.hint.setObjectName("startHint")
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)

        buttons = QHBoxLayout()
        self.new_round_button = styled(named(QPushButton(self.tr("Nieuwe ronde…"), card), "startNewRound",
                                             self.tr("Nieuwe schouwronde")), role="primary")
        self.import_button = named(QPushButton(self.tr("Straten importeren…"), card), "startImportStreets",
                                   self.tr("Straten importeren"))
        self.new_button = named(QPushButton(self.tr("Nieuw project…"), card), "startNewProject",
                                self.tr("Nieuw project"))
        self.open_button = named(QPushButton(self.tr("Project openen…"), card), "startOpenProject",
                                 self.tr("Project openen"))
        for button, signal in ((self.new_round_button, self.newRound), (self.import_button, self.importStreets),
                               (self.new_button, self.newProject), (self.open_button, self.openProject)):
            styled(button, "big")
            button.clicked.connect(signal)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        self.recent_title = label(self.tr("Recente projecten"), "fieldLabel")
        layout.addWidget(self.recent_title)
        self.recent = named(QListWidget(card), "recentProjects", self.tr("Recente projecten"))
        self.recent.itemActivated.connect(lambda item: self.openRecent.emit(item.data(Qt.ItemDataRole.UserRole)))
        self.recent.setMaximumHeight(self.fontMetrics().height() * 9)
        layout.addWidget(self.recent)
        layout.addStretch(1)

    def show_state(self, *, project_name: str | None, has_buurten: bool, recent: list[str]) -> None:
        if project_name is None:
            self.status.setText(self.tr("Geen project geopend"))
            self.hint.setText(self.tr("Maak een nieuw project of open een bestaand projectbestand (.schouw)."))
        elif not has_buurten:
            self.status.setText(self.tr("Project ‘{name}’ heeft nog geen straten").format(name=project_name))
            self.hint.setText(self.tr("Importeer eerst de straten van een buurt (CSV of GeoJSON); "
                                      "daarna kunt u een ronde starten."))
        else:
            self.status.setText(self.tr("Project ‘{name}’ heeft nog geen ronde").format(name=project_name))
            self.hint.setText(self.tr("Start een ronde: kies de buurt, het formulier, de datum en wie er meelopen."))
        self.new_round_button.setVisible(project_name is not None and has_buurten)
        self.import_button.setVisible(project_name is not None)
        self.recent.clear()
        for path in recent:
            item = QListWidgetItem(f"{Path(path).stem}    —    {path}")
            item.setData(Qt.ItemDataRole.UserRole, path)
            self.recent.addItem(item)
        self.recent.setVisible(bool(recent))
        self.recent_title.setVisible(bool(recent))
