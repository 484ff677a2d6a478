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
# merge.TABLE_LABELS, in the interface's language
_TABLE = {
    "wijken": QT_TRANSLATE_NOOP("labels", "wijk"), "buurten": QT_TRANSLATE_NOOP("labels", "buurt"),
    "streets": QT_TRANSLATE_NOOP("labels", "straat"), "profiles": QT_TRANSLATE_NOOP("labels", "kwaliteitsprofiel"),
    "rounds": QT_TRANSLATE_NOOP("labels", "ronde"), "participants": QT_TRANSLATE_NOOP("labels", "deelnemer"),
    "round_streets": QT_TRANSLATE_NOOP("labels", "straatvoortgang"),
    "findings": QT_TRANSLATE_NOOP("labels", "bevinding"), "actions": QT_TRANSLATE_NOOP("labels", "actiepunt"),
    "action_events": QT_TRANSLATE_NOOP("labels", "actiegeschiedenis"), "photos": QT_TRANSLATE_NOOP("labels", "foto"),
}
# services.exchange.FIELD_LABELS, in the interface's language
_FIELD = {
    "level": QT_TRANSLATE_NOOP("labels", "niveau"), "not_applicable": _NVT,
    "choice": QT_TRANSLATE_NOOP("labels", "oordeel"), "description": QT_TRANSLATE_NOOP("labels", "omschrijving"),
    "house_number": QT_TRANSLATE_NOOP("labels", "huisnummer"), "spot": QT_TRANSLATE_NOOP("labels", "plek"),
    "priority": QT_TRANSLATE_NOOP("labels", "prioriteit"), "element": QT_TRANSLATE_NOOP("labels", "onderdeel"),
    "aspect": QT_TRANSLATE_NOOP("labels", "aspect"), "street_id": QT_TRANSLATE_NOOP("labels", "straat"),
    "lat": QT_TRANSLATE_NOOP("labels", "breedtegraad"), "lon": QT_TRANSLATE_NOOP("labels", "lengtegraad"),
    "observed_at": QT_TRANSLATE_NOOP("labels", "waargenomen"), "time_of_day": QT_TRANSLATE_NOOP("labels", "dagdeel"),
    "deleted_at": QT_TRANSLATE_NOOP("labels", "verwijderd"), "party": QT_TRANSLATE_NOOP("labels", "actiehouder"),
    "due_date": QT_TRANSLATE_NOOP("labels", "uiterste datum"), "status": QT_TRANSLATE_NOOP("labels", "status"),
    "status_reason": QT_TRANSLATE_NOOP("labels", "toelichting"),
    "mor_id": QT_TRANSLATE_NOOP("labels", "meldingsnummer"),
    "mor_status": QT_TRANSLATE_NOOP("labels", "status bij de gemeente"),
    "mor_status_text": QT_TRANSLATE_NOOP("labels", "bericht van de gemeente"),
    "date": QT_TRANSLATE_NOOP("labels", "datum"), "title": QT_TRANSLATE_NOOP("labels", "titel"),
    "notes": QT_TRANSLATE_NOOP("labels", "notities"), "name": QT_TRANSLATE_NOOP("labels", "naam"),
    "organisation": QT_TRANSLATE_NOOP("labels", "organisatie"), "role": QT_TRANSLATE_NOOP("labels", "rol"),
    "email": QT_TRANSLATE_NOOP("labels", "e-mail"), "phone": QT_TRANSLATE_NOOP("labels", "telefoon"),
    "done_at": QT_TRANSLATE_NOOP("labels", "gelopen"), "woonplaats": QT_TRANSLATE_NOOP("labels", "woonplaats"),
    "area_type": QT_TRANSLATE_NOOP("labels", "gebiedstype"), "house_numbers": QT_TRANSLATE_NOOP("labels", "huisnummers"),
    "geometry": QT_TRANSLATE_NOOP("labels", "ligging"), "code": QT_TRANSLATE_NOOP("labels", "code"),
    "definition": QT_TRANSLATE_NOOP("labels", "inhoud"),
}
_YES = QT_TRANSLATE_NOOP("labels", "ja")
_NO = QT_TRANSLATE_NOOP("labels", "nee")


def table_label(table: str, fallback: str = "") -> str:
    """The kind of row a conflict is about ("bevinding"); unknown tables keep the services' name."""
    return _tr(_TABLE[table]) if table in _TABLE else (fallback or table)


def field_label(column: str, fallback: str = "") -> str:
    """A column two versions differ in; unknown columns keep the services' name."""
    return _tr(_FIELD[column]) if column in _FIELD else (fallback or column)


def value_text(value: object, described: str) -> str:
    """A value of a conflict as services.exchange.describe_value put it, with yes/no translated."""
    if isinstance(value, bool):
        return _tr(_YES) if value else _tr(_NO)
    return described
