"""The mask editor, driven with the mouse and keys like a user: draw a mask by dragging,
move it, delete it, undo each step; the project file holds the masks after every step,
the thumbnail gets them burnt in, and the master stays byte for byte the same."""

from __future__ import annotations

import hashlib
import io
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

pytest.register_assert_rewrite("conftest_ui")

from conftest_ui import jpeg_bytes  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QPushButton  # noqa: E402

from schouw.photos.masks import FILL  # noqa: E402

pytest_plugins = ["conftest_ui"]

LEFT = Qt.MouseButton.LeftButton


def stored_masks(window, photo_id) -> list[dict]:
    return window.session.project.photos.get(photo_id).masks


def approx(masks: list[dict], expected: list[tuple], tol: float) -> bool:
    if len(masks) != len(expected):
        return False
    for m, (x, y, w, h, *shape) in zip(masks, expected, strict=True):
        if shape and m.get("shape", "rect") != shape[0]:
            return False
        if any(abs(a - b) > tol for a, b in zip((m["x"], m["y"], m["w"], m["h"]), (x, y, w, h), strict=True)):
            return False
    return True


def drag(qtbot, canvas, start, end) -> None:
    a, b = canvas.point_of(*start).toPoint(), canvas.point_of(*end).toPoint()
    qtbot.mousePress(canvas, LEFT, pos=a)
    mid = (a + b) / 2
    qtbot.mouseMove(canvas, mid)
    qtbot.mouseMove(canvas, b)
    qtbot.mouseRelease(canvas, LEFT, pos=b)


@pytest.fixture
def editor_on_photo(qtbot, app_window, small_project, tmp_path):
    """The main window on a finding with one photo, and its mask editor opened by the
    'Maskeren…' button."""
    from schouw.services.findings import add_photos

    path, _ = small_project
    window = app_window(path)
    finding = window.findings.current_finding_id()
    source = tmp_path / "straat.jpg"
    source.write_bytes(jpeg_bytes(3, size=(1200, 800), text="XK-123-B"))
    with window.session.write():
        add_photos(window.session.project, finding, [source])
    window.session.photosChanged.emit(finding)
    strip = window.findChild(object, "photoStrip")
    qtbot.waitUntil(lambda: strip.count() == 1)
    strip.setCurrentRow(0)
    button = window.findChild(QPushButton, "maskPhoto")
    assert button.isEnabled() and button.accessibleName()
    qtbot.mouseClick(button, LEFT)
    editor = window.findChild(object, "maskEditor")
    assert editor is not None and editor.isVisible()
    editor.resize(900, 700)
    qtbot.waitExposed(editor)
    photo_id = editor.photo_id
    master = window.session.project.photos.blob(photo_id, "jpeg")
    return window, editor, photo_id, hashlib.sha256(master).hexdigest()


def test_draw_move_delete_and_undo_each_step(qtbot, editor_on_photo):
    from PIL import Image

    window, editor, photo_id, master_sha = editor_on_photo
    canvas = editor.canvas
    tol = 3 / min(canvas.image_rect().width(), canvas.image_rect().height())  # a few screen pixels

    drag(qtbot, canvas, (0.10, 0.10), (0.40, 0.30))
    assert approx(stored_masks(window, photo_id), [(0.10, 0.10, 0.30, 0.20)], tol), stored_masks(window, photo_id)
    thumb = Image.open(io.BytesIO(window.session.project.photos.blob(photo_id, "thumb"))).convert("RGB")
    tw, th = thumb.size
    assert all(abs(c - f) < 12 for c, f in zip(thumb.getpixel((int(tw * 0.25), int(th * 0.2))), FILL, strict=True))

    drag(qtbot, canvas, (0.20, 0.20), (0.50, 0.60))  # grab the mask inside, move it
    assert approx(stored_masks(window, photo_id), [(0.40, 0.50, 0.30, 0.20)], tol), stored_masks(window, photo_id)

    qtbot.mouseClick(editor.ellipse_button, LEFT)  # the selected mask becomes an ellipse
    assert approx(stored_masks(window, photo_id), [(0.40, 0.50, 0.30, 0.20, "ellipse")], tol)

    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_Delete)
    assert stored_masks(window, photo_id) == []

    undo = editor.findChild(QPushButton, "maskUndo")
    qtbot.mouseClick(undo, LEFT)
    assert approx(stored_masks(window, photo_id), [(0.40, 0.50, 0.30, 0.20, "ellipse")], tol)
    qtbot.keyClick(canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the shortcut works here too
    assert approx(stored_masks(window, photo_id), [(0.40, 0.50, 0.30, 0.20, "rect")], tol)
    qtbot.mouseClick(undo, LEFT)
    assert approx(stored_masks(window, photo_id), [(0.10, 0.10, 0.30, 0.20)], tol)
    assert approx([m.to_dict() for m in canvas.masks], [(0.10, 0.10, 0.30, 0.20)], tol)  # the canvas follows
    qtbot.mouseClick(undo, LEFT)
    assert stored_masks(window, photo_id) == []
    qtbot.mouseClick(editor.findChild(QPushButton, "maskRedo"), LEFT)
    assert approx(stored_masks(window, photo_id), [(0.10, 0.10, 0.30, 0.20)], tol)

    master = window.session.project.photos.blob(photo_id, "jpeg")
    assert hashlib.sha256(master).hexdigest() == master_sha  # the original never changes


def test_a_click_is_not_a_mask_and_arrows_nudge_in_one_step(qtbot, editor_on_photo):
    window, editor, photo_id, _ = editor_on_photo
    canvas = editor.canvas
    qtbot.mouseClick(canvas, LEFT, pos=canvas.point_of(0.5, 0.5).toPoint())
    assert stored_masks(window, photo_id) == []
    qtbot.mouseClick(editor.ellipse_button, LEFT)
    drag(qtbot, canvas, (0.60, 0.60), (0.80, 0.90))
    before = stored_masks(window, photo_id)
    assert before[0]["shape"] == "ellipse"
    steps = window.session.undo_stack.count()
    for _ in range(3):
        qtbot.keyClick(canvas, Qt.Key.Key_Left)
    after = stored_masks(window, photo_id)
    assert after[0]["x"] == pytest.approx(before[0]["x"] - 0.03, abs=1e-6)
    assert window.session.undo_stack.count() == steps + 1  # three nudges, one undo step
    window.session.undo_stack.undo()
    assert stored_masks(window, photo_id) == before


def test_the_editor_has_names_for_every_control(editor_on_photo):
    _, editor, _, _ = editor_on_photo
    for widget in [editor, editor.canvas, *editor.findChildren(QPushButton)]:
        assert widget.objectName() and widget.accessibleName(), widget
