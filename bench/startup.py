"""Start-up time, measured from outside: process start to the window's first paint with
an open project of 5,000 findings.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/startup.py [--runs 5] [--bundle dist/schouw/schouw]

Builds the project once (bench/ui.py's builder: 1,000 streets, 5,000 findings), then
starts ``python -m schouw PROJECT`` (and the bundle's executable, when given) ``--runs``
times with ``SCHOUW_STARTUP_PROBE``: the app writes ``time.time()`` at its first paint
and quits (schouw/ui/startup_probe.py). The figure is that moment minus the moment just
before this script started the process. The first run is the coldest this machine
allows without root (the OS file cache may still hold the libraries); the median of the
others is the usual start. Also prints ``python -X importtime`` of the app's start-up:
the 15 slowest imports by their own time and the top-level packages by cumulative time.
Beside the wall-clock figures it prints the CPU seconds each start used (user + system,
from the start to quitting just after the first paint) and the load average: on a
shared machine the wall clock follows the load, the CPU time much less.
Target: ≤ 1.0 s. Figures go in docs/bench-startup.md.

Byte code: an installed schouw (pip, the bundle) starts from compiled byte code, so the
script first compiles the source tree's (``compileall``, into ``__pycache__``, which git
ignores). Where ``PYTHONDONTWRITEBYTECODE`` is set (as on the shared build machine) a
source checkout otherwise compiles its ~100 modules at every start (~0.1 s);
``--no-bytecode`` measures that case (it deletes the tree's ``__pycache__`` folders).
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def start_once(command: list[str], project: Path, folder: Path, extra_env: dict[str, str] | None = None,
               stderr: int | None = subprocess.DEVNULL) -> tuple[float, subprocess.CompletedProcess]:
    probe = folder / "probe.json"
    probe.unlink(missing_ok=True)
    env = {**os.environ, "SCHOUW_STARTUP_PROBE": str(probe), "SCHOUW_STARTUP_EXIT": "1",
           "SCHOUW_SINGLE_INSTANCE": "0", "SCHOUW_DATA_DIR": str(folder / "data"), **(extra_env or {})}
    cpu = _children_cpu()
    started = time.time()
    done = subprocess.run([*command, str(project)], env=env, cwd=folder, stdout=subprocess.DEVNULL,
                          stderr=stderr if stderr is not None else subprocess.PIPE, timeout=300)
    if done.returncode != 0:
        raise SystemExit(f"{command} failed: {done.returncode}")
    data = json.loads(probe.read_text(encoding="utf-8"))
    if data["project"] != str(project.resolve()) or not data.get("walk"):
        raise SystemExit(f"the app did not open {project} on its walk screen: {data}")
    done.cpu = _children_cpu() - cpu  # type: ignore[attr-defined] - CPU seconds of the whole run
    return data["first_paint"] - started, done


def series(label: str, command: list[str], project: Path, folder: Path, runs: int) -> dict:
    starts = [start_once(command, project, folder) for _ in range(runs)]
    times = [t for t, _ in starts]
    cpu = [done.cpu for _, done in starts]  # type: ignore[attr-defined]
    result = {"what": label, "first": times[0], "median_rest": statistics.median(times[1:]) if runs > 1 else times[0],
              "min": min(times), "max": max(times), "cpu_median": statistics.median(cpu),
              "load": os.getloadavg()[0]}
    print(f"{label:32s} first {result['first']:.2f} s   median of the rest {result['median_rest']:.2f} s   "
          f"min {result['min']:.2f} s   max {result['max']:.2f} s   "
          f"(CPU per start, to quitting: median {result['cpu_median']:.2f} s; load {result['load']:.1f})")
    return result


def importtime(project: Path, folder: Path) -> None:
    _, done = start_once([sys.executable, "-X", "importtime", "-m", "schouw"], project, folder,
                         {"PYTHONPATH": str(ROOT)}, stderr=subprocess.PIPE)
    rows = []
    for line in done.stderr.decode("utf-8", "replace").splitlines():
        if line.startswith("import time:") and "|" in line and "self [us]" not in line:
            own, total, name = line[len("import time:"):].split("|")
            rows.append((int(own), int(total), len(name) - len(name.lstrip()), name.strip()))
    top = {}
    for _own, total, depth, name in rows:
        if depth == 1:
            top[name] = top.get(name, 0) + total
    print("\nimport time by top-level package (cumulative ms):")
    for name, total in sorted(top.items(), key=lambda kv: -kv[1])[:15]:
        print(f"  {total / 1000:7.1f}  {name}")
    print(f"  {sum(top.values()) / 1000:7.1f}  (all imports)")
    print("\nslowest modules by their own time (ms):")
    for own, _total, _depth, name in sorted(rows, key=lambda r: -r[0])[:15]:
        print(f"  {own / 1000:7.1f}  {name}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--streets", type=int, default=1000)
    parser.add_argument("--findings", type=int, default=5000)
    parser.add_argument("--bundle", type=Path, help="the bundle's executable (dist/schouw/schouw)")
    parser.add_argument("--no-bytecode", action="store_true",
                        help="start without the source tree's byte code (compile at every start)")
    args = parser.parse_args()
    from ui import build  # bench/ui.py

    folder = Path(tempfile.mkdtemp(prefix="schouw-startup-"))
    os.environ["SCHOUW_DATA_DIR"] = str(folder / "data")
    project = folder / "bench.schouw"
    info = build(project, args.streets, args.findings)
    print(f"project: {args.streets} streets, {args.findings} findings ({project.stat().st_size / 2**20:.1f} MiB); "
          f"built in {info.get('seconds', 0):.1f} s" if isinstance(info, dict) else "")
    env_path = {"PYTHONPATH": str(ROOT)}
    os.environ.update(env_path)
    if args.no_bytecode:
        import shutil

        for cache in (ROOT / "schouw").rglob("__pycache__"):
            shutil.rmtree(cache)
        os.environ["PYTHONDONTWRITEBYTECODE"] = "1"
        print("without byte code for schouw's own modules (compiled at every start)")
    else:
        compileall.compile_dir(str(ROOT / "schouw"), quiet=1)
        print("schouw's byte code compiled first, as an install has it")
    results = [series("venv: python -m schouw FILE", [sys.executable, "-m", "schouw"], project, folder, args.runs)]
    if args.bundle:
        results.append(series("bundle: schouw FILE", [str(args.bundle.resolve())], project, folder, args.runs))
    importtime(project, folder)
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
