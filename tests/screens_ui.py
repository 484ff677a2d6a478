"""Every screen of the app, opened the way a user opens it: one list for the language
walk (tests/test_ui_language.py), the fitting checks (tests/test_ui_fit.py) and the
screenshot script (docs/screenshots/make.py), so a new screen joins all three at once.

Each opener takes the main window with a round open and returns the widget to look at
(the main window itself, or the dialog shown above it). Openers that need data the
project may lack (a package for the conflicts review) get it through ``extra``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication, QWidget


def settle(rounds: int = 5) -> None:
    app = QApplication.instance()
    for _ in range(rounds):
        app.processEvents()


def _latest_top_level(name: str) -> QWidget:
    """The dialog a menu action just opened (they are non-modal ``open()`` calls)."""
    settle()
    found = [w for w in QApplication.topLevelWidgets() if w.objectName() == name and w.isVisible()]
    assert found, f"no visible {name}"
    return found[-1]


def walk(window, extra: dict[str, Any]) -> QWidget:
    pick_finding(window)
    return window


def search(window, extra: dict[str, Any]) -> QWidget:
    pick_finding(window)
    window.streets.search.setFocus()
    window.streets.search.setText("burg")
    return window


def new_finding(window, extra: dict[str, Any]) -> QWidget:
    """A fresh finding: no photo yet, every field must still be in sight."""
    pick_finding(window)
    window.new_finding()
    settle()
    return window


def start(window, extra: dict[str, Any]) -> QWidget:
    project = window.session.project.path if window.session is not None else None
    if window.session is not None:
        window.close_project()
    window.prefs.recent = [str(project)] if project else []
    window.open_initial(None)
    window._update_state()
    return window


def new_round(window, extra: dict[str, Any]) -> QWidget:
    dialog = window.new_round()
    recent = dialog.team.recent_list
    for row in range(min(4, recent.count())):
        recent.itemActivated.emit(recent.item(row))
    dialog.title_edit.setText("Najaarsschouw Vogelbuurt")
    return dialog


def team(window, extra: dict[str, Any]) -> QWidget:
    window.edit_team()
    return _latest_top_level("teamDialog")


def settings(window, extra: dict[str, Any]) -> QWidget:
    return window.open_settings()


def report(window, extra: dict[str, Any]) -> QWidget:
    window.make_report()
    return _latest_top_level("reportDialog")


def feedback(window, extra: dict[str, Any]) -> QWidget:
    """Ronde → Terugkoppeling voor bewoners…: the report dialog set to the feedback."""
    window.make_feedback()
    return _latest_top_level("reportDialog")


def export(window, extra: dict[str, Any]) -> QWidget:
    window.export_package()
    return _latest_top_level("exportDialog")


def street_import(window, extra: dict[str, Any]) -> QWidget:
    window.import_streets()
    return _latest_top_level("streetImportDialog")


def import_package(window, extra: dict[str, Any]) -> QWidget:
    from schouw.ui.export_dialog import ImportDialog

    window.import_package()
    dialog = _latest_top_level("packageImportDialog")
    assert isinstance(dialog, ImportDialog)
    package = extra.get("package")
    if package is not None:
        dialog.file_edit.setText(str(package))
        dialog.start()
        while dialog.task is not None:
            settle(1)
    return dialog


def conflicts(window, extra: dict[str, Any]) -> QWidget:
    from PySide6.QtWidgets import QTableView

    dialog = import_package(window, extra)
    dialog.close()
    from schouw.ui.export_dialog import ConflictsDialog

    target = ConflictsDialog(window.session.project, window)
    target.show()
    table = target.findChild(QTableView)
    if table.model().rowCount():
        table.selectRow(0)
    return target


def sync(window, extra: dict[str, Any]) -> QWidget:
    window.open_sync()
    return _latest_top_level("syncDialog")


def sync_profile(window, extra: dict[str, Any]) -> QWidget:
    settings_dialog = window.open_settings()
    return settings_dialog.open_profile_editor(new=True)


def shortcuts(window, extra: dict[str, Any]) -> QWidget:
    pick_finding(window)
    window.show_shortcuts()
    return _latest_top_level("shortcutsDialog")


def about(window, extra: dict[str, Any]) -> QWidget:
    window.show_about()
    return _latest_top_level("aboutDialog")


def mask_editor(window, extra: dict[str, Any]) -> QWidget:
    """The privacy-mask editor over a photo with a rectangle and an ellipse drawn (a
    photo is added to the finding first where it has none, as the test projects do)."""
    from PySide6.QtCore import Qt

    from schouw.photos.masks import Mask
    from schouw.services.photos import set_masks

    pick_finding(window)
    editor = window.editor
    if editor.photo_list.count() == 0:
        import tempfile

        from PIL import Image, ImageDraw

        from schouw.services.findings import add_photos

        path = Path(tempfile.mkdtemp(prefix="mask-shot-")) / "straat.jpg"
        image = Image.new("RGB", (1200, 900), (120, 140, 160))
        ImageDraw.Draw(image).rectangle((600, 450, 900, 600), fill=(230, 200, 40))
        image.save(path, quality=85)
        with window.session.project.write():
            add_photos(window.session.project, editor.finding_id, [path])
        editor.load(editor.finding_id)
        settle()
    editor.photo_list.setCurrentRow(0)
    photo_id = editor.photo_list.currentItem().data(Qt.ItemDataRole.UserRole)
    with window.session.project.write():
        set_masks(window.session.project, photo_id,
                  [Mask(0.56, 0.52, 0.16, 0.11), Mask(0.18, 0.14, 0.13, 0.24, "ellipse")])
    target = editor.mask_photo()
    target.canvas.select(1)
    settle()
    return target


def profile(window, extra: dict[str, Any]) -> QWidget:
    """The Kwaliteitsprofiel dialog: the norm per aspect and area type."""
    dialog = window.edit_profile()
    settle()
    return dialog


def actions(window, extra: dict[str, Any]) -> QWidget:
    """The Actiepunten view (Ronde › Actiepunten…): every action of the round, status by hand."""
    dialog = window.show_actions()
    dialog.scope_combo.setCurrentIndex(dialog.scope_combo.findData("project"))
    settle()
    # an action with a history, if there is one (the demo's police and corporation)
    rows = dialog.model.rows
    pick = next((i for i, r in enumerate(rows) if len(r.history) > 2), 0 if rows else None)
    if pick is not None:
        dialog.table.selectRow(pick)
        dialog.table.scrollTo(dialog.model.index(pick, 0), dialog.table.ScrollHint.PositionAtCenter)
        settle()
    return dialog
def herschouw(window, extra: dict[str, Any]) -> QWidget:
    """A herschouw round: the street's *te controleren* points under its findings (the
    demo's Herschouw round; in a project without one, a later round of the open round's
    buurt and form, made as the new-round dialog makes it, carries its open points)."""
    from datetime import timedelta

    from schouw.services import rechecks
    from schouw.services import walk as walk_service

    session = window.session
    rows = session.project.rounds.list()
    later = next((r["id"] for r in rows if r["title"].startswith("Herschouw")), None)
    if later is None:
        ctx = session.ctx
        with session.project.write():
            later = walk_service.start_round(
                session.project, buurt_id=ctx.buurt.id, form_id=ctx.form.id,
                when=ctx.round.date + timedelta(days=42), title="Herschouw").id
    window.open_round(later)
    settle()
    points = rechecks.points(session.project, later)
    open_streets = [p["street_id"] for p in points if p["result"] is None]
    street = max(set(open_streets or [p["street_id"] for p in points]),
                 key=lambda s: (sum(p["street_id"] == s for p in points), s), default="")
    if street:
        window.streets.select_street(street)
        settle()
        window.rechecks.table.setFocus()
    return window


def close_round(window, extra: dict[str, Any]) -> QWidget:
    """Ronde afsluiten…: the points of the previous round not checked yet."""
    window.close_round()
    return _latest_top_level("closeRoundDialog")


def map_view(window, extra: dict[str, Any]) -> QWidget:
    """The walk screen with the map of the round in the middle pane (Ctrl+M)."""
    pick_finding(window)
    window.toggle_map()
    settle(10)
    return window


def map_hotspots(window, extra: dict[str, Any]) -> QWidget:
    """The map of the Bloemenbuurt's 2026 jaarschouw with its hotspots on (issue #19): the
    Rozenstraat corner, below the norm in three rounds."""
    project = window.session.project
    round_id = next((r["id"] for r in project.rounds.list()
                     if r["buurt"] == "Bloemenbuurt" and r["date"].startswith("2026")), None)
    if round_id is not None:  # the demo; another project shows its open round's hotspots
        window.open_round(round_id)
    window.toggle_map()
    settle(5)
    window.map.hotspot_button.click()
    settle(5)
    return window


def publish(window, extra: dict[str, Any]) -> QWidget:
    """Bestand › Publiceren naar gemeente… (issue #21), an address typed in."""
    window.publish_central()
    dialog = _latest_top_level("publishDialog")
    dialog.url_edit.setText("postgresql://schouw@gis.gemeente.nl/beheer")
    return dialog


def map_download(window, extra: dict[str, Any]) -> QWidget:
    """Kaart downloaden voor deze buurt…: the estimate before anything is fetched."""
    map_view(window, extra)
    window.map.download_tiles()
    return _latest_top_level("mapDownloadDialog")


def new_round_meting(window, extra: dict[str, Any]) -> QWidget:
    """Nieuwe ronde… with Soort = Meting: number of points and seed (issue #17)."""
    dialog = window.new_round()
    index = dialog.form_combo.findData("crow-meting")
    if index >= 0:
        dialog.form_combo.setCurrentIndex(index)
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("meting"))
    return dialog


