"""The map in the walk screen (issue 18): selection both ways, placing by click and by
keyboard, dragging a marker and undoing it, no location source, changes from the hub."""

from __future__ import annotations

import math

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import QPoint, QPointF, Qt  # noqa: E402

pytest.register_assert_rewrite("conftest_ui")
from conftest_ui import build_project  # noqa: E402

from schouw.geo import rd_to_wgs84, wgs84_to_rd  # noqa: E402

pytest_plugins = ["conftest_ui"]

#: where the test streets lie: around the Amersfoort reference point
X0, Y0 = 155000.0, 463000.0


@pytest.fixture
def located_project(tmp_path):
    """The small test project with every finding placed on a street near Amersfoort."""
    from schouw.store import open_project

    path = tmp_path / "kaart.schouw"
    info = build_project(path)
    with open_project(path) as project, project.write():
        for i, row in enumerate(project.findings.list(info["round"])):
            lat, lon = rd_to_wgs84(X0 + 40 * i, Y0 + 25 * (i % 3))
            project.findings.update(row["id"], lat=lat, lon=lon)
    return path, info


@pytest.fixture
def map_window(app_window, located_project):
    path, info = located_project
    window = app_window(path)
    window.toggle_map()
    assert window.middle.currentWidget() is window.map
    return window, info


def _lat_lon(window, finding_id):
    f = window.session.project.findings.one(finding_id)
    return f.lat, f.lon


def _screen_of(window, finding_id) -> QPoint:
    view = window.map.view
    m = view.marker(finding_id)
    return view.to_screen(m.x, m.y).toPoint()


def test_choosing_a_marker_selects_the_finding_in_list_and_editor(map_window, qtbot):
    window, info = map_window
    view = window.map.view
    assert len(view._markers) == 8 and not view.clustered()
    target = view._markers[5]
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=_screen_of(window, target.finding_id))
    assert window.findings.current_finding_id() == target.finding_id
    assert window.editor.finding_id == target.finding_id
    assert window.streets.current_street_id() == target.street_id
    assert view.selected == target.finding_id


def test_choosing_a_finding_in_the_list_centres_and_highlights_it(map_window, qtbot):
    window, info = map_window
    view = window.map.view
    street = info["streets"]["Kievitstraat"]
    window.streets.select_street(street)
    finding_id = window.findings.model.finding_ids()[1]
    view.centre_on(X0 - 3000, Y0 - 3000)
    window.findings.select_finding(finding_id)
    m = view.marker(finding_id)
    assert view.selected == finding_id
    assert (view.cx, view.cy) == (m.x, m.y)


def test_a_click_on_the_map_places_the_chosen_finding_and_ctrl_z_undoes_it(map_window, qtbot):
    window, info = map_window
    view = window.map.view
    finding_id = view._markers[0].finding_id
    window.reveal(view._markers[0].street_id, finding_id)
    before = _lat_lon(window, finding_id)
    spot = QPoint(30, 30)
    assert view.marker_at(QPointF(spot)) is None
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=spot)
    lat, lon = _lat_lon(window, finding_id)
    x, y = wgs84_to_rd(lat, lon)
    wx, wy = view.to_world(QPointF(spot))
    assert math.hypot(x - wx, y - wy) < 0.05
    m = view.marker(finding_id)
    assert math.hypot(m.x - wx, m.y - wy) < 0.05  # the scene was read again: the marker moved
    window.undo()
    assert _lat_lon(window, finding_id) == pytest.approx(before)
    qtbot.waitUntil(lambda: abs(view.marker(finding_id).x - wgs84_to_rd(*before)[0]) < 0.05, timeout=3000)


def test_placing_without_a_chosen_finding_says_what_to_do(map_window, qtbot):
    window, info = map_window
    window.findings.select_finding("")
    window.map.finding_id = ""
    rows = {r["id"]: (r["lat"], r["lon"]) for r in window.session.project.findings.list(info["round"])}
    qtbot.mouseClick(window.map.view, Qt.MouseButton.LeftButton, pos=QPoint(20, 20))
    assert "Kies eerst een bevinding" in window.map.status.text()
    assert {r["id"]: (r["lat"], r["lon"]) for r in window.session.project.findings.list(info["round"])} == rows


