"""Translated labels for the domain's keys (roles, priorities, area types, statuses,
level labels).

The domain keeps stable keys and Dutch labels; here each label goes through Qt's
translation so the English interface shows English words. Keys the domain adds later
still show, with the domain's own Dutch label.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from schouw.domain.actions import PRIORITIES, ROLES, STATUS_LABELS
from schouw.domain.levels import DEFAULT_LABELS, NOT_APPLICABLE, Level
from schouw.domain.profile import AREA_TYPE_LABELS

_ROLE = {
    "gemeente": QT_TRANSLATE_NOOP("labels", "Gemeente"),
    "corporatie": QT_TRANSLATE_NOOP("labels", "Woningcorporatie"),
    "politie": QT_TRANSLATE_NOOP("labels", "Politie"),
    "welzijn": QT_TRANSLATE_NOOP("labels", "Welzijn"),
    "bewoner": QT_TRANSLATE_NOOP("labels", "Bewoner"),
    "overig": QT_TRANSLATE_NOOP("labels", "Overig"),
}
_PRIORITY = {
    "laag": QT_TRANSLATE_NOOP("labels", "laag"),
    "normaal": QT_TRANSLATE_NOOP("labels", "normaal"),
    "hoog": QT_TRANSLATE_NOOP("labels", "hoog"),
    "spoed": QT_TRANSLATE_NOOP("labels", "spoed"),
}
_AREA = {
    "centrum": QT_TRANSLATE_NOOP("labels", "Centrum"),
    "woongebied": QT_TRANSLATE_NOOP("labels", "Woongebied"),
    "hoofdinfra": QT_TRANSLATE_NOOP("labels", "Hoofdinfrastructuur"),
    "bedrijventerrein": QT_TRANSLATE_NOOP("labels", "Bedrijventerrein"),
    "recreatie": QT_TRANSLATE_NOOP("labels", "Recreatie / buitengebied"),
}
_STATUS = {
    "open": QT_TRANSLATE_NOOP("labels", "open"),
    "doorgezet": QT_TRANSLATE_NOOP("labels", "doorgezet"),
    "ingepland": QT_TRANSLATE_NOOP("labels", "ingepland"),
    "in_behandeling": QT_TRANSLATE_NOOP("labels", "in behandeling"),
    "afgehandeld": QT_TRANSLATE_NOOP("labels", "afgehandeld"),
    "afgewezen": QT_TRANSLATE_NOOP("labels", "afgewezen"),
    "heropend": QT_TRANSLATE_NOOP("labels", "heropend"),
}
_CATEGORY = {
    "schoon": QT_TRANSLATE_NOOP("labels", "schoon"),
    "heel": QT_TRANSLATE_NOOP("labels", "heel"),
    "overig": QT_TRANSLATE_NOOP("labels", "overig"),
}
_NVT = QT_TRANSLATE_NOOP("labels", "n.v.t.")
# The CROW labels most profiles keep (domain.levels.DEFAULT_LABELS), in English too.
_LEVEL = {
    Level.A_PLUS: QT_TRANSLATE_NOOP("labels", "zeer hoog"),
    Level.A: QT_TRANSLATE_NOOP("labels", "hoog"),
    Level.B: QT_TRANSLATE_NOOP("labels", "basis"),
    Level.C: QT_TRANSLATE_NOOP("labels", "laag"),
    Level.D: QT_TRANSLATE_NOOP("labels", "zeer laag"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("labels", text)


def role_keys() -> list[str]:
    return list(ROLES)


def role_label(key: str) -> str:
    return _tr(_ROLE[key]) if key in _ROLE else ROLES.get(key, key)


def priority_keys() -> list[str]:
    return list(PRIORITIES)


def priority_label(key: str) -> str:
    return _tr(_PRIORITY[key]) if key in _PRIORITY else PRIORITIES.get(key, key)


def area_type_label(key: str) -> str:
    return _tr(_AREA[key]) if key in _AREA else AREA_TYPE_LABELS.get(key, key)


def status_label(key: str | None) -> str:
    if not key:
        return ""
    return _tr(_STATUS[key]) if key in _STATUS else STATUS_LABELS.get(key, key)  # type: ignore[call-overload]


def category_label(key: str) -> str:
    return _tr(_CATEGORY[key]) if key in _CATEGORY else key


def not_applicable_label() -> str:
    return _tr(_NVT) if NOT_APPLICABLE == "n.v.t." else NOT_APPLICABLE


def level_label(level: Level, configured: str) -> str:
    """The label a quality profile gives ``level``, in the interface's language where the
    profile keeps the default CROW label; a municipality's own wording (Delft's "zeer
    goed", say) stays as configured, since only the municipality knows what it means."""
    if configured == DEFAULT_LABELS.get(level) and level in _LEVEL:
        return _tr(_LEVEL[level])
    return configured


# -- the conflict review: what kind of row, which column, a yes/no value ----------------------
def _catalogue(kind: str, key: str, fallback: str) -> str:
    """A table's or column's name from the message catalogue (``table_<name>``,
    ``field_<name>``), the one list the CLI uses too, in the interface's language."""
    from schouw import messages
    from schouw.ui.i18n import language

    entry = f"{kind}_{key}"
    return messages.render(entry, language()) if entry in messages.CATALOGUE else (fallback or key)


def table_label(table: str, fallback: str = "") -> str:
    """The kind of row a conflict is about ("bevinding"); unknown tables keep the services' name."""
    return _catalogue("table", table, fallback)


def field_label(column: str, fallback: str = "") -> str:
    """A column two versions differ in; unknown columns keep the services' name."""
    return _catalogue("field", column, fallback)


def value_text(value: object, described: str) -> str:
    """A value of a conflict as services.exchange.describe_value put it, with yes/no translated."""
    if isinstance(value, bool):
        return _catalogue("value", "yes" if value else "no", "")
    return described


_KIND = {
    "knelpunten": QT_TRANSLATE_NOOP("labels", "Knelpuntenschouw"),
    "meting": QT_TRANSLATE_NOOP("labels", "Meting"),
}


def kind_badge(kind: object) -> str:
    """The kind of a round (issue #17) as the app names it beside the round's title, so
    nobody mistakes a knelpuntenschouw's counts for a meting's share."""
    key = str(kind or "knelpunten")
    return QCoreApplication.translate("labels", _KIND.get(key, _KIND["knelpunten"]))
