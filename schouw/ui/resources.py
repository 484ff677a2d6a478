"""Where the app's non-code files are: the stylesheet, icons and translations.

In a checkout they sit in ``resources/`` beside the package; an installed wheel carries
a copy in ``schouw/_resources`` (force-included like ``forms/``).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path


@cache
def resources_dir() -> Path:
    package = Path(__file__).resolve().parents[1]
    for candidate in (package.parent / "resources", package / "_resources"):
        if (candidate / "i18n").is_dir():
            return candidate
    return package.parent / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
