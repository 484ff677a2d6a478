"""The PySide6 field app: the only Qt code of schouw.

Widgets show what the use cases in :mod:`schouw.services` return and send every change
through :class:`schouw.ui.session.Session`, which records it on the undo stack and tells
the other widgets what changed. Nothing outside this package imports it.
"""

from schouw.ui import _pyside_fix

_pyside_fix.apply()