def meting_walk(window, extra: dict[str, Any]) -> QWidget:
    """The walk screen of a meting: schouwpunten, location and judge grid. Opens the
    project's meting (making one of 12 points when it has none); listed last, as it
    leaves that round open."""
    from schouw.services import walk as walk_service
    from schouw.services.rounds import create_round

    project = window.session.project
    metingen = [r for r in walk_service.rounds(project) if r["kind"] == "meting"]
    if metingen:
        round_id = metingen[0]["id"]
    else:
        buurt = window.session.ctx.buurt
        with project.write():
            round_id = create_round(project, buurt=buurt.name, form_id="crow-meting",
                                    when=window.session.ctx.round.date, kind="meting", points=12, seed=1).id
    window.open_round(round_id)
    walk = window.meting_walk
    walk.focus_grid()
    if window.session.ctx.round.closed_at is None:  # the demo's meting is closed: shown as it is
        for key in ("B", "A", "n.v.t.", "C"):
            walk.judge(walk.grid.current, key)
    settle()
    return window


def cycles(window, extra: dict[str, Any]) -> QWidget:
    """Ronde › Trajecten Veilige Buurten… (Ctrl+Shift+T): the Havenkwartier's running
    traject, its priorities and the actions of the one about burglary (issue #19)."""
    dialog = window.show_cycles()
    dialog.buurt_combo.setCurrentIndex(dialog.buurt_combo.findText("Havenkwartier"))
    for row in range(dialog.priorities.rowCount()):
        if dialog.view.priorities[row].actions:
            dialog.priorities.setCurrentCell(row, 0)
    settle()
    return dialog


