"""Build the desktop bundle: ``python -m schouw.build`` (needs ``pip install -e ".[build]"``).

One command on every system (the Windows and macOS workflows in ``.github/workflows``
run it too): PyInstaller freezes the app into ``dist/schouw/`` (a folder with the
``schouw`` executable and everything it needs: Python, Qt, the forms, translations,
icons, report fonts, the HEIC plug-in and the third-party licences), with no test code
and without the Qt modules schouw never imports. On Linux it also packs
``dist/schouw-VERSION-linux-x86_64.tar.gz`` with a ``.desktop`` file and the icon
(``install.sh`` inside puts both in the user's menu); on macOS PyInstaller makes
``dist/schouw.app``. Why PyInstaller, and how to sign and install: docs/install.md.

Options: ``--dist DIR`` (default ``dist``), ``--work DIR`` (PyInstaller's cache of
analysed modules, default ``build``: kept between builds, so a rebuild is quick),
``--no-archive``. Prints the bundle's size and the build time.
"""

from __future__ import annotations

import argparse
import json
import platform
import shutil
import sys
import tarfile
import time
from pathlib import Path

from schouw import __version__, licences

ROOT = Path(__file__).resolve().parents[1]
APP_ID = "nl.schouw.Schouw"

#: Qt modules schouw never imports (QtCharts and QtPositioning stay: views may load
#: them lazily). PyInstaller only follows imports, but excluding these also keeps a
#: stray import in a dependency from pulling in a web engine or QML.
QT_EXCLUDED = (
    "Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender", "QtBluetooth",
    "QtConcurrent", "QtDataVisualization", "QtDesigner", "QtGraphs", "QtGraphsWidgets", "QtHelp",
    "QtHttpServer", "QtLocation", "QtNetworkAuth", "QtNfc", "QtOpenGL", "QtOpenGLWidgets", "QtPdf",
    "QtPdfWidgets", "QtQml", "QtQuick", "QtQuick3D", "QtQuickControls2", "QtQuickTest", "QtQuickWidgets",
    "QtRemoteObjects", "QtScxml", "QtSensors", "QtSerialBus", "QtSerialPort", "QtSpatialAudio", "QtSql",
    "QtStateMachine", "QtTest", "QtTextToSpeech", "QtUiTools", "QtWebChannel", "QtWebEngineCore",
    "QtWebEngineQuick", "QtWebEngineWidgets", "QtWebSockets", "QtWebView", "QtXml", "QtAxContainer",
)
#: never in a bundle: test and build tools, and the parts of the standard library a
#: desktop app does not use
EXCLUDED = ("pytest", "_pytest", "pytestqt", "pypdf", "jsonschema", "ruff", "PyInstaller", "tests",
            "tkinter", "unittest", "pydoc_data", "lib2to3", "IPython", "matplotlib",
            # PyInstaller's pkg_resources run-time hook would import all of setuptools at
            # every start (~0.1 s); nothing in schouw or its dependencies needs it
            "setuptools", "pkg_resources", "distutils", "_distutils_hack")

#: files PyInstaller's Qt hook brings along for plugins schouw does not use: PDF viewing
#: as an image format (pulls in QtPdf) and Qt's own virtual keyboard (QML; Windows
#: tablets have the system's). Removed after the build, on every system.
PRUNE = ("*qpdf*", "*Qt6Pdf*", "*Qt6VirtualKeyboard*", "*qtvirtualkeyboard*")

DESKTOP_FILE = """[Desktop Entry]
Type=Application
Name=Schouw
GenericName=Wijkschouw
Comment=Wijkschouw en beeldkwaliteit vastleggen, offline
Comment[en]=Neighbourhood inspection walks, offline
Exec={exec} %f
Icon={icon}
Terminal=false
Categories=Office;
MimeType=application/x-schouw;
StartupWMClass=schouw
"""

MIME_XML = """<?xml version="1.0" encoding="UTF-8"?>
<mime-info xmlns="http://www.freedesktop.org/standards/shared-mime-info">
  <mime-type type="application/x-schouw">
    <comment>Schouw-project</comment>
    <glob pattern="*.schouw"/>
  </mime-type>
</mime-info>
"""

