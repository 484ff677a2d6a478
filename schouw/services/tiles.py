"""The offline basemap: downloading the tiles of a buurt before going out, and reading
them back for a map.

``schouw map cache`` and the app's download dialog call :func:`plan_tiles` (the tile
count and a size estimate, shown before anything is fetched) and then
:func:`download_tiles` (with a progress callback and a cancel flag). Tiles come from
the PDOK WMTS over httpx: a few at a time, each with a timeout and a few retries with
back-off; a 404 is not retried. Only real images are stored, each batch committed as it
arrives, so a failed, slow, cancelled or killed download leaves a usable cache of what
arrived and the next run fetches only what is missing.

Nothing here runs during a walk unless the user turned on ``map_online`` in the
settings (:func:`online_allowed`): the map works offline, from the cache or without a
background at all.
"""

from __future__ import annotations

import io
import time
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from schouw import geo, settings
from schouw.domain.mapscene import bbox_of, geojson_lines, geojson_polygons
from schouw.domain.tiles import (
    ATTRIBUTION,
    AVERAGE_TILE_BYTES,
    MAX_ZOOM,
    PDOK_URL,
    Tile,
    count_for_bbox,
    format_zooms,
    resolution,
    tile_url,
    tiles_for_bbox,
)
from schouw.messages import SchouwError, render
from schouw.report.map_drawing import BackgroundTile
from schouw.store.project import Project
from schouw.store.tilecache import TileCache, cache_path

#: At most this many tiles in one download (a buurt at 12-14 is a few hundred).
MAX_TILES = 20_000
#: Margin (metres) around the buurt, so its edge streets are not at the edge of the map.
MARGIN_M = 75.0
SETTING_ONLINE = "map_online"


@dataclass
class TilePlan:
    buurt: str
    bbox: tuple[float, float, float, float]
    zooms: list[int]
    tiles: list[Tile]
    cached: int
    path: Path
    url: str

    @property
    def missing(self) -> int:
        return len(self.tiles) - self.cached

    @property
    def estimate_bytes(self) -> int:
        return self.missing * AVERAGE_TILE_BYTES


@dataclass
class TileDownload:
    path: Path
    wanted: int
    fetched: int = 0
    failed: int = 0
    cancelled: bool = False
    #: Why tiles failed, one short reason per kind ("HTTP 404", "timeout", "not an image").
    reasons: dict[str, int] = field(default_factory=dict)
    total: int = 0
    size: int = 0

    @property
    def reason(self) -> str:
        return ", ".join(f"{k} ×{n}" if n > 1 else k for k, n in sorted(self.reasons.items(), key=lambda kv: -kv[1]))


def human_size(n: int, lang: str | None = None) -> str:
    from schouw.messages import language

    lang = lang or language()
    value, unit = (n / 1e6, "MB") if n >= 1e6 else (n / 1e3, "kB")
    text = f"{value:.1f}"
    return (text.replace(".", ",") if lang == "nl" else text) + " " + unit


def buurt_bbox(project: Project, buurt_name: str) -> tuple[str, tuple[float, float, float, float]]:
    """The RD box around a buurt's boundary (else its streets), with a margin."""
    buurt = project.areas.find_buurt(buurt_name)
    points = [p for polygon in geojson_polygons(buurt.boundary) for ring in polygon for p in ring]
    if not points:
        points = [p for s in project.areas.streets(buurt.id) for line in geojson_lines(s.geometry) for p in line]
    if not points:
        raise SchouwError("tiles_nothing_to_cover", buurt=buurt.name)
    xmin, ymin, xmax, ymax = bbox_of(geo.lonlat_to_rd(points))
    return buurt.name, (xmin - MARGIN_M, ymin - MARGIN_M, xmax + MARGIN_M, ymax + MARGIN_M)


