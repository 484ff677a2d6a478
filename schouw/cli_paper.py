"""``schouw report ROUND --kind looproute``: the walk pack on paper (services/walk_pack.py)."""

from __future__ import annotations

import argparse
from typing import Any

from schouw import messages

#: English for the walk pack's options of `report` (the options live in cli.py's report parser).
HELP_EN: dict[str, str] = {
    "verplicht, behalve bij looproute (dan naast het project)":
        "required, except with looproute (then beside the project)",
    "round: het volledige rapport (standaard); actions: alleen de actielijst; "
    "terugkoppeling: wat er met de punten is gedaan, voor bewoners; "
    "looproute: kaart en lege genummerde formulieren om op papier te schouwen":
        "round: the full report (default); actions: only the action list; "
        "terugkoppeling: what was done with the points, for residents; "
        "looproute: map and blank numbered forms to inspect on paper",
}


def register(command, sub) -> dict[str, Any]:
    """No commands of its own: the walk pack is a --kind of `report`; this joins HELP_EN."""
    return {}


def cmd_walk_pack(args: argparse.Namespace) -> int:
    from schouw.cli import EXIT_OK, _emit, _open
    from schouw.services.walk_pack import build_walk_pack

    with _open(args, "read") as project:
        result = build_walk_pack(project, args.round, args.out,
                                 lang=getattr(args, "lang", None) or messages.language())
    _emit(args, {"file": str(result.path), "kind": "looproute", "pages": result.pages, "streets": result.streets,
                 "items": result.items},
          lambda: messages.render("cli_walk_pack_made", path=result.path, pages=result.pages,
                                  streets=result.streets, items=result.items))
    return EXIT_OK
