"""*Bestand › Publiceren naar gemeente…* and *Ophalen van gemeente…* (issue #21): the
project into the municipality's
PostgreSQL/PostGIS, through the same use case as ``schouw publish``
(:func:`schouw.publish.publish`), on a worker thread with its progress.

The address is remembered in the preferences without its password; a password typed in
the address goes to the operating system's keyring after a good login (the use case
does that) and is never shown again. A refusal (wrong password, no PostGIS, a newer
schema, a server that cannot be reached) is the use case's one sentence under the form.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from schouw.messages import SchouwError
from schouw.publish.connection import SCHEMA_META, URL_META
from schouw.services.changes import Changes
from schouw.store.project import Project
from schouw.ui.export_dialog import _TaskDialog
from schouw.ui.widgets import fit_on_screen, named


class PublishDialog(_TaskDialog):
    def __init__(self, project: Project, parent: QWidget | None = None):
        super().__init__(project, parent, "publish")
        named(self, "publishDialog", self.tr("Publiceren naar gemeente"))
        self.setWindowTitle(self.tr("Publiceren naar gemeente"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Zet de rondes, bevindingen, actiepunten en herschouwingen van dit project in de "
                               "PostgreSQL/PostGIS-database van de gemeente. Twee keer publiceren verstuurt niets "
                               "dubbel; een onderbroken publicatie gaat de volgende keer verder."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.url_edit = named(QLineEdit(self), "publishUrl", self.tr("Adres van de database"))
        self.url_edit.setPlaceholderText("postgresql://gebruiker@server/database")
        self.url_edit.setText(project.meta(URL_META))
        form.addRow(self.tr("Database"), self.url_edit)
        self.schema_edit = named(QLineEdit(project.meta(SCHEMA_META) or "schouw", self), "publishSchema",
                                 self.tr("Schema in de database"))
        form.addRow(self.tr("Schema"), self.schema_edit)
        self.personal = named(QCheckBox(self.tr("Ook deelnemers (namen en contactgegevens) publiceren"), self),
                              "publishPersonalData", self.tr("Ook deelnemers publiceren"))
        form.addRow("", self.personal)
        self.photos_edit = named(QLineEdit(self), "publishPhotos", self.tr("Map voor foto's"))
        self.photos_edit.setPlaceholderText(self.tr("leeg: geen foto's; anders alleen de gemaskeerde kopieën"))
        browse = named(QPushButton(self.tr("Bladeren…"), self), "publishPhotosBrowse", self.tr("Map kiezen"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.photos_edit, 1)
        row.addWidget(browse)
        form.addRow(self.tr("Foto's naar"), row)
        self.photos_db = named(QCheckBox(self.tr("Of: de gemaskeerde foto's in de database zelf"),
                                         self), "publishPhotosInDb", self.tr("Foto's in de database"))
        form.addRow("", self.photos_db)
        layout.addLayout(form)
        note = QLabel(self.tr("Een wachtwoord in het adres gaat naar de sleutelbos van de computer en wordt "
                              "nergens anders bewaard."), self)
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        self.start_button.setText(self.tr("Publiceren"))
        named(self.start_button, "publishStart", self.tr("Publiceren"))
        self.start_button.clicked.connect(self.start)
        layout.addLayout(self._buttons())
        fit_on_screen(self, 620, 360)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Map voor de gemaskeerde foto's"))
        if folder:
            self.photos_edit.setText(folder)

    def start(self) -> None:
        from schouw.publish import publish
        from schouw.publish.connection import parse_url

        url, schema = self.url_edit.text().strip(), self.schema_edit.text().strip() or "schouw"
        photos = Path(self.photos_edit.text().strip()).expanduser() if self.photos_edit.text().strip() else None
        personal, in_db = self.personal.isChecked(), self.photos_db.isChecked()
        try:
            target, _password = parse_url(url)
        except SchouwError as error:
            self.status.setText(error.message())
            return
        # remember the address without its password (the use case keeps that in the keyring)
        with self.project.write():
            self.project.set_meta(URL_META, target.shown)
            self.project.set_meta(SCHEMA_META, schema)

        def work(project: Project, progress) -> Any:
            def step(table: str, done: int, total: int) -> None:
                progress(done, total, table)

            return publish(project, url, schema=schema, personal_data=personal, photos_to=photos,
                           photos_in_db=in_db, progress=step)

        self.status.setText(self.tr("Verbinden…"))
        self._run(work)

    def describe(self, result: Any) -> str:
        return self.tr("Gepubliceerd naar %1 (schema %2): %3 rijen nieuw of gewijzigd, %4 al gelijk.") \
            .replace("%1", result.url).replace("%2", result.schema).replace("%3", str(result.changed)) \
            .replace("%4", str(result.skipped))


class PullDialog(_TaskDialog):
    """*Bestand › Ophalen van gemeente…*: the central state of a buurt onto this laptop
    before a walk, merged as a package is (:func:`schouw.publish.pull.pull`)."""

    def __init__(self, project: Project, buurt: str = "", parent: QWidget | None = None):
        super().__init__(project, parent, "pull")
        named(self, "pullDialog", self.tr("Ophalen van gemeente"))
        self.setWindowTitle(self.tr("Ophalen van gemeente"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Haal de rondes, open actiepunten en herschouwpunten van een buurt uit de centrale "
                               "database, samengevoegd zoals een pakket: nieuwste wint, conflicten blijven te zien. "
                               "Foto's blijven centraal."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.url_edit = named(QLineEdit(project.meta(URL_META), self), "pullUrl", self.tr("Adres van de database"))
        self.url_edit.setPlaceholderText("postgresql://gebruiker@server/database")
        form.addRow(self.tr("Database"), self.url_edit)
        self.schema_edit = named(QLineEdit(project.meta(SCHEMA_META) or "schouw", self), "pullSchema",
                                 self.tr("Schema in de database"))
        form.addRow(self.tr("Schema"), self.schema_edit)
        self.buurt_edit = named(QLineEdit(buurt, self), "pullBuurt", self.tr("Buurt: naam, buurtcode of id"))
        form.addRow(self.tr("Buurt"), self.buurt_edit)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        self.start_button.setText(self.tr("Ophalen"))
        named(self.start_button, "pullStart", self.tr("Ophalen"))
        self.start_button.clicked.connect(self.start)
        layout.addLayout(self._buttons())
        fit_on_screen(self, 620, 300)

    def start(self) -> None:
        from schouw.publish.pull import pull

        url, schema, buurt = (self.url_edit.text().strip(), self.schema_edit.text().strip() or "schouw",
                              self.buurt_edit.text().strip())
        if not url or not buurt:
            self.status.setText(self.tr("Vul het adres van de database en de buurt in."))
            return
        self.status.setText(self.tr("Verbinden…"))
        self._run(lambda project, _progress: pull(project, url, buurt, schema=schema))

    def describe(self, result: Any) -> str:
        return self.tr("Opgehaald: buurt %1, %2 rondes; %3 rijen nieuw, %4 bijgewerkt, %5 conflicten.") \
            .replace("%1", result.buurt).replace("%2", str(len(result.rounds))) \
            .replace("%3", str(result.total("added"))).replace("%4", str(result.total("updated"))) \
            .replace("%5", str(result.total("conflicts")))

    def changes_of(self, result: Any) -> Changes:
        """A pull that added or changed rows: every view of rounds, streets, findings and
        actions reads again (through the hub), as after an imported package."""
        if not (result.total("added") or result.total("updated")):
            return Changes.NONE
        return Changes(rounds=True, streets=True, walked=True, findings=True, photos=True, actions=True,
                       indicators=True, cycles=True)