def check_url(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise SchouwError("tiles_bad_url", url=url)
    return url


def plan_tiles(project: Project, buurt: str, zooms: list[int], *, url: str = PDOK_URL) -> TilePlan:
    """What a download of ``buurt`` at ``zooms`` means: the tiles, how many are cached."""
    check_url(url)
    name, bbox = buurt_bbox(project, buurt)
    n = count_for_bbox(bbox, zooms)
    if n > MAX_TILES:
        raise SchouwError("tiles_too_many", n=n, max=MAX_TILES)
    tiles = list(tiles_for_bbox(bbox, zooms))
    path = cache_path(project.path)
    cached = 0
    if path.exists():
        with TileCache(path) as cache:
            cached = len(cache.has(tiles))
    return TilePlan(name, bbox, zooms, tiles, cached, path, url)


def estimate_line(plan: TilePlan) -> str:
    return render("tiles_estimate", n=len(plan.tiles), buurt=plan.buurt, zooms=format_zooms(plan.zooms),
                  size=human_size(plan.estimate_bytes), cached=plan.cached, missing=plan.missing,
                  host=urlsplit(plan.url).netloc)


def _image_ok(data: bytes) -> bool:
    """A real PNG/JPEG (an error page served with status 200 is not a tile)."""
    if not (data.startswith(b"\x89PNG\r\n\x1a\n") or data.startswith(b"\xff\xd8")):
        return False
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as image:
            image.verify()
    except Exception:  # Pillow raises many kinds for a broken file
        return False
    return True


def download_tiles(project: Project, buurt: str, zooms: list[int], *,
                   progress: Callable[[int, int], None] | None = None,
                   cancelled: Callable[[], bool] | None = None,
                   url: str = PDOK_URL, plan: TilePlan | None = None,
                   retries: int = 3, backoff: float = 0.5, timeout: float = 10.0, workers: int = 4,
                   batch: int = 16) -> TileDownload:
    """Fetch the tiles of ``buurt`` at ``zooms`` that the cache lacks. ``progress(done,
    total)`` is called from this thread after each tile; ``cancelled()`` is polled
    between tiles. Never raises for a failed tile: the result counts them and why."""
    import httpx

    plan = plan or plan_tiles(project, buurt, zooms, url=url)
    result = TileDownload(plan.path, plan.missing)
    with TileCache(plan.path, create=True) as cache:
        # The cache holds every zoom downloaded so far: the range is the union, not this run's.
        low, high = min(plan.zooms), max(plan.zooms)
        known = cache.zoom_range()
        if known is not None and known[0] <= known[1]:
            low, high = min(low, known[0]), max(high, known[1])
        cache.set_metadata({
            "name": f"BRT-Achtergrondkaart {plan.buurt}", "format": "png", "type": "baselayer",
            "crs": "EPSG:28992", "tile_matrix_set": "EPSG:28992", "scheme": "wmts-rd",
            "minzoom": str(low), "maxzoom": str(high), "source": plan.url,
            "attribution": ATTRIBUTION,
            "bounds_rd": ",".join(f"{v:.2f}" for v in plan.bbox),
        })
        todo = [t for t in plan.tiles if t not in cache.has(plan.tiles)]
        result.wanted = len(todo)
        if progress is not None:
            progress(0, len(todo))
        pending: list[tuple[Tile, bytes]] = []

        def fetch(client: httpx.Client, tile: Tile) -> tuple[Tile, bytes | None, str]:
            reason = ""
            for attempt in range(retries + 1):
                if cancelled is not None and cancelled():
                    return tile, None, "cancelled"
                try:
                    response = client.get(tile_url(plan.url, tile))
                except httpx.TimeoutException:
                    reason = "timeout"
                except httpx.HTTPError as error:
                    reason = type(error).__name__
                else:
                    if response.status_code == 200:
                        if _image_ok(response.content):
                            return tile, response.content, ""
                        reason = "not an image"
                    else:
                        reason = f"HTTP {response.status_code}"
                        if response.status_code in (400, 403, 404, 410):
                            return tile, None, reason  # will not change by asking again
                if attempt < retries:
                    time.sleep(backoff * (2 ** attempt))
            return tile, None, reason

        done = 0
        limits = httpx.Limits(max_connections=workers, max_keepalive_connections=workers)
        headers = {"User-Agent": "schouw (offline kaart voor de wijkschouw)"}
        with httpx.Client(timeout=httpx.Timeout(timeout, connect=min(timeout, 5.0)), limits=limits,
                          headers=headers, follow_redirects=True) as client, \
                ThreadPoolExecutor(max_workers=workers, thread_name_prefix="tiles") as pool:
            queue = iter(todo)
            running: set[Future] = set()

            def top_up() -> None:
                while len(running) < workers * 2 and not (cancelled is not None and cancelled()):
                    tile = next(queue, None)
                    if tile is None:
                        return
                    running.add(pool.submit(fetch, client, tile))

            top_up()
            while running:
                finished, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in finished:
                    running.discard(future)
                    tile, data, reason = future.result()
                    done += 1
                    if data is not None:
                        pending.append((tile, data))
                        result.fetched += 1
                    elif reason == "cancelled":
                        result.cancelled = True
                    else:
                        result.failed += 1
                        result.reasons[reason] = result.reasons.get(reason, 0) + 1
                    if len(pending) >= batch:
                        cache.put_many(pending)
                        pending = []
                        project.fault_point("tiles-batch-written")  # tests kill the download here
                    if progress is not None:
                        progress(done, len(todo))
                if cancelled is not None and cancelled():
                    result.cancelled = True
                else:
                    top_up()
        if pending:
            cache.put_many(pending)
        result.total, result.size = cache.stats()
    return result


def online_allowed() -> bool:
    """Whether a map view may fetch missing tiles while in use (off by default: a walk
    never uses the network unless the user turned this on)."""
    return bool(settings.load_settings().get(SETTING_ONLINE, False))


def cached_tile(project: Project, tile: Tile) -> bytes | None:
    """A tile from the project's cache; None when absent, or when there is no cache or
    it is damaged (the map then has no background; nothing else is affected)."""
    path = cache_path(project.path)
    if not path.exists():
        return None
    try:
        with TileCache(path) as cache:
            return cache.get(tile)
    except SchouwError:
        return None


@dataclass(frozen=True)
class Background:
    """Cached tiles for a printed map, and what to say about them."""

    tiles: list[BackgroundTile]
    attribution: str = ""
    #: A line for the user when the cache could not be read (damaged file).
    warning: str = ""


def background_for(project: Project, bbox: tuple[float, float, float, float], width_px: float) -> Background:
    """The cached tiles best matching a map of ``bbox`` drawn ``width_px`` wide (the
    finest zoom with every tile of the box present; fewer than 400 tiles)."""
    path = cache_path(project.path)
    if not path.exists():
        return Background([])
    try:
        with TileCache(path) as cache:
            wanted = (bbox[2] - bbox[0]) / max(width_px, 1)
            for z in range(MAX_ZOOM, -1, -1):
                if resolution(z) < wanted / 2:
                    continue
                need = count_for_bbox(bbox, [z])
                if need > 400:
                    continue
                got = cache.in_bbox(bbox, z)
                if got and len(got) == need:
                    return Background([BackgroundTile(data, *tile.bounds()) for tile, data in got],
                                      cache.attribution())
    except SchouwError as error:
        return Background([], warning=error.message())
    return Background([])
