"""The numbering of the paper walk pack: "3.12" is street 3, item 12.

One pure rule used by both the printed forms (report/walk_pack.py) and the key-in of
paper forms, so what is printed is exactly what can be typed back.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TypeVar

T = TypeVar("T")

_NUMBER = re.compile(r"^\s*(\d{1,4})\s*[.,]\s*(\d{1,4})\s*$")


def number(street_no: int, item_no: int) -> str:
    """The printed number of item ``item_no`` on street ``street_no`` (both 1-based)."""
    if street_no < 1 or item_no < 1:
        raise ValueError("numbers start at 1")
    return f"{street_no}.{item_no}"


def parse_number(text: str) -> tuple[int, int]:
    """Read "3.12" (or "3,12", as a Dutch keyboard types it) back to (3, 12).

    Raises ValueError for anything else, so a typing error never lands on another item."""
    m = _NUMBER.match(text or "")
    if not m:
        raise ValueError(text)
    street_no, item_no = int(m.group(1)), int(m.group(2))
    if street_no < 1 or item_no < 1:
        raise ValueError(text)
    return street_no, item_no


def numbered(things: Iterable[T]) -> list[tuple[int, T]]:
    """Things in the given order (streets in walking order, items in form order), numbered from 1."""
    return list(enumerate(things, start=1))


def resolve(text: str, streets: Sequence[T], items: Sequence[object]) -> tuple[T, object]:
    """The street and item a printed number stands for; ValueError when it is not on the pack."""
    street_no, item_no = parse_number(text)
    if street_no > len(streets) or item_no > len(items):
        raise ValueError(text)
    return streets[street_no - 1], items[item_no - 1]


NOT_APPLICABLE_KEYS = ("n", "nvt", "n.v.t.", "-")


def parse_line(text: str) -> tuple[str, str, str, str]:
    """One key-in line as it is typed from a paper form: ``3.12 b 14 kapotte stoeptegel``
    -> ("3.12", "b", "14", "kapotte stoeptegel"). The house number is the third word when it
    starts with a digit; the rest is the remark. Checking against the form is :func:`resolve`'s
    and the caller's job; here only the shape."""
    words = (text or "").split()
    if len(words) < 2:
        raise ValueError(text)
    num, level, rest = words[0], words[1], words[2:]
    house = rest.pop(0) if rest and rest[0][:1].isdigit() else ""
    return num, level, house, " ".join(rest)
