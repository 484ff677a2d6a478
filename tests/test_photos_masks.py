"""Privacy masks are burnt in for good, and exported copies carry nothing but pixels."""

from __future__ import annotations

import random
from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageDraw, ImageStat

from schouw.photos import Mask, derivatives, export_copy, prepare_photo
from schouw.photos.export import strip_jpeg_metadata
from schouw.photos.masks import FILL

IMAGES = Path(__file__).resolve().parents[1].parent / "shared" / "testdata" / "images"
PLATE = Mask(0.25, 0.30, 0.40, 0.30)  # where the "number plate" is drawn below


def sample(rel: str) -> Path:
    path = IMAGES / rel
    if not path.is_file():
        pytest.skip(f"{rel} not available")
    return path


def street_photo(size=(1600, 1200)) -> bytes:
    """A noisy scene with a high-contrast plate of text and checks inside PLATE."""
    w, h = size
    rnd = random.Random(7)
    im = Image.effect_noise(size, 50).convert("RGB")
    d = ImageDraw.Draw(im)
    for _ in range(40):
        x, y = rnd.randrange(w), rnd.randrange(h)
        d.rectangle((x, y, x + rnd.randrange(20, 300), y + rnd.randrange(20, 200)),
                    fill=tuple(rnd.randrange(256) for _ in range(3)))
    box = PLATE.box(w, h)
    d.rectangle(box, fill="white")
    step = 24
    for i, x in enumerate(range(box[0], box[2], step)):
        for j, y in enumerate(range(box[1], box[3], step)):
            if (i + j) % 2:
                d.rectangle((x, y, x + step - 1, y + step - 1), fill="black")
    d.text((box[0] + 30, box[1] + 40), "XK-123-B  Dorpsstraat 12", fill="red", font_size=60)
    exif = Image.Exif()
    exif[0x010F], exif[0x0110] = "Schouwcam", "Model-S3CR3T"
    exif[0x8825] = {1: "N", 2: (52.0, 5.0, 30.0), 3: "E", 4: (5.0, 7.0, 12.0)}
    exif[0x8769] = {0xA431: "SERIAL-98765"}
    buf = BytesIO()
    im.save(buf, "JPEG", quality=92, exif=exif.tobytes())
    return buf.getvalue()


def inner(mask: Mask, size: tuple[int, int], margin: int) -> tuple[int, int, int, int]:
    """The mask's pixel box shrunk by ``margin`` (JPEG ringing lives at the edges)."""
    left, top, right, bottom = mask.box(*size)
    return left + margin, top + margin, right - margin, bottom - margin


def assert_covered(data: bytes, mask: Mask) -> None:
    im = Image.open(BytesIO(data)).convert("RGB")
    margin = 8  # one chroma block of 4:2:0 JPEG
    region = im.crop(inner(mask, im.size, margin))
    stat = ImageStat.Stat(region)
    assert max(stat.stddev) < 2.0, stat.stddev  # flat: nothing of the plate left
    blank = Image.new("RGB", region.size, FILL)
    assert ImageStat.Stat(ImageChops.difference(region, blank)).mean[0] < 3


def assert_not_covered(data: bytes, mask: Mask) -> None:
    im = Image.open(BytesIO(data)).convert("RGB")
    region = im.crop(inner(mask, im.size, 2))
    assert max(ImageStat.Stat(region).stddev) > 40


def assert_no_metadata(data: bytes) -> None:
    im = Image.open(BytesIO(data))
    assert not im.getexif()
    assert not any(k in im.info for k in ("exif", "xmp", "icc_profile", "comment"))
    for secret in (b"Exif", b"Schouwcam", b"S3CR3T", b"SERIAL", b"http://ns.adobe.com"):
        assert secret not in data


@pytest.fixture(scope="module")
def plate_photo():
    return street_photo()


def test_mask_covers_thumb_and_report_but_not_the_master(plate_photo):
    photo = prepare_photo(plate_photo, name="auto.jpg", masks=[PLATE])
    assert_covered(photo.report, PLATE)
    assert_covered(photo.thumb, PLATE)
    assert_not_covered(photo.jpeg, PLATE)  # the editable master stays whole


def test_export_copy_is_masked_and_bare(plate_photo):
    photo = prepare_photo(plate_photo, name="auto.jpg")
    out = export_copy(photo.jpeg, [PLATE])
    assert Image.open(BytesIO(out)).size == (photo.width, photo.height)
    assert_covered(out, PLATE)
    assert_no_metadata(out)


def test_no_copy_carries_the_source_exif(plate_photo):
    photo = prepare_photo(plate_photo, name="auto.jpg", masks=[PLATE])
    assert photo.lat is not None  # it was there to read...
    for data in (photo.jpeg, photo.thumb, photo.report, export_copy(photo.jpeg, [])):
        assert_no_metadata(data)  # ...and is in none of the copies


