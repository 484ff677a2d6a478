"""Generate a large project for the overview benchmarks (issue #19): 10 years × 40 buurten
× 4 rounds with 250,000 findings and 50,000 actions.

    .venv/bin/python bench/bigproject.py [--out bench/out/big/big.schouw] [--scale 1.0] [--seed 19]

``--scale`` shrinks the project for quick runs and tests (0.01: 2 buurten … 2,500
findings); the shape stays the same: per buurt and year one meting (findings at
schouwpunten) and three knelpuntenschouwen, actions on about one finding in five with a
closing history, and re-inspection rows that follow the previous round's actions.

The rows go in with ``executemany`` in one bulk transaction (the store's own repositories
insert one row at a time and would make generation, not the overview, the slow part);
they carry the same columns and bookkeeping as rows the app writes. Prints the build time.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

OUT = ROOT / "bench" / "out" / "big" / "big.schouw"
WIJKEN = ("Noord", "Oost", "Zuid", "West", "Centrum", "Haven", "Park", "Dorp")
AREA_TYPES = ("woongebied", "woongebied", "woongebied", "centrum", "bedrijventerrein")
PARTIES = ("Gemeente - Beheer openbare ruimte", "Woonstichting De Linie", "Politie - wijkagent",
           "Welzijn Voorbeeldstad", "Gemeente - Handhaving")
STREETS_PER_BUURT = 20
LEVELS = ("A+", "A", "B", "C", "D")
LEVEL_WEIGHTS = (4, 10, 12, 8, 3)
#: Status of an action a number of years after its round (older ones are mostly closed).
CLOSED_STATUSES = ("afgehandeld",) * 5 + ("afgewezen",)
OPEN_STATUSES = ("open", "doorgezet", "ingepland", "in_behandeling", "heropend")


def _uid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _stamp(day: date, minute: int = 0) -> str:
    return f"{day.isoformat()}T{9 + minute // 60 % 8:02d}:{minute % 60:02d}:00.000Z"


def build(path: Path, *, scale: float = 1.0, seed: int = 19, years: int = 10, buurten: int = 40,
          rounds_per_year: int = 4, findings: int = 250_000, actions: int = 50_000,
          last_year: int = 2026) -> dict[str, int]:
    """Make the project at ``path`` (replacing it); returns what it holds."""
    from schouw.domain.models import utc_now
    from schouw.services.forms import default_profile, find_form
    from schouw.store import create_project

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        candidate = path.with_name(path.name + suffix)
        if candidate.exists():
            candidate.unlink()
    rng = random.Random(seed)
    n_buurten = max(2, round(buurten * scale))
    n_findings = max(n_buurten * years * rounds_per_year * 4, round(findings * scale))
    n_actions = round(actions * scale)
    n_rounds = n_buurten * years * rounds_per_year
    per_round = max(4, n_findings // n_rounds)
    action_share = n_actions / (per_round * n_rounds)
    now = utc_now()
    crow, meting = find_form("crow-beeldkwaliteit"), find_form("crow-meting")
    crow_items = [(e.id, a.id) for e, a in crow.items() if a.has_level]
    meting_items = [(e.id, a.id) for e, a in meting.items() if a.has_level]
    stats = {"wijken": 0, "buurten": n_buurten, "streets": 0, "rounds": 0, "findings": 0, "actions": 0,
             "action_events": 0, "rechecks": 0, "indicators": 0}
    with create_project(path, name="Groot project (benchmark)", municipality="Voorbeeldstad") as project:
        profile_id = project.forms.save_profile(default_profile())
        crow_key, meting_key = project.forms.ensure(crow), project.forms.ensure(meting)
        conn = project.conn
        sync = (now, now, "bench")
        with project.bulk():
            wijk_ids: list[str] = []
            buurt_rows, street_rows = [], []
            streets_of: dict[str, list[tuple[str, float, float]]] = {}
            n_wijken = max(1, min(len(WIJKEN), math.ceil(n_buurten / 10)))
            for w in range(n_wijken):
                wid = _uid(rng)
                wijk_ids.append(wid)
                conn.execute("INSERT INTO wijken (id, name, code, created_at, updated_at, updated_by) "
                             "VALUES (?, ?, ?, ?, ?, ?)", (wid, WIJKEN[w], f"WK{w:04d}", *sync))
            for b in range(n_buurten):
                bid = _uid(rng)
                buurt_rows.append((bid, wijk_ids[b % n_wijken], f"Buurt {b + 1:02d}", f"BU{b:05d}",
                                   AREA_TYPES[b % len(AREA_TYPES)], *sync))
                # buurten on a grid ~1.5 km apart; streets 60 m apart within a buurt
                lat0, lon0 = 52.30 + (b // 8) * 0.014, 4.60 + (b % 8) * 0.022
                streets_of[bid] = []
                for s in range(STREETS_PER_BUURT):
                    sid = _uid(rng)
                    lat = lat0 + (s // 5) * 0.0006
                    lon = lon0 + (s % 5) * 0.0018
                    geometry = json.dumps({"type": "LineString",
                                           "coordinates": [[round(lon, 6), round(lat, 6)],
                                                           [round(lon + 0.0015, 6), round(lat, 6)]]})
                    street_rows.append((sid, bid, f"Straat {b + 1}-{s + 1}", "Voorbeeldstad", geometry, s, *sync))
                    streets_of[bid].append((sid, lat, lon))
            conn.executemany("INSERT INTO buurten (id, wijk_id, name, code, area_type, created_at, updated_at, "
                             "updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", buurt_rows)
            conn.executemany("INSERT INTO streets (id, buurt_id, name, woonplaats, geometry, position, created_at, "
                             "updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", street_rows)
            stats["wijken"], stats["streets"] = n_wijken, len(street_rows)

            round_rows, point_rows, finding_rows, action_rows, event_rows, recheck_rows = [], [], [], [], [], []
            first_year = last_year - years + 1
            for bid, *_ in buurt_rows:
                # a few hot spots per buurt where problems keep coming back
                hot = [rng.choice(streets_of[bid]) for _ in range(3)]
                previous_actions: list[tuple[str, str, str, str]] = []
                for year in range(first_year, last_year + 1):
                    for q in range(rounds_per_year):
                        day = date(year, 2 + 3 * q, 1 + rng.randrange(27))
                        if day > date.today():
                            day = date.today() - timedelta(days=rounds_per_year - q)
                        rid = _uid(rng)
                        is_meting = q == 1
                        kind = "meting" if is_meting else "knelpunten"
                        points = max(1, per_round // len(meting_items)) if is_meting else None
                        round_rows.append((rid, bid, day.isoformat(), meting_key if is_meting else crow_key,
                                           profile_id, f"{'Meting' if is_meting else 'Schouw'} {year}-{q + 1}",
                                           kind, points, 1 if is_meting else None,
                                           _stamp(day, 400) if is_meting else None, *sync))
                        point_ids: list[tuple[str, str, float, float]] = []
                        if is_meting:
                            for n in range(points):
                                sid, lat, lon = rng.choice(streets_of[bid])
                                pid = _uid(rng)
                                point_ids.append((pid, sid, lat, lon))
                                point_rows.append((pid, rid, n + 1, sid, lat, lon, _stamp(day, n), *sync))
                        round_findings = []
                        for n in range(per_round):
                            if is_meting:
                                pid, sid, lat, lon = point_ids[n % len(point_ids)]
                                element, aspect = meting_items[(n // len(point_ids)) % len(meting_items)]
                            else:
                                pid = None
                                sid, lat, lon = rng.choice(hot) if rng.random() < 0.15 else rng.choice(streets_of[bid])
                                element, aspect = rng.choice(crow_items)
                            nvt = rng.random() < 0.04
                            level = None if nvt else rng.choices(LEVELS, LEVEL_WEIGHTS)[0]
                            fid = _uid(rng)
                            finding_rows.append((
                                fid, rid, sid, element, aspect, level, int(nvt), lat + rng.uniform(-0.0002, 0.0002),
                                lon + rng.uniform(-0.0003, 0.0003), f"{day.isoformat()}T10:00:00", pid,
                                "hoog" if level == "D" else "normaal", *sync))
                            round_findings.append((fid, sid, level))
                        # actions on the worst findings of a knelpuntenschouw (a meting's too, at a lower rate)
                        this_actions = []
                        for fid, sid, level in round_findings:
                            chance = action_share * (2.2 if level in ("C", "D") else 0.6) * (0.5 if is_meting else 1.09)
                            if rng.random() >= chance:
                                continue
                            aid = _uid(rng)
                            age = (date.today() - day).days
                            closed = rng.random() < min(0.97, 0.35 + age / 700)
                            status = rng.choice(CLOSED_STATUSES) if closed else rng.choice(OPEN_STATUSES)
                            due = day + timedelta(days=rng.choice((14, 28, 42, 90)))
                            created = _stamp(day, 500)
                            action_rows.append((aid, fid, rng.choice(PARTIES), due.isoformat(), status,
                                                created, created, "bench"))
                            event_rows.append((_uid(rng), aid, created, "open", None, day.isoformat(), "aangemaakt",
                                               created, created, "bench"))
                            if closed:
                                done_day = day + timedelta(days=int(rng.expovariate(1 / 35)) + 1)
                                at = _stamp(done_day, 30)
                                event_rows.append((_uid(rng), aid, at, status, "open", done_day.isoformat(), "",
                                                   at, at, "bench"))
                            this_actions.append((aid, fid, sid, level or None, status))
                        # the next round re-inspects this round's points that were still open at its time
                        for _aid, fid, sid, level, _status in previous_actions[: max(1, len(previous_actions) // 2)]:
                            result = rng.choices(("opgelost", "aanwezig", "erger", None), (5, 3, 1, 1))[0]
                            recheck_rows.append((_uid(rng), rid, fid, sid, result, level if result else None,
                                                 _stamp(day, 60) if result else None, *sync))
                        previous_actions = this_actions
            conn.executemany(
                "INSERT INTO rounds (id, buurt_id, date, form_key, profile_id, title, kind, points_n, seed, closed_at, "
                "created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", round_rows)
            conn.executemany(
                "INSERT INTO schouwpunten (id, round_id, n, street_id, lat, lon, done_at, created_at, updated_at, "
                "updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", point_rows)
            conn.executemany(
                "INSERT INTO findings (id, round_id, street_id, element, aspect, level, not_applicable, lat, lon, "
                "observed_at, point_id, priority, created_at, updated_at, updated_by) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", finding_rows)
            conn.executemany(
                "INSERT INTO actions (id, finding_id, party, due_date, status, created_at, updated_at, updated_by) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", action_rows)
            conn.executemany(
                "INSERT INTO action_events (id, action_id, at, status, from_status, on_date, note, created_at, "
                "updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", event_rows)
            conn.executemany(
                "INSERT INTO rechecks (id, round_id, follows, street_id, result, level, checked_at, created_at, "
                "updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", recheck_rows)
            indicator_rows = []
            for w, wid in enumerate(wijk_ids):
                iid = _uid(rng)
                indicator_rows.append((iid, f"Aandeel schoon op of boven norm ({WIJKEN[w]})", "%", "wijk", wid, "up",
                                       70.0, first_year, 90.0, last_year + 2, "schoon", *sync))
            conn.executemany(
                "INSERT INTO indicators (id, name, unit, area_kind, area_id, direction, baseline_value, baseline_year, "
                "target_value, target_year, aspect_group, created_at, updated_at, updated_by) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", indicator_rows)
            conn.executemany(
                "INSERT INTO indicator_values (id, indicator_id, year, value, source, created_at, updated_at, updated_by) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [(_uid(rng), row[0], y, round(70 + (y - first_year) * rng.uniform(0.5, 2.5), 1), "monitor", *sync)
                 for row in indicator_rows for y in range(first_year, last_year + 1)])
        stats.update(rounds=len(round_rows), findings=len(finding_rows), actions=len(action_rows),
                     action_events=len(event_rows), rechecks=len(recheck_rows), indicators=len(indicator_rows))
        conn.execute("ANALYZE")
    return stats


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=19)
    args = parser.parse_args()
    start = time.perf_counter()
    stats = build(args.out, scale=args.scale, seed=args.seed)
    seconds = time.perf_counter() - start
    size = args.out.stat().st_size / 1e6
    print(f"{args.out}: " + ", ".join(f"{v:,} {k}" for k, v in stats.items()))
    print(f"build time: {seconds:.1f} s, file size {size:.0f} MB")


if __name__ == "__main__":
    main()
