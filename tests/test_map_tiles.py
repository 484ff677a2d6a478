"""The offline basemap: RD tile maths against known tile numbers, and the MBTiles cache
filled from a local fake WMTS server (http.server on 127.0.0.1, never the network) that
fails on purpose: 404, 500, garbage, a slow answer, a download cancelled halfway."""

from __future__ import annotations

import io
import sqlite3
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from conftest import kill_at_fault, run_main
from map_files import seed_amersfoort
from PIL import Image
from test_exchange_helpers import new_project

from schouw.domain.tiles import (
    EXTENT,
    MAX_ZOOM,
    Tile,
    count_for_bbox,
    parse_zooms,
    resolution,
    tile_at,
    tile_span,
    tiles_for_bbox,
)
from schouw.messages import SchouwError
from schouw.services.tiles import background_for, download_tiles, plan_tiles
from schouw.store import open_project
from schouw.store.tilecache import TileCache, cache_path


# -- tile maths ---------------------------------------------------------------------------
def test_resolutions_halve_from_3440_64_to_0_21():
    assert resolution(0) == 3440.64 and resolution(MAX_ZOOM) == pytest.approx(0.21)
    assert tile_span(0) == pytest.approx(EXTENT[2] - EXTENT[0]) == pytest.approx(EXTENT[3] - EXTENT[1])


def test_known_tile_numbers_around_the_amersfoort_origin():
    # The RD extent is centred on Amersfoort (155000, 463000): at level z that point is
    # the corner of the four middle tiles 2^(z-1)-1 and 2^(z-1).
    assert tile_at(155000, 463000, 0) == Tile(0, 0, 0)
    for z in (1, 5, 12, 14):
        half = 2 ** (z - 1)
        assert tile_at(155000.01, 463000.01, z) == Tile(z, half, half - 1)  # north-east of it
        assert tile_at(154999.99, 462999.99, z) == Tile(z, half - 1, half)  # south-west
    # The corners of the extent.
    assert tile_at(-285401.92, 903401.92, 14) == Tile(14, 0, 0)
    assert tile_at(595401.91, 22598.09, 14) == Tile(14, 2 ** 14 - 1, 2 ** 14 - 1)
    # A tile's bounds hold the point that chose it.
    tile = tile_at(121_000, 487_000, 12)  # Amsterdam
    xmin, ymin, xmax, ymax = tile.bounds()
    assert xmin <= 121_000 < xmax and ymin < 487_000 <= ymax and xmax - xmin == pytest.approx(215.04)
    assert tile == Tile(12, 1889, 1936)  # (121000 + 285401.92) // 215.04, (903401.92 - 487000) // 215.04


def test_tiles_for_a_box_and_their_count_agree():
    bbox = (154_500, 462_600, 155_700, 463_500)
    tiles = list(tiles_for_bbox(bbox, [12, 13, 14]))
    assert len(tiles) == count_for_bbox(bbox, [12, 13, 14]) == len(set(tiles))
    assert {t.z for t in tiles} == {12, 13, 14}
    assert count_for_bbox(bbox, [14]) == 24 * 18  # 1200 x 900 m in 53.76 m tiles, around the corner


def test_parse_zooms():
    assert parse_zooms("12-14") == [12, 13, 14]
    assert parse_zooms("12-16") == [12, 13, 14]  # the RD matrix stops at 14 (0.21 m/px)
    assert parse_zooms("10,12") == [10, 12]
    for bad in ("", "a-b", "14-12", "15-16", "-1", "12-"):
        with pytest.raises(ValueError):
            parse_zooms(bad)


# -- the fake WMTS server ------------------------------------------------------------------
def png(colour=(200, 220, 200)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (256, 256), colour).save(buf, "PNG")
    return buf.getvalue()


