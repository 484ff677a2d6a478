"""What prepare_photo makes of each kind of input: sizes, colour, alpha, hashes, bytes."""

from __future__ import annotations

import hashlib
from concurrent.futures import ThreadPoolExecutor
from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image, ImageCms, ImageDraw, ImageStat

from schouw.photos import PreparedPhoto, prepare_photo
from schouw.photos.ingest import draft_for

IMAGES = Path(__file__).resolve().parents[1].parent / "shared" / "testdata" / "images"


def sample(rel: str) -> Path:
    path = IMAGES / rel
    if not path.is_file():
        pytest.skip(f"{rel} not available")
    return path


def encode(im: Image.Image, fmt: str, **kw) -> bytes:
    buf = BytesIO()
    im.save(buf, fmt, **kw)
    return buf.getvalue()


def decoded(data: bytes) -> Image.Image:
    im = Image.open(BytesIO(data))
    im.load()
    return im


def pixel(data: bytes, xy) -> tuple[int, int, int]:
    return decoded(data).convert("RGB").getpixel(xy)


def close(a, b, tol=12) -> bool:
    return all(abs(x - y) <= tol for x, y in zip(a, b, strict=True))


def test_large_jpeg_is_decoded_reduced_and_normalised():
    im = Image.linear_gradient("L").resize((5200, 2600)).convert("RGB")
    data = encode(im, "JPEG", quality=80)
    with Image.open(BytesIO(data)) as src:
        draft_for(src, 2560)
        src.load()
        assert src.size == (2600, 1300)  # 1/2 scale straight from the DCT, not 5200 wide
    photo = prepare_photo(data, name="breed.jpg")
    assert (photo.width, photo.height) == (2560, 1280)
    assert decoded(photo.jpeg).size == (2560, 1280)
    assert decoded(photo.report).size == (1280, 640)
    assert decoded(photo.thumb).size == (256, 128)


def test_draft_never_goes_below_the_target():
    data = encode(Image.new("RGB", (5000, 3750), "gray"), "JPEG")
    with Image.open(BytesIO(data)) as src:
        draft_for(src, 2560)
        src.load()
        assert src.size == (5000, 3750)  # half would be 2500 < 2560: decode at full size
    photo = prepare_photo(data)
    assert (photo.width, photo.height) == (2560, 1920)


def test_small_photos_are_not_enlarged():
    photo = prepare_photo(encode(Image.new("RGB", (200, 90), "teal"), "PNG"), name="klein.png")
    assert (photo.width, photo.height) == (200, 90)
    assert decoded(photo.report).size == (200, 90)
    assert decoded(photo.thumb).size == (200, 90)


def test_dedupe_hash_and_original(tmp_path):
    path = sample("gps/DSCN0021.jpg")
    data = path.read_bytes()
    photo = prepare_photo(path)
    assert photo.sha256 == hashlib.sha256(data).hexdigest()
    assert photo.original is None
    assert photo.source_name == "DSCN0021.jpg" and photo.source_mime == "image/jpeg"
    kept = prepare_photo(data, name="kopie.jpg", keep_original=True)
    assert kept.original == data and kept.sha256 == photo.sha256
    assert kept.source_name == "kopie.jpg"
    assert prepare_photo(data).source_name == "foto"
    assert "PreparedPhoto('DSCN0021.jpg'" in repr(photo) and len(repr(photo)) < 300


def test_copies_are_baseline_srgb_jpegs_without_metadata():
    path = sample("gps/iphone_hdr_NO.jpg")
    photo = prepare_photo(path)
    assert isinstance(photo, PreparedPhoto)
    assert (photo.width, photo.height) == (2560, 1920)
    for data in (photo.jpeg, photo.report, photo.thumb):
        im = decoded(data)
        assert im.format == "JPEG" and im.mode == "RGB"
        assert not im.getexif()
        assert "icc_profile" not in im.info
        assert b"Exif" not in data and b"iPhone" not in data and b"Apple" not in data
    assert 0 < len(photo.thumb) < len(photo.report) < len(photo.jpeg)


def test_cmyk_jpeg_becomes_rgb():
    im = Image.new("CMYK", (64, 48), (0, 255, 255, 0))  # red ink on paper
    ImageDraw.Draw(im).rectangle((32, 0, 63, 47), fill=(0, 0, 0, 255))  # black
    photo = prepare_photo(encode(im, "JPEG", quality=95), name="drukwerk.jpg")
    out = decoded(photo.jpeg)
    assert out.mode == "RGB"
    assert close(out.getpixel((8, 24)), (255, 0, 0), 20)
    assert close(out.getpixel((56, 24)), (0, 0, 0), 20)


def test_profile_of_the_wrong_colour_space_is_ignored():
    """An RGB profile attached to CMYK data cannot be applied: convert plainly, never crash."""
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    im = Image.new("CMYK", (32, 32), (0, 255, 255, 0))
    photo = prepare_photo(encode(im, "JPEG", icc_profile=srgb), name="cmyk-icc.jpg")
    assert close(pixel(photo.jpeg, (16, 16)), (255, 0, 0), 20)