INSTALL_SH = """#!/bin/sh
# Put schouw in this user's menu and let .schouw files open with it (no root needed).
set -e
here="$(cd "$(dirname "$0")" && pwd)"
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
icons="${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor/256x256/apps"
mime="${XDG_DATA_HOME:-$HOME/.local/share}/mime"
mkdir -p "$apps" "$icons" "$mime/packages"
cp "$here/schouw.png" "$icons/schouw.png"
sed "s#^Exec=.*#Exec=\\"$here/schouw\\" %f#" "$here/schouw.desktop" > "$apps/schouw.desktop"
cp "$here/schouw-mime.xml" "$mime/packages/schouw.xml"
command -v update-mime-database >/dev/null && update-mime-database "$mime" || true
command -v update-desktop-database >/dev/null && update-desktop-database "$apps" || true
echo "Schouw staat nu in het menu."
"""


LAUNCHER = '''"""Entry point of the bundle: the same main() as the schouw command."""
import os
import sys

# A windowed build (Windows, macOS) has no console: sys.stdout and sys.stderr are None,
# and the CLI's own flush or a message would fail. Send them nowhere instead.
for _name in ("stdout", "stderr"):
    if getattr(sys, _name) is None:
        setattr(sys, _name, open(os.devnull, "w", encoding="utf-8"))

from schouw.cli import main  # noqa: E402

raise SystemExit(main())
'''


def launcher(work: Path) -> Path:
    """The frozen program's entry point: the same ``main`` as the ``schouw`` command."""
    path = work / "schouw_launcher.py"
    path.write_text(LAUNCHER, encoding="utf-8")
    return path


def _data(source: Path, target: str) -> list[str]:
    return ["--add-data", f"{source}{':' if sys.platform != 'win32' else ';'}{target}"]


def third_party_files(work: Path) -> tuple[Path, Path]:
    """The dialog's list (with Python itself) and the licence texts, from this venv."""
    items = licences.from_metadata()
    items.append({"name": "Python", "version": platform.python_version(), "licence": "PSF-2.0",
                  "url": "https://www.python.org"})
    items.sort(key=lambda item: item["name"].lower())
    listing = work / "_third_party.json"
    listing.write_text(json.dumps(items, indent=1, ensure_ascii=False), encoding="utf-8")
    texts = work / "THIRD-PARTY-LICENSES.txt"
    texts.write_text(licences.licence_texts(), encoding="utf-8")
    return listing, texts


def report_fonts() -> list[Path]:
    """DejaVu Sans from the build machine, when it has it, so every bundle's reports
    look alike (without it ReportLab's own Vera Sans is used)."""
    from schouw.report.styles import _DEJAVU_DIRS, _FAMILIES

    for folder in _DEJAVU_DIRS:
        files = [folder / name for name in _FAMILIES[0]]
        if all(f.is_file() for f in files):
            license_file = next((p for p in (folder.parent.parent.parent / "doc/fonts-dejavu-core/copyright",
                                             Path("/usr/share/doc/fonts-dejavu-core/copyright")) if p.is_file()), None)
            return files + ([license_file] if license_file else [])
    return []


def pyinstaller_args(work: Path, dist: Path) -> list[str]:
    listing, texts = third_party_files(work)
    windowed = sys.platform in ("win32", "darwin")  # no console window behind the app
    icon = ROOT / "resources" / "icons" / "schouw.png"
    args = [str(launcher(work)), "--name", "schouw", "--noconfirm", "--log-level", "WARN",
            "--distpath", str(dist), "--workpath", str(work), "--specpath", str(work),
            "--icon", str(icon), "--osx-bundle-identifier", APP_ID,
            # extensions (cli EXTENSIONS, optional views) are imported by name
            "--collect-submodules", "schouw", "--exclude-module", "schouw.build",
            "--collect-data", "reportlab", "--collect-all", "pillow_heif",
            "--collect-data", "pyproj", "--collect-data", "certifi"]
    args += ["--windowed"] if windowed else ["--console"]
    args += _data(ROOT / "forms", "forms") + _data(ROOT / "resources" / "i18n", "resources/i18n")
    args += _data(ROOT / "resources" / "icons", "resources/icons")
    args += _data(listing, "schouw") + _data(texts, ".")
    for font in report_fonts():
        args += _data(font, "schouw/_fonts")
    for name in QT_EXCLUDED:
        args += ["--exclude-module", f"PySide6.{name}"]
    for name in EXCLUDED:
        args += ["--exclude-module", name]
    return args


