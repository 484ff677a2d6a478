"""*Invoeren van papier*: typing the ticked paper forms of a walk pack back in, keyboard only.

One line per ticked box, as printed: ``3.12 b 14 kapotte tegel`` + Enter (street 3, item 12,
level B, house number 14, remark). The line is checked first (services/paper_entry); a bad
number or level shows a message beside the field and saves nothing. A good line is saved
through the walk session (new finding + edit) as ONE step on the walk's QUndoStack, so
Ctrl+Z takes back the whole line.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QListWidget, QVBoxLayout, QWidget

from schouw.messages import SchouwError
from schouw.services.paper_entry import check_line
from schouw.ui.session import Session


class PaperEntryDialog(QDialog):
    """The key-in window; stays open while the user types line after line."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("paperEntry")
        self.setWindowTitle(self.tr("Invoeren van papier"))
        layout = QVBoxLayout(self)
        help_ = QLabel(self.tr("Typ het nummer van het formulier, het niveau (n = n.v.t.), eventueel huisnummer "
                               "en opmerking, en Enter. Bijvoorbeeld: 3.12 b 14 kapotte tegel"), self)
        help_.setWordWrap(True)
        layout.addWidget(help_)
        self.line = QLineEdit(self)
        self.line.setObjectName("paperLine")
        self.line.setAccessibleName(self.tr("Regel van het papieren formulier"))
        self.line.setPlaceholderText("3.12 b 14")
        self.line.returnPressed.connect(self.enter)
        layout.addWidget(self.line)
        self.message = QLabel("", self)
        self.message.setObjectName("paperMessage")
        self.message.setAccessibleName(self.tr("Melding"))
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.saved = QListWidget(self)
        self.saved.setObjectName("paperSaved")
        self.saved.setAccessibleName(self.tr("Ingevoerde regels"))
        self.saved.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout.addWidget(self.saved)
        self.resize(520, 360)

    def enter(self) -> bool:
        """Check and save the typed line; True when it was saved."""
        s = self.session
        text = self.line.text()
        if s.ctx is None or not text.strip():
            return False
        try:
            checked = check_line(s.project, s.ctx, text)
        except SchouwError as error:
            self.message.setText(error.message())
            self.message.setStyleSheet("color: #B00020")
            return False
        stack = s.undo_stack
        stack.beginMacro(self.tr("Van papier: %1").replace("%1", checked.number))
        try:
            finding_id = s.new_finding(checked.street_id, checked.element, checked.aspect)
            if finding_id is not None:
                s.edit(finding_id, checked.changes, self.tr("Van papier"))
        finally:
            stack.endMacro()
        if finding_id is None:
            return False
        level = self.tr("n.v.t.") if checked.level == "n.v.t." else checked.level
        self.saved.insertItem(0, f"{checked.number}  {checked.street}  {level}  "
                                 f"{checked.house_number} {checked.remark}".rstrip())
        self.message.setStyleSheet("")
        self.message.setText(self.tr("Opgeslagen: %1").replace("%1", checked.number))
        self.line.clear()
        return True
