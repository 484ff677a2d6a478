"""Encoding the copies that leave the master: thumbnail, report copy, export copy.

None of them carries EXIF, XMP, IPTC, comments or an ICC profile: position, camera
serial numbers and owner names stay in the project file's fields, where the app
decides what to share. Masks are burnt into all of them.
"""

from __future__ import annotations

from collections.abc import Sequence
from io import BytesIO

from PIL import Image

from schouw.photos.colour import plain, to_srgb
from schouw.photos.masks import Mask, apply_masks
from schouw.photos.reading import UNNAMED, load, opened

NORMAL_SIDE = 2560
REPORT_SIDE = 1280
THUMB_SIDE = 256
NORMAL_QUALITY = 85
REPORT_QUALITY = 85
THUMB_QUALITY = 80
EXPORT_QUALITY = 90
#: Pillow's reducing_gap: shrink by whole factors first (box filter, cheap), then
#: resample the rest; 3.0 is indistinguishable from a plain resample at photo sizes.
REDUCING_GAP = 3.0


def fit(size: tuple[int, int], side: int) -> tuple[int, int]:
    """``size`` scaled down so its long side is at most ``side``; never scaled up."""
    w, h = size
    if max(w, h) <= side:
        return w, h
    scale = side / max(w, h)
    return max(1, round(w * scale)), max(1, round(h * scale))


def shrink(im: Image.Image, side: int) -> Image.Image:
    target = fit(im.size, side)
    if target == im.size:
        return im
    return im.resize(target, Image.Resampling.BICUBIC, reducing_gap=REDUCING_GAP)


def encode_jpeg(im: Image.Image, quality: int, *, optimize: bool = False) -> bytes:
    """Baseline JPEG with no metadata at all (comment="" stops Pillow copying the
    source's COM segment from ``im.info``; EXIF, XMP and ICC are only written when asked)."""
    buf = BytesIO()
    im.save(buf, "JPEG", quality=quality, optimize=optimize, comment=b"")
    return buf.getvalue()


def derive(upright: Image.Image, masks: Sequence[Mask],
           report_size: tuple[int, int] | None = None) -> tuple[bytes, bytes]:
    """(thumb, report) from an upright RGB image: masked first, so no resampling filter
    ever reaches into a covered area; the thumbnail is shrunk from the report copy.
    ``report_size`` overrides the report's size (see :func:`derivatives`)."""
    masked = apply_masks(upright, masks)
    if report_size is None or report_size == masked.size:
        report = shrink(masked, REPORT_SIDE)
    else:
        report = masked.resize(report_size, Image.Resampling.BICUBIC)
    thumb = shrink(report, THUMB_SIDE)
    return (encode_jpeg(thumb, THUMB_QUALITY, optimize=True),
            encode_jpeg(report, REPORT_QUALITY, optimize=True))


def derivatives(normal_jpeg: bytes, masks: Sequence[Mask]) -> tuple[bytes, bytes]:
    """(thumb, report) re-made from the stored master, e.g. after the masks changed.

    The master is decoded at half scale straight from the DCT (``draft``): the report
    copy is half the master's size, so the full-size pixels are never needed.
    """
    with opened(BytesIO(normal_jpeg), UNNAMED) as im:
        # the size prepare_photo gave the report; a DCT-scaled decode can be a pixel off
        report_size = fit(im.size, REPORT_SIDE)
        if im.format in ("JPEG", "MPO"):
            im.draft("RGB", report_size)
        load(im, UNNAMED)
        return derive(to_srgb(plain(im), None), masks, report_size)


def export_copy(normal_jpeg: bytes, masks: Sequence[Mask]) -> bytes:
    """Full-size copy for exports and MOR reports: masks burnt in, no metadata at all.

    Without masks the master's compressed data is kept as it is (no second generation
    of JPEG loss) and only metadata segments are dropped.
    """
    if not masks:
        try:
            return strip_jpeg_metadata(normal_jpeg)
        except ValueError:
            pass  # not a JPEG we can walk: decode and re-encode below
    with opened(BytesIO(normal_jpeg), UNNAMED) as im:
        load(im, UNNAMED)
        return encode_jpeg(apply_masks(to_srgb(plain(im), None), masks), EXPORT_QUALITY)


# JPEG segments kept by strip_jpeg_metadata: everything a decoder needs (frame and scan
# headers, tables, restart interval), APP14 (Adobe: tells the decoder whether the channels
# are YCbCr or RGB/CMYK) and a JFIF APP0 without an embedded thumbnail (pixel density).
# APP1 (EXIF, XMP), APP2 (ICC, FlashPix, MPF), APP13 (IPTC), JFXX thumbnails, COM and
# maker segments are dropped.


def _keep(marker: int, segment: bytes) -> bool:
    if marker == 0xFE:
        return False
    if marker == 0xE0:
        return segment[4:9] == b"JFIF\0" and segment[16:18] == b"\0\0"
    return not 0xE0 <= marker <= 0xEF or marker == 0xEE


def strip_jpeg_metadata(data: bytes) -> bytes:
    """``data`` without metadata segments and without anything after the end-of-image
    marker (MPO frames, phone trailers). Raises ValueError if it is not a well-formed
    JPEG."""
    if data[:2] != b"\xff\xd8":
        raise ValueError("not a JPEG")
    out = [b"\xff\xd8"]
    i, n = 2, len(data)
    while True:
        if i + 1 >= n or data[i] != 0xFF:
            raise ValueError(f"no marker at offset {i}")
        while i < n and data[i] == 0xFF:  # fill bytes
            i += 1
        if i >= n:
            raise ValueError("ends inside a marker")
        marker = data[i]
        i += 1
        if marker == 0xD9:  # EOI
            out.append(b"\xff\xd9")
            return b"".join(out)
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:  # no length field
            out.append(bytes((0xFF, marker)))
            continue
        if i + 2 > n:
            raise ValueError("ends inside a segment header")
        length = int.from_bytes(data[i:i + 2], "big")
        if length < 2 or i + length > n:
            raise ValueError(f"bad segment length at offset {i}")
        segment = data[i - 2:i + length]
        i += length
        if marker == 0xDA:  # SOS: header, then entropy-coded data up to the next marker
            end = _entropy_end(data, i)
            out.append(segment)
            out.append(data[i:end])
            i = end
        elif _keep(marker, segment):
            out.append(segment)


def _entropy_end(data: bytes, i: int) -> int:
    """Offset of the first real marker after entropy-coded data starting at ``i``
    (0xFF00 is a stuffed byte and 0xFFD0..D7 are restart markers, both part of the data)."""
    while True:
        j = data.find(b"\xff", i)
        if j < 0 or j + 1 >= len(data):
            raise ValueError("scan data without an end")
        nxt = data[j + 1]
        if nxt == 0x00 or 0xD0 <= nxt <= 0xD7:
            i = j + 2
        elif nxt == 0xFF:
            i = j + 1  # fill byte before a marker
        else:
            return j
