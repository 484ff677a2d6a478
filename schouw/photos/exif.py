"""The few EXIF facts schouw uses: when, where, which way up, which camera.

EXIF in the wild is messy (zero denominators, NULs inside strings, GPS blocks with only
a version tag, 0000:00:00 dates, blocks that end early). Every reader here turns what it
cannot trust into ``None`` and never raises: a photo with broken EXIF is still a photo.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime
from io import BytesIO
from pathlib import Path

from PIL import ExifTags, Image

from schouw.messages import SchouwError
from schouw.photos.reading import MIME, opened, source_bytes

_IFD = ExifTags.IFD
_T = ExifTags.Base
_GPS = ExifTags.GPS

#: EXIF orientation -> the transpose that makes the pixels upright (as exif_transpose).
TRANSPOSE = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
_DATE_FORMATS = ("%Y:%m:%d %H:%M:%S", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%Y:%m:%d %H:%M")


@dataclass(frozen=True)
class PhotoMeta:
    taken_at: str | None  # local camera time, ISO 8601 without offset
    lat: float | None
    lon: float | None
    orientation: int  # 1..8; 1 when absent, invalid, or already applied (HEIF)
    camera: str | None
    width: int  # upright
    height: int
    mime: str


def exif_of(im: Image.Image, *, decode: bool = True) -> Image.Exif:
    """The image's EXIF, or an empty one when it is missing or unreadable.

    For PNG, Pillow's getexif() decodes the whole image to look for an eXIf chunk after
    the pixels; ``decode=False`` reads only what the header parse already found.
    """
    try:
        if not decode and im.format == "PNG":
            return Image.Image.getexif(im)
        return im.getexif()
    except Exception:  # noqa: BLE001 - corrupt EXIF must not stop an import
        return Image.Exif()


def _ifd(exif: Image.Exif, tag: int) -> dict:
    try:
        return dict(exif.get_ifd(tag))
    except Exception:  # noqa: BLE001 - a sub-IFD pointing nowhere
        return {}


def _text(value: object) -> str | None:
    if isinstance(value, bytes):
        value = value.decode("latin-1")
    if not isinstance(value, str):
        return None
    value = value.split("\x00", 1)[0].strip()  # EXIF strings end at NUL; after it is junk
    return value or None


def orientation_of(im: Image.Image, exif: Image.Exif) -> int:
    if im.format == "HEIF":
        # pillow-heif applies the HEIF irot/imir itself; the file's EXIF value would
        # rotate it a second time (arrow.heic says 6 and is already upright).
        return 1
    value = exif.get(_T.Orientation)
    return value if isinstance(value, int) and 1 <= value <= 8 else 1


def taken_at_of(exif: Image.Exif) -> str | None:
    raw = _text(_ifd(exif, _IFD.Exif).get(_T.DateTimeOriginal))
    if raw is None:
        return None
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(raw, fmt).isoformat(timespec="seconds")
        except ValueError:
            continue
    return None


def _degrees(value: object) -> float | None:
    """deg + min/60 + sec/3600 from EXIF rationals; None for anything odd."""
    if isinstance(value, int | float):
        parts = [float(value)]
    else:
        try:
            parts = [float(v) for v in value]  # type: ignore[union-attr]
        except (TypeError, ValueError, ZeroDivisionError):
            return None
    if not 1 <= len(parts) <= 3 or not all(math.isfinite(p) and p >= 0 for p in parts):
        return None
    parts += [0.0] * (3 - len(parts))
    return parts[0] + parts[1] / 60 + parts[2] / 3600


def position_of(exif: Image.Exif) -> tuple[float | None, float | None]:
    gps = _ifd(exif, _IFD.GPSInfo)
    if _text(gps.get(_GPS.GPSStatus)) == "V":  # "measurement void": no fix
        return None, None
    lat, lon = _degrees(gps.get(_GPS.GPSLatitude)), _degrees(gps.get(_GPS.GPSLongitude))
    if lat is None or lon is None or lat > 90 or lon > 180:
        return None, None
    if lat == 0 and lon == 0:  # what receivers without a fix write
        return None, None
    if (_text(gps.get(_GPS.GPSLatitudeRef)) or "N").upper().startswith("S"):
        lat = -lat
    if (_text(gps.get(_GPS.GPSLongitudeRef)) or "E").upper().startswith("W"):
        lon = -lon
    return lat, lon


def camera_of(exif: Image.Exif) -> str | None:
    make, model = _text(exif.get(_T.Make)), _text(exif.get(_T.Model))
    if make and model and model.lower().startswith(make.lower()):
        return model
    return " ".join(p for p in (make, model) if p) or None


def meta_of(im: Image.Image, exif: Image.Exif | None = None) -> PhotoMeta:
    exif = exif_of(im) if exif is None else exif
    orientation = orientation_of(im, exif)
    w, h = im.size
    if orientation >= 5:
        w, h = h, w
    lat, lon = position_of(exif)
    return PhotoMeta(
        taken_at=taken_at_of(exif), lat=lat, lon=lon, orientation=orientation,
        camera=camera_of(exif), width=w, height=h, mime=MIME.get(im.format or "", "image/jpeg"),
    )


def read_photo_meta(source: Path | bytes) -> PhotoMeta:
    """Date, position, orientation, camera and upright size without decoding the pixels.

    Raises SchouwError for files that are empty, not an image we know, or too large.
    A damaged pixel stream is only found by :func:`prepare_photo`. For PNG only EXIF
    stored before the pixel data is seen (reading one after it means decoding).
    """
    if isinstance(source, bytes | bytearray | memoryview):
        data, name = source_bytes(source, None)
        with opened(BytesIO(data), name) as im:
            return meta_of(im, exif_of(im, decode=False))
    path = Path(source)
    name = path.name or str(path)
    try:
        f = path.open("rb")
    except FileNotFoundError:
        raise SchouwError("file_missing", path=str(path)) from None
    except OSError as exc:
        raise SchouwError("photo_unreadable", name=name, detail=exc.strerror or str(exc)) from exc
    with f:
        if not f.read(1):
            raise SchouwError("photo_empty", name=name)
        f.seek(0)
        with opened(f, name) as im:
            return meta_of(im, exif_of(im, decode=False))
