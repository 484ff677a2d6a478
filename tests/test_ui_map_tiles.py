"""The map's background (issue 18): tiles drawn from a small MBTiles cache made here,
the vector map alone when the cache is missing or damaged, and the download dialog
against a local fake WMTS server (never the network)."""

from __future__ import annotations

import io
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import QPoint, Qt  # noqa: E402

pytest.register_assert_rewrite("conftest_ui")
from conftest_ui import build_project  # noqa: E402

from schouw.geo import rd_to_wgs84  # noqa: E402

pytest_plugins = ["conftest_ui"]

X0, Y0 = 155000.0, 463000.0
TILE_RGB = (201, 31, 177)  # a colour the vector map never uses


def png(rgb=TILE_RGB) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (256, 256), rgb).save(out, "PNG")
    return out.getvalue()


@pytest.fixture
def mapped_project(tmp_path):
    """The small test project: findings placed near Amersfoort, a buurt boundary."""
    from schouw.store import open_project

    path = tmp_path / "tegels.schouw"
    info = build_project(path)
    ring = [rd_to_wgs84(x, y)[::-1] for x, y in ((X0 - 200, Y0 - 200), (X0 + 500, Y0 - 200), (X0 + 500, Y0 + 300),
                                                   (X0 - 200, Y0 + 300), (X0 - 200, Y0 - 200))]
    with open_project(path) as project, project.write():
        for i, row in enumerate(project.findings.list(info["round"])):
            lat, lon = rd_to_wgs84(X0 + 40 * i, Y0 + 25 * (i % 3))
            project.findings.update(row["id"], lat=lat, lon=lon)
        project.areas.set_boundaries({info["buurt"]: {"type": "Polygon", "coordinates": [ring]}})
    return path, info


def make_cache(project_path, zooms=(12, 13, 14)) -> int:
    from schouw.domain.tiles import tiles_for_bbox
    from schouw.store.tilecache import TileCache, cache_path

    tiles = list(tiles_for_bbox((X0 - 1500, Y0 - 1500, X0 + 2000, Y0 + 1500), zooms))
    with TileCache(cache_path(project_path), create=True) as cache:
        cache.set_metadata({"minzoom": str(min(zooms)), "maxzoom": str(max(zooms)),
                            "attribution": "Testkaart © Kadaster / PDOK, CC BY 4.0"})
        cache.put_many([(t, png()) for t in tiles])
    return len(tiles)


def open_map(app_window, path):
    window = app_window(path)
    window.toggle_map()
    return window


def colour_at(view, point: QPoint) -> tuple[int, int, int]:
    image = view.grab().toImage()
    c = image.pixelColor(point)
    return c.red(), c.green(), c.blue()


def empty_spot(view) -> QPoint:
    """A point of the view with nothing drawn on it but the background."""
    for y in range(40, view.height() - 40, 7):
        for x in range(40, view.width() - 40, 7):
            p = QPoint(x, y)
            if view.marker_at(p.toPointF()) is None:
                wx, wy = view.to_world(p.toPointF())
                if all(abs(wx - m.x) > 30 * view.res or abs(wy - m.y) > 30 * view.res for m in view._markers):
                    return p
    raise AssertionError("no empty spot")


def test_cached_tiles_are_drawn_under_the_vector_map_with_attribution(app_window, mapped_project, qtbot):
    path, info = mapped_project
    make_cache(path)
    window = open_map(app_window, path)
    panel = window.map
    view = panel.view
    assert panel.tiles is not None and panel.tiles.usable
    assert view.background is panel.tiles
    assert panel.note.text() == ""
    spot = empty_spot(view)
    r, g, b = colour_at(view, spot)
    # the tile colour shows through (under the pale buurt fill)
    assert abs(r - TILE_RGB[0]) < 30 and abs(g - TILE_RGB[1]) < 30 and abs(b - TILE_RGB[2]) < 30, (r, g, b)
    from PySide6.QtGui import QImage, QPainter

    image = QImage(view.size(), QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    assert panel.tiles(painter, view) == "Testkaart © Kadaster / PDOK, CC BY 4.0"
    painter.end()
    # the markers stay on top: a marker's centre is not the tile colour
    m = view._markers[0]
    centre = view.to_screen(m.x, m.y).toPoint()
    assert colour_at(view, centre) != colour_at(view, spot)


def test_without_a_cache_the_vector_map_works_and_says_so_once(app_window, mapped_project, qtbot):
    path, info = mapped_project
    window = open_map(app_window, path)
    panel = window.map
    assert panel.view.background is None
    assert "Geen achtergrondkaart" in panel.note.text()
    assert len(panel.view._markers) == 8
    assert colour_at(panel.view, empty_spot(panel.view)) != TILE_RGB


def test_a_damaged_cache_leaves_the_vector_map_fully_usable(app_window, mapped_project, qtbot):
    from schouw.store.tilecache import cache_path

    path, info = mapped_project
    cache_path(path).write_bytes(b"this is not an mbtiles file at all " * 200)
    before = path.read_bytes()
    window = open_map(app_window, path)
    panel = window.map
    view = panel.view
    assert view.background is None
    assert "niet te lezen" in panel.note.text()
    assert "\n" not in panel.note.text()
    # placing still works
    target = view._markers[1]
    window.reveal(target.street_id, target.finding_id)
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=QPoint(25, 25))
    assert window.session.undo_stack.undoText() == "Plaats op de kaart"
    window.undo()
    assert cache_path(path).read_bytes().startswith(b"this is not an mbtiles file")
    del before


