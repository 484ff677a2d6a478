"""``schouw pull --from postgresql://… --buurt B``: the central state of a buurt onto a
laptop before a walk (#21): its rounds with their findings, actions and history,
re-inspection links and points, merged exactly as an export package would be.

Each live round of the buurt becomes a :class:`~schouw.exchange.document.PackageDocument`
rebuilt from the central rows (geometry back to GeoJSON WGS84, stamps back to the
project's text form) and goes through :func:`schouw.exchange.merge.merge_package`: the
same checks, newest-wins rule, tombstones and conflict record as an imported package.
The package id is derived from the round's central state, so pulling twice without
central changes adds nothing. Photos travel without bytes in the central store, so
they are not pulled (a photo row without its image would be a hole).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from schouw.messages import SchouwError
from schouw.publish.connection import Target, connect, parse_url, remember_password
from schouw.store.central import CENTRAL_VERSION, CentralStore, valid_schema
from schouw.store.project import Project


@dataclass
class PullResult:
    url: str
    buurt: str
    rounds: list[dict[str, Any]] = field(default_factory=list)

    def total(self, key: str) -> int:
        return sum(sum(r[key].values()) if isinstance(r[key], dict) else r[key] for r in self.rounds)

    def as_dict(self) -> dict[str, Any]:
        return {"url": self.url, "buurt": self.buurt, "rounds": self.rounds}


def _stamp(value: Any) -> Any:
    """A central timestamptz back in the project's form: UTC, milliseconds, Z."""
    if isinstance(value, datetime):
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
    if isinstance(value, date):
        return value.isoformat()
    return value


def _fit(model: type, row: dict[str, Any], **extra: Any) -> dict[str, Any]:
    """The row's values the package model knows (central-only columns dropped)."""
    data = {k: _stamp(v) for k, v in row.items() if k in model.model_fields}
    data.update(extra)
    return data


def _geo(text: str | None) -> Any:
    return json.loads(text) if text else None


def _read_central(url: str, schema: str, read: Callable[[CentralStore, Target], Any]) -> tuple[Target, Any]:
    """Connect (the keyring's password unless the URL has one, kept after a good login),
    check the central schema is there and not newer than this schouw, and ``read`` it."""
    target, given = parse_url(url)
    if not valid_schema(schema):
        raise SchouwError("publish_bad_schema", schema=schema)
    conn = connect(target, given or remember_password(target, None))
    import psycopg

    try:
        if given:
            remember_password(target, given)
        store = CentralStore(conn, schema)
        version = store.version()
        if version == 0:
            raise SchouwError("pull_no_schema", url=target.shown, schema=schema)
        if version > CENTRAL_VERSION:
            raise SchouwError("publish_schema_newer", schema=schema, found=version, known=CENTRAL_VERSION)
        return target, read(store, target)
    except psycopg.Error:
        raise SchouwError("publish_lost", url=target.shown) from None
    finally:
        conn.close()


def pull(project: Project, url: str, buurt: str, *, schema: str = "schouw") -> PullResult:
    """Merge the central state of ``buurt`` (name, code or id) into ``project``."""
    from schouw.exchange.merge import merge_package

    def read(store: CentralStore, target: Target) -> tuple[dict[str, Any], dict[str, list[dict[str, Any]]]]:
        found = store.find_buurten(buurt)
        if not found:
            raise SchouwError("pull_unknown_buurt", buurt=buurt, url=target.shown)
        return found[0], store.buurt_scope(found[0]["id"])

    target, (found, scope) = _read_central(url, schema, read)
    result = PullResult(url=target.shown, buurt=found["name"])
    for package in packages(scope, target.shown):
        merged = merge_package(project, package)
        result.rounds.append({"round": package.document.round.id, "title": package.document.round.title,
                              **merged.as_dict()})
    return result


@contextlib.contextmanager
def central_project(url: str, *, schema: str = "schouw") -> Iterator[Project]:
    """A temporary project holding every buurt of the central store, merged round by round
    as :func:`pull` does: what ``schouw overview --central``, the monitor and the Overzicht's
    central source read with their one read model, so the figures of all teams' data come
    out of the same rules as one laptop's (nothing is judged or counted twice, in SQL of
    another dialect). Closed and removed when the block ends."""
    from schouw.exchange.merge import merge_package
    from schouw.store.project import create_project

    target, scopes = _read_central(url, schema, lambda store, _target: [
        store.buurt_scope(b["id"]) for b in store.live_buurten()])
    with tempfile.TemporaryDirectory(prefix="schouw-centraal-") as tmp:
        with create_project(Path(tmp) / "centraal.schouw", name=f"Centraal ({target.shown})") as project:
            for scope in scopes:
                for package in packages(scope, target.shown):
                    merge_package(project, package)
            yield project


