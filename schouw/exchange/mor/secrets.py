"""API keys and client secrets: in the operating system's keyring when it has a usable
one (Windows Credential Locker, macOS Keychain, Secret Service on Linux desktops),
otherwise in a file in the user's data folder that only the user may read (0600).

A secret is never part of a profile, a project file, an export, a log line or an error
message. Whoever handles one wraps it in :class:`Secret`, whose ``repr``/``str`` hide
it, and passes messages from the outside world through :func:`redact`.

``SCHOUW_SECRET_STORE=file`` (or ``keyring``) forces a store: portable installs and the
tests use the file so they never touch the user's real keyring.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from pathlib import Path

from schouw import settings
from schouw.messages import SchouwError

log = logging.getLogger(__name__)

SERVICE = "schouw"
FILE_NAME = "secrets.json"


class Secret:
    """A string that does not show itself by accident (repr, str, f-strings, logs,
    pickles): the one type every MOR transport keeps keys and tokens in."""

    __slots__ = ("_value",)

    def __init__(self, value: str):
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "Secret('***')"

    __str__ = __repr__

    def __format__(self, spec: str) -> str:
        return "***"

    def __bool__(self) -> bool:
        return bool(self._value)

    def __reduce__(self):  # no pickling: a pickle would carry the secret to disk
        raise TypeError("a Secret cannot be pickled")


def redact(text: str, *secrets: Secret | str | None) -> str:
    """``text`` with every secret (and its URL-encoded form) replaced by ***."""
    from urllib.parse import quote, quote_plus

    for secret in secrets:
        value = secret.reveal() if isinstance(secret, Secret) else secret
        if not value or len(value) < 4:
            continue
        for form in {value, quote(value, safe=""), quote_plus(value)}:
            text = text.replace(form, "***")
    return text


def _backend():
    """The keyring backend when a real one is there, else None."""
    forced = os.environ.get("SCHOUW_SECRET_STORE", "").strip().lower()
    if forced == "file":
        return None
    try:
        import keyring
        from keyring.backends import fail
    except Exception:  # noqa: BLE001 - no keyring package, or a broken one: use the file
        return None
    try:
        backend = keyring.get_keyring()
    except Exception:  # noqa: BLE001
        return None
    if isinstance(backend, fail.Keyring):
        return None
    name = type(backend).__module__
    if "null" in name or getattr(backend, "priority", 1) < 1 and forced != "keyring":
        return None
    return backend


def store_name() -> str:
    """Where secrets go on this machine: 'keyring (…)' or the file's path."""
    backend = _backend()
    return f"keyring ({type(backend).__name__})" if backend is not None else str(_file())


def _file() -> Path:
    return settings.data_dir() / FILE_NAME


def _read_file() -> dict[str, str]:
    try:
        data = json.loads(_file().read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write_file(data: dict[str, str]) -> None:
    path = _file()
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    # created 0600 from the first byte: never a moment in which others could read it
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle)
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(OSError):
            os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def get_secret(key: str) -> Secret | None:
    """The secret stored under ``key`` (``SyncProfile.secret_key``), or None."""
    backend = _backend()
    if backend is not None:
        try:
            value = backend.get_password(SERVICE, key)
        except Exception as error:  # noqa: BLE001 - a locked or broken keyring: say which
            raise SchouwError("secret_store_failed", store=type(backend).__name__,
                              detail=type(error).__name__) from None
        if value:
            return Secret(value)
    value = _read_file().get(key)
    return Secret(value) if value else None


def set_secret(key: str, value: str) -> str:
    """Store a secret; returns where it went (for the user's confirmation)."""
    value = value.strip()
    if not value:
        raise SchouwError("secret_empty")
    backend = _backend()
    if backend is not None:
        try:
            backend.set_password(SERVICE, key, value)
        except Exception as error:  # noqa: BLE001
            raise SchouwError("secret_store_failed", store=type(backend).__name__,
                              detail=type(error).__name__) from None
        # an older copy in the file must not outlive the new one in the keyring
        data = _read_file()
        if data.pop(key, None) is not None:
            _write_file(data)
        return store_name()
    data = _read_file()
    data[key] = value
    _write_file(data)
    return store_name()


def delete_secret(key: str) -> None:
    backend = _backend()
    if backend is not None:
        with contextlib.suppress(Exception):
            backend.delete_password(SERVICE, key)
    data = _read_file()
    if data.pop(key, None) is not None:
        _write_file(data)
