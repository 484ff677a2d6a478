"""Benchmark: export and import of one round with 10,000 findings and 20,000 photos.

    .venv/bin/python bench/exchange.py [--findings 10000] [--photos 20000] [--out bench/out]

Builds the source project once with the store directly (cached in bench/out/), then,
each in its own process so peak memory is per phase:

- export: ``export_package`` of the round to a ZIP;
- import: check the package (every member hashed) and merge it into an empty project
  in one transaction, then, separately, make the thumbnails and report copies of the
  imported photos;
- floor: ``zip -0 -r`` of the same photo bytes (the export copies, unpacked to a
  folder), via ../shared/bench/floors.py, in the same run.

Prints one line per phase and the ratios to the floor. Photos are small generated
JPEGs (640x480, about 50 KB) so the run fits a laptop; what the ratio measures is the
cost per byte moved, which the photo size does not change much.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FLOORS = ROOT.parent / "shared" / "bench" / "floors.py"
sys.path.insert(0, str(ROOT))


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _images(count: int, seed: int):
    from PIL import Image, ImageDraw

    rnd = random.Random(seed)
    coarse = Image.effect_noise((160, 120), 70).convert("RGB").resize((640, 480), Image.BILINEAR)
    base = Image.blend(coarse, Image.effect_noise((640, 480), 20).convert("RGB"), 0.2)
    for _ in range(count):
        img = base.copy()
        draw = ImageDraw.Draw(img)
        for _ in range(6):
            x, y = rnd.randint(0, 600), rnd.randint(0, 440)
            draw.rectangle([x, y, x + rnd.randint(20, 200), y + rnd.randint(20, 120)],
                           fill=tuple(rnd.randint(0, 255) for _ in range(3)))
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=68)
        yield buf.getvalue()


def build(path: Path, findings: int, photos: int) -> str:
    """The source project (cached): returns the round id."""
    from schouw.domain.actions import ActionStatus
    from schouw.domain.levels import Level
    from schouw.domain.models import Action, Buurt, Finding, Participant, Photo, Street, Wijk
    from schouw.services.rounds import create_round
    from schouw.store import create_project, open_project

    spec = f"{findings}x{photos}"
    if path.exists():
        with open_project(path, device_id="bench-source") as project:
            if project.meta("bench_spec") == spec:
                return project.meta("bench_round")
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
    started = time.perf_counter()
    from PIL import Image

    # one real 256 px thumbnail, shared by all photos (neither export nor import reads it)
    small = Image.open(io.BytesIO(next(_images(1, 99))))
    small.thumbnail((256, 256))
    buf = io.BytesIO()
    small.save(buf, "JPEG", quality=80)
    thumb = buf.getvalue()
    with create_project(path, name="bench", municipality="Gemeente Bench", device_id="bench-source") as project:
        wijk = project.areas.add_wijk(Wijk(name="Benchwijk"))
        buurt = project.areas.add_buurt(Buurt(wijk_id=wijk.id, name="Benchbuurt"))
        project.areas.add_streets([
            Street(buurt_id=buurt.id, name=f"Straat {i:03d}", position=i,
                   geometry={"type": "LineString", "coordinates": [[4.6 + i * 1e-3, 52.3], [4.601 + i * 1e-3, 52.301]]})
            for i in range(80)])
        streets = project.areas.streets(buurt.id)
        round_ = create_round(project, buurt="Benchbuurt", wijk="Benchwijk", form_id="crow-beeldkwaliteit",
                              when="2026-10-13")
        form = project.forms.get(round_.form_key)
        items = [(e.id, a.id) for e, a in form.items() if a.has_level]
        for n in range(8):
            project.rounds.add_participant(Participant(round_id=round_.id, name=f"Deelnemer {n}",
                                                       organisation="Gemeente", role="gemeente"))
        rnd = random.Random(1)
        per = photos // findings
        extra = photos - per * findings
        images = _images(photos, 7)
        with project.atomic():
            for n in range(findings):
                element, aspect = items[n % len(items)]
                level = rnd.choice([Level.A, Level.B, Level.B, Level.C, Level.D])
                finding = Finding(round_id=round_.id, street_id=streets[n % len(streets)].id, element=element,
                                  aspect=aspect, level=level, house_number=str(rnd.randint(1, 120)),
                                  description=f"Bevinding {n}; losliggende tegels en zwerfafval",
                                  lat=52.3 + rnd.random() * 0.01, lon=4.6 + rnd.random() * 0.02)
                action = (Action(finding_id=finding.id, party="Gemeente", status=ActionStatus.OPEN)
                          if level <= Level.C else None)
                records = []
                for k in range(per + (1 if n < extra else 0)):
                    data = next(images)
                    records.append((Photo(finding_id=finding.id, sha256=hashlib.sha256(data).hexdigest(),
                                          width=640, height=480, position=k), {"jpeg": data, "thumb": thumb}))
                project.findings.add(finding, action, records)
                if n % 1000 == 999:
                    print(f"  build: {n + 1} findings ({time.perf_counter() - started:.0f} s)", flush=True)
        project.set_meta("bench_spec", spec)
        project.set_meta("bench_round", round_.id)
        return round_.id


def child_export(src: Path, round_id: str, out: Path) -> dict:
    from schouw.services.exchange import export_package
    from schouw.store import open_project

    # Like the floor (floors.py removes its old ZIP before timing): a user exports to a
    # new file; replacing last run's 1 GB package would time deleting it too.
    out.unlink(missing_ok=True)
    os.sync()
    with open_project(src, device_id="bench-source") as project:
        t = time.perf_counter()
        result = export_package(project, round_id, out)
        seconds = time.perf_counter() - t
    return {"seconds": seconds, "peak_mb": peak_mb(), "size_mb": result.size / 1e6, "photos": result.photos}


def child_import(package: Path, dst: Path) -> dict:
    from schouw.exchange.merge import merge_package
    from schouw.services.exchange import check_package
    from schouw.store import create_project

    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(dst) + suffix).unlink(missing_ok=True)
    project = create_project(dst, device_id="bench-coordinator")
    t = time.perf_counter()
    checked = check_package(package)
    check_s = time.perf_counter() - t
    result = merge_package(project, checked)
    project.close()  # includes the final WAL checkpoint: the user waits for it too
    total = time.perf_counter() - t
    return {"check_s": check_s, "merge_s": total - check_s, "seconds": total, "peak_mb": peak_mb(),
            "photos": result.photos_written, "findings": result.added["findings"],
            "journal": result.journal}


def child_copies(dst: Path) -> dict:
    from schouw.exchange.merge import make_missing_copies
    from schouw.store import open_project

    with open_project(dst, device_id="bench-coordinator") as project:
        t = time.perf_counter()
        made = make_missing_copies(project)
        seconds = time.perf_counter() - t
    return {"seconds": seconds, "peak_mb": peak_mb(), "made": made}


def run_child(*args: str) -> dict:
    os.sync()  # each phase starts with no dirty pages of the one before
    out = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def floor(package: Path, folder: Path) -> tuple[float, float, float]:
    """Unpack the package's photos (the same bytes) and time ``zip -0 -r`` of them."""
    if folder.exists():
        shutil.rmtree(folder)
    (folder / "fotos").mkdir(parents=True)
    with zipfile.ZipFile(package) as zf:
        for info in zf.infolist():
            if info.filename.startswith("fotos/"):
                (folder / info.filename).write_bytes(zf.read(info))
    os.sync()  # the floor should not pay for writing back the files just unpacked
    line = subprocess.run([sys.executable, str(FLOORS), "zip", str(folder)], capture_output=True, text=True,
                          check=True).stdout.strip()
    fields = dict(part.split("=") for part in line.split()[1:])
    # zip -0 leaves its output in the page cache; an import must reach the disk (the
    # project is the only copy), so also time forcing the floor's ZIP to disk.
    zipped = folder.parent / (folder.name + "-floor.zip")
    t = time.perf_counter()
    with open(zipped, "rb+") as handle:
        os.fsync(handle.fileno())
    return float(fields["seconds"]), float(fields["zip_mb"]), time.perf_counter() - t


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--findings", type=int, default=10_000)
    parser.add_argument("--photos", type=int, default=20_000)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    parser.add_argument("--no-copies", action="store_true", help="skip making thumbnails/report copies")
    parser.add_argument("--runs", type=int, default=1, help="repeat export, import and floor (median)")
    args = parser.parse_args()
    os.environ.setdefault("SCHOUW_DATA_DIR", str(args.out / "data"))
    args.out.mkdir(parents=True, exist_ok=True)
    src = args.out / f"exchange-source-{args.findings}.schouw"
    package = args.out / "exchange.zip"
    dst = args.out / "exchange-import.schouw"

    t = time.perf_counter()
    round_id = build(src, args.findings, args.photos)
    print(f"source: {src.name} ({src.stat().st_size / 1e6:.0f} MB, ready in {time.perf_counter() - t:.0f} s)")
    exports, imports, floors = [], [], []
    for run in range(args.runs):
        # interleaved, so a busy shared machine weighs on the floor as on the work
        exp = run_child("_export", str(src), round_id, str(package))
        print(f"[{run + 1}] export seconds={exp['seconds']:.2f} peak_mb={exp['peak_mb']:.0f} "
              f"zip_mb={exp['size_mb']:.0f} photos={exp['photos']}", flush=True)
        floors.append(floor(package, args.out / "exchange-floor"))
        print(f"[{run + 1}] floor zip -0 seconds={floors[-1][0]:.2f} zip_mb={floors[-1][1]:.0f} "
              f"(+ fsync {floors[-1][2]:.2f})", flush=True)
        imp = run_child("_import", str(package), str(dst))
        print(f"[{run + 1}] import seconds={imp['seconds']:.2f} (check {imp['check_s']:.2f} + merge "
              f"{imp['merge_s']:.2f}) peak_mb={imp['peak_mb']:.0f} findings={imp['findings']} "
              f"photos={imp['photos']} journal={imp['journal']}", flush=True)
        floors.append(floor(package, args.out / "exchange-floor"))
        print(f"[{run + 1}] floor zip -0 seconds={floors[-1][0]:.2f} (+ fsync {floors[-1][2]:.2f})", flush=True)
        exports.append(exp["seconds"])
        imports.append(imp["seconds"])
    if not args.no_copies:
        cp = run_child("_copies", str(dst))
        print(f"copies seconds={cp['seconds']:.2f} peak_mb={cp['peak_mb']:.0f} made={cp['made']} "
              "(thumbnails and report copies of the imported photos)")
    floor_s = statistics.median(f[0] for f in floors)
    print(f"median: export={statistics.median(exports):.2f} import={statistics.median(imports):.2f} "
          f"floor={floor_s:.2f}")
    durable = floor_s + statistics.median(f[2] for f in floors)
    print(f"ratio export/floor={statistics.median(exports) / floor_s:.2f} "
          f"import/floor={statistics.median(imports) / floor_s:.2f} "
          f"import/(floor+fsync)={statistics.median(imports) / durable:.2f}")

if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1].startswith("_"):
        os.environ.setdefault("SCHOUW_DATA_DIR", str(ROOT / "bench" / "out" / "data"))
        what, rest = sys.argv[1], sys.argv[2:]
        if what == "_export":
            result = child_export(Path(rest[0]), rest[1], Path(rest[2]))
        elif what == "_import":
            result = child_import(Path(rest[0]), Path(rest[1]))
        else:
            result = child_copies(Path(rest[0]))
        print(json.dumps(result))
    else:
        main()