class _Tiles(BaseHTTPRequestHandler):
    fail_every = 0
    served = 0
    delay = 0.0

    def do_GET(self):  # noqa: N802 - http.server's name
        type(self).served += 1
        if self.delay:
            time.sleep(self.delay)
        z, x, y = (int(part) for part in self.path.rsplit(".", 1)[0].split("/")[-3:])
        if self.fail_every and (x + y) % self.fail_every == 0:  # always the same tiles: a gap in the server
            self.send_response(404)
            self.end_headers()
            return
        body = png((40, 160, 90))
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def fake_wmts():
    _Tiles.served = 0
    _Tiles.fail_every = 0
    _Tiles.delay = 0.0
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Tiles)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/wmts/{{z}}/{{x}}/{{y}}.png", _Tiles
    server.shutdown()
    server.server_close()


def download_dialog(app_window, path, url, zoom_from: int, zoom_to: int):
    """The map's download dialog for the project at ``path``, pointed at the fake
    server ``url``, with a zoom range chosen and nothing fetched yet; and the map panel."""
    window = open_map(app_window, path)
    window.map.tile_url = url
    dialog = window.map.download_tiles()
    assert dialog is not None
    dialog.zoom_from.setValue(zoom_from)
    dialog.zoom_to.setValue(zoom_to)
    return window.map, dialog


def test_the_download_dialog_estimates_downloads_with_progress_and_the_map_shows_the_tiles(
        app_window, mapped_project, fake_wmts, qtbot):
    from schouw.store.tilecache import TileCache, cache_path

    url, handler = fake_wmts
    path, info = mapped_project
    panel, dialog = download_dialog(app_window, path, url, 11, 12)
    assert dialog.objectName() == "mapDownloadDialog"
    estimate = dialog.estimate.text()
    assert dialog.plan is not None and dialog.plan.missing > 0
    assert str(len(dialog.plan.tiles)) in estimate and "Vogelbuurt" in estimate
    assert handler.served == 0  # nothing fetched before the user asks
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.task is None, timeout=30000)
    wanted = len(dialog.plan.tiles)
    assert dialog.progress.maximum() == wanted and dialog.progress.value() == wanted
    assert "Klaar" in dialog.result.text()
    with TileCache(cache_path(path)) as cache:
        assert cache.stats()[0] == wanted
    assert panel.view.background is panel.tiles and panel.tiles.usable
    assert dialog.plan.missing == 0 and not dialog.start_button.isEnabled()
    dialog.close()


def test_a_download_with_failures_keeps_what_arrived_and_says_so(app_window, mapped_project, fake_wmts, qtbot):
    from schouw.store.tilecache import TileCache, cache_path

    url, handler = fake_wmts
    handler.fail_every = 3
    path, info = mapped_project
    _, dialog = download_dialog(app_window, path, url, 12, 12)
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.task is None, timeout=60000)
    text = dialog.result.text()
    assert "mislukt" in text and "HTTP 404" in text
    with TileCache(cache_path(path)) as cache:
        stored = cache.stats()[0]
    assert 0 < stored < len(dialog.plan.tiles)
    assert dialog.plan.missing == len(dialog.plan.tiles) - stored
    dialog.close()


def test_stopping_a_download_keeps_the_tiles_that_arrived(app_window, mapped_project, fake_wmts, qtbot):
    from schouw.store.tilecache import TileCache, cache_path

    url, handler = fake_wmts
    handler.delay = 0.15
    path, info = mapped_project
    _, dialog = download_dialog(app_window, path, url, 13, 14)
    wanted = len(dialog.plan.tiles)
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.progress.value() >= 3, timeout=30000)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.task is None, timeout=30000)
    assert "Gestopt" in dialog.result.text()
    with TileCache(cache_path(path)) as cache:
        stored = cache.stats()[0]
    assert 3 <= stored < wanted
    assert dialog.plan.missing == wanted - stored and dialog.start_button.isEnabled()
    dialog.close()
