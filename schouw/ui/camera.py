"""Taking a photo with the laptop's or tablet's camera (QtMultimedia).

QtMultimedia is optional: when it cannot be loaded (missing system libraries) or the
machine has no camera, :func:`available` is False and the camera button stays hidden.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from schouw.ui.widgets import fit_on_screen, named, styled

log = logging.getLogger(__name__)


def available() -> bool:
    try:
        from PySide6.QtMultimedia import QMediaDevices
    except ImportError:
        return False
    try:
        return bool(QMediaDevices.videoInputs())
    except Exception:  # noqa: BLE001 - a broken backend means: no camera
        log.exception("camera backend")
        return False


class CameraDialog(QDialog):
    """Live view with a big shutter button; each photo is saved as JPEG in ``folder``."""

    captured = Signal(str)

    def __init__(self, folder: Path, parent: QWidget | None = None):
        from PySide6.QtMultimedia import QCamera, QImageCapture, QMediaCaptureSession
        from PySide6.QtMultimediaWidgets import QVideoWidget

        super().__init__(parent)
        named(self, "cameraDialog", self.tr("Camera"))
        self.setWindowTitle(self.tr("Foto maken"))
        self.folder = folder
        self._count = 0
        self.camera = QCamera(self)
        self.capture = QImageCapture(self)
        self.session = QMediaCaptureSession(self)
        self.session.setCamera(self.camera)
        self.session.setImageCapture(self.capture)
        view = named(QVideoWidget(self), "cameraView", self.tr("Camerabeeld"))
        self.session.setVideoOutput(view)
        shoot = styled(named(QPushButton(self.tr("Foto maken"), self), "cameraShoot",
                             self.tr("Foto maken")), role="primary")
        styled(shoot, "big")
        close = named(QPushButton(self.tr("Klaar"), self), "cameraClose", self.tr("Camera sluiten"))
        shoot.clicked.connect(self._shoot)
        close.clicked.connect(self.accept)
        self.capture.imageSaved.connect(lambda _id, path: self.captured.emit(path))
        self.capture.errorOccurred.connect(lambda *_: log.warning("camera capture failed"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(shoot)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(view, 1)
        layout.addLayout(buttons)
        fit_on_screen(self, 800, 620)
        self.camera.start()
        shoot.setFocus(Qt.FocusReason.OtherFocusReason)

    def _shoot(self) -> None:
        self._count += 1
        self.capture.captureToFile(str(self.folder / f"camera-{self._count:03d}.jpg"))

    def done(self, result: int) -> None:
        self.camera.stop()
        super().done(result)
