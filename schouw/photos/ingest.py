"""From a file the user picked to the copies schouw stores: ``prepare_photo``.

One decode per photo: a JPEG is decoded straight at the smallest DCT scale that is still
at least the master's size (``draft``), shrunk, turned upright and converted to sRGB once;
the report copy and thumbnail are made from that image, not from the file again.
The function is pure (bytes in, bytes out) and thread-safe, so an import can run it on a
thread pool: Pillow releases the GIL while decoding, resampling and encoding.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from PIL import Image

from schouw.messages import SchouwError
from schouw.photos.colour import plain, to_srgb
from schouw.photos.exif import TRANSPOSE, exif_of, orientation_of, position_of, taken_at_of
from schouw.photos.export import NORMAL_QUALITY, NORMAL_SIDE, derive, encode_jpeg, fit, shrink
from schouw.photos.masks import Mask
from schouw.photos.reading import MIME, load, opened, refusal, source_bytes

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PreparedPhoto:
    sha256: str  # of the source file's bytes: the dedupe key
    source_name: str
    source_mime: str
    jpeg: bytes  # the master: upright, sRGB, long side <= 2560, no metadata, unmasked
    width: int
    height: int
    thumb: bytes  # long side 256, masks burnt in
    report: bytes  # long side 1280, masks burnt in
    original: bytes | None  # the source bytes when keep_original=True
    taken_at: str | None
    lat: float | None
    lon: float | None
    source_size: int = 0  # bytes of the source file: what keeping the original costs

    def __repr__(self) -> str:  # the default would print megabytes of bytes
        return (f"PreparedPhoto({self.source_name!r}, {self.source_mime}, {self.width}x{self.height}, "
                f"sha256={self.sha256[:12]}..., taken_at={self.taken_at}, lat={self.lat}, lon={self.lon})")


def prepare_photo(source: Path | bytes, *, name: str | None = None, keep_original: bool = False,
                  masks: Sequence[Mask] = ()) -> PreparedPhoto:
    """Read, check and normalise one photo. Every problem with the file itself is raised
    as a SchouwError naming it (photo_empty, photo_not_image, photo_too_large,
    photo_truncated, photo_damaged, photo_unreadable, file_missing)."""
    data, name = source_bytes(source, name)
    digest = hashlib.sha256(data).hexdigest()
    try:
        with opened(BytesIO(data), name) as im:
            mime = MIME[im.format or "JPEG"]
            # everything inside: when nothing needs changing, upright *is* im
            upright, facts = decode_upright(im, name, NORMAL_SIDE)
            jpeg = encode_jpeg(upright, NORMAL_QUALITY)
            thumb, report = derive(upright, masks)
            width, height = upright.size
    except SchouwError:
        raise
    except Exception as exc:  # noqa: BLE001 - a bad file must end as one message
        log.warning("photo %s refused after an unexpected error", name, exc_info=True)
        raise refusal(exc, name) from exc
    taken_at, lat, lon = facts
    return PreparedPhoto(
        sha256=digest, source_name=name, source_mime=mime, jpeg=jpeg,
        width=width, height=height, thumb=thumb, report=report,
        original=data if keep_original else None, taken_at=taken_at, lat=lat, lon=lon,
        source_size=len(data),
    )


def decode_upright(im: Image.Image, name: str, side: int
                   ) -> tuple[Image.Image, tuple[str | None, float | None, float | None]]:
    """The pixels of ``im`` upright, in sRGB RGB, long side at most ``side``, and the
    (taken_at, lat, lon) facts of its EXIF."""
    draft_for(im, side)
    load(im, name)
    exif = exif_of(im)  # after load(): a PNG keeps its EXIF behind the pixels
    orientation = orientation_of(im, exif)
    lat, lon = position_of(exif)
    icc = im.info.get("icc_profile")
    img = shrink(plain(im), side)  # shrink before turning: fewer pixels to move
    if orientation in TRANSPOSE:
        img = img.transpose(TRANSPOSE[orientation])
    return to_srgb(img, icc), (taken_at_of(exif), lat, lon)


def draft_for(im: Image.Image, side: int) -> None:
    """Ask the JPEG decoder for the smallest scale (1/8, 1/4, 1/2, 1) that still gives
    at least the target size, so a 48-MP photo is never decoded at full size."""
    if im.format in ("JPEG", "MPO"):
        im.draft("RGB", fit(im.size, side))
