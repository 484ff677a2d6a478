"""EXIF facts: position, time, camera and orientation, from real camera files and from
EXIF blocks built here to be broken in the ways phones and editors break them."""

from __future__ import annotations

import json
from fractions import Fraction
from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image, TiffImagePlugin

from schouw.photos import prepare_photo, read_photo_meta
from schouw.photos.exif import camera_of, position_of, taken_at_of

IMAGES = Path(__file__).resolve().parents[1].parent / "shared" / "testdata" / "images"
EXPECTED = (json.loads((IMAGES / "expected.json").read_text())["files"]
            if (IMAGES / "expected.json").is_file() else {})
needs_samples = pytest.mark.skipif(not EXPECTED, reason="shared/testdata/images not available")
# Pillow says so when it meets hopper_bad_exif.jpg and the garbage block below; expected.
pytestmark = pytest.mark.filterwarnings("ignore:Corrupt EXIF data")

GOOD = sorted(k.removeprefix("images/") for k, v in EXPECTED.items() if v.get("loads"))
WITH_GPS = [k for k in GOOD if EXPECTED["images/" + k]["gps"]]


def sample(rel: str) -> Path:
    path = IMAGES / rel
    if not path.is_file():
        pytest.skip(f"{rel} not available")
    return path


def iso(exif_date: str | None) -> str | None:
    return exif_date.replace(":", "-", 2).replace(" ", "T") if exif_date else None


@needs_samples
def test_the_samples_are_there():
    assert len(GOOD) > 40 and len(WITH_GPS) >= 7


@needs_samples
@pytest.mark.parametrize("rel", WITH_GPS)
def test_gps_position(rel):
    want = EXPECTED["images/" + rel]["gps"]
    meta = read_photo_meta(sample(rel))
    assert meta.lat == pytest.approx(want["lat"], abs=1e-5)
    assert meta.lon == pytest.approx(want["lon"], abs=1e-5)
    if rel.startswith("gps/"):
        photo = prepare_photo(sample(rel))
        assert (photo.lat, photo.lon) == (meta.lat, meta.lon)


@needs_samples
@pytest.mark.parametrize("rel", ["gps/exif_gps.jpg", "gps/empty_gps_ifd.jpg", "Canon_40D.jpg",
                                 "orientation/canon_hdr_NO.jpg", "32-lens_data.jpeg"])
def test_gps_blocks_without_a_position_give_none(rel):
    meta = read_photo_meta(sample(rel))
    assert (meta.lat, meta.lon) == (None, None)
    photo = prepare_photo(sample(rel))
    assert (photo.lat, photo.lon) == (None, None)


@needs_samples
@pytest.mark.parametrize("rel", GOOD)
def test_meta_of_every_sample(rel):
    want = EXPECTED["images/" + rel]
    meta = read_photo_meta(sample(rel))
    assert meta.taken_at == iso(want["datetime_original"])
    assert (meta.width, meta.height) == tuple(want["size_transposed"])
    if want.get("gps") is None:
        assert meta.lat is None and meta.lon is None


@needs_samples
@pytest.mark.parametrize("rel,taken", [
    ("gps/DSCN0010.jpg", "2008-10-22T16:28:39"),
    ("heic/xiaomi.heic", "2023-04-27T19:44:18"),
    ("flower.webp", "2003-12-14T12:01:44"),
    ("orientation/Landscape_3.jpg", None),
])
def test_taken_at_through_prepare(rel, taken):
    assert prepare_photo(sample(rel)).taken_at == taken


@needs_samples
@pytest.mark.parametrize("rel,camera", [
    ("Canon_40D.jpg", "Canon EOS 40D"),  # Make repeated in Model: said once
    ("gps/DSCN0010.jpg", "NIKON COOLPIX P6000"),
    ("WWL_(Polaroid)_ION230.jpg", "WWL ION230"),  # junk after the NUL dropped
    ("heic/IMG_5195.HEIC", "Apple iPhone 11 Pro Max"),
    ("hopper.png", None),
])
def test_camera(rel, camera):
    assert read_photo_meta(sample(rel)).camera == camera


@needs_samples
@pytest.mark.parametrize("rel", ["hopper_bad_exif.jpg", "image01137.jpg"])
def test_corrupt_exif_still_imports(rel):
    photo = prepare_photo(sample(rel))
    assert photo.taken_at is None and photo.lat is None
    assert Image.open(BytesIO(photo.jpeg)).mode == "RGB"


def test_meta_is_cheap_for_png(monkeypatch):
    """read_photo_meta must not decode: a PNG with a broken pixel stream still gives meta."""
    buf = BytesIO()
    Image.new("RGB", (300, 200), "red").save(buf, "PNG")
    data = bytearray(buf.getvalue())
    idat = data.index(b"IDAT")
    data[idat + 8:idat + 20] = b"\x00" * 12  # ruin the zlib stream
    meta = read_photo_meta(bytes(data))
    assert (meta.width, meta.height, meta.mime) == (300, 200, "image/png")


