"""Every copy stands upright: the real orientation samples of ../shared/testdata.

The reference values and margins come from expected.json's _notes ("Suggested
assertions"): a right transform lands within a few grey levels of the reference, any
wrong one at least 42 away.
"""

from __future__ import annotations

from functools import cache
from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageOps, ImageStat

from schouw.photos import prepare_photo, read_photo_meta

IMAGES = Path(__file__).resolve().parents[1].parent / "shared" / "testdata" / "images"
pytestmark = pytest.mark.skipif(not IMAGES.is_dir(), reason="shared/testdata/images not available")


def sample(rel: str) -> Path:
    path = IMAGES / rel
    if not path.is_file():
        pytest.skip(f"{rel} not available")
    return path


@cache
def reference(rel: str) -> Image.Image:
    """The reference as Pillow's own exif_transpose shows it, in grey."""
    with Image.open(sample(rel)) as im:
        return ImageOps.exif_transpose(im).convert("L")


@cache
def prepared(rel: str):
    return prepare_photo(sample(rel))


def master(rel: str) -> Image.Image:
    return Image.open(BytesIO(prepared(rel).jpeg))


def mad(a: Image.Image, b: Image.Image) -> float:
    assert a.size == b.size
    return ImageStat.Stat(ImageChops.difference(a.convert("L"), b.convert("L"))).mean[0]


def quadrants(im: Image.Image) -> dict[str, float]:
    g = im.convert("L")
    w, h = g.size
    boxes = {"top_left": (0, 0, w // 2, h // 2), "top_right": (w // 2, 0, w, h // 2),
             "bottom_left": (0, h // 2, w // 2, h), "bottom_right": (w // 2, h // 2, w, h)}
    return {k: ImageStat.Stat(g.crop(b)).mean[0] for k, b in boxes.items()}


@pytest.mark.parametrize("n", range(9))
def test_landscape_orientations_end_upright(n):
    rel = f"orientation/Landscape_{n}.jpg"
    photo, im = prepared(rel), master(rel)
    assert (photo.width, photo.height) == im.size == (1800, 1200)
    q = quadrants(im)
    assert max(q, key=q.get) == "top_left"
    assert q["top_left"] - q["bottom_right"] > 60
    assert mad(im, reference("orientation/Landscape_1.jpg")) < 10


@pytest.mark.parametrize("n", range(9))
def test_portrait_orientations_end_upright(n):
    rel = f"orientation/Portrait_{n}.jpg"
    im = master(rel)
    assert im.size == (1200, 1800)
    q = quadrants(im)
    assert max(q, key=q.get) == "top_right"
    assert q["top_right"] - q["bottom_left"] > 45
    assert mad(im, reference("orientation/Portrait_1.jpg")) < 10


@pytest.mark.parametrize("n", range(2, 9))
def test_webp_orientations_end_upright(n):
    rel = f"orientation/hopper_orientation_{n}.webp"
    for copy in (prepared(rel).jpeg, prepared(rel).report):
        im = Image.open(BytesIO(copy))
        assert im.size == (128, 128)
        assert mad(im, reference("orientation/hopper.webp")) < 10


def test_thumb_and_report_are_upright_too():
    photo = prepared("orientation/Landscape_6.jpg")
    for data, size in ((photo.report, (1280, 853)), (photo.thumb, (256, 171))):
        im = Image.open(BytesIO(data))
        assert im.size == size
        ref = reference("orientation/Landscape_1.jpg").resize(size, Image.Resampling.BICUBIC)
        assert mad(im, ref) < 10


def test_camera_photo_with_orientation_6():
    im = master("orientation/canon_hdr_NO.jpg")
    assert im.size == (1536, 2048)
    g = im.convert("L")
    w, h = g.size
    horizontal = [ImageStat.Stat(g.crop((0, h * i // 4, w, h * (i + 1) // 4))).mean[0] for i in range(4)]
    vertical = [ImageStat.Stat(g.crop((w * i // 4, 0, w * (i + 1) // 4, h))).mean[0] for i in range(4)]
    bands = horizontal + vertical
    assert min(bands) == horizontal[3]
    assert max(bands) == horizontal[2]
    meta = read_photo_meta(sample("orientation/canon_hdr_NO.jpg"))
    assert (meta.width, meta.height, meta.orientation) == (1536, 2048, 6)


def test_png_orientation_from_exif():
    im = master("orientation/exif_imagemagick_orientation.png")
    plain = reference("exif.png")
    assert mad(im, plain.transpose(Image.Transpose.ROTATE_180)) < 3
    assert mad(im, plain) > 8


def test_heic_is_not_rotated_twice():
    """arrow.heic's own EXIF says 6; pillow-heif has applied the rotation already."""
    photo = prepared("heic/arrow.heic")
    assert photo.source_mime == "image/heic"
    im = master("heic/arrow.heic")
    assert im.size == (1920, 2560)
    small = im.convert("L").reduce(5)
    w, h = small.size
    ink = small.point(lambda v: 255 if v < 80 else 0)
    top = ImageStat.Stat(ink.crop((0, 0, w, h // 2))).sum[0] / 255
    bottom = ImageStat.Stat(ink.crop((0, h // 2, w, h))).sum[0] / 255
    assert top > 1.5 * bottom
    widths = []
    for y in range(h):
        bbox = ink.crop((0, y, w, y + 1)).getbbox()
        widths.append(bbox[2] - bbox[0] if bbox else 0)
    assert widths.index(max(widths)) < h / 2
    meta = read_photo_meta(sample("heic/arrow.heic"))
    assert (meta.width, meta.height, meta.orientation) == (3024, 4032, 1)


@pytest.mark.parametrize("rel,size", [
    ("heic/IMG_5195.HEIC", (1983, 2560)),
    ("heic/xiaomi.heic", (2560, 1920)),
    ("heic/samplefilehub.heif", (640, 426)),
    ("heic/L_exif_xmp_iptc.heic", (64, 64)),
])
def test_heic_sizes(rel, size):
    photo = prepared(rel)
    assert (photo.width, photo.height) == size
    im = master(rel)
    assert im.size == size and im.mode == "RGB"