def test_placing_by_keyboard_with_the_crosshair(map_window, qtbot):
    window, info = map_window
    view = window.map.view
    finding_id = view._markers[2].finding_id
    window.reveal(view._markers[2].street_id, finding_id)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_P)
    assert view.crosshair == (view.cx, view.cy)
    start = view.crosshair
    for _ in range(3):
        qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_Up)
    x, y = view.crosshair
    assert x > start[0] and y > start[1]
    qtbot.keyClick(view, Qt.Key.Key_Return)
    lat, lon = _lat_lon(window, finding_id)
    px, py = wgs84_to_rd(lat, lon)
    assert math.hypot(px - x, py - y) < 0.05
    assert window.session.undo_stack.undoText() == "Plaats op de kaart"


def test_plus_and_minus_zoom_the_map_instead_of_setting_a_level(map_window, qtbot):
    window, info = map_window
    view = window.map.view
    finding_id = view._markers[0].finding_id
    window.reveal(view._markers[0].street_id, finding_id)
    level = window.session.project.findings.one(finding_id).level
    view.setFocus()
    res = view.res
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert view.res == pytest.approx(res / 2)
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    assert view.res == pytest.approx(res * 2)
    assert window.session.project.findings.one(finding_id).level == level
    cx = view.cx
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert view.cx < cx
    qtbot.keyClick(view, Qt.Key.Key_0)
    assert view.res == pytest.approx(res)


def test_dragging_a_marker_moves_the_finding_and_ctrl_z_puts_it_back(map_window, qtbot):
    window, info = map_window
    view = window.map.view
    view.zoom_by(2.0)
    target = view._markers[3]
    before = _lat_lon(window, target.finding_id)
    start = _screen_of(window, target.finding_id)
    end = start + QPoint(60, 45)
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=start)
    for k in range(1, 7):
        qtbot.mouseMove(view, start + QPoint(10 * k, int(7.5 * k)))
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=end)
    wx, wy = view.to_world(QPointF(end))
    x, y = wgs84_to_rd(*_lat_lon(window, target.finding_id))
    assert math.hypot(x - wx, y - wy) < 0.05
    assert window.session.undo_stack.undoText() == "Bevinding verplaatst"
    window.undo()
    assert _lat_lon(window, target.finding_id) == pytest.approx(before)
    qtbot.waitUntil(lambda: abs(view.marker(target.finding_id).x - wgs84_to_rd(*before)[0]) < 0.05, timeout=3000)


def test_dragging_the_empty_map_pans_and_changes_nothing(map_window, qtbot):
    window, info = map_window
    view = window.map.view
    rows = {r["id"]: (r["lat"], r["lon"]) for r in window.session.project.findings.list(info["round"])}
    cx, cy = view.cx, view.cy
    start = QPoint(20, view.height() - 40)
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=start)
    for k in range(1, 6):
        qtbot.mouseMove(view, start + QPoint(10 * k, -8 * k))
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=start + QPoint(50, -40))
    assert view.cx == pytest.approx(cx - 50 * view.res)
    assert view.cy == pytest.approx(cy - 40 * view.res)
    assert {r["id"]: (r["lat"], r["lon"]) for r in window.session.project.findings.list(info["round"])} == rows
    assert window.session.undo_stack.count() == 0


def test_my_location_without_a_source_says_so_plainly(map_window, qtbot, monkeypatch):
    from PySide6.QtPositioning import QGeoPositionInfoSource

    window, info = map_window
    monkeypatch.setattr(QGeoPositionInfoSource, "createDefaultSource", staticmethod(lambda parent=None: None))
    qtbot.mouseClick(window.map.locate_button, Qt.MouseButton.LeftButton)
    assert "geen locatiebron" in window.map.status.text()
    assert window.map.view.my_location is None


def test_a_change_from_the_hub_moves_the_marker_without_reopening(map_window, qtbot):
    from schouw.services.changes import Changes

    window, info = map_window
    view = window.map.view
    project = window.session.project
    target = view._markers[4]
    view.zoom_by(2.0)
    res = view.res
    lat, lon = rd_to_wgs84(X0 + 700, Y0 - 300)
    with project.write():
        project.findings.update(target.finding_id, lat=lat, lon=lon)
    window.hub.notify(Changes(findings=True, round_ids=frozenset({info["round"]})))
    qtbot.waitUntil(lambda: view.marker(target.finding_id).x == pytest.approx(X0 + 700, abs=0.05), timeout=3000)
    assert window.session.project is project
    assert view.res == res  # the same round read again: the view stays where the user had it