def overview(window, extra: dict[str, Any]) -> QWidget:
    """The Overzicht (Ronde › Overzicht…, Ctrl+Shift+O): every wijk and buurt of the last
    twelve months with the trend, the hotspots below; the worst hotspot selected."""
    dialog = window.show_overview()
    dialog.wait_loaded()
    settle()
    if dialog.hotspot_proxy.rowCount():
        dialog.hotspot_table.selectRow(0)
    settle()
    return dialog


def verloop(window, extra: dict[str, Any]) -> QWidget:
    """Ronde › Verloop… (issue #17.3): the demo's stratenaanpak in the Havenkwartier, three
    Veilige Buurten-schouwen, streets that got better and worse first."""
    action = next(a for a in window.round_menu.actions() if a.objectName() == "actVerloop")
    action.trigger()
    dialog = _latest_top_level("verloopDialog")
    index = dialog.buurt_combo.findText("Havenkwartier")
    if index >= 0:
        dialog.buurt_combo.setCurrentIndex(index)
    settle()
    return dialog


#: name -> opener; the names are the screenshot files' (``-en`` added for English).
def paper_entry(window, extra: dict[str, Any]) -> QWidget:
    """Invoeren van papier (Ronde › Invoeren van papier…, Ctrl+Shift+K): two lines keyed in,
    the third one with a number that is not on the pack (the message beside the field)."""
    dialog = window.show_paper_entry()
    for line in ("1.3 c 12 losse tegels", "2.15 n", "99.1 b"):
        dialog.line.setText(line)
        dialog.enter()
    settle()
    return dialog


