"""``schouw photos list`` and ``schouw photo mask|masks``: finding a photo's id and
setting its privacy masks from a script, through the same use case as the mask editor
(:mod:`schouw.services.photos`)."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from schouw import messages
from schouw.messages import SchouwError

Handler = Callable[[argparse.Namespace], int]

HELP = {
    "photos": "foto's van een ronde",
    "photos list": "toon de foto's van een ronde met hun id en maskers",
    "photo": "één foto: privacymaskers",
    "photo mask": "voeg een masker toe (X,Y,B,H als fracties van de rechtop gezette foto) of haal ze weg; "
                  "het origineel blijft onaangeroerd",
    "photo masks": "toon de maskers van een foto",
    "id": "id van de foto (of de eerste 8 tekens ervan)",
    "rect": "een masker: linkerbovenhoek, breedte en hoogte, elk tussen 0 en 1 (mag vaker)",
    "ellipse": "de maskers van --rect zijn ellipsen",
    "clear": "haal de bestaande maskers eerst weg (zonder --rect: alle maskers weg)",
}
#: The English of this module's help texts and metavars, for ``--lang en``.
HELP_EN = {
    HELP["photos"]: "photos of a round",
    HELP["photos list"]: "list the photos of a round with their ids and masks",
    HELP["photo"]: "one photo: privacy masks",
    HELP["photo mask"]: "add a mask (X,Y,W,H as fractions of the upright photo) or remove them; "
                        "the original stays untouched",
    HELP["photo masks"]: "list the masks of a photo",
    HELP["id"]: "id of the photo (or its first 8 characters)",
    HELP["rect"]: "a mask: top-left corner, width and height, each between 0 and 1 (may be repeated)",
    HELP["ellipse"]: "the masks of --rect are ellipses",
    HELP["clear"]: "remove the existing masks first (without --rect: remove all masks)",
    "FOTO_ID": "PHOTO_ID", "X,Y,B,H": "X,Y,W,H",
}


def register(command, sub) -> dict[str, Handler]:
    photos = command("photos", HELP["photos"])
    photos_sub = photos.add_subparsers(dest="photos_command", metavar="OPDRACHT", required=True,
                                       parser_class=type(photos))
    plist = command("list", HELP["photos list"], photos_sub)
    plist.add_argument("--round", required=True, metavar="ID")

    photo = command("photo", HELP["photo"])
    photo_sub = photo.add_subparsers(dest="photo_command", metavar="OPDRACHT", required=True,
                                     parser_class=type(photo))
    mask = command("mask", HELP["photo mask"], photo_sub)
    mask.add_argument("photo", metavar="FOTO_ID", help=HELP["id"])
    mask.add_argument("--rect", action="append", default=[], metavar="X,Y,B,H", help=HELP["rect"])
    mask.add_argument("--ellipse", action="store_true", help=HELP["ellipse"])
    mask.add_argument("--clear", action="store_true", help=HELP["clear"])
    masks = command("masks", HELP["photo masks"], photo_sub)
    masks.add_argument("photo", metavar="FOTO_ID", help=HELP["id"])
    return {"photos": cmd_photos, "photo": cmd_photo}


def _describe(masks: list[dict]) -> str:
    return "\n".join(f"  {messages.render('mask_shape_' + m['shape'])}  {m['x']:g},{m['y']:g},{m['w']:g},{m['h']:g}"
                     for m in masks)


def cmd_photos(args: argparse.Namespace) -> int:
    from schouw.cli import EXIT_OK, _emit, _open
    from schouw.services.photos import round_photos

    with _open(args) as project:
        rows = round_photos(project, args.round)
    _emit(args, rows, lambda: "\n".join(
        messages.render("cli_photo_line", id=r["id"][:8], street=r["street"] or "", number=r["number"],
                        item=f"{r['element']}.{r['aspect']}", width=r["width"], height=r["height"],
                        n=len(r["masks"]), name=r["source_name"]) for r in rows)
        or messages.render("cli_no_photos"))
    return EXIT_OK


def cmd_photo(args: argparse.Namespace) -> int:
    from schouw.cli import EXIT_OK, _emit, _open
    from schouw.services import photos as service

    with _open(args) as project:
        photo = service.find_photo(project, args.photo)
        if args.photo_command == "mask":
            if not args.rect and not args.clear:
                raise SchouwError("mask_nothing")
            shape = "ellipse" if args.ellipse else "rect"
            added = [service.parse_rect(text, shape) for text in args.rect]  # all checked before any change
            kept = [] if args.clear else service.masks_of(photo)
            photo = service.set_masks(project, photo.id, kept + added)
        masks = [service.mask_json(m) for m in service.masks_of(photo)]
    _emit(args, {"id": photo.id, "masks": masks},
          lambda: "\n".join([messages.render("cli_photo_masks", id=photo.id[:8], n=len(masks))]
                            + ([_describe(masks)] if masks else [])))
    return EXIT_OK
