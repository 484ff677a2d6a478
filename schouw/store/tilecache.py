"""The offline tile cache: an MBTiles file (SQLite) beside the project.

``<project>.tiles.mbtiles`` holds the basemap tiles downloaded for a buurt before going
out. It is a separate file, not part of the project: it can be deleted or rebuilt at
any time, a damaged one never touches the project, and it does not travel in packages.

Layout: the MBTiles ``metadata`` (name/value) and ``tiles`` tables. The grid is RD New
(not web mercator), so ``tile_row`` is the WMTS row counted from the top (metadata
``scheme`` = ``wmts-rd``), and the metadata names the CRS, the tile matrix set, the
source URL and the attribution that must be shown with the map. Every tile is committed
as it arrives (a few per transaction), so a killed download keeps what it had.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from schouw.domain.tiles import ATTRIBUTION, Tile
from schouw.messages import SchouwError

SUFFIX = ".tiles.mbtiles"


def _error_key(path: Path, error: sqlite3.DatabaseError) -> str:
    """Which message fits a failed tile-cache operation: a disk or folder we may not write
    to is not a damaged file (deleting and downloading again would not help there)."""
    text = str(error).lower()
    folder = path.parent if str(path.parent) else Path(".")
    if ("readonly" in text or "read-only" in text or "unable to open" in text
            or (path.exists() and not os.access(path, os.W_OK))
            or (not path.exists() and not os.access(folder, os.W_OK))):
        return "tiles_readonly"
    return "tiles_corrupt"


def cache_path(project_path: Path) -> Path:
    """``/x/wijk.schouw`` -> ``/x/wijk.tiles.mbtiles``."""
    project_path = Path(project_path)
    return project_path.with_name(project_path.stem + SUFFIX)


class TileCache:
    """An open MBTiles tile cache. Raises SchouwError("tiles_corrupt") when the file is
    not a readable MBTiles file, "tiles_readonly" when it (or its folder) cannot be
    written; nothing else is affected."""

    def __init__(self, path: Path, *, create: bool = False) -> None:
        self.path = Path(path)
        if not create and not self.path.exists():
            raise FileNotFoundError(self.path)
        try:
            self.conn = sqlite3.connect(self.path, timeout=5, isolation_level=None, check_same_thread=False)
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")
            self.conn.execute("CREATE TABLE IF NOT EXISTS metadata (name TEXT PRIMARY KEY, value TEXT)")
            self.conn.execute(
                "CREATE TABLE IF NOT EXISTS tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, "
                "tile_data BLOB, PRIMARY KEY (zoom_level, tile_column, tile_row))")
            self.conn.execute("SELECT COUNT(*) FROM tiles").fetchone()
        except sqlite3.DatabaseError as error:
            self._close_quietly()
            raise SchouwError(_error_key(self.path, error), path=str(self.path), detail=str(error)) from None

    def _close_quietly(self) -> None:
        conn = getattr(self, "conn", None)
        if conn is not None:
            conn.close()

    def _guard(self, call):
        try:
            return call()
        except sqlite3.DatabaseError as error:
            raise SchouwError(_error_key(self.path, error), path=str(self.path), detail=str(error)) from None

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> TileCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- metadata ------------------------------------------------------------------
    def set_metadata(self, values: dict[str, str]) -> None:
        def write():
            with self.conn:
                self.conn.execute("BEGIN")
                self.conn.executemany("INSERT OR REPLACE INTO metadata (name, value) VALUES (?, ?)",
                                      list(values.items()))
        self._guard(write)

    def metadata(self) -> dict[str, str]:
        return self._guard(lambda: dict(self.conn.execute("SELECT name, value FROM metadata").fetchall()))

    def zoom_range(self) -> tuple[int, int] | None:
        """The (minzoom, maxzoom) the metadata claims, or None when it names none."""
        meta = self.metadata()
        try:
            return int(meta["minzoom"]), int(meta["maxzoom"])
        except (KeyError, ValueError):
            return None

    def attribution(self) -> str:
        return self.metadata().get("attribution", ATTRIBUTION)

    # -- tiles ---------------------------------------------------------------------
    def has(self, tiles: list[Tile]) -> set[Tile]:
        """Which of ``tiles`` are in the cache (one query per zoom level)."""
        present: set[Tile] = set()
        by_zoom: dict[int, list[Tile]] = {}
        for tile in tiles:
            by_zoom.setdefault(tile.z, []).append(tile)
        for z, chosen in by_zoom.items():
            xs = [t.x for t in chosen]
            ys = [t.y for t in chosen]
            rows = self._guard(lambda z=z, xs=xs, ys=ys: self.conn.execute(
                "SELECT tile_column, tile_row FROM tiles WHERE zoom_level = ? AND tile_column BETWEEN ? AND ? "
                "AND tile_row BETWEEN ? AND ?", (z, min(xs), max(xs), min(ys), max(ys))).fetchall())
            have = {(x, y) for x, y in rows}
            present.update(t for t in chosen if (t.x, t.y) in have)
        return present

    def put_many(self, items: list[tuple[Tile, bytes]]) -> None:
        """Store tiles in one transaction."""
        def write():
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                self.conn.executemany(
                    "INSERT OR REPLACE INTO tiles (zoom_level, tile_column, tile_row, tile_data) VALUES (?, ?, ?, ?)",
                    [(t.z, t.x, t.y, data) for t, data in items])
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")
        self._guard(write)

    def get(self, tile: Tile) -> bytes | None:
        row = self._guard(lambda: self.conn.execute(
            "SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?",
            (tile.z, tile.x, tile.y)).fetchone())
        return bytes(row[0]) if row else None

    def in_bbox(self, bbox: tuple[float, float, float, float], zoom: int) -> list[tuple[Tile, bytes]]:
        """The cached tiles of one zoom level touching an RD box."""
        from schouw.domain.tiles import tile_at

        a = tile_at(bbox[0], bbox[3], zoom)
        b = tile_at(bbox[2], bbox[1], zoom)
        rows = self._guard(lambda: self.conn.execute(
            "SELECT tile_column, tile_row, tile_data FROM tiles WHERE zoom_level = ? AND tile_column BETWEEN ? AND ? "
            "AND tile_row BETWEEN ? AND ?", (zoom, a.x, b.x, a.y, b.y)).fetchall())
        return [(Tile(zoom, x, y), bytes(data)) for x, y, data in rows]

    def stats(self) -> tuple[int, int]:
        """(tiles, bytes of tile data)."""
        count, size = self._guard(lambda: self.conn.execute(
            "SELECT COUNT(*), COALESCE(SUM(LENGTH(tile_data)), 0) FROM tiles").fetchone())
        return int(count), int(size)