def packages(scope: dict[str, list[dict[str, Any]]], source: str) -> list[Any]:
    """One checked-equivalent package per round of the scope."""
    from schouw import __version__
    from schouw.domain.models import utc_now
    from schouw.exchange import document as D
    from schouw.exchange.checks import VerifiedPackage

    by_round: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for table in ("participants", "round_streets", "schouwpunten", "findings", "rechecks"):
        for row in scope[table]:
            by_round.setdefault(row["round_id"], {}).setdefault(table, []).append(row)
    round_of_finding = {f["id"]: f["round_id"] for f in scope["findings"]}
    round_of_action: dict[str, str] = {}
    for a in scope["actions"]:
        round_of_action[a["id"]] = round_of_finding[a["finding_id"]]
    events: dict[str, list[dict[str, Any]]] = {}
    for e in scope["action_events"]:
        events.setdefault(e["action_id"], []).append(e)
    for a in scope["actions"]:
        by_round.setdefault(round_of_action[a["id"]], {}).setdefault("actions", []).append(a)

    streets = {s["id"]: s for s in scope["streets"]}
    profiles = {p["id"]: p for p in scope["profiles"]}
    forms = {f["id"]: f for f in scope["forms"]}
    buurt, wijk = scope["buurten"][0], scope["wijken"][0]
    out = []
    for r in scope["rounds"]:
        rows = by_round.get(r["id"], {})
        form = forms.get(r["form_key"])
        if form is None:
            continue  # published before forms were: nothing to judge it by here
        used = {f["street_id"] for f in rows.get("findings", [])} | {
            p["street_id"] for p in rows.get("schouwpunten", [])}
        round_streets = [s for s in streets.values() if s["buurt_id"] == buurt["id"] or s["id"] in used]
        stamps = [str(_stamp(x["updated_at"])) for t in rows.values() for x in t] + [str(_stamp(r["updated_at"]))]
        state = hashlib.sha256("|".join([r["id"], *sorted(stamps)]).encode()).hexdigest()
        profile = profiles.get(r["profile_id"]) if r["profile_id"] else None
        header = {"package_id": f"pull-{state[:40]}", "created_at": utc_now(), "app_version": __version__,
                  "device_id": "central", "project_id": r["project_id"], "round_id": r["id"],
                  "personal_data": bool(rows.get("participants")),
                  "changes": D.ChangeRange(first=min(stamps), last=max(stamps), rows=len(stamps))}
        doc = D.PackageDocument(
            **header,
            wijk=D.PackageWijk(**_fit(D.PackageWijk, wijk)),
            buurt=D.PackageBuurt(**_fit(D.PackageBuurt, buurt, boundary=_geo(buurt["geom"]))),
            profile=D.PackageProfile(**_fit(D.PackageProfile, profile, definition=json.loads(profile["definition"])))
            if profile else None,
            form=D.PackageForm(key=form["id"], form_id=form["form_id"], version=form["version"], title=form["title"],
                               kind=form["kind"], definition=json.loads(form["definition"])),
            round=D.PackageRound(**_fit(D.PackageRound, r)),
            participants=[D.PackageParticipant(**_fit(D.PackageParticipant, p)) for p in rows.get("participants", [])],
            streets=[D.PackageStreet(**_fit(D.PackageStreet, s, geometry=_geo(s["geom"]))) for s in round_streets],
            round_streets=[D.RoundStreet(**_fit(D.RoundStreet, x)) for x in rows.get("round_streets", [])],
            findings=[D.PackageFinding(**_fit(D.PackageFinding, f)) for f in rows.get("findings", [])],
            actions=[D.PackageAction(**_fit(D.PackageAction, a, history=[
                D.PackageActionEvent(**_fit(D.PackageActionEvent, e)) for e in events.get(a["id"], [])]))
                for a in rows.get("actions", [])],
            rechecks=[D.PackageRecheck(**_fit(D.PackageRecheck, x)) for x in rows.get("rechecks", [])],
            schouwpunten=[D.PackageSchouwPunt(**_fit(D.PackageSchouwPunt, x)) for x in rows.get("schouwpunten", [])],
        )
        manifest = D.Manifest(**header, members=[])
        out.append(VerifiedPackage(path=Path(source), manifest=manifest, document=doc))
    return out
