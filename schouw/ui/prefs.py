"""The app's own preferences (language, text size, recent projects), kept in the
installation's settings file next to the device id, never in a project."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path

from schouw import settings

MAX_RECENT = 8


@dataclass
class Preferences:
    language: str = "nl"
    text_scale: float = 1.0
    keep_original: bool = False
    recent: list[str] = field(default_factory=list)
    last_project: str = ""
    #: project path -> id of the round last walked in it
    last_round: dict[str, str] = field(default_factory=dict)
    geometry: str = ""
    splitter: str = ""

    @classmethod
    def load(cls) -> Preferences:
        data = settings.load_settings().get("app", {})
        prefs = cls()
        for key, value in data.items():
            if hasattr(prefs, key) and isinstance(value, type(getattr(prefs, key))):
                setattr(prefs, key, value)
            elif key == "text_scale" and isinstance(value, int | float):
                prefs.text_scale = float(value)
        if prefs.language not in ("nl", "en"):
            prefs.language = "nl"
        prefs.text_scale = min(max(prefs.text_scale, 0.8), 2.0)
        return prefs

    def save(self) -> None:
        data = settings.load_settings()
        data["app"] = asdict(self)
        settings.save_settings(data)

    def remember_project(self, path: Path | str) -> None:
        text = str(Path(path).resolve())
        self.recent = [text] + [p for p in self.recent if p != text]
        del self.recent[MAX_RECENT:]
        self.last_project = text
        self.save()

    def forget_project(self, path: Path | str) -> None:
        text = str(Path(path).resolve())
        self.recent = [p for p in self.recent if p != text]
        if self.last_project == text:
            self.last_project = ""
        self.save()
