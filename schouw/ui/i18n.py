"""Language of the interface: Dutch source strings, English through a .qm catalogue.

UI strings are written in Dutch in ``self.tr()`` / ``QCoreApplication.translate()``.
``resources/i18n/schouw_en.ts`` holds their English translations (edit it with
``pyside6-linguist``; refresh it with ``resources/i18n/update.py``, which runs
``pyside6-lupdate`` and ``pyside6-lrelease``). Qt's own strings (standard buttons,
file dialogs) come from Qt's catalogues in the matching language, and messages from
the layers below the UI follow :func:`schouw.messages.set_language`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from schouw import messages
from schouw.ui.resources import resource

LANGUAGES: dict[str, str] = {"nl": "Nederlands", "en": "English"}

_installed: list[QTranslator] = []
_current = "nl"


def qm_path(lang: str):
    return resource("i18n", f"schouw_{lang}.qm")


def set_language(lang: str) -> bool:
    """Switch every later ``tr()`` to ``lang``. Returns False when the catalogue is missing
    (the app then stays Dutch rather than showing half a language)."""
    global _current
    app = QCoreApplication.instance()
    if lang not in LANGUAGES:
        lang = "nl"
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    ok = True
    if lang != "nl":
        own = QTranslator(app)
        if own.load(str(qm_path(lang))):
            _installed.append(own)
        else:
            ok, lang = False, "nl"
    if lang == "nl":
        # only the plural forms ("1 bevinding", "2 bevindingen"): the sources are Dutch
        plurals = QTranslator(app)
        if plurals.load(str(qm_path("nl"))):
            _installed.append(plurals)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if lang != "en":
        qt = QTranslator(app)
        if qt.load(f"qtbase_{lang}", qt_dir):
            _installed.append(qt)
    for translator in _installed:
        app.installTranslator(translator)
    QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands) if lang == "nl"
                       else QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    messages.set_language(lang)
    _current = lang
    return ok


def language() -> str:
    return _current
