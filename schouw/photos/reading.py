"""Getting a photo's bytes and a vetted Pillow image, or a SchouwError that names the file.

Every way a file can be bad ends here as one of the ``photo_*`` messages: a user picks
files from a phone dump or a mail attachment, and one bad file must cost one clear line,
never a traceback or the rest of the batch. Pillow's own safety nets stay as they are
(``LOAD_TRUNCATED_IMAGES`` off, its decompression-bomb error on); our own pixel limit is
checked on the header size before any decoding.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

import pillow_heif
from PIL import Image, JpegImagePlugin, MpoImagePlugin, PngImagePlugin, WebPImagePlugin

from schouw.messages import SchouwError

# Importing the plugins registers them, so Image.open never has to import the whole set
# (and never does so from two threads at once).
_ = (JpegImagePlugin, MpoImagePlugin, PngImagePlugin, WebPImagePlugin)
pillow_heif.register_heif_opener()

#: What schouw accepts, as Pillow format ids. Anything else is "not an image we know",
#: even if Pillow could read it: fewer decoders, less attack surface.
FORMATS = ("JPEG", "PNG", "WEBP", "HEIF")  # JPEG covers MPO: one opener
MIME = {
    "JPEG": "image/jpeg",
    "MPO": "image/jpeg",  # a JPEG with extra frames (depth maps, iPhone HDR)
    "PNG": "image/png",
    "WEBP": "image/webp",
    "HEIF": "image/heic",
}
#: Largest accepted header size. A 100-MP photo decodes to 300 MB of RGB; camera and
#: phone photos are 12 to 50 MP.
MAX_PIXELS = 100_000_000
UNNAMED = "foto"


def source_bytes(source: Path | bytes, name: str | None) -> tuple[bytes, str]:
    """The file's bytes and the name to show for it."""
    if isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
        name = name or UNNAMED
    else:
        path = Path(source)
        name = name or path.name or str(path)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise SchouwError("file_missing", path=str(path)) from None
        except OSError as exc:
            raise SchouwError("photo_unreadable", name=name, detail=exc.strerror or str(exc)) from exc
    if not data:
        raise SchouwError("photo_empty", name=name)
    return data, name


@contextmanager
def opened(fp: BinaryIO | Path, name: str) -> Iterator[Image.Image]:
    """Image.open restricted to our formats, refused before decoding when too large."""
    try:
        im = Image.open(fp, formats=FORMATS)
    except Exception as exc:  # noqa: BLE001 - every way a bad header can fail
        raise refusal(exc, name) from exc
    try:
        w, h = im.size
        if w < 1 or h < 1:
            raise SchouwError("photo_damaged", name=name)
        if w * h > MAX_PIXELS:
            raise too_large(name, w * h)
        yield im
    finally:
        im.close()


def load(im: Image.Image, name: str) -> None:
    """Decode the pixels now, so a damaged stream is refused here and not later."""
    try:
        im.load()
    except Exception as exc:  # noqa: BLE001 - decoders raise OSError, ValueError, RuntimeError...
        raise refusal(exc, name) from exc


def too_large(name: str, pixels: int) -> SchouwError:
    return SchouwError("photo_too_large", name=name, pixels=round(pixels / 1e6),
                       limit=MAX_PIXELS // 1_000_000)


def refusal(exc: BaseException, name: str) -> SchouwError:
    """The message for an exception Pillow (or pillow-heif) raised on a bad file."""
    if isinstance(exc, SchouwError):
        return exc
    if isinstance(exc, Image.UnidentifiedImageError):
        return SchouwError("photo_not_image", name=name)
    if isinstance(exc, Image.DecompressionBombError | Image.DecompressionBombWarning):
        m = re.search(r"\((\d+) pixels\)", str(exc))
        return too_large(name, int(m.group(1)) if m else MAX_PIXELS + 1)
    if isinstance(exc, MemoryError):
        return too_large(name, MAX_PIXELS + 1)
    if "truncated" in str(exc).lower() or isinstance(exc, EOFError):
        return SchouwError("photo_truncated", name=name)
    return SchouwError("photo_damaged", name=name)