def indicators(window, extra: dict[str, Any]) -> QWidget:
    """The Indicatoren view (Ronde › Indicatoren…, Ctrl+Shift+I): the demo's indicators,
    the one with the most values selected so its chart shows a line."""
    window.actions_by_name["actIndicators"].trigger()
    dialog = _latest_top_level("indicatorsDialog")
    rows = dialog.model.rows
    if rows:
        best = max(rows, key=lambda r: (len(r.values), r.status.latest is not None))
        dialog.select(best.indicator.id)
    settle()
    return dialog


SCREENS: dict[str, Callable[[Any, dict[str, Any]], QWidget]] = {
    "walk": walk,
    "search": search,
    "new-finding": new_finding,
    "start": start,
    "new-round": new_round,
    "team": team,
    "settings": settings,
    "report": report,
    "feedback": feedback,
    "export": export,
    "street-import": street_import,
    "import-package": import_package,
    "conflicts": conflicts,
    "sync": sync,
    "sync-profile": sync_profile,
    "shortcuts": shortcuts,
    "about": about,
    "mask-editor": mask_editor,
    "profile": profile,
    "actions": actions,
    "herschouw": herschouw,
    "close-round": close_round,
    "map": map_view,
    "map-download": map_download,
    "map-hotspots": map_hotspots,
    "publish": publish,
    "paper-entry": paper_entry,
    "cycles": cycles,
    "indicators": indicators,
    "new-round-meting": new_round_meting,
    "overview": overview,
    "meting-walk": meting_walk,
    "verloop": verloop,
}


def pick_finding(window) -> None:
    """A street with findings below the norm and a finding with a photo, if there is one."""
    from schouw.services import walk as walk_service

    session = window.session
    best = None
    for status in window.streets.model.streets():
        rows = walk_service.finding_rows(session.project, session.ctx, status.id)
        if not rows:
            continue
        with_photo = [r for r in rows if r.photo_count and r.below_norm]
        score = (not status.done, bool(with_photo), status.below_norm, status.findings)
        if best is None or score > best[0]:
            best = (score, status.id, (with_photo or rows)[0].id)
    if best is not None:
        window.streets.select_street(best[1])
        window.findings.select_finding(best[2])
        window.findings.table.setFocus()
    settle()


def team_package(project: Path, work: Path) -> Path:
    """A team's laptop started from the same project; both sides then edit the same
    finding: the package the team brings back makes one conflict (and a few updates)."""
    import shutil

    from schouw.services.exchange import export_package
    from schouw.store import open_project

    team = work / "team.schouw"
    shutil.copyfile(project, team)
    with open_project(project, device_id="laptop-coordinator") as coord:
        rounds = coord.rounds.list()
        round_id = next((r["id"] for r in rounds if r["title"].startswith("Jaarschouw")), rounds[0]["id"])
        findings = coord.findings.models(round_id)
        target = next(f for f in findings if f.description)
        coord.findings.update(target.id, description="Coördinator: stoeptegels liggen los, melding gedaan")
    with open_project(team, device_id="laptop-team-2") as laptop:
        laptop.findings.update(target.id, description="Team 2: drie stoeptegels liggen los bij de ingang",
                               level="D")
        for other in findings[5:9]:
            laptop.findings.update(other.id, description=(other.description + " (nagekeken door team 2)").strip())
        return export_package(laptop, round_id, work / "team-2-vogelbuurt.zip").path


def open_round(window, project: Path) -> None:
    window.open_initial(project)
    rounds = window.session.project.rounds.list()
    current = next((r for r in rounds if r["title"].startswith("Jaarschouw")), rounds[0])
    window.open_round(current["id"])
    settle()
