"""Benchmark of ``schouw publish`` (#21): a big project into an empty PostGIS schema, then
a re-publish with 1 % of the findings changed, then one with nothing changed.

    .venv/bin/python bench/publish.py [--findings 250000] [--rounds 10] [--streets 2000] [--url URL]

Without ``--url`` it starts a throw-away PostgreSQL + PostGIS cluster (tests/pg_server.py).
The project is built through the store for its parents (wijk, buurt, streets with
geometry, rounds through the use case) and with one executemany for the findings and
actions (building 250,000 findings one use case call at a time would take longer than
what is measured). Findings have WGS84 positions, so every one gets a PostGIS point.
Targets: 250,000 findings in <= 60 s, re-publish with 1 % changed in <= 5 s.
Figures go in docs/bench-publish.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import shutil
import sys
import tempfile
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def build(path: Path, n_findings: int, n_rounds: int, n_streets: int, seed: int = 21) -> dict:
    from schouw.domain.levels import Level
    from schouw.domain.models import Buurt, Street, Wijk, utc_now
    from schouw.services.rounds import create_round
    from schouw.store import create_project

    rng = random.Random(seed)
    t0 = time.perf_counter()
    lat0, lon0 = 52.37, 4.63  # Haarlem-ish
    with create_project(path, name="Bench publish") as project:
        with project.atomic():
            wijk = project.areas.add_wijk(Wijk(name="Bench wijk"))
            buurt = project.areas.add_buurt(Buurt(wijk_id=wijk.id, name="Bench buurt", area_type="woongebied"))
            streets = []
            for i in range(n_streets):
                la, lo = lat0 + (i // 50) * 0.0008, lon0 + (i % 50) * 0.0012
                streets.append(Street(buurt_id=buurt.id, name=f"Straat {i}", woonplaats="Benchstad", position=i,
                                      geometry={"type": "LineString",
                                                "coordinates": [[lo, la], [lo + 0.001, la], [lo + 0.001, la + 0.0005]]}))
            project.areas.add_streets(streets)
        street_ids = [s.id for s in project.areas.streets(buurt.id)]
        rounds = [create_round(project, buurt="Bench buurt", form_id="crow-beeldkwaliteit",
                               when=date(2025, 1, 6) + timedelta(weeks=5 * r), title=f"Ronde {r + 1}")
                  for r in range(n_rounds)]
        form = project.forms.get(rounds[0].form_key)
        items = [(e.id, a.id) for e, a in form.items() if a.has_level]
        levels = [Level.A_PLUS.value, Level.A.value, Level.B.value, Level.C.value, Level.D.value]
        now = utc_now()
        device = project.device_id
        findings, actions = [], []
        for n in range(n_findings):
            fid = str(uuid.UUID(int=rng.getrandbits(128), version=4))
            element, aspect = rng.choice(items)
            level = rng.choices(levels, [1, 4, 8, 4, 2])[0]
            nvt = n % 23 == 0
            findings.append((fid, rounds[n % n_rounds].id, street_ids[n % len(street_ids)], element, aspect,
                             None if nvt else level, int(nvt), str(rng.randint(1, 200)),
                             f"Bevinding {n}: wat er te zien was.", lat0 + rng.random() * 0.032,
                             lon0 + rng.random() * 0.06, now, now, device))
            if not nvt and level in ("C", "D"):
                actions.append((str(uuid.UUID(int=rng.getrandbits(128), version=4)), fid,
                                "Gemeente, team Reiniging", now, now, device))
        with project.atomic():
            project.conn.executemany(
                "INSERT INTO findings (id, round_id, street_id, element, aspect, level, not_applicable, "
                "house_number, description, lat, lon, created_at, updated_at, updated_by) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", findings)
            project.conn.executemany(
                "INSERT INTO actions (id, finding_id, party, created_at, updated_at, updated_by) "
                "VALUES (?, ?, ?, ?, ?, ?)", actions)
    return {"seconds": time.perf_counter() - t0, "findings": n_findings, "actions": len(actions),
            "streets": n_streets, "rounds": n_rounds}


def change_share(path: Path, share: float) -> int:
    """Edit ``share`` of the findings (description, newer updated_at), as a walk would."""
    import sqlite3

    from schouw.domain.models import utc_now

    conn = sqlite3.connect(path)
    total = conn.execute("SELECT count(*) FROM findings").fetchone()[0]
    n = int(total * share)
    with conn:
        conn.execute("UPDATE findings SET description = description || ' (bijgewerkt)', updated_at = ? "
                     "WHERE id IN (SELECT id FROM findings ORDER BY random() LIMIT ?)", (utc_now(), n))
    conn.close()
    return n


def timed_publish(path: Path, url: str, schema: str) -> tuple[float, dict]:
    from schouw.publish import publish
    from schouw.store import open_project

    with open_project(path, readonly=True) as project:
        t0 = time.perf_counter()
        result = publish(project, url, schema=schema)
        return time.perf_counter() - t0, result.as_dict()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--findings", type=int, default=250_000)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--streets", type=int, default=2000)
    parser.add_argument("--url")
    args = parser.parse_args()
    os.environ.setdefault("SCHOUW_SECRET_STORE", "file")
    folder = Path(tempfile.mkdtemp(prefix="bench-publish-"))
    os.environ.setdefault("SCHOUW_DATA_DIR", str(folder / "data"))
    server = None
    url = args.url
    if url is None:
        from tests.pg_server import start_server

        server = start_server()
        url = server.url
    try:
        path = folder / "bench.schouw"
        built = build(path, args.findings, args.rounds, args.streets)
        print(f"built {built['findings']:,} findings, {built['actions']:,} actions, {built['streets']} streets, "
              f"{built['rounds']} rounds in {built['seconds']:.1f} s", flush=True)
        first, r1 = timed_publish(path, url, "bench")
        print(f"publish into an empty schema: {first:.1f} s, {r1['changed']:,} rows", flush=True)
        changed = change_share(path, 0.01)
        again, r2 = timed_publish(path, url, "bench")
        print(f"re-publish with {changed:,} findings changed (1 %): {again:.2f} s, {r2['changed']:,} rows changed",
              flush=True)
        idle, r3 = timed_publish(path, url, "bench")
        print(f"re-publish with nothing changed: {idle:.2f} s, {r3['changed']} rows changed", flush=True)
        print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    finally:
        if server is not None:
            server.stop()
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
