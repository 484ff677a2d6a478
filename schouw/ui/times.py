"""Stored times (UTC, ISO 8601) as a person in the street reads them: local time, and
only the clock when it is today."""

from __future__ import annotations

from datetime import UTC, datetime


def local_time(stamp: str | None) -> str:
    """"14:05" today, "22-11 14:05" on another day; the text itself if it is no time."""
    if not stamp:
        return ""
    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return stamp
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    local = moment.astimezone()
    today = datetime.now().astimezone().date()
    return local.strftime("%H:%M") if local.date() == today else local.strftime("%d-%m %H:%M")
