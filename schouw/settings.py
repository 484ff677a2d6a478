"""Where this installation keeps its own things: device id, settings, logs, backups.

These are per installation, not per project: the device id says which laptop made a
change (``updated_by``), and backups go to the user's data folder so that a project on
a USB stick is not cluttered. ``SCHOUW_DATA_DIR`` overrides the folder (tests, portable
installs).
"""

from __future__ import annotations

import json
import os
import uuid
from pathlib import Path

import platformdirs

APP_NAME = "schouw"


def data_dir() -> Path:
    override = os.environ.get("SCHOUW_DATA_DIR")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_project_path() -> Path:
    return data_dir() / "project.schouw"


def backup_dir() -> Path:
    path = data_dir() / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_dir() -> Path:
    path = data_dir() / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path


def user_forms_dir() -> Path:
    return data_dir() / "forms"


def device_id() -> str:
    """A stable random id for this installation, made on first use."""
    path = data_dir() / "device-id"
    try:
        value = path.read_text(encoding="utf-8").strip()
        if value:
            return value
    except FileNotFoundError:
        pass
    value = str(uuid.uuid4())
    tmp = path.with_suffix(".tmp")
    tmp.write_text(value, encoding="utf-8")
    os.replace(tmp, path)
    return value


def load_settings() -> dict:
    try:
        return json.loads((data_dir() / "settings.json").read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return {}


def save_settings(settings: dict) -> None:
    path = data_dir() / "settings.json"
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(settings, indent=2, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, path)
