"""Bad files end as one SchouwError that names the file, never as another exception."""

from __future__ import annotations

import struct
import warnings
import zlib
from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image, ImageFile

from schouw.messages import SchouwError
from schouw.photos import prepare_photo, read_photo_meta

IMAGES = Path(__file__).resolve().parents[1].parent / "shared" / "testdata" / "images"


def sample(rel: str) -> Path:
    path = IMAGES / rel
    if not path.is_file():
        pytest.skip(f"{rel} not available")
    return path


def refused(source, key: str, shown: str, **kw) -> SchouwError:
    with pytest.raises(SchouwError) as info:
        prepare_photo(source, **kw)
    err = info.value
    assert err.key == key, err
    for lang in ("nl", "en"):
        assert shown in err.message(lang)
        assert "{" not in err.message(lang)  # every parameter filled in
    return err


def png_header(width: int, height: int) -> bytes:
    """A valid PNG signature, IHDR and a tiny IDAT/IEND: claims a size it never stores."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
            + chunk(b"IDAT", zlib.compress(b"\x00" * 16)) + chunk(b"IEND", b""))


def jpeg_claiming(width: int, height: int) -> bytes:
    buf = BytesIO()
    Image.new("RGB", (16, 16), "white").save(buf, "JPEG")
    data = bytearray(buf.getvalue())
    sof = data.index(b"\xff\xc0")
    data[sof + 5:sof + 9] = struct.pack(">HH", height, width)
    return bytes(data)


def photo_bytes(fmt: str = "JPEG", size=(640, 480)) -> bytes:
    im = Image.radial_gradient("L").resize(size).convert("RGB")
    buf = BytesIO()
    im.save(buf, fmt)
    return buf.getvalue()


def test_pillow_safety_nets_left_on():
    assert ImageFile.LOAD_TRUNCATED_IMAGES is False
    assert Image.MAX_IMAGE_PIXELS is not None


@pytest.mark.parametrize("rel,key", [
    ("broken/broken.png", "photo_not_image"),
    ("broken/corrupted.heic", "photo_not_image"),
    ("broken/empty.heic", "photo_empty"),
    ("broken/truncated_end_chunk.png", "photo_truncated"),
    ("broken/broken_data_stream.png", "photo_damaged"),
])
def test_broken_samples(rel, key):
    path = sample(rel)
    err = refused(path, key, path.name)
    assert err.params["name"] == path.name


@pytest.mark.parametrize("rel,key", [
    ("broken/broken.png", "photo_not_image"),
    ("broken/corrupted.heic", "photo_not_image"),
    ("broken/empty.heic", "photo_empty"),
])
def test_broken_samples_refused_by_meta_too(rel, key):
    with pytest.raises(SchouwError) as info:
        read_photo_meta(sample(rel))
    assert info.value.key == key


def test_empty_bytes():
    refused(b"", "photo_empty", "leeg.jpg", name="leeg.jpg")


def test_empty_file(tmp_path):
    path = tmp_path / "IMG_0001.JPG"
    path.write_bytes(b"")
    refused(path, "photo_empty", "IMG_0001.JPG")


@pytest.mark.parametrize("data", [
    b"Dit is geen foto maar een boodschappenlijst.\n",
    b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n",
    b"\xff\xd8\xff",  # a JPEG signature and nothing else
])
def test_not_an_image(data):
    refused(data, "photo_not_image", "bijlage.jpg", name="bijlage.jpg")


def test_image_formats_we_do_not_take():
    """Pillow reads GIF and BMP, but schouw takes photos: JPEG, HEIC, PNG, WebP."""
    for fmt in ("GIF", "BMP", "TIFF"):
        refused(photo_bytes(fmt, (32, 32)), "photo_not_image", f"plaatje.{fmt.lower()}",
                name=f"plaatje.{fmt.lower()}")


@pytest.mark.parametrize("fraction", [0.5, 0.9])
def test_truncated_jpeg(fraction):
    data = photo_bytes("JPEG")
    refused(data[:int(len(data) * fraction)], "photo_truncated", "half.jpg", name="half.jpg")


def test_truncated_jpeg_sample():
    data = sample("orientation/Landscape_1.jpg").read_bytes()
    refused(data[: len(data) * 2 // 3], "photo_truncated", "Landscape_1.jpg", name="Landscape_1.jpg")


def test_jpeg_cut_inside_its_header():
    data = sample("gps/DSCN0010.jpg").read_bytes()
    refused(data[:2000], "photo_truncated", "DSCN0010.jpg", name="DSCN0010.jpg")


def test_truncated_png():
    data = photo_bytes("PNG")
    refused(data[: len(data) // 2], "photo_truncated", "half.png", name="half.png")


def test_truncated_webp():
    data = photo_bytes("WEBP")
    with pytest.raises(SchouwError) as info:
        prepare_photo(data[: len(data) // 2], name="half.webp")
    assert info.value.key in ("photo_truncated", "photo_damaged", "photo_not_image")


def test_decompression_bomb_png_refused_before_decoding():
    data = png_header(30_000, 30_000)
    assert len(data) < 100
    err = refused(data, "photo_too_large", "bom.png", name="bom.png")
    assert err.params["pixels"] == 900 and err.params["limit"] == 100


def test_decompression_bomb_jpeg_refused_before_decoding():
    refused(jpeg_claiming(30_000, 30_000), "photo_too_large", "bom.jpg", name="bom.jpg")


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
def test_over_our_limit_but_under_pillows_error():
    """120 MP: Pillow only warns; our own 100-MP limit refuses it."""
    err = refused(png_header(12_000, 10_000), "photo_too_large", "groot.png", name="groot.png")
    assert err.params["pixels"] == 120


def test_bomb_warning_as_error_is_still_too_large():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        refused(png_header(12_000, 10_000), "photo_too_large", "groot.png", name="groot.png")


def test_bomb_refused_by_meta():
    with pytest.raises(SchouwError) as info:
        read_photo_meta(png_header(30_000, 30_000))
    assert info.value.key == "photo_too_large"


def test_missing_file(tmp_path):
    with pytest.raises(SchouwError) as info:
        prepare_photo(tmp_path / "weg.jpg")
    assert info.value.key == "file_missing"
    assert "weg.jpg" in str(info.value)
    with pytest.raises(SchouwError):
        read_photo_meta(tmp_path / "weg.jpg")


def test_a_folder_is_not_a_photo(tmp_path):
    folder = tmp_path / "map.jpg"
    folder.mkdir()
    refused(folder, "photo_unreadable", "map.jpg")


def test_random_corruption_never_escapes_as_another_exception():
    """Flip bytes all over a real JPEG, PNG and WebP: every result is a photo or a SchouwError."""
    import random

    rnd = random.Random(4)
    for fmt in ("JPEG", "PNG", "WEBP"):
        good = photo_bytes(fmt, (96, 64))
        for _ in range(60):
            data = bytearray(good)
            for _ in range(rnd.randint(1, 12)):
                data[rnd.randrange(len(data))] = rnd.randrange(256)
            try:
                prepare_photo(bytes(data), name="x")
            except SchouwError:
                pass
