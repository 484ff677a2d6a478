"""One app per user: a second launch hands its project to the window already open.

Double-clicking a ``.schouw`` file while schouw runs would otherwise start a second
window, which the project lock then refuses for the same file and which confuses
everyone for another. So the first app listens on a local socket (``QLocalServer``: a
named pipe on Windows, a Unix socket elsewhere) named for this user and this data
folder (a portable copy on a USB stick, or a test with its own ``SCHOUW_DATA_DIR``, is
its own instance); a later launch connects, sends one JSON line
``{"open": PATH or null}`` and ends once the first app has answered ``ok``.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from schouw import settings

log = logging.getLogger(__name__)

#: how long a second launch waits for the first app to take the message (ms)
TIMEOUT_MS = 3000


def server_name() -> str:
    """Short (Unix socket paths are limited to ~100 bytes) and the same for every launch
    of this user with this data folder."""
    try:
        user = getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name (odd containers): the folder suffices
        user = ""
    digest = hashlib.sha256(f"{user}\0{settings.data_dir().resolve()}".encode()).hexdigest()[:16]
    return f"schouw-{digest}"


def hand_over(path: str | None, name: str | None = None, timeout_ms: int = TIMEOUT_MS) -> bool:
    """Give ``path`` (or just "come to the front") to a running app. True when one took
    it; False when none runs (or it did not answer), and this launch should start."""
    socket = QLocalSocket()
    socket.connectToServer(name or server_name())
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write((json.dumps({"open": path}) + "\n").encode("utf-8"))
    socket.flush()
    answer = b""
    while b"\n" not in answer and socket.waitForReadyRead(timeout_ms):
        answer += bytes(socket.readAll().data())
    socket.disconnectFromServer()
    return answer.strip() == b"ok"


class Listener(QObject):
    """The first app's ear: emits ``openRequested(path)`` ("" for none) for each launch
    that handed over."""

    openRequested = Signal(str)

    def __init__(self, parent: QObject | None = None, name: str | None = None):
        super().__init__(parent)
        self.name = name or server_name()
        self.server = QLocalServer(self)
        # only this user may talk to us
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._accept)
        self._buffers: dict[QLocalSocket, bytes] = {}

    def listen(self) -> bool:
        if self.server.listen(self.name):
            return True
        # a socket file left by an app that crashed: nobody answers on it, so take it over
        QLocalServer.removeServer(self.name)
        if self.server.listen(self.name):
            return True
        log.warning("single instance: cannot listen on %s: %s", self.name, self.server.errorString())
        return False

    def close(self) -> None:
        self.server.close()

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            self._buffers[socket] = b""
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(lambda s=socket: self._forget(s))

    def _forget(self, socket: QLocalSocket) -> None:
        self._buffers.pop(socket, None)
        socket.deleteLater()

    def _read(self, socket: QLocalSocket) -> None:
        data = self._buffers.get(socket, b"") + bytes(socket.readAll().data())
        if b"\n" not in data:
            self._buffers[socket] = data
            return
        line = data.split(b"\n", 1)[0]
        self._buffers[socket] = b""
        try:
            message = json.loads(line.decode("utf-8"))
            path = message.get("open") or ""
        except (ValueError, AttributeError):
            log.warning("single instance: unreadable message %r", line[:200])
            socket.write(b"bad\n")
            return
        socket.write(b"ok\n")
        socket.flush()
        self.openRequested.emit(str(path))


def claim(path: str | None, parent: QObject | None = None) -> Listener | None:
    """At start-up: hand ``path`` to a running app and return None (this launch ends), or
    become the running app and return its listener. ``SCHOUW_SINGLE_INSTANCE=0`` turns
    this off (a listener that does not listen)."""
    listener = Listener(parent)
    if os.environ.get("SCHOUW_SINGLE_INSTANCE", "1") == "0":
        return listener
    if hand_over(path, listener.name):
        return None
    if not listener.server.listen(listener.name):
        # someone may have started between our look and now: ask once more, then take
        # over a socket left by a crash
        if hand_over(path, listener.name, timeout_ms=500):
            return None
        listener.listen()
    return listener


def serve(listener: Listener, window) -> None:
    """Open what later launches hand over in ``window`` and bring it to the front; on
    macOS a double-clicked file arrives as a QFileOpenEvent instead."""

    def receive(path: str) -> None:
        current = getattr(getattr(window.session, "project", None), "path", None)
        if path and (current is None or Path(path).resolve() != Path(current).resolve()):
            window.open_path(path)
        if window.isMinimized():
            window.showNormal()
        window.show()
        window.raise_()
        window.activateWindow()

    listener.openRequested.connect(receive)
    app = QCoreApplication.instance()
    # only macOS sends files as events (and a filter on every event costs elsewhere)
    if app is not None and sys.platform == "darwin":
        listener.file_open_filter = _FileOpenFilter(receive, listener)
        app.installEventFilter(listener.file_open_filter)


class _FileOpenFilter(QObject):
    def __init__(self, receive, parent: QObject):
        super().__init__(parent)
        self.receive = receive

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.FileOpen and event.file():
            self.receive(event.file())
            return True
        return False