def test_broken_profile_is_ignored():
    im = Image.new("RGB", (32, 32), (10, 200, 30))
    photo = prepare_photo(encode(im, "JPEG", icc_profile=b"\x00" * 200), name="rare-icc.jpg")
    assert close(pixel(photo.jpeg, (16, 16)), (10, 200, 30), 6)


def test_display_p3_is_converted_to_srgb():
    heic = sample("heic/IMG_5195.HEIC")
    with Image.open(heic) as src:
        p3 = src.info["icc_profile"]
    colour = (40, 180, 60)  # a P3 green: in sRGB it is more saturated
    im = Image.new("RGB", (64, 64), colour)
    photo = prepare_photo(encode(im, "JPEG", quality=100, icc_profile=p3), name="p3.jpg")
    want = ImageCms.profileToProfile(im, ImageCms.ImageCmsProfile(BytesIO(p3)),
                                     ImageCms.createProfile("sRGB")).getpixel((32, 32))
    got = pixel(photo.jpeg, (32, 32))
    assert close(got, want, 4)
    assert not close(got, colour, 4)
    assert "icc_profile" not in decoded(photo.jpeg).info


def test_srgb_profile_changes_nothing():
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    im = Image.new("RGB", (64, 64), (40, 180, 60))
    photo = prepare_photo(encode(im, "JPEG", quality=100, icc_profile=srgb))
    assert close(pixel(photo.jpeg, (32, 32)), (40, 180, 60), 3)


@pytest.mark.parametrize("fmt,kw", [("PNG", {}), ("WEBP", {"lossless": True})])
def test_alpha_is_flattened_on_white(fmt, kw):
    im = Image.new("RGBA", (80, 60), (0, 0, 0, 0))  # transparent black
    ImageDraw.Draw(im).rectangle((40, 0, 79, 59), fill=(200, 0, 0, 255))
    photo = prepare_photo(encode(im, fmt, **kw), name=f"logo.{fmt.lower()}")
    assert photo.source_mime == f"image/{fmt.lower()}"
    out = decoded(photo.jpeg)
    assert out.mode == "RGB"
    assert close(out.getpixel((10, 30)), (255, 255, 255), 6)
    assert close(out.getpixel((70, 30)), (200, 0, 0), 12)


def test_transparent_webp_sample():
    path = sample("transparent.webp")
    with Image.open(path) as src:
        alpha = src.getchannel("A")
        x, y = next((x, y) for y in range(src.height) for x in range(src.width)
                    if alpha.getpixel((x, y)) == 0)
    out = decoded(prepare_photo(path).jpeg)
    assert out.size == (200, 150)
    assert close(out.getpixel((x, y)), (255, 255, 255), 10)


def test_palette_png_with_transparency():
    im = Image.new("P", (40, 40), 0)
    im.putpalette([0, 0, 0, 0, 0, 255] + [0] * 762)
    ImageDraw.Draw(im).rectangle((20, 0, 39, 39), fill=1)
    data = encode(im, "PNG", transparency=0)
    out = decoded(prepare_photo(data).jpeg)
    assert close(out.getpixel((5, 20)), (255, 255, 255), 6)
    assert close(out.getpixel((35, 20)), (0, 0, 255), 12)


def test_grayscale_inputs():
    for im in (Image.new("L", (50, 40), 120), Image.new("LA", (50, 40), (120, 255))):
        fmt = "JPEG" if im.mode == "L" else "PNG"
        out = decoded(prepare_photo(encode(im, fmt)).jpeg)
        assert out.mode == "RGB"
        assert close(out.getpixel((25, 20)), (120, 120, 120), 3)


def test_sixteen_bit_png_is_scaled_not_clipped():
    im = Image.new("I;16", (30, 30), 40000)
    out = decoded(prepare_photo(encode(im, "PNG")).jpeg)
    assert close(out.getpixel((15, 15)), (156, 156, 156), 3)


def test_bytes_and_path_give_the_same_photo(tmp_path):
    path = sample("orientation/Portrait_6.jpg")
    a, b = prepare_photo(path), prepare_photo(path.read_bytes(), name=path.name)
    assert a == b


def test_threads_give_the_same_bytes_as_one_thread():
    rels = ["orientation/Landscape_6.jpg", "heic/samplefilehub.heif", "flower.webp",
            "orientation/exif_imagemagick_orientation.png", "gps/DSCN0042.jpg", "hopper.png"]
    paths = [sample(r) for r in rels] * 2
    alone = [prepare_photo(p) for p in paths]
    with ThreadPoolExecutor(4) as pool:
        together = list(pool.map(prepare_photo, paths))
    assert together == alone


def test_normalised_copy_stats_match_the_source():
    """Normalising must not shift colours: compare channel means with Pillow's own decode."""
    path = sample("gps/DSCN0010.jpg")
    with Image.open(path) as src:
        want = ImageStat.Stat(src.convert("RGB")).mean
    got = ImageStat.Stat(decoded(prepare_photo(path).jpeg)).mean
    assert all(abs(a - b) < 1.5 for a, b in zip(want, got, strict=True))
