"""Reading a municipality's update notice: is there a newer schouw than this one?

The app never updates itself and never asks on its own: *Help → Controleren op
updates* exists only when an update URL is configured (:func:`schouw.settings.update_url`)
and asks only when chosen. The URL answers a small JSON document::

    {"version": "0.2.0", "url": "https://intranet.example.nl/schouw/", "notes": "…"}

and the app says what it found; downloading and installing stay with the user (or the
municipality's software distribution).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Offer:
    version: str
    url: str
    notes: str = ""


def version_key(text: str) -> tuple[int, ...]:
    """``"0.10.1"`` → (0, 10, 1); anything after the numbers (``rc1``) is ignored."""
    return tuple(int(part) for part in re.findall(r"\d+", text.split("+", 1)[0])[:4])


def read_offer(body: bytes) -> Offer:
    """The notice, or ValueError when it is not one."""
    data = json.loads(body.decode("utf-8"))
    if not isinstance(data, dict) or not isinstance(data.get("version"), str) or not version_key(data["version"]):
        raise ValueError("no version in the update notice")
    url = data.get("url") if isinstance(data.get("url"), str) else ""
    notes = data.get("notes") if isinstance(data.get("notes"), str) else ""
    return Offer(data["version"].strip(), url.strip(), notes.strip())


def is_newer(offer: Offer, current: str) -> bool:
    return version_key(offer.version) > version_key(current)
