"""Level of detail and hit tests for a map of many markers, in plain Python.

A round can hold 50,000 findings; drawing each as a marker when the whole buurt is in
view is slow and unreadable. So the map draws *clusters* when zoomed out: markers are
grouped by a square grid whose cell is a fixed number of screen pixels. The grid is
aligned on the origin and its cell doubles from one zoom band to the next, so a cell of
band ``b + 1`` holds exactly four cells of band ``b``: each band is computed once, from
the band below it (a few thousand clusters, not 50,000 markers), and kept.

:class:`GridIndex` answers "which markers are near this point / inside this rectangle"
without looking at every marker: a click, a drag and the culling of a frame are
spatial queries. Coordinates are metres (RD New), but nothing here depends on that.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field


@dataclass
class Cluster:
    """Markers drawn as one: their mean position, how many, how many below norm, and
    their indexes in the list the clustering was given."""

    x: float
    y: float
    count: int
    below: int
    members: list[int] = field(default_factory=list)
    #: the grid cell (column, row) the cluster is in at its own band
    key: tuple[int, int] = (0, 0)


def band_for(metres_per_pixel: float, base: float) -> int:
    """The zoom band of a resolution: band ``b`` covers resolutions up to ``base * 2**b``.
    Band 0 is the finest; resolutions below ``base`` share it."""
    if metres_per_pixel <= base:
        return 0
    return math.ceil(math.log2(metres_per_pixel / base) - 1e-9)


def grid_clusters(points: Sequence[tuple[float, float, bool]], cell: float) -> list[Cluster]:
    """Group ``(x, y, below)`` points by an origin-aligned grid of ``cell`` metres."""
    cells: dict[tuple[int, int], Cluster] = {}
    for i, (x, y, below) in enumerate(points):
        key = (math.floor(x / cell), math.floor(y / cell))
        c = cells.get(key)
        if c is None:
            cells[key] = Cluster(x, y, 1, int(bool(below)), [i], key)
        else:
            n = c.count
            c.x = (c.x * n + x) / (n + 1)
            c.y = (c.y * n + y) / (n + 1)
            c.count = n + 1
            c.below += int(bool(below))
            c.members.append(i)
    return list(cells.values())


def merge_clusters(clusters: Iterable[Cluster]) -> list[Cluster]:
    """Clusters of the grid with twice the cell from the clusters of a finer grid.

    Exact, not an approximation: the finer grid's cells nest in the coarser one's (cell
    (i, j) lies in (i // 2, j // 2)), so the members and counts are those
    :func:`grid_clusters` gives with the doubled cell, and the mean of the children's
    means weighted by their counts is the mean of their members."""
    cells: dict[tuple[int, int], Cluster] = {}
    for child in clusters:
        key = (child.key[0] // 2, child.key[1] // 2)
        c = cells.get(key)
        if c is None:
            cells[key] = Cluster(child.x, child.y, child.count, child.below, list(child.members), key)
        else:
            n = c.count + child.count
            c.x = (c.x * c.count + child.x * child.count) / n
            c.y = (c.y * c.count + child.y * child.count) / n
            c.count = n
            c.below += child.below
            c.members.extend(child.members)
    return list(cells.values())


class ClusterBands:
    """The clusters of every zoom band, each computed once when first asked for.

    ``base`` is the cell size in metres of band 0 (``pixels * finest resolution``)."""

    def __init__(self, points: Sequence[tuple[float, float, bool]], base: float):
        self.points = points
        self.base = base
        self._bands: dict[int, list[Cluster]] = {}

    def cell(self, band: int) -> float:
        return self.base * (2 ** band)

    def at(self, band: int) -> list[Cluster]:
        """The clusters of ``band``: merged up from the nearest finer band already made,
        or (none made yet) one pass over the points."""
        band = max(0, band)
        if band not in self._bands:
            finer = [b for b in self._bands if b < band]
            if finer:  # band - 1 is made from there down, a few merges at most
                self._bands[band] = merge_clusters(self.at(band - 1))
            else:
                self._bands[band] = grid_clusters(self.points, self.cell(band))
        return self._bands[band]


class GridIndex:
    """A bucket grid over points for rectangle and nearest-point queries.

    ``cell`` should be about the size of a typical query (a screen of markers at street
    level); the index is rebuilt when the markers change, which costs one pass."""

    def __init__(self, points: Sequence[tuple[float, float]], cell: float):
        self.cell = cell
        self.points = points
        self.buckets: dict[tuple[int, int], list[int]] = {}
        for i, (x, y) in enumerate(points):
            self.buckets.setdefault((math.floor(x / cell), math.floor(y / cell)), []).append(i)

    def _keys(self, xmin: float, ymin: float, xmax: float, ymax: float):
        c = self.cell
        i0, i1 = math.floor(xmin / c), math.floor(xmax / c)
        j0, j1 = math.floor(ymin / c), math.floor(ymax / c)
        if (i1 - i0 + 1) * (j1 - j0 + 1) > len(self.buckets):
            # a view wider than the data: walk the buckets instead of the empty cells
            for (i, j) in self.buckets:
                if i0 <= i <= i1 and j0 <= j <= j1:
                    yield (i, j)
            return
        for i in range(i0, i1 + 1):
            for j in range(j0, j1 + 1):
                if (i, j) in self.buckets:
                    yield (i, j)

    def count_in(self, xmin: float, ymin: float, xmax: float, ymax: float) -> int:
        """Roughly how many points lie in the rectangle (whole buckets that touch it)."""
        return sum(len(self.buckets[k]) for k in self._keys(xmin, ymin, xmax, ymax))

    def in_rect(self, xmin: float, ymin: float, xmax: float, ymax: float) -> list[int]:
        out = []
        pts = self.points
        for k in self._keys(xmin, ymin, xmax, ymax):
            for i in self.buckets[k]:
                x, y = pts[i]
                if xmin <= x <= xmax and ymin <= y <= ymax:
                    out.append(i)
        return out

    def nearest(self, x: float, y: float, radius: float) -> int | None:
        """The index of the point nearest to (x, y) within ``radius``, or None."""
        best, best_d = None, radius * radius
        pts = self.points
        for i in self.in_rect(x - radius, y - radius, x + radius, y + radius):
            px, py = pts[i]
            d = (px - x) ** 2 + (py - y) ** 2
            if d <= best_d:
                best, best_d = i, d
        return best