# --- EXIF built here -------------------------------------------------------------------

def jpeg_with(exif: Image.Exif, size=(40, 30)) -> bytes:
    buf = BytesIO()
    Image.new("RGB", size, (90, 120, 150)).save(buf, "JPEG", exif=exif.tobytes())
    return buf.getvalue()


def exif_with_gps(**gps) -> Image.Exif:
    exif = Image.Exif()
    exif[0x8825] = {TAGS[k]: v for k, v in gps.items()}
    return exif


TAGS = {"lat_ref": 1, "lat": 2, "lon_ref": 3, "lon": 4, "status": 9}


def dms(d, m, s):
    return tuple(TiffImagePlugin.IFDRational(Fraction(v).numerator, Fraction(v).denominator)
                 for v in (d, m, s))


def test_gps_south_west():
    exif = exif_with_gps(lat_ref="S", lat=dms(33, 51, 54), lon_ref="W", lon=dms(151, 12, 36))
    lat, lon = position_of(Image.open(BytesIO(jpeg_with(exif))).getexif())
    assert lat == pytest.approx(-(33 + 51 / 60 + 54 / 3600))
    assert lon == pytest.approx(-(151 + 12 / 60 + 36 / 3600))


def test_gps_netherlands_through_prepare():
    exif = exif_with_gps(lat_ref="N", lat=dms(52, 5, 30.5), lon_ref="E", lon=dms(5, 7, 12.25))
    photo = prepare_photo(jpeg_with(exif), name="utrecht.jpg")
    assert photo.lat == pytest.approx(52 + 5 / 60 + 30.5 / 3600, abs=1e-9)
    assert photo.lon == pytest.approx(5 + 7 / 60 + 12.25 / 3600, abs=1e-9)


@pytest.mark.parametrize("gps", [
    {"lat_ref": "N", "lat": dms(52, 5, 30)},  # no longitude
    {"lat_ref": "N", "lat": (TiffImagePlugin.IFDRational(52, 0), 0, 0), "lon_ref": "E",
     "lon": dms(5, 0, 0)},  # zero denominator
    {"lat_ref": "N", "lat": dms(0, 0, 0), "lon_ref": "E", "lon": dms(0, 0, 0)},  # no fix
    {"lat_ref": "N", "lat": dms(95, 0, 0), "lon_ref": "E", "lon": dms(5, 0, 0)},  # off the globe
    {"status": "V", "lat_ref": "N", "lat": dms(52, 0, 0), "lon_ref": "E", "lon": dms(5, 0, 0)},
])
def test_unusable_gps_gives_none(gps):
    exif = exif_with_gps(**gps)
    assert position_of(Image.open(BytesIO(jpeg_with(exif))).getexif()) == (None, None)


@pytest.mark.parametrize("raw,iso_value", [
    ("2024:05:17 09:30:00", "2024-05-17T09:30:00"),
    ("2024:05:17 09:30:00\x00", "2024-05-17T09:30:00"),
    ("2024-05-17 09:30:00", "2024-05-17T09:30:00"),
    ("0000:00:00 00:00:00", None),
    ("    :  :     :  :  ", None),
    ("2024:13:45 25:61:00", None),
    ("", None),
])
def test_taken_at_formats(raw, iso_value):
    exif = Image.Exif()
    exif[0x8769] = {0x9003: raw}
    assert taken_at_of(Image.open(BytesIO(jpeg_with(exif))).getexif()) == iso_value


def test_camera_without_model():
    exif = Image.Exif()
    exif[0x010F] = "Gemeente"
    assert camera_of(exif) == "Gemeente"
    assert camera_of(Image.Exif()) is None


def test_exif_that_is_garbage_is_ignored():
    buf = BytesIO()
    Image.new("RGB", (20, 20), "green").save(buf, "JPEG")
    data = buf.getvalue()
    junk = b"Exif\x00\x00MM\x00\x2a\x00\x00\x00\x08\x00\x05\xff\xff\xff"
    app1 = b"\xff\xe1" + (len(junk) + 2).to_bytes(2, "big") + junk
    bad = data[:2] + app1 + data[2:]
    photo = prepare_photo(bad, name="kapot-exif.jpg")
    assert (photo.width, photo.height, photo.taken_at, photo.lat) == (20, 20, None, None)
    assert read_photo_meta(bad).orientation == 1


def test_orientation_0_and_out_of_range_mean_upright():
    for value in (0, 9, 300):
        exif = Image.Exif()
        exif[0x0112] = value
        data = jpeg_with(exif, size=(60, 20))
        assert read_photo_meta(data).orientation == 1
        assert (prepare_photo(data).width, prepare_photo(data).height) == (60, 20)
