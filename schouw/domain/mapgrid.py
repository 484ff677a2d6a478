"""Level of detail and hit tests for a map of many markers, in plain Python.

A round can hold 50,000 findings; drawing each as a marker when the whole buurt is in
view is slow and unreadable. So the map draws *clusters* when zoomed out: markers are
grouped by a square grid whose cell is a fixed number of screen pixels. The grid is
aligned on the origin and its cell doubles from one zoom band to the next; each band is
computed once, when first shown, and kept.

:class:`GridIndex` answers "which markers are near this point / inside this rectangle"
without looking at every marker: a click, a drag and the culling of a frame are
spatial queries. Coordinates are metres (RD New), but nothing here depends on that.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
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


class ClusterBands:
    """The clusters of every zoom band, each computed once when first asked for.

    ``base`` is the cell size in metres of band 0 (``pixels * finest resolution``).

    Why numpy here: the first zoom into a band used to group all markers in Python (or
    merge a finer band's clusters, copying their member lists): 50-170 ms at 50,000
    markers, over the 50 ms a frame may take (docs/bench-ui.md). Grouping with
    ``numpy.unique`` and ``bincount`` makes any band in a few milliseconds, straight from
    the points, so no band depends on another being made first. The result is the same
    as grouping the points one by one with that band's cell (tests/test_map_grid.py)."""

    def __init__(self, points: Sequence[tuple[float, float, bool]], base: float):
        self.points = points
        self.base = base
        self._bands: dict[int, list[Cluster]] = {}
        self._arrays: tuple | None = None

    def cell(self, band: int) -> float:
        return self.base * (2 ** band)

    def _columns(self) -> tuple:
        """x, y and below as numpy columns, made once (numpy imported on first use: the
        walk screen starts without it, docs/bench-startup.md)."""
        if self._arrays is None:
            import numpy as np

            table = np.asarray(self.points, dtype=float).reshape(-1, 3)
            self._arrays = (table[:, 0].copy(), table[:, 1].copy(), table[:, 2] != 0)
        return self._arrays

    def at(self, band: int) -> list[Cluster]:
        """The clusters of ``band``."""
        band = max(0, band)
        if band not in self._bands:
            self._bands[band] = self._make(self.cell(band))
        return self._bands[band]

    def _make(self, cell: float) -> list[Cluster]:
        import numpy as np

        xs, ys, below = self._columns()
        if not len(xs):
            return []
        kx = np.floor(xs / cell).astype(np.int64)
        ky = np.floor(ys / cell).astype(np.int64)
        kx0, ky0 = int(kx.min()), int(ky.min())
        height = int(ky.max()) - ky0 + 1
        keys = (kx - kx0) * height + (ky - ky0)
        order = np.argsort(keys, kind="stable")  # one sort: the cells and their members, in point order
        sorted_keys = keys[order]
        starts = np.flatnonzero(np.concatenate(([True], sorted_keys[1:] != sorted_keys[:-1])))
        ends = np.concatenate((starts[1:], [len(keys)]))
        sum_x = np.add.reduceat(xs[order], starts)
        sum_y = np.add.reduceat(ys[order], starts)
        n_below = np.add.reduceat(below[order].astype(np.int64), starts)
        members = order.tolist()
        clusters = []
        for key, start, end, sx, sy, nb in zip(sorted_keys[starts].tolist(), starts.tolist(), ends.tolist(),
                                               sum_x.tolist(), sum_y.tolist(), n_below.tolist(), strict=True):
            n = end - start
            clusters.append(Cluster(sx / n, sy / n, n, nb, members[start:end], (key // height + kx0, key % height + ky0)))
        return clusters


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