class FakeWMTS:
    """Serves /{z}/{x}/{y}.png; ``fail(tile_key) -> mode`` picks how a tile answers:
    "ok", "404", "500", "500-once", "garbage", "slow"."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        self.mode = lambda key, n: "ok"
        self.seen: dict[str, int] = {}
        self.lock = threading.Lock()
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                key = self.path.strip("/").removesuffix(".png")
                with owner.lock:
                    owner.requests.append(key)
                    owner.seen[key] = owner.seen.get(key, 0) + 1
                    n = owner.seen[key]
                mode = owner.mode(key, n)
                if mode == "slow":
                    time.sleep(1.5)
                    mode = "ok"
                if mode == "500-once":
                    mode = "500" if n == 1 else "ok"
                if mode in ("404", "500"):
                    self.send_response(int(mode))
                    self.end_headers()
                    return
                body = b"<html>Service Unavailable</html>" if mode == "garbage" else png()
                self.send_response(200)
                self.send_header("Content-Type", "image/png")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.url = f"http://127.0.0.1:{self.server.server_port}" + "/{z}/{x}/{y}.png"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def server():
    fake = FakeWMTS()
    yield fake
    fake.close()


@pytest.fixture
def project(tmp_path):
    with new_project(tmp_path / "amersfoort.schouw", "dev-kaart") as project:
        seed_amersfoort(project)
        yield project


FAST = {"retries": 2, "backoff": 0.01, "timeout": 0.5}


def test_download_fills_the_cache_and_a_second_run_fetches_nothing(project, server):
    plan = plan_tiles(project, "Binnenstad", [12, 13], url=server.url)
    assert plan.cached == 0 and plan.missing == len(plan.tiles) > 4 and plan.estimate_bytes > 0
    seen: list[tuple[int, int]] = []
    result = download_tiles(project, "Binnenstad", [12, 13], url=server.url, progress=lambda d, t: seen.append((d, t)),
                            **FAST)
    assert result.fetched == len(plan.tiles) and result.failed == 0
    assert seen[0] == (0, len(plan.tiles)) and seen[-1] == (len(plan.tiles), len(plan.tiles))
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    path = cache_path(project.path)
    assert path.name == "amersfoort.tiles.mbtiles" and path.parent == project.path.parent
    with TileCache(path) as cache:
        meta = cache.metadata()
        assert meta["crs"] == "EPSG:28992" and "Kadaster" in meta["attribution"] and "CC BY 4.0" in meta["attribution"]
        assert cache.stats()[0] == len(plan.tiles)
    server.requests.clear()
    again = download_tiles(project, "Binnenstad", [12, 13], url=server.url, **FAST)
    assert again.fetched == 0 and again.wanted == 0 and server.requests == []


def test_failures_leave_what_arrived_and_the_next_run_fetches_only_the_rest(project, server):
    plan = plan_tiles(project, "Binnenstad", [13, 14], url=server.url)
    keys = [f"{t.z}/{t.x}/{t.y}" for t in plan.tiles]
    bad = {keys[0]: "404", keys[1]: "500", keys[2]: "garbage", keys[3]: "slow", keys[4]: "500-once"}
    server.mode = lambda key, n: bad.get(key, "ok")
    result = download_tiles(project, "Binnenstad", [13, 14], url=server.url, workers=3, **FAST)
    assert result.failed == 4 and result.fetched == len(keys) - 4  # 500-once came through on its retry
    assert {"HTTP 404", "HTTP 500", "not an image", "timeout"} == set(result.reasons)
    assert server.seen[keys[0]] == 1  # a 404 is not asked again
    assert server.seen[keys[1]] == 3  # a 500 is: first try and two retries
    with TileCache(cache_path(project.path)) as cache:
        assert cache.stats()[0] == len(keys) - 4
        assert cache.get(plan.tiles[2]) is None  # garbage is never stored
    server.mode = lambda key, n: "ok"
    server.requests.clear()
    again = download_tiles(project, "Binnenstad", [13, 14], url=server.url, **FAST)
    assert sorted(server.requests) == sorted(keys[:4]) and again.fetched == 4 and again.failed == 0


def test_cancel_halfway_keeps_a_usable_cache(project, server):
    plan = plan_tiles(project, "Binnenstad", [14], url=server.url)
    state = {"done": 0}

    def progress(done, total):
        state["done"] = done

    result = download_tiles(project, "Binnenstad", [14], url=server.url, progress=progress,
                            cancelled=lambda: state["done"] >= 10, workers=1, batch=4, **FAST)
    assert result.cancelled and 10 <= result.fetched < len(plan.tiles)
    with TileCache(cache_path(project.path)) as cache:
        assert cache.stats()[0] == result.fetched
    rest = download_tiles(project, "Binnenstad", [14], url=server.url, **FAST)
    assert rest.fetched == len(plan.tiles) - result.fetched


def test_cli_asks_first_and_downloads_only_with_yes(project, server, capsys):
    path = project.path
    project.close()
    code, out, err = run_main(capsys, "--db", str(path), "map", "cache", "--buurt", "Binnenstad", "--zoom", "12-16",
                              "--url", server.url)
    assert code == 2 and "tegels voor buurt Binnenstad op zoomniveau 12-14" in out and "--yes" in err
    assert server.requests == [] and not cache_path(path).exists()
    code, out, err = run_main(capsys, "--db", str(path), "map", "cache", "--buurt", "Binnenstad", "--zoom", "12-13",
                              "--url", server.url, "--yes")
    assert code == 0, err
    assert "tegels opgehaald" in out and "CC BY 4.0" in out


def test_cli_unreachable_server_says_map_not_available(project, capsys):
    path = project.path
    project.close()
    code, out, err = run_main(capsys, "--db", str(path), "map", "cache", "--buurt", "Binnenstad", "--zoom", "8",
                              "--url", "http://127.0.0.1:9/{z}/{x}/{y}.png", "--yes")  # one tile, retried
    assert code == 2 and "Kaart niet beschikbaar" in out and "ConnectError" in out
    assert not TileCache(cache_path(path)).stats()[0]


def test_cli_bad_zoom_and_url(project, capsys):
    path = project.path
    project.close()
    for args, word in ((["--buurt", "Binnenstad", "--zoom", "20"], "zoomniveaus"),
                       (["--buurt", "Binnenstad", "--zoom", "12", "--url", "ftp://x/{z}"], "tegeladres"),
                       (["--zoom", "12"], "--buurt"), (["--buurt", "Nergenshuizen"], "Nergenshuizen")):
        code, _, err = run_main(capsys, "--db", str(path), "map", "cache", *args, "--yes")
        assert code == 2 and word in err and len(err.strip().splitlines()) == 1


def test_corrupt_cache_is_a_clear_message_and_the_vector_map_still_works(project, server, tmp_path, capsys):
    path = project.path
    round_id = _round_with_finding(project)
    project.close()
    cache_path(path).write_bytes(b"dit is geen sqlite-bestand" * 100)
    with open_project(path, readonly=True) as p, pytest.raises(SchouwError) as error:
        plan_tiles(p, "Binnenstad", [12], url=server.url)
    assert error.value.key == "tiles_corrupt"
    code, _, err = run_main(capsys, "--db", str(path), "map", "cache", "--buurt", "Binnenstad", "--zoom", "12",
                            "--url", server.url, "--yes")
    assert code == 2 and "beschadigd" in err and len(err.strip().splitlines()) == 1
    out_png = tmp_path / "kaart.png"
    code, out, err = run_main(capsys, "--db", str(path), "map", round_id, "--out", str(out_png), "--width", "600")
    assert code == 0 and out_png.exists() and "beschadigd" in err  # told, and drawn without background
    with Image.open(out_png) as image:
        assert image.width == 600


def test_background_for_a_printed_map_uses_a_complete_zoom(project, server):
    download_tiles(project, "Binnenstad", [12, 13], url=server.url, **FAST)
    from schouw.services.tiles import buurt_bbox

    _, bbox = buurt_bbox(project, "Binnenstad")
    background = background_for(project, bbox, 800)
    assert background.tiles and "Kadaster" in background.attribution
    assert all(isinstance(t.data, bytes) for t in background.tiles)
    assert len({(t.xmax - t.xmin) for t in background.tiles}) == 1  # one zoom level


def test_cache_file_is_beside_the_project_and_not_a_project(project):
    assert cache_path(project.path).suffixes == [".tiles", ".mbtiles"]
    with sqlite3.connect(project.path) as conn:
        assert not conn.execute("SELECT name FROM sqlite_master WHERE name = 'tiles'").fetchall()


def _round_with_finding(project) -> str:
    from schouw.domain.models import Finding
    from schouw.services.rounds import create_round

    round_ = create_round(project, buurt="Binnenstad", form_id="crow-beeldkwaliteit", when="2026-10-13")
    street = project.areas.streets(round_.buurt_id)[0]
    project.findings.add(Finding(round_id=round_.id, street_id=street.id, element="asfalt", aspect="onkruid",
                                 level="C", lat=52.1552, lon=5.3872))
    return round_.id


def test_a_killed_download_leaves_a_usable_cache_and_the_next_run_fetches_the_rest(project, server, tmp_path):
    path = project.path
    total = len(plan_tiles(project, "Binnenstad", [14], url=server.url).tiles)
    project.close()
    kill_at_fault([sys.executable, "-m", "schouw", "--db", str(path), "map", "cache", "--buurt", "Binnenstad",
                   "--zoom", "14", "--url", server.url, "--yes"], "tiles-batch-written", tmp_path)
    with TileCache(cache_path(path)) as cache:
        kept = cache.stats()[0]
    assert 16 <= kept < total  # the first batch of 16 was committed before the kill
    server.requests.clear()
    with open_project(path) as reopened:
        rest = download_tiles(reopened, "Binnenstad", [14], url=server.url, **FAST)
    assert rest.fetched == total - kept and len(server.requests) == total - kept


def test_a_walk_never_fetches_unless_turned_on(project, server):
    from schouw import settings
    from schouw.services.tiles import SETTING_ONLINE, cached_tile, online_allowed

    assert online_allowed() is False  # the default: offline
    tile = tile_at(155000.01, 463000.01, 12)
    assert cached_tile(project, tile) is None and server.requests == []  # no cache: nothing, and no network
    settings.save_settings({**settings.load_settings(), SETTING_ONLINE: True})
    assert online_allowed() is True
    download_tiles(project, "Binnenstad", [12], url=server.url, **FAST)
    assert cached_tile(project, tile) == png()


def test_the_cache_zoom_range_is_the_union_of_all_downloads(project, server):
    """Issue #18: a second download at another zoom must not shrink the range the map reads."""
    download_tiles(project, "Binnenstad", [13], url=server.url, **FAST)
    download_tiles(project, "Binnenstad", [12], url=server.url, **FAST)
    with TileCache(cache_path(project.path)) as cache:
        assert cache.zoom_range() == (12, 13)
    download_tiles(project, "Binnenstad", [12], url=server.url, **FAST)
    with TileCache(cache_path(project.path)) as cache:
        meta = cache.metadata()
        assert (meta["minzoom"], meta["maxzoom"]) == ("12", "13")


