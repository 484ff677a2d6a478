"""Where this installation keeps its own things: device id, settings, logs, backups.

These are per installation, not per project: the device id says which laptop made a
change (``updated_by``), and backups go to the user's data folder so that a project on
a USB stick is not cluttered. The folder is where the system expects a user's
application data (platformdirs: ``%LOCALAPPDATA%\\schouw`` on Windows,
``~/Library/Application Support/schouw`` on macOS, ``~/.local/share/schouw`` on Linux).
``SCHOUW_DATA_DIR`` overrides it (tests, scripts). A *portable* copy (a ``schouw.ini``
beside the executable, e.g. on a USB stick) keeps everything in ``schouw-data`` beside
the executable instead, so it leaves nothing on the laptops it runs on.
"""

from __future__ import annotations

import configparser
import json
import os
import sys
import uuid
from pathlib import Path

import platformdirs

APP_NAME = "schouw"
#: the file beside the executable that makes a copy portable (and may name an update URL)
PORTABLE_MARKER = "schouw.ini"


def install_dir() -> Path:
    """The folder of the running executable: the bundle's ``schouw`` (or ``python`` in a
    virtual environment, where nobody puts a schouw.ini)."""
    return Path(sys.executable).resolve().parent


def portable_ini() -> Path | None:
    marker = install_dir() / PORTABLE_MARKER
    return marker if marker.is_file() else None


def data_dir() -> Path:
    override = os.environ.get("SCHOUW_DATA_DIR")
    if override:
        path = Path(override)
    elif portable_ini() is not None:
        path = install_dir() / "schouw-data"
    else:
        path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def update_url() -> str:
    """Where *Help → Controleren op updates* asks for the newest version, or "" (the
    default: then the menu item is not there at all). A municipality sets it in
    ``schouw.ini`` (``[updates] url = …``), ``SCHOUW_UPDATE_URL`` or the settings file
    (``"update_url"``). The app only ever asks when the user chooses the menu item."""
    url = os.environ.get("SCHOUW_UPDATE_URL", "").strip()
    ini = portable_ini()
    if not url and ini is not None:
        parser = configparser.ConfigParser()
        try:
            parser.read(ini, encoding="utf-8")
            url = parser.get("updates", "url", fallback="").strip()
        except (configparser.Error, UnicodeDecodeError):
            url = ""
    if not url:
        value = load_settings().get("update_url", "")
        url = value.strip() if isinstance(value, str) else ""
    return url if url.startswith(("https://", "http://")) else ""


def locations() -> dict[str, Path]:
    """Where this installation keeps its things, for the *Over schouw* dialog."""
    return {"data": data_dir(), "settings": data_dir() / "settings.json", "backups": backup_dir(),
            "logs": log_dir(), "forms": user_forms_dir()}


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
    """A stable random id for this installation, made on first use.

    Two processes may start at the same moment on a fresh installation (the app and a
    scheduled ``schouw sync``): each writes its own temporary file, and the first id to
    land is the one both use, so an installation never has two ids."""
    path = data_dir() / "device-id"
    try:
        value = path.read_text(encoding="utf-8").strip()
        if value:
            return value
    except FileNotFoundError:
        pass
    value = str(uuid.uuid4())
    tmp = path.with_name(f".device-id.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp")
    tmp.write_text(value, encoding="utf-8")
    try:
        os.link(tmp, path)  # only when there is none yet: the first writer wins
    except FileExistsError:
        pass
    except OSError:  # a file system without hard links
        if not path.exists():
            os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path.read_text(encoding="utf-8").strip() or value


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
