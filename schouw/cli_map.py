"""``schouw buurten import``, ``schouw map ROUND`` and ``schouw map cache``: buurt
boundaries, the printed map of a round and the offline basemap, through the same use
cases as the app (schouw.services.boundaries, .mapscene, .tiles)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from schouw import messages
from schouw.messages import SchouwError

Handler = Callable[[argparse.Namespace], int]

HELP_EN: dict[str, str] = {
    "buurten van het project": "the project's buurten",
    "lees buurtgrenzen uit de CBS wijk- en buurtkaart (GeoJSON of GeoPackage), gekoppeld op buurtcode":
        "read buurt boundaries from the CBS wijk- en buurtkaart (GeoJSON or GeoPackage), matched by buurt code",
    "de kaart van een ronde als PDF of PNG, of (map cache) de achtergrondkaart van een buurt downloaden voor "
    "offline gebruik":
        "the map of a round as PDF or PNG, or (map cache) download a buurt's background map for offline use",
    "id van de ronde, of cache": "id of the round, or cache",
    "uitvoerbestand: .pdf (vector) of .png": "output file: .pdf (vector) or .png",
    "breedte van de PNG in pixels (standaard 1600)": "width of the PNG in pixels (default 1600)",
    "map cache: de buurt waarvan de achtergrond wordt gedownload": "map cache: the buurt whose background to download",
    "map cache: zoomniveaus, bijv. 12-14 (RD-tegels: 0 tot en met 14)":
        "map cache: zoom levels, e.g. 12-14 (RD tiles: 0 to 14)",
    "map cache: tegeladres met {z}/{x}/{y} (standaard PDOK BRT-Achtergrondkaart)":
        "map cache: tile address with {z}/{x}/{y} (default PDOK BRT-Achtergrondkaart)",
    "map cache: niet vragen, meteen downloaden": "map cache: do not ask, download right away",
}


def register(command, sub) -> dict[str, Handler]:
    buurten = command("buurten", "buurten van het project")
    buurten_sub = buurten.add_subparsers(dest="buurten_command", metavar="OPDRACHT", required=True)
    imp = command("import", "lees buurtgrenzen uit de CBS wijk- en buurtkaart (GeoJSON of GeoPackage), gekoppeld op "
                            "buurtcode", buurten_sub)
    imp.add_argument("file", metavar="FILE")
    kaart = command("map", "de kaart van een ronde als PDF of PNG, of (map cache) de achtergrondkaart van een buurt "
                           "downloaden voor offline gebruik")
    kaart.add_argument("round", metavar="RONDE|cache", help="id van de ronde, of cache")
    kaart.add_argument("--out", metavar="FILE.pdf|FILE.png", help="uitvoerbestand: .pdf (vector) of .png")
    kaart.add_argument("--width", type=int, default=1600, metavar="PX",
                       help="breedte van de PNG in pixels (standaard 1600)")
    kaart.add_argument("--buurt", metavar="NAAM", help="map cache: de buurt waarvan de achtergrond wordt gedownload")
    kaart.add_argument("--zoom", metavar="VAN-TOT", help="map cache: zoomniveaus, bijv. 12-14 (RD-tegels: 0 tot en met 14)")
    kaart.add_argument("--url", metavar="URL",
                       help="map cache: tegeladres met {z}/{x}/{y} (standaard PDOK BRT-Achtergrondkaart)")
    kaart.add_argument("--yes", action="store_true", help="map cache: niet vragen, meteen downloaden")
    return {"buurten": cmd_buurten, "map": cmd_map}


def cmd_buurten(args: argparse.Namespace) -> int:
    from schouw.cli import EXIT_OK, _emit, _open
    from schouw.services.boundaries import import_boundaries

    with _open(args) as project:
        result = import_boundaries(project, args.file)
    data = {
        "path": result.path, "crs": result.crs, "in_file": result.in_file,
        "matched": [{"name": n, "code": c} for n, c in result.matched],
        "not_found": [{"name": n, "code": c} for n, c in result.not_found],
        "without_code": result.without_code, "repaired": result.repaired, "empty": result.empty,
    }

    def text() -> str:
        names = ", ".join(f"{n} ({c})" for n, c in result.matched)
        lines = [messages.render("cli_boundaries_imported", path=result.path, crs=result.crs, in_file=result.in_file,
                                 names=names)]
        if result.not_found:
            lines.append(messages.render("cli_boundaries_not_found",
                                         names=", ".join(f"{n} ({c})" for n, c in result.not_found)))
        if result.without_code:
            lines.append(messages.render("cli_boundaries_without_code", names=", ".join(result.without_code)))
        if result.repaired:
            lines.append(messages.render("cli_boundaries_repaired", codes=", ".join(result.repaired)))
        if result.empty:
            lines.append(messages.render("cli_boundaries_empty", codes=", ".join(result.empty)))
        return "\n".join(lines)

    _emit(args, data, text)
    return EXIT_OK


def cmd_map(args: argparse.Namespace) -> int:
    if args.round == "cache":
        return _cmd_cache(args)
    from schouw.cli import EXIT_OK, _emit, _open
    from schouw.report.map_page import MapPage, write_map_pdf
    from schouw.report.map_raster import render_png
    from schouw.services.mapscene import map_scene
    from schouw.services.tiles import background_for

    if not args.out:
        raise SchouwError("map_bad_out", path="-")
    out = Path(args.out).expanduser()
    kind = out.suffix.lower()
    if kind not in (".pdf", ".png"):
        raise SchouwError("map_bad_out", path=str(out))
    if kind == ".png" and not 200 <= args.width <= 10_000:
        raise SchouwError("map_bad_width", width=args.width)
    with _open(args, "read") as project:
        scene = map_scene(project, args.round)
        if scene.is_empty:
            raise SchouwError("map_empty", round=args.round)
        background = background_for(project, scene.bbox, args.width if kind == ".png" else 1600)
        title = f"{scene.buurt} · {scene.round_title}" if scene.round_title else scene.buurt
    if background.warning:
        print(background.warning, file=sys.stderr)
    tmp = out.with_name(out.name + ".part")
    try:
        if kind == ".pdf":
            write_map_pdf(MapPage(scene, background.tiles, background.attribution), tmp,
                          lang=messages.language(), title=title)
        else:
            render_png(scene, tmp, width=args.width, lang=messages.language(), background=background.tiles,
                       attribution=background.attribution)
        tmp.replace(out)
    finally:
        tmp.unlink(missing_ok=True)
    data = {"path": str(out), "markers": len(scene.markers), "unlocated": scene.unlocated,
            "outside_buurt": sum(m.outside_buurt for m in scene.markers), "background": bool(background.tiles)}
    _emit(args, data, lambda: messages.render("cli_map_written", path=str(out), markers=len(scene.markers),
                                              unlocated=scene.unlocated))
    return EXIT_OK


def _cmd_cache(args: argparse.Namespace) -> int:
    from schouw.cli import EXIT_OK, EXIT_USAGE, _emit, _open
    from schouw.domain.tiles import MAX_ZOOM, PDOK_URL, parse_zooms
    from schouw.services.tiles import download_tiles, estimate_line, human_size, plan_tiles

    if not args.buurt:
        raise SchouwError("tiles_nothing_to_cover", buurt="-")
    try:
        zooms = parse_zooms(args.zoom or "12-14")
    except ValueError:
        raise SchouwError("tiles_bad_zoom", zoom=args.zoom, max=MAX_ZOOM) from None
    with _open(args, "read") as project:
        plan = plan_tiles(project, args.buurt, zooms, url=args.url or PDOK_URL)
        estimate = estimate_line(plan)
        print(estimate, file=sys.stderr if getattr(args, "json", False) else sys.stdout, flush=True)
        if plan.missing and not args.yes:
            if not sys.stdin.isatty():
                print(messages.render("tiles_need_yes"), file=sys.stderr)
                return EXIT_USAGE
            answer = input(messages.render("tiles_confirm")).strip().lower()
            if answer not in ("j", "ja", "y", "yes"):
                print(messages.render("tiles_not_confirmed"))
                return EXIT_OK
        result = download_tiles(project, args.buurt, zooms, plan=plan, progress=_progress_printer())
    data = {"path": str(result.path), "tiles": len(plan.tiles), "cached_before": plan.cached,
            "fetched": result.fetched, "failed": result.failed, "reasons": result.reasons, "total": result.total,
            "bytes": result.size}
    if result.failed:
        line = messages.render("tiles_unavailable", failed=result.failed, missing=result.wanted, reason=result.reason)
        _emit(args, data, lambda: line)
        return EXIT_USAGE if not result.fetched and not plan.cached else EXIT_OK
    from schouw.domain.tiles import ATTRIBUTION

    _emit(args, data, lambda: messages.render("tiles_done", fetched=result.fetched, path=str(result.path),
                                              total=result.total, size=human_size(result.size))
          + "\n" + ATTRIBUTION)
    return EXIT_OK


def _progress_printer() -> Callable[[int, int], None]:
    """A progress line on stderr when it is a terminal; nothing otherwise."""
    if not sys.stderr.isatty():
        return lambda done, total: None

    def show(done: int, total: int) -> None:
        print(f"\r{done}/{total}", end="" if done < total else "\n", file=sys.stderr, flush=True)

    return show