def _read_only_sqlite(monkeypatch) -> None:
    """Open every tile cache the way SQLite opens a file on a read-only disk (the tests run
    as root, for whom chmod does not stop writes): writes fail with SQLite's own error."""
    real_connect = sqlite3.connect

    def connect(path, *args, **kwargs):
        if str(path).endswith(".tiles.mbtiles"):  # only the tile cache; the project opens as before
            return real_connect(f"file:{path}?mode=ro", *args, uri=True, **kwargs)
        return real_connect(path, *args, **kwargs)

    monkeypatch.setattr("schouw.store.tilecache.sqlite3.connect", connect)


def test_a_read_only_disk_says_cannot_write_not_damaged(project, server, monkeypatch, capsys):
    download_tiles(project, "Binnenstad", [12], url=server.url, **FAST)
    path = project.path
    project.close()
    _read_only_sqlite(monkeypatch)
    with open_project(path, readonly=True) as p, pytest.raises(SchouwError) as error:
        download_tiles(p, "Binnenstad", [12, 13], url=server.url, **FAST)
    assert error.value.key == "tiles_readonly"
    assert "alleen-lezen" in error.value.message("nl") and "beschadigd" not in error.value.message("nl")
    assert "read-only" in error.value.message("en") and "damaged" not in error.value.message("en")
    code, _, err = run_main(capsys, "--db", str(path), "map", "cache", "--buurt", "Binnenstad", "--zoom", "12,13",
                            "--url", server.url, "--yes")
    assert code == 2 and "alleen-lezen" in err and "beschadigd" not in err and len(err.strip().splitlines()) == 1
    monkeypatch.undo()
    with TileCache(cache_path(path)) as cache:  # nothing written, nothing lost
        assert cache.zoom_range() == (12, 12) and cache.stats()[0] > 0
