"""Privacy masks: rectangles and ellipses over faces, number plates and house numbers.

A mask is burnt into every copy that leaves the editable master (thumbnail, report copy,
export): the pixels are replaced by one flat dark colour. Pixelation or blur keeps some
of the original signal and can be undone in part; a flat fill keeps nothing. Rectangles
are fractions of the upright image so one mask fits the master and every smaller copy,
and they are rounded outwards so no sliver of the covered content survives. An ellipse
fills the ellipse inscribed in its rectangle, edge pixels included; a copy made by an older
schouw, which does not know ``shape``, covers the whole rectangle (more, never less).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from PIL import Image, ImageDraw

#: The fill: dark grey rather than black, so a mask reads as "covered on purpose".
FILL = (38, 38, 38)
#: The shapes a mask can have.
SHAPES = ("rect", "ellipse")


@dataclass(frozen=True)
class Mask:
    """A rectangle as fractions (0..1) of the upright image's width and height; with
    ``shape="ellipse"`` the ellipse inscribed in it."""

    x: float
    y: float
    w: float
    h: float
    shape: str = "rect"

    def __post_init__(self) -> None:
        values = (self.x, self.y, self.w, self.h)
        if not all(isinstance(v, int | float) and math.isfinite(v) for v in values):
            raise ValueError(f"mask values must be finite numbers: {values!r}")
        if self.w <= 0 or self.h <= 0:
            raise ValueError(f"mask must have a positive width and height: {values!r}")
        if self.shape not in SHAPES:
            raise ValueError(f"mask shape must be one of {SHAPES}: {self.shape!r}")

    @classmethod
    def from_dict(cls, d: dict) -> Mask:
        try:
            return cls(float(d["x"]), float(d["y"]), float(d["w"]), float(d["h"]),
                       str(d.get("shape") or "rect"))
        except (KeyError, TypeError, AttributeError) as exc:
            raise ValueError(f"not a mask: {d!r}") from exc

    def to_dict(self) -> dict:
        """The stored form; ``shape`` only for an ellipse, so a rectangle is stored as
        schouw always stored it and older copies of the app compare it equal."""
        d: dict = {"x": self.x, "y": self.y, "w": self.w, "h": self.h}
        if self.shape != "rect":
            d["shape"] = self.shape
        return d

    def box(self, width: int, height: int) -> tuple[int, int, int, int] | None:
        """The pixel box (left, top, right, bottom) covering this mask, rounded outwards;
        None when the mask lies entirely outside the image."""
        left = max(0, math.floor(self.x * width))
        top = max(0, math.floor(self.y * height))
        right = min(width, math.ceil((self.x + self.w) * width))
        bottom = min(height, math.ceil((self.y + self.h) * height))
        if right <= left or bottom <= top:
            return None
        return left, top, right, bottom


def apply_masks(im: Image.Image, masks: Sequence[Mask]) -> Image.Image:
    """``im`` with every mask filled; a new image when there is anything to fill."""
    boxes = [(m.shape, b) for m in masks if (b := m.box(*im.size)) is not None]
    if not boxes:
        return im
    out = im.copy() if im.mode == "RGB" else im.convert("RGB")
    draw = ImageDraw.Draw(out)
    for shape, box in boxes:
        if shape == "ellipse":
            # ImageDraw's corners are inclusive; the outline takes the pixels the edge cuts
            left, top, right, bottom = box
            draw.ellipse((left, top, right - 1, bottom - 1), fill=FILL, outline=FILL, width=2)
        else:
            out.paste(FILL, box)
    return out
