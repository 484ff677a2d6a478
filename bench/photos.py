"""Photo import benchmark: prepare_photo on 200 twelve-megapixel JPEGs, against the floor.

    .venv/bin/python bench/photos.py                 # 200 photos, 2 threads, then the floor
    .venv/bin/python bench/photos.py --mode both     # threads and processes
    .venv/bin/python bench/photos.py --single        # also one worker (same work as the floor)
    .venv/bin/python bench/photos.py --n 20 --no-floor

The photos are made once and cached in bench/out/photos-12mp/ as IMG_0000.jpg ... with
the names ../shared/bench/floors.py uses, so the floor (run as a subprocess with this
same Python) times exactly the same files. Each measured run is a fresh subprocess, so
its peak RSS is the import's own and not the generator's.
Prints photos/second, seconds, peak RSS (MB) and the ratio ours/floor.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import subprocess
import sys
import time
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from datetime import datetime
from fractions import Fraction
from pathlib import Path

from PIL import Image, ImageDraw, TiffImagePlugin

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "bench" / "out"
PHOTOS = OUT / "photos-12mp"
FLOORS = ROOT.parent / "shared" / "bench" / "floors.py"
SIZE = (4000, 3000)
# Places in Dutch towns, so the GPS block holds what a schouw photo would.
PLACES = [(52.0907, 5.1214), (51.4416, 5.4697), (52.9563, 4.7601), (53.2194, 6.5665),
          (51.6978, 5.3037), (52.3676, 4.9041)]


# --- making the photos -----------------------------------------------------------------

def _rational(value: float) -> TiffImagePlugin.IFDRational:
    f = Fraction(value).limit_denominator(10_000)
    return TiffImagePlugin.IFDRational(f.numerator, f.denominator)


def _dms(deg: float) -> tuple:
    d = int(deg)
    m = int((deg - d) * 60)
    s = (deg - d - m / 60) * 3600
    return (_rational(d), _rational(m), _rational(round(s, 3)))


def make_photo(path: Path, seed: int) -> None:
    """A 12-MP street-like JPEG: sky, blocks of colour, fine noise (compresses like a
    photo at ~5 MB), with orientation, GPS, time and camera EXIF like a phone's."""
    rnd = random.Random(seed)
    w, h = SIZE
    small = Image.effect_noise((w // 8, h // 8), 60).convert("RGB")
    base = Image.merge("RGB", [small.getchannel(0).point(lambda v, k=k: (v * (k + 2)) // 4 % 256)
                               for k in range(3)])
    img = base.resize(SIZE, Image.Resampling.BILINEAR)
    d = ImageDraw.Draw(img)
    d.rectangle([0, 0, w, h // 3], fill=(150 + rnd.randint(0, 60), 180, 220))
    for _ in range(60):
        x, y = rnd.randint(0, w), rnd.randint(h // 3, h)
        d.rectangle([x, y, x + rnd.randint(40, 600), y + rnd.randint(20, 300)],
                    fill=tuple(rnd.randint(0, 255) for _ in range(3)))
    img = Image.blend(img, Image.effect_noise(SIZE, 40).convert("RGB"), 0.25)
    lat, lon = rnd.choice(PLACES)
    lat, lon = lat + rnd.uniform(-0.01, 0.01), lon + rnd.uniform(-0.01, 0.01)
    exif = Image.Exif()
    exif[0x0112] = rnd.choice([1, 1, 1, 6, 8, 3])
    exif[0x010F], exif[0x0110] = "BenchCam", "Street 12"
    exif[0x8769] = {0x9003: f"2025:06:{1 + seed % 28:02d} 10:{seed % 60:02d}:00",
                    0xA431: f"SN{seed:08d}"}
    exif[0x8825] = {1: "N", 2: _dms(lat), 3: "E", 4: _dms(lon)}
    tmp = path.with_suffix(".tmp")
    img.save(tmp, "JPEG", quality=92, exif=exif.tobytes())
    tmp.replace(path)  # never leave a half-written file in the cache


def ensure_photos(n: int) -> list[Path]:
    PHOTOS.mkdir(parents=True, exist_ok=True)
    files = [PHOTOS / f"IMG_{i:04d}.jpg" for i in range(n)]
    todo = [(p, i) for i, p in enumerate(files) if not p.exists()]
    if todo:
        print(f"making {len(todo)} photos in {PHOTOS} (once) ...", flush=True)
        t = time.perf_counter()
        with ProcessPoolExecutor(os.cpu_count() or 2) as pool:
            list(pool.map(make_photo, *zip(*todo, strict=True)))
        print(f"  made in {time.perf_counter() - t:.0f} s", flush=True)
    return files


# --- the measured import ---------------------------------------------------------------

def _maxrss_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux: KiB


def _ingest_one(path: Path) -> tuple[int, int, float]:
    """What an import does per file; returns (bytes kept, pid, this process's peak MB)."""
    from schouw.photos import prepare_photo

    p = prepare_photo(path)
    # The app writes these to the project file and lets go; keep only their size, or
    # the benchmark would measure holding 200 photos in memory.
    return len(p.jpeg) + len(p.thumb) + len(p.report), os.getpid(), _maxrss_mb()


def ingest(files: list[Path], workers: int, mode: str) -> dict:
    import schouw.photos  # noqa: F401 - import cost outside the timing, as in the app

    pool: Executor = (ThreadPoolExecutor(workers) if mode == "threads"
                      else ProcessPoolExecutor(workers))
    t = time.perf_counter()
    with pool:
        results = list(pool.map(_ingest_one, files, chunksize=1 if mode == "threads" else 4))
    seconds = time.perf_counter() - t
    worker_peaks: dict[int, float] = {}
    for _, pid, mb in results:
        worker_peaks[pid] = max(mb, worker_peaks.get(pid, 0.0))
    own = _maxrss_mb()
    peak = own if mode == "threads" else own + sum(worker_peaks.values())
    return {"mode": mode, "workers": workers, "n": len(files), "seconds": round(seconds, 2),
            "per_s": round(len(files) / seconds, 2), "peak_mb": round(peak),
            "stored_mb": round(sum(r[0] for r in results) / 1e6, 1)}


def run_ingest(n: int, workers: int, mode: str) -> dict:
    """One measured import in a fresh process (clean peak RSS)."""
    cmd = [sys.executable, __file__, "--_ingest", "--n", str(n), "--workers", str(workers),
           "--mode", mode]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True, cwd=ROOT).stdout
    return json.loads(out.strip().splitlines()[-1])


def run_floor(n: int) -> dict:
    cmd = [sys.executable, str(FLOORS), "photos", str(PHOTOS), str(n)]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True, cwd=ROOT).stdout
    line = out.strip().splitlines()[-1]  # "photos seconds=.. peak_mb=.. per_s=.. n=.."
    fields = dict(kv.split("=", 1) for kv in line.split()[1:])
    return {"seconds": float(fields["seconds"]), "peak_mb": float(fields["peak_mb"]),
            "per_s": float(fields["per_s"]), "line": line}


# --- where the time goes ---------------------------------------------------------------

def profile(files: list[Path]) -> dict[str, float]:
    """Milliseconds per stage, one thread, averaged over ``files``."""
    import hashlib
    from io import BytesIO

    from schouw.photos.colour import plain, to_srgb
    from schouw.photos.exif import TRANSPOSE, exif_of, orientation_of
    from schouw.photos.export import (
        NORMAL_QUALITY,
        NORMAL_SIDE,
        REPORT_SIDE,
        THUMB_SIDE,
        encode_jpeg,
        shrink,
    )
    from schouw.photos.ingest import draft_for
    from schouw.photos.masks import apply_masks

    stages: dict[str, float] = {}

    def timed(name, fn, *args, **kw):
        t = time.perf_counter()
        r = fn(*args, **kw)
        stages[name] = stages.get(name, 0.0) + time.perf_counter() - t
        return r

    for f in files:
        data = timed("read file", f.read_bytes)
        timed("sha256", lambda d=data: hashlib.sha256(d).hexdigest())
        with Image.open(BytesIO(data)) as im:
            draft_for(im, NORMAL_SIDE)
            timed("decode 12 MP", im.load)
            o = orientation_of(im, exif_of(im))
            img = timed("shrink to 2560", shrink, plain(im), NORMAL_SIDE)
            if o in TRANSPOSE:
                img = timed("turn upright", img.transpose, TRANSPOSE[o])
            img = to_srgb(img, im.info.get("icc_profile"))
            timed("encode master", encode_jpeg, img, NORMAL_QUALITY)
            rep = timed("shrink to 1280", shrink, apply_masks(img, []), REPORT_SIDE)
            timed("encode report", encode_jpeg, rep, 85, optimize=True)
            th = timed("shrink to 256", shrink, rep, THUMB_SIDE)
            timed("encode thumb", encode_jpeg, th, 80, optimize=True)
    return {k: round(v * 1000 / len(files), 1) for k, v in stages.items()}


def machine() -> str:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import PIL

    return (f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs ({cpu}), "
            f"Python {platform.python_version()}, Pillow {PIL.__version__}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--mode", choices=("threads", "processes", "both"), default="threads")
    ap.add_argument("--single", action="store_true", help="also run with one worker")
    ap.add_argument("--no-floor", action="store_true")
    ap.add_argument("--profile", type=int, default=10, metavar="K",
                    help="time each stage on K photos (0: skip)")
    ap.add_argument("--_ingest", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()

    files = ensure_photos(args.n)
    if args._ingest:
        print(json.dumps(ingest(files, args.workers, args.mode)))
        return

    print(f"machine: {machine()}")
    print(f"date:    {datetime.now().isoformat(timespec='minutes')}")
    print(f"photos:  {args.n} x {SIZE[0]}x{SIZE[1]} JPEG q92, "
          f"{sum(f.stat().st_size for f in files) / len(files) / 1e6:.1f} MB average, in {PHOTOS}")
    runs = []
    modes = ("threads", "processes") if args.mode == "both" else (args.mode,)
    for mode in modes:
        runs.append(run_ingest(args.n, args.workers, mode))
        r = runs[-1]
        print(f"schouw  {mode:9} x{r['workers']}: {r['per_s']:.2f} photos/s, {r['seconds']:.1f} s, "
              f"peak {r['peak_mb']} MB, {r['stored_mb']} MB of copies", flush=True)
    if args.single:
        runs.append({**run_ingest(args.n, 1, "threads"), "mode": "single"})
        r = runs[-1]
        print(f"schouw  single    x1: {r['per_s']:.2f} photos/s, {r['seconds']:.1f} s, "
              f"peak {r['peak_mb']} MB", flush=True)
    if args.profile:
        stages = profile(files[: args.profile])
        total = sum(stages.values())
        print(f"stages (ms per photo, one thread, {args.profile} photos; total {total:.0f} ms):")
        for name, ms in sorted(stages.items(), key=lambda kv: -kv[1]):
            print(f"  {name:16} {ms:7.1f}  {100 * ms / total:4.1f}%")
    if args.no_floor:
        return
    if not FLOORS.is_file():
        print(f"floor: {FLOORS} not found; no ratio")
        return
    floor = run_floor(args.n)
    print(f"floor   ({FLOORS.name}, one thread): {floor['line']}")
    for r in runs:
        print(f"ratio   {r['mode']} x{r['workers']} / floor: {r['seconds'] / floor['seconds']:.2f} "
              f"(target <= 1.5); peak {r['peak_mb']} MB (target < 500)")


if __name__ == "__main__":
    main()
