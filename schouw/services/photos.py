"""Privacy masks on a photo, as the mask editor and ``schouw photo mask`` set them.

The one door for changing masks: it checks them, then stores them together with the
thumbnail and report copy re-made from the master, in one transaction. The master (the
normalised JPEG) and a kept original are never touched, so a mask can always be moved or
taken away again; every copy that leaves the laptop (export package, report, MOR
attachment) is made from the master with the masks burnt in.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any

from schouw.domain.models import Photo
from schouw.messages import SchouwError
from schouw.photos.masks import SHAPES, Mask
from schouw.store.project import Project

#: More masks than this on one photo is a slip (a script in a loop), not privacy work.
MAX_MASKS = 50
#: Fractions are stored to six decimals: a millionth of a 2560-pixel side is 0.003 pixel.
DECIMALS = 6
#: Float slack at the image's right and bottom edge (0.7 + 0.3 is not exactly 1.0).
EDGE = 1e-9


def find_photo(project: Project, photo_id: str) -> Photo:
    """The live photo with this id or id prefix (at least 4 characters, unique)."""
    photo = project.photos.resolve(photo_id.strip())
    if photo is None:
        raise SchouwError("mask_unknown_photo", id=photo_id)
    return photo


def masks_of(photo: Photo) -> list[Mask]:
    return [Mask.from_dict(m) for m in photo.masks]


def mask_json(mask: Mask) -> dict[str, Any]:
    """A mask for ``--json`` output: always with its shape."""
    return {"x": mask.x, "y": mask.y, "w": mask.w, "h": mask.h, "shape": mask.shape}


def parse_rect(text: str, shape: str = "rect") -> Mask:
    """``X,Y,W,H`` (fractions of the upright image) as a checked mask."""
    parts = [p.strip() for p in text.replace(";", ",").split(",")]
    try:
        if len(parts) != 4:
            raise ValueError(text)
        x, y, w, h = (float(p) for p in parts)
    except ValueError:
        raise SchouwError("mask_bad_rect", rect=text) from None
    return check_mask(x, y, w, h, shape)


def check_mask(x: float, y: float, w: float, h: float, shape: str = "rect") -> Mask:
    """A mask inside the image with a real area, or a SchouwError saying what is wrong."""
    values = (x, y, w, h)
    if shape not in SHAPES or not all(isinstance(v, int | float) and math.isfinite(v) for v in values):
        raise SchouwError("mask_bad_rect", rect=",".join(map(str, values)))
    label = ",".join(f"{v:g}" for v in values)
    if w <= 0 or h <= 0:
        raise SchouwError("mask_empty", rect=label)
    if x < 0 or y < 0 or x + w > 1 + EDGE or y + h > 1 + EDGE:
        raise SchouwError("mask_outside", rect=label)
    x, y = round(x, DECIMALS), round(y, DECIMALS)
    w = min(round(w, DECIMALS), 1 - x)
    h = min(round(h, DECIMALS), 1 - y)
    if w <= 0 or h <= 0:  # thinner than a millionth: nothing a user meant to cover
        raise SchouwError("mask_empty", rect=label)
    return Mask(x, y, w, h, shape)


def check_masks(masks: Iterable[Mask | dict]) -> list[Mask]:
    """Every mask checked (see :func:`check_mask`), and not too many of them."""
    checked = []
    for m in masks:
        if isinstance(m, dict):
            try:
                m = Mask.from_dict(m)
            except ValueError:
                raise SchouwError("mask_bad_rect", rect=str(m)) from None
        checked.append(check_mask(m.x, m.y, m.w, m.h, m.shape))
    if len(checked) > MAX_MASKS:
        raise SchouwError("mask_too_many", count=len(checked), limit=MAX_MASKS)
    return checked


def set_masks(project: Project, photo_id: str, masks: Sequence[Mask | dict]) -> Photo:
    """Replace the photo's masks and re-make its thumbnail and report copy, in one
    transaction; nothing changes when a mask is refused."""
    from schouw.photos import derivatives

    photo = find_photo(project, photo_id)
    checked = check_masks(masks)
    master = project.photos.blob(photo.id, "jpeg")
    if master is None:
        raise SchouwError("mask_unknown_photo", id=photo_id)
    thumb, report = derivatives(master, checked)  # the slow part, before the write lock
    with project.atomic():
        project.photos.set_masks(photo.id, [m.to_dict() for m in checked], {"thumb": thumb, "report": report})
    return project.photos.get(photo.id)


def round_photos(project: Project, round_id: str) -> list[dict[str, Any]]:
    """The photos of a round (for ``schouw photos list``), masks with their shape."""
    rows = project.photos.for_round(project.rounds.get(round_id).id)
    for row in rows:
        row["masks"] = [mask_json(Mask.from_dict(m)) for m in row["masks"]]
    return rows
