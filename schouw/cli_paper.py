"""``schouw report ROUND --kind looproute``: the walk pack on paper (services/walk_pack.py)."""

from __future__ import annotations

import argparse

from schouw import messages


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
