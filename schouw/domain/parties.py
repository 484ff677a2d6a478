"""Which action party a name given by a user means (``report --party``, a sync profile's
``selection.parties``, the coming ``actions`` command).

One rule everywhere: a party is named by its whole name, case-insensitive, with runs of
spaces counted as one. A prefix does not match: "Gemeente" must not pick up "Gemeente
Rotterdam, team Reiniging" in one place and miss it in another. Parties are free text on
an action in this schema (there is no separate party table with codes), so the name is
the only key.
"""

from __future__ import annotations

from collections.abc import Iterable

from schouw.messages import SchouwError


def party_key(name: str | None) -> str:
    """The form two party names are compared in."""
    return " ".join((name or "").split()).casefold()


def party_matches(party: str | None, wanted: str) -> bool:
    """True when the action's ``party`` is the party named ``wanted``."""
    key = party_key(wanted)
    return bool(key) and party_key(party) == key


def matches_any(party: str | None, wanted: Iterable[str]) -> bool:
    """True when ``party`` is one of the parties named in ``wanted``."""
    return any(party_matches(party, w) for w in wanted)


def find_party(wanted: str, known: Iterable[str]) -> str:
    """The known party named ``wanted`` (as it is spelled there), or a user error that
    lists the known parties."""
    names = sorted({" ".join(k.split()) for k in known if party_key(k)}, key=str.casefold)
    for name in names:
        if party_matches(name, wanted):
            return name
    raise SchouwError("unknown_party", party=wanted, parties=", ".join(names) or "-")


def unmatched(wanted: Iterable[str], known: Iterable[str]) -> list[str]:
    """The names in ``wanted`` that name none of the ``known`` parties: a sync profile that
    says "Gemeente" while every action reads "Gemeente, team Reiniging" sends nothing, and
    its user should hear so rather than wonder."""
    known = list(known)
    return [w for w in wanted if party_key(w) and not matches_any(w, known)]