def test_the_position_use_case_refuses_half_a_position(located_project):
    from schouw.messages import SchouwError
    from schouw.services import walk
    from schouw.store import open_project

    path, info = located_project
    with open_project(path) as project:
        ctx = walk.load_round(project, info["round"])
        finding = project.findings.list(info["round"])[0]
        for bad in ({"lat": 52.1, "lon": None}, {"lat": 95.0, "lon": 5.0}, {"lat": "x", "lon": 5.0},
                    {"lat": float("nan"), "lon": 5.0}):
            with pytest.raises(SchouwError) as caught, project.write():
                walk.edit_finding(project, ctx, finding["id"], bad)
            assert caught.value.key == "map_bad_position"
            again = project.findings.one(finding["id"])
            assert (again.lat, again.lon) == (finding["lat"], finding["lon"])


def test_many_markers_in_view_are_drawn_as_clusters_and_a_click_on_one_zooms_in(qtbot, ui_data):
    from map_scenes import synthetic_scene

    from schouw.ui.map_view import MAX_MARKERS, MapView

    view = MapView()
    qtbot.addWidget(view)
    view.resize(600, 500)
    view.show()
    qtbot.waitExposed(view)
    view.set_scene(synthetic_scene(5000, 500), keep_view=False)
    assert view.clustered()
    clusters = view._clusters.at(view._cluster_band())
    assert sum(c.count for c in clusters) == 5000
    assert 1 < len(clusters) < MAX_MARKERS
    view.repaint()
    # no marker is hit in the cluster view: a click on a cluster zooms in on it
    big = max(clusters, key=lambda c: c.count)
    spot = view.to_screen(big.x, big.y).toPoint()
    assert view.marker_at(QPointF(spot)) is None
    res = view.res
    with qtbot.assertNotEmitted(view.placeRequested):
        qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=spot)
    assert view.res == pytest.approx(res / 4)
    assert (view.cx, view.cy) == pytest.approx((big.x, big.y))
    view.zoom_by(8.0)
    assert not view.clustered()
    view.repaint()
    shown = view._index.in_rect(*view.world_rect())
    assert 0 < len(shown) <= MAX_MARKERS
    m = view._markers[shown[0]]
    with qtbot.waitSignal(view.markerActivated) as chosen:
        qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=view.to_screen(m.x, m.y).toPoint())
    assert chosen.args[0] in {view._markers[i].finding_id for i in shown}


def test_typing_a_description_does_not_read_the_map_again_but_a_new_level_does(map_window, qtbot, monkeypatch):
    import schouw.ui.map_panel as map_panel

    window, info = map_window
    panel = window.map
    target = panel.view._markers[0]
    window.reveal(target.street_id, target.finding_id)
    reads = []
    real = map_panel.load_scene
    monkeypatch.setattr(map_panel, "load_scene", lambda *a: reads.append(1) or real(*a))
    window.session.edit(target.finding_id, {"description": "eerste"}, "tekst")
    qtbot.wait(300)
    first = len(reads)
    assert first == 1  # the first edit of a finding: the map cannot know what changed
    for text in ("tweede", "derde"):
        window.session.edit(target.finding_id, {"description": text}, "tekst")
        qtbot.wait(250)
    assert len(reads) == first
    window.session.edit(target.finding_id, {"level": "D"}, "niveau")
    qtbot.waitUntil(lambda: len(reads) == first + 1, timeout=2000)
    assert panel.view.marker(target.finding_id).level.value == "D"


def test_when_the_user_pauses_the_bands_one_zoom_step_away_are_made(qtbot, ui_data):
    """After a zoom, the settle timer draws the layer with a margin and makes the street
    outlines and clusters of the neighbouring zoom bands, so the next step only draws."""
    from map_scenes import synthetic_scene

    from schouw.domain.mapgrid import band_for
    from schouw.ui.map_layers import STREET_BASE
    from schouw.ui.map_view import MapView

    view = MapView()
    qtbot.addWidget(view)
    view.resize(600, 500)
    view.show()
    qtbot.waitExposed(view)
    view.set_scene(synthetic_scene(5000, 500), keep_view=False)
    view.zoom_by(1.5)
    view.grab()  # one frame
    street_band, cluster_band = band_for(view.res, STREET_BASE), view._cluster_band()
    assert view.clustered()
    assert set(view._layer._bands) == {street_band}
    assert set(view._clusters._bands) <= {cluster_band, cluster_band + 1}  # the fitted view's band
    qtbot.waitUntil(lambda: street_band + 1 in view._layer._bands, timeout=3000)
    assert {street_band - 1, street_band, street_band + 1} <= set(view._layer._bands)
    assert {cluster_band - 1, cluster_band, cluster_band + 1} <= set(view._clusters._bands)
    assert view._layer._image_view[5] == 2  # the margin was drawn too
