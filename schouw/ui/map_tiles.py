"""The optional background under the vector map: tiles from the project's MBTiles cache.

The cache (``<project>.tiles.mbtiles``, engineer mapdata's ``schouw.store.tilecache``)
holds PDOK BRT-Achtergrondkaart tiles in RD New, the map's own coordinates, so a tile
is only scaled, never warped. Nothing here touches the network: a walk uses what was
downloaded before (``Kaart downloaden…``). With no cache, or a damaged one, the map
simply has no background and says so once in a quiet line; the vector map is complete
without it.

Decoded tiles are kept in a small LRU, so a pan or zoom frame only copies images.
"""

from __future__ import annotations

import logging
import math
from collections import OrderedDict
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QRectF
from PySide6.QtGui import QImage, QPainter

from schouw.messages import SchouwError

log = logging.getLogger(__name__)

#: decoded tiles kept in memory (256 × 256 × 4 bytes each: 48 MB at most)
KEEP = 192


class TileBackground:
    """Draws the cached tiles that cover a view; ``warning`` says why there are none."""

    def __init__(self, project_path: Path):
        from schouw.store.tilecache import TileCache, cache_path

        self.path = cache_path(Path(project_path))
        self.cache: Any = None
        self.warning = ""
        self.attribution = ""
        self.zooms: list[int] = []
        self._images: OrderedDict[Any, QImage | None] = OrderedDict()
        if not self.path.exists():
            return
        try:
            self.cache = TileCache(self.path)
            meta = self.cache.metadata()
            self.attribution = self.cache.attribution()
            low, high = int(meta.get("minzoom", 0)), int(meta.get("maxzoom", -1))
            self.zooms = list(range(low, high + 1))
        except (SchouwError, ValueError) as error:
            self.close()
            self.warning = error.message() if isinstance(error, SchouwError) else str(error)
            log.warning("tile cache %s not usable: %s", self.path, self.warning)
        if self.cache is not None and not self.zooms:
            self.close()

    @property
    def usable(self) -> bool:
        return self.cache is not None

    def close(self) -> None:
        if self.cache is not None:
            try:
                self.cache.close()
            except Exception:  # noqa: BLE001 - closing a damaged file must not stop the map
                log.debug("closing the tile cache failed", exc_info=True)
        self.cache = None

    def zoom_for(self, res: float) -> int | None:
        """The cached zoom whose resolution is nearest to ``res`` m/px (not coarser than
        1.5× it when a finer one exists)."""
        from schouw.domain.tiles import resolution

        if not self.zooms:
            return None
        best = min(self.zooms, key=lambda z: abs(math.log2(resolution(z) / res)))
        return best

    def _image(self, tile: Any) -> QImage | None:
        if tile in self._images:
            self._images.move_to_end(tile)
            return self._images[tile]
        image = None
        try:
            data = self.cache.get(tile)
        except SchouwError as error:
            self.warning = error.message()
            self.close()
            return None
        if data:
            image = QImage.fromData(data)
            if image.isNull():
                image = None
        self._images[tile] = image
        if len(self._images) > KEEP:
            self._images.popitem(last=False)
        return image

    def __call__(self, painter: QPainter, view: Any) -> str:
        """Draw the tiles under ``view`` (a MapView); returns the attribution to show."""
        if self.cache is None:
            return ""
        from schouw.domain.tiles import tiles_for_bbox

        zoom = self.zoom_for(view.res)
        if zoom is None:
            return ""
        xmin, ymin, xmax, ymax = view.world_rect()
        drawn = 0
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        for tile in tiles_for_bbox((xmin, ymin, xmax, ymax), [zoom]):
            image = self._image(tile)
            if self.cache is None:
                return ""
            if image is None:
                continue
            bx0, by0, bx1, by1 = tile.bounds()
            top_left, bottom_right = view.to_screen(bx0, by1), view.to_screen(bx1, by0)
            painter.drawImage(QRectF(top_left, bottom_right), image)
            drawn += 1
        return self.attribution if drawn else ""


def tile_status(background: TileBackground | None) -> str:
    """One quiet line about the background for the map's status line."""
    if background is None or (not background.usable and not background.warning):
        return QCoreApplication.translate("MapPanel", "Geen achtergrondkaart: de kaart toont straten en bevindingen.")
    if background.warning:
        return QCoreApplication.translate(
            "MapPanel", "Achtergrondkaart niet te lezen ({reason}); de kaart werkt zonder.").format(
            reason=background.warning)
    return ""
