#!/usr/bin/env bash
# Smoke test of the Linux bundle (dist/schouw, made by `python -m schouw.build`), the way a
# user gets it: unpacked from the tarball into a clean folder, started with no Python and
# no venv on PATH, under a real X server (Xvfb). It must say its version, make a demo
# project, render a report from it (ReportLab, fonts, photos inside the bundle), open the
# project in the window (first paint, via SCHOUW_STARTUP_PROBE) and exit 0 each time.
set -euo pipefail
cd "$(dirname "$0")/.."
archive=$(ls dist/schouw-*-linux-*.tar.gz | head -1)
version=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' schouw/__init__.py)
clean=$(mktemp -d /tmp/schouw-smoke.XXXXXX)
trap 'rm -rf "$clean"' EXIT
tar -xzf "$archive" -C "$clean"
app="$clean/schouw-$version"
touch "$app/schouw.ini"                 # portable: everything it writes stays in $app/schouw-data
run() {                                 # no venv, no PYTHONPATH, a minimal PATH, a fresh HOME
    env -i PATH=/usr/bin:/bin HOME="$clean/home" LANG=C.UTF-8 DISPLAY="${DISPLAY:-}" \
        SCHOUW_STARTUP_PROBE="${PROBE:-}" SCHOUW_STARTUP_EXIT=1 "$app/schouw" "$@"
}
mkdir -p "$clean/home"
# nothing the app does not need: no tests, no test tools, no excluded Qt modules
unwanted=$(cd "$app/_internal" && ls -d tests pytest _pytest pypdf PyInstaller setuptools PySide6/QtWebEngine* \
    PySide6/QtQml.* PySide6/Qt3D* PySide6/QtDesigner* 2>/dev/null || true)
[ -z "$unwanted" ] || { echo "bundle: holds what the app does not need: $unwanted"; exit 1; }
for needed in forms resources/i18n/schouw_en.qm resources/icons schouw/_third_party.json pillow_heif; do
    [ -e "$app/_internal/$needed" ] || { echo "bundle: $needed is missing"; exit 1; }
done
[ "$(run --version)" = "schouw $version" ] || { echo "bundle: wrong --version: $(run --version)"; exit 1; }
run demo "$clean/demo.schouw" --photos 6 >/dev/null
round=$(run --json rounds list --db "$clean/demo.schouw" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])' 2>/dev/null \
        || run --json rounds list --db "$clean/demo.schouw" | grep -o '"id": *"[^"]*"' | head -1 | sed 's/.*"\([^"]*\)"$/\1/')
run report "$round" --db "$clean/demo.schouw" --out "$clean/rapport.pdf" >/dev/null
head -c 5 "$clean/rapport.pdf" | grep -q '%PDF-' || { echo "bundle: no PDF"; exit 1; }
[ -d "$app/schouw-data" ] || { echo "bundle: portable mode (schouw.ini) not used"; exit 1; }
[ ! -e "$clean/home/.local/share/schouw" ] || { echo "bundle: wrote to the user's data folder despite schouw.ini"; exit 1; }
# the window, on a real X server: open the project, paint, quit
export PROBE="$clean/painted.json"
xvfb-run -a -s "-screen 0 1366x768x24" bash -c 'exec env -i PATH=/usr/bin:/bin HOME="$1" LANG=C.UTF-8 \
    DISPLAY="$DISPLAY" XAUTHORITY="${XAUTHORITY:-}" SCHOUW_STARTUP_PROBE="$2" SCHOUW_STARTUP_EXIT=1 \
    QT_QPA_PLATFORM=xcb timeout 120 "$3" "$4"' _ "$clean/home" "$PROBE" "$app/schouw" "$clean/demo.schouw"
grep -q "\"project\": \"$clean/demo.schouw\"" "$PROBE" || { echo "bundle: the window did not open the project"; cat "$PROBE"; exit 1; }
echo "bundle smoke test: ok ($(du -sm "$app" | cut -f1) MiB unpacked, $(du -m "$archive" | cut -f1) MiB archive)"