def test_changed_masks_remake_the_derivatives(plate_photo):
    photo = prepare_photo(plate_photo, name="auto.jpg", masks=[PLATE])
    other = Mask(0.0, 0.0, 0.2, 0.2)
    thumb, report = derivatives(photo.jpeg, [other])
    assert_covered(report, other)
    assert_covered(thumb, other)
    assert_not_covered(report, PLATE)  # mask removed: the derivative shows it again
    assert Image.open(BytesIO(report)).size == (1280, 960)
    assert Image.open(BytesIO(thumb)).size == (256, 192)
    assert_no_metadata(report)
    assert_no_metadata(thumb)


def test_derivatives_without_masks_match_the_first_ones(plate_photo):
    photo = prepare_photo(plate_photo)
    thumb, report = derivatives(photo.jpeg, [])
    for new, old in ((thumb, photo.thumb), (report, photo.report)):
        a, b = (Image.open(BytesIO(x)).convert("L") for x in (new, old))
        assert a.size == b.size
        assert ImageStat.Stat(ImageChops.difference(a, b)).mean[0] < 4


def test_masks_on_an_upright_turned_photo():
    """Masks are fractions of the upright image, whatever the file's orientation."""
    path = sample("orientation/Landscape_6.jpg")
    top_left = Mask(0.0, 0.0, 0.5, 0.5)
    photo = prepare_photo(path, masks=[top_left])
    assert (photo.width, photo.height) == (1800, 1200)
    assert_covered(photo.report, top_left)
    assert_covered(export_copy(photo.jpeg, [top_left]), top_left)


def test_masks_round_outwards_and_clip():
    im = Image.new("RGB", (100, 100), "white")
    thin = Mask(0.503, 0.1, 0.001, 0.8)  # a tenth of a pixel wide
    assert thin.box(100, 100) == (50, 10, 51, 90)
    assert Mask(0.9, 0.9, 0.5, 0.5).box(100, 100) == (90, 90, 100, 100)
    assert Mask(1.2, 0.0, 0.1, 0.1).box(100, 100) is None
    buf = BytesIO()
    im.save(buf, "PNG")
    photo = prepare_photo(buf.getvalue(), masks=[Mask(-0.5, -0.5, 1.0, 1.0)])
    assert_covered(photo.report, Mask(0.0, 0.0, 0.5, 0.5))


def test_mask_dict_round_trip_and_validation():
    m = Mask.from_dict({"x": 0.1, "y": "0.2", "w": 0.3, "h": 0.4})
    assert m == Mask(0.1, 0.2, 0.3, 0.4)
    assert Mask.from_dict(m.to_dict()) == m
    assert m.to_dict() == {"x": 0.1, "y": 0.2, "w": 0.3, "h": 0.4}
    for bad in ({"x": 0.1}, {"x": 0, "y": 0, "w": 0, "h": 0.1}, {"x": "nan", "y": 0, "w": 1, "h": 1},
                {"x": None, "y": 0, "w": 1, "h": 1}, {"x": 0, "y": 0, "w": -1, "h": 1}):
        with pytest.raises(ValueError):
            Mask.from_dict(bad)


def test_export_without_masks_keeps_the_pixels_exactly():
    path = sample("gps/DSCN0010.jpg")
    data = path.read_bytes()
    assert b"NIKON" in data and b"Exif" in data
    out = export_copy(data, [])
    assert_no_metadata(out)
    assert b"NIKON" not in out
    a, b = Image.open(BytesIO(data)), Image.open(BytesIO(out))
    assert ImageChops.difference(a.convert("RGB"), b.convert("RGB")).getbbox() is None


def test_strip_drops_trailers_and_second_frames():
    buf = BytesIO()
    Image.new("RGB", (16, 16), "blue").save(buf, "JPEG", comment=b"Jan Jansen, Kerkstraat 1")
    data = buf.getvalue()
    assert b"Jan Jansen" in data
    out = strip_jpeg_metadata(data + b"\xff\xd8\xff\xe1 secret second frame \xff\xd9")
    assert out.endswith(b"\xff\xd9") and b"Jan Jansen" not in out and b"secret" not in out
    with pytest.raises(ValueError):
        strip_jpeg_metadata(b"\x89PNG\r\n\x1a\n")
    with pytest.raises(ValueError):
        strip_jpeg_metadata(data[: len(data) // 2])


def test_export_of_something_that_is_not_a_clean_jpeg_is_reencoded():
    buf = BytesIO()
    Image.new("RGB", (40, 30), "orange").save(buf, "PNG")
    out = export_copy(buf.getvalue(), [])
    assert Image.open(BytesIO(out)).format == "JPEG"
    assert_no_metadata(out)


def test_remade_derivatives_have_the_first_sizes():
    """A master of odd size: the half-scale decode gives 1280x639, the report is 1280x638."""
    buf = BytesIO()
    Image.linear_gradient("L").resize((2560, 1277)).convert("RGB").save(buf, "JPEG")
    photo = prepare_photo(buf.getvalue())
    thumb, report = derivatives(photo.jpeg, [Mask(0.1, 0.1, 0.2, 0.2)])
    assert Image.open(BytesIO(report)).size == Image.open(BytesIO(photo.report)).size == (1280, 638)
    assert Image.open(BytesIO(thumb)).size == Image.open(BytesIO(photo.thumb)).size == (256, 128)
