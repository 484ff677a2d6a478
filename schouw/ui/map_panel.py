"""The map tab of the walk screen: the map, its toolbar, a legend and one status line.

The panel turns what the user does on the map into the walk's own use cases: choosing
a marker selects that finding in the findings list (the one selection there is);
clicking a place, pressing Enter on the crosshair or dragging a marker saves the
finding's position through ``Session.edit`` (``walk.edit_finding``), so Ctrl+Z undoes
it like any other edit. RD metres go back to WGS84 through :mod:`schouw.geo`.

The scene is read again (debounced) when the walk or the hub says this round changed;
the project is never re-opened for it.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QToolBar, QToolButton, QVBoxLayout, QWidget

from schouw.geo import rd_to_wgs84, wgs84_to_rd
from schouw.messages import SchouwError
from schouw.services.changes import Changes
from schouw.ui.map_legend import MapLegend
from schouw.ui.map_tiles import TileBackground, tile_status
from schouw.ui.map_view import MapView
from schouw.ui.session import Session
from schouw.ui.widgets import named

log = logging.getLogger(__name__)


def load_scene(project, round_id: str) -> Any:
    """The round's map scene from the read model (engineer mapdata's service)."""
    from schouw.services.mapscene import map_scene

    return map_scene(project, round_id)


class MapPanel(QWidget):
    #: the user chose a finding on the map (street id, finding id)
    findingActivated = Signal(str, str)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        named(self, "mapPanel", self.tr("Kaart"))
        self.session = session
        self.finding_id = ""
        self._dirty = True
        self._from_map = False
        self._position_source = None
        self._round_id: str | None = None
        #: what the map showed of each finding the walk edited (see _finding_edited)
        self._seen: dict[str, tuple] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        # a tool bar, so the buttons that do not fit a narrow pane go behind its » button
        bar = QToolBar(self)
        named(bar, "mapToolBar", self.tr("Kaartknoppen"))
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.view = MapView(self)
        self.fit_button = self._button("mapFit", self.tr("Hele buurt"), self.tr("Toon de hele buurt (0)"),
                                       self.view.fit)
        self.zoom_in = self._button("mapZoomIn", "+", self.tr("Inzoomen (+)"), lambda: self.view.zoom_by(2.0))
        self.zoom_in.setAccessibleName(self.tr("Inzoomen"))
        self.zoom_out = self._button("mapZoomOut", "−", self.tr("Uitzoomen (−)"), lambda: self.view.zoom_by(0.5))
        self.zoom_out.setAccessibleName(self.tr("Uitzoomen"))
        self.place_button = self._button("mapPlace", self.tr("Plaatsen"),
                                         self.tr("Kruisje aan/uit (P): pijltjes verplaatsen het, Enter zet de "
                                                 "gekozen bevinding daar"), self._toggle_crosshair)
        self.place_button.setCheckable(True)
        self.locate_button = self._button("mapMyLocation", self.tr("Mijn locatie"),
                                          self.tr("Zoek mijn plaats met de locatiebron van deze computer"),
                                          self.my_location)
        self.download_button = self._button("mapDownload", self.tr("Kaart downloaden…"),
                                            self.tr("Kaart downloaden voor deze buurt…: een achtergrondkaart, "
                                                    "om zonder internet te gebruiken"), self.download_tiles)
        self.hotspot_button = self._button("mapHotspots", self.tr("Hotspots"),
                                           self.tr("Toon de plekken waar bevindingen onder de norm terugkomen "
                                                   "(binnen 50 m, de drie jaar tot deze ronde)"), self.show_hotspots)
        self.hotspot_button.setCheckable(True)
        for button in (self.fit_button, self.zoom_in, self.zoom_out, self.place_button, self.hotspot_button,
                       self.locate_button, self.download_button):
            bar.addWidget(button)
        layout.addWidget(bar)
        layout.addWidget(self.view, 1)
        self.legend = MapLegend(self)
        layout.addWidget(self.legend)
        self.status = QLabel(self)
        named(self.status, "mapStatus", self.tr("Kaartstatus"))
        self.status.setWordWrap(True)
        # room for two lines whatever it says, so a message never moves the map
        self.status.setFixedHeight(2 * self.status.fontMetrics().lineSpacing() + 2)
        layout.addWidget(self.status)
        # one quiet line about the background (none, damaged, or its source)
        self.note = QLabel(self)
        named(self.note, "mapBackgroundNote", self.tr("Achtergrondkaart"))
        self.note.setWordWrap(True)
        self.note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout.addWidget(self.note)
        self.view.markerActivated.connect(self._marker_chosen)
        self.view.placeRequested.connect(self._place)
        self.view.markerDragged.connect(self._dragged)
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(150)
        self._reload_timer.timeout.connect(self.reload)
        session.roundChanged.connect(self._round_changed)
        session.findingEdited.connect(self._finding_edited)
        session.findingsChanged.connect(self.schedule_reload)
        session.streetChanged.connect(self.schedule_reload)
        self.tiles: TileBackground | None = None
        #: where "Kaart downloaden…" fetches tiles (None: PDOK; tests use a local server)
        self.tile_url: str | None = None
        self.load_background()
        self._round_changed()

    def _say(self, text: str) -> None:
        """The panel's one status line. It keeps its place while empty: a line that came
        and went would move the map under the user's pointer."""
        self.status.setText(text)

    def _button(self, name: str, text: str, tip: str, slot) -> QToolButton:
        button = QToolButton(self)
        named(button, name, text.rstrip("…"))
        button.setText(text)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        return button

    # ------------------------------------------------------------------ data
    def _round_changed(self) -> None:
        """Another round (fit its buurt), or the same one read again (stay where we are)."""
        round_id = self.session.ctx.round.id if self.session.ctx is not None else None
        if round_id != self._round_id:
            self._round_id = round_id
            self.view._fitted = False
            self._seen.clear()
            if self.hotspot_button.isChecked():
                self.show_hotspots()
        self.schedule_reload(now=True)

    def show_hotspots(self, *_args) -> None:
        """Draw (or take away) the buurt's hotspots: the same ones as the Overzicht."""
        from schouw.services.mapscene import hotspot_layer

        spots = []
        if self.hotspot_button.isChecked() and self.session.ctx is not None:
            try:
                spots = hotspot_layer(self.session.project, self.session.ctx.round.id)
            except SchouwError as error:
                self._say(error.message())
            else:
                self._say(self.tr("%n hotspot(s) in deze buurt", "", len(spots)))
        self.view.set_hotspots(spots)

    def schedule_reload(self, *_args, now: bool = False) -> None:
        """Read the scene again soon (several signals of one edit make one read); while
        the map is hidden, only remember that it must."""
        self._dirty = True
        if not self.isVisible():
            return
        if now:
            self.reload()
        else:
            self._reload_timer.start()

    def _finding_edited(self, finding_id: str) -> None:
        """Read the scene again only when an edit changed what the map shows (place,
        level, item): typing a description saves every few keystrokes, and reading the
        map of a big round costs a fifth of a second."""
        try:
            f = self.session.project.findings.one(finding_id, include_deleted=True)
        except SchouwError:
            self.schedule_reload()
            return
        level = getattr(f.level, "value", f.level)
        signature = (f.lat, f.lon, level, f.not_applicable, f.element, f.aspect, f.deleted_at)
        if self._seen.get(finding_id) != signature:
            self._seen[finding_id] = signature
            self.schedule_reload()

    def on_hub_changes(self, changes: Changes, initiator: object | None = None) -> None:
        """A change from outside the walk (an import, a merge, a dialog): read the scene
        again. The walk's own edits came through the session's signals already."""
        if initiator is self.session:
            return
        ctx = self.session.ctx
        if ctx is not None and (changes.touches_round(ctx.round.id) or changes.streets):
            self.schedule_reload()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._dirty:
            self.reload()

    def reload(self) -> None:
        self._reload_timer.stop()
        self._dirty = False
        ctx = self.session.ctx
        if ctx is None:
            self.set_scene(None)
            return
        try:
            scene = load_scene(self.session.project, ctx.round.id)
        except ImportError:  # the read model is not in this build
            scene = None
        except SchouwError as error:
            self._say(str(error))
            scene = None
        self.set_scene(scene)

    def set_scene(self, scene: Any) -> None:
        self.view.set_scene(scene)
        self.view.select(self.finding_id, centre=False)
        self.legend.set_scene(scene)
        self._say_unlocated()

    def _say_unlocated(self) -> None:
        scene = self.view.scene
        n = getattr(scene, "unlocated", 0) if scene is not None else 0
        self._say(self.tr("%n bevinding(en) zonder plaats: kies er een en klik op de kaart (of P, "
                                    "pijltjes, Enter).", "", n) if n else "")

    # ------------------------------------------------------------------ selection
    def show_finding(self, finding_id: str) -> None:
        """The findings list chose a finding: highlight it, and centre it unless the
        choice came from the map itself."""
        self.finding_id = finding_id or ""
        self.view.select(self.finding_id, centre=not self._from_map)

    def _marker_chosen(self, finding_id: str) -> None:
        marker = self.view.marker(finding_id)
        if marker is None:
            return
        self._from_map = True
        try:
            self.findingActivated.emit(marker.street_id, finding_id)
        finally:
            self._from_map = False

    # ------------------------------------------------------------------ placing
    def _toggle_crosshair(self) -> None:
        self.view.set_crosshair(self.view.crosshair is None)
        self.place_button.setChecked(self.view.crosshair is not None)
        self.view.setFocus()

    def _place(self, x: float, y: float) -> None:
        if not self.finding_id:
            self._say(self.tr("Kies eerst een bevinding; dan zet een klik op de kaart haar daar."))
            return
        self._move(self.finding_id, x, y, self.tr("Plaats op de kaart"))

    def _dragged(self, finding_id: str, x: float, y: float) -> None:
        self._move(finding_id, x, y, self.tr("Bevinding verplaatst"))

    def _move(self, finding_id: str, x: float, y: float, text: str) -> None:
        if self.session.ctx is None:
            return
        try:
            lat, lon = rd_to_wgs84(x, y)
        except ValueError:
            self._say(self.tr("Die plaats ligt buiten het kaartgebied."))
            return
        if self.session.edit(finding_id, {"lat": round(lat, 7), "lon": round(lon, 7)}, text):
            self._say(self.tr("Plaats opgeslagen. Ctrl+Z maakt het ongedaan."))
            self.reload()

    # ------------------------------------------------------------------ my location
    def my_location(self) -> None:
        """Ask the laptop's location source for one position; say plainly when there is
        none (most laptops without GPS), never wait without end."""
        try:
            from PySide6.QtPositioning import QGeoPositionInfoSource
        except ImportError:
            source = None
        else:
            source = QGeoPositionInfoSource.createDefaultSource(self)
        if source is None:
            self._say(self.tr("Deze computer heeft geen locatiebron (GPS); zet bevindingen met een "
                                        "klik of het kruisje."))
            return
        self._position_source = source
        source.positionUpdated.connect(self._located)
        source.errorOccurred.connect(lambda *_: self._not_located())
        self._say(self.tr("Plaats zoeken…"))
        source.requestUpdate(15000)

    def _not_located(self) -> None:
        self._say(self.tr("Geen plaats gevonden (geen GPS-ontvangst of geen toestemming)."))

    def _located(self, info) -> None:
        coordinate = info.coordinate()
        try:
            x, y = wgs84_to_rd(coordinate.latitude(), coordinate.longitude())
        except ValueError:
            self._not_located()
            return
        self.view.my_location = (x, y)
        self.view.centre_on(x, y)
        self.view.set_crosshair(True)
        self.place_button.setChecked(True)
        self._say(self.tr("Hier bent u (blauwe stip). Enter zet de gekozen bevinding op het kruisje."))

    # ------------------------------------------------------------------ background
    def load_background(self) -> None:
        """Open the project's tile cache (if any) as the map's background; a missing or
        damaged cache leaves the vector map alone, with one quiet line."""
        if self.tiles is not None:
            self.tiles.close()
        try:
            self.tiles = TileBackground(self.session.project.path)
        except ImportError:  # no tile cache in this build
            self.tiles = None
        self.view.background = self.tiles if self.tiles is not None and self.tiles.usable else None
        self.note.setText(tile_status(self.tiles))
        self.view.update()

    def download_tiles(self) -> QWidget | None:
        """Kaart downloaden voor deze buurt…"""
        ctx = self.session.ctx
        if ctx is None:
            return None
        try:
            from schouw.ui.map_download import MapDownloadDialog

            dialog = MapDownloadDialog(self.session.project, ctx.buurt.name, self.window(), url=self.tile_url)
        except ImportError:  # no tile cache service in this build
            self._say(self.tr("Kaarten downloaden kan in deze versie niet; de kaart werkt zonder "
                                        "achtergrond."))
            return None
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.downloaded.connect(self.load_background)
        dialog.open()
        return dialog