def prune(bundle: Path) -> int:
    """Delete :data:`PRUNE` from the bundle; returns the bytes saved."""
    saved = 0
    for pattern in PRUNE:
        for path in bundle.rglob(pattern):
            if path.is_file() and "_fonts" not in path.parts:
                saved += path.stat().st_size
                path.unlink()
    return saved


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def linux_archive(bundle: Path, dist: Path) -> Path:
    """The tarball: the bundle plus .desktop, icon, MIME type and install.sh."""
    (bundle / "schouw.png").write_bytes((ROOT / "resources" / "icons" / "schouw.png").read_bytes())
    (bundle / "schouw.desktop").write_text(DESKTOP_FILE.format(exec="schouw", icon="schouw"), encoding="utf-8")
    (bundle / "schouw-mime.xml").write_text(MIME_XML, encoding="utf-8")
    script = bundle / "install.sh"
    script.write_text(INSTALL_SH, encoding="utf-8")
    script.chmod(0o755)
    archive = dist / f"schouw-{__version__}-linux-{platform.machine()}.tar.gz"
    with tarfile.open(archive, "w:gz", compresslevel=6) as tar:
        tar.add(bundle, arcname=f"schouw-{__version__}")
    return archive


def mac_document_type(app: Path) -> None:
    """Let Finder open ``.schouw`` files with schouw.app (they arrive as QFileOpenEvent,
    see schouw/ui/single_instance.py)."""
    import plistlib

    info = app / "Contents" / "Info.plist"
    data = plistlib.loads(info.read_bytes())
    data["CFBundleDocumentTypes"] = [{"CFBundleTypeName": "Schouw-project", "CFBundleTypeRole": "Editor",
                                      "LSHandlerRank": "Owner", "CFBundleTypeExtensions": ["schouw"]}]
    data["CFBundleShortVersionString"] = __version__
    info.write_bytes(plistlib.dumps(data))


def build(dist: Path, work: Path, archive: bool = True) -> dict:
    try:
        import PyInstaller.__main__
    except ImportError:
        raise SystemExit('PyInstaller ontbreekt: pip install -e ".[build]"') from None
    started = time.perf_counter()
    dist.mkdir(parents=True, exist_ok=True)
    work.mkdir(parents=True, exist_ok=True)
    bundle = dist / "schouw"
    if bundle.exists():
        shutil.rmtree(bundle)
    PyInstaller.__main__.run(pyinstaller_args(work, dist))
    pruned = prune(bundle)
    if (dist / "schouw.app").is_dir():
        mac_document_type(dist / "schouw.app")
    result = {"pruned_bytes": pruned, "bundle": str(bundle), "version": __version__, "seconds": round(time.perf_counter() - started, 1),
              "bytes": folder_size(bundle)}
    if archive and sys.platform.startswith("linux"):
        path = linux_archive(bundle, dist)
        result.update(archive=str(path), archive_bytes=path.stat().st_size)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m schouw.build", description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build")
    parser.add_argument("--no-archive", action="store_true")
    args = parser.parse_args(argv)
    result = build(args.dist.resolve(), args.work.resolve(), archive=not args.no_archive)
    print(f"bundle: {result['bundle']} ({result['bytes'] / 2**20:.0f} MiB) in {result['seconds']:.0f} s")
    if "archive" in result:
        print(f"archive: {result['archive']} ({result['archive_bytes'] / 2**20:.0f} MiB)")
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
