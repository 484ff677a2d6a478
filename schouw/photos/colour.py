"""Any decoded photo to plain 8-bit RGB in sRGB, the one form every later step assumes.

Why colour management at all: iPhones write Display P3 (HEIC and JPEG) and print shops
CMYK with an embedded profile. Dropping the profile without converting makes P3 photos
dull and CMYK photos garish in every viewer and in the PDF report. The conversion runs on
the already reduced image, and its lcms transform is built once per distinct profile.
"""

from __future__ import annotations

from functools import lru_cache
from io import BytesIO

from PIL import Image, ImageCms

WHITE = 255
_SRGB = ImageCms.createProfile("sRGB")
_PROFILE_SPACE = {"RGB": "RGB ", "CMYK": "CMYK", "L": "GRAY"}
_ALPHA_MODES = {"RGBA", "RGBa", "LA", "La", "PA"}
_WIDE_INT_MODES = {"I;16", "I;16L", "I;16B", "I;16N", "I"}


def to_srgb(im: Image.Image, icc: bytes | None) -> Image.Image:
    """``im`` (RGB, L or CMYK, as :func:`plain` gives) as RGB in sRGB, converted from the
    ICC profile ``icc`` of its source when there is one that is not sRGB already."""
    if im.mode not in _PROFILE_SPACE:
        im = plain(im)
    if icc:
        transform = _transform(bytes(icc), im.mode)
        if transform is not None:
            return transform.apply(im)
    return im if im.mode == "RGB" else im.convert("RGB")


def plain(im: Image.Image) -> Image.Image:
    """RGB, L or CMYK, with any transparency composited onto white: modes every resize
    and transpose handles, still in the source's colour space."""
    mode = im.mode
    if mode in ("RGB", "L", "CMYK"):
        return im
    if mode in _WIDE_INT_MODES:  # 16-bit grayscale PNG: scale, do not clip at 255
        return im.convert("I").point(lambda v: v / 256).convert("L")
    if mode == "P" and "transparency" not in im.info:
        return im.convert("RGB")
    if mode in _ALPHA_MODES or mode == "P":
        gray = mode in ("LA", "La")
        src = im.convert("LA" if gray else "RGBA")
        out = Image.new("L" if gray else "RGB", im.size, WHITE if gray else (WHITE,) * 3)
        out.paste(src.convert("L" if gray else "RGB"), mask=src.getchannel("A"))
        return out
    if mode == "1":
        return im.convert("L")
    return im.convert("RGB")


@lru_cache(maxsize=16)
def _transform(icc: bytes, mode: str) -> ImageCms.ImageCmsTransform | None:
    """The profile -> sRGB transform, or None when the profile is sRGB, unusable or wrong."""
    try:
        profile = ImageCms.ImageCmsProfile(BytesIO(icc))
        space = profile.profile.xcolor_space
        if space != _PROFILE_SPACE.get(mode):
            return None  # a profile that does not fit the pixels: ignore it
        if mode == "RGB" and "srgb" in ImageCms.getProfileDescription(profile).lower():
            return None
        # NOCACHE: lcms's one-pixel cache is not safe when threads share a transform.
        return ImageCms.buildTransform(profile, _SRGB, mode, "RGB",
                                       flags=ImageCms.Flags.NOCACHE)
    except (OSError, ValueError, TypeError, ImageCms.PyCMSError):
        return None
