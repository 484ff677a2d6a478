"""``schouw photos list`` and ``schouw photo mask|masks``: finding a photo's id and
setting its privacy masks from a script, through the same use case as the mask editor
(:mod:`schouw.services.photos`)."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from schouw.messages import SchouwError

Handler = Callable[[argparse.Namespace], int]


def register(command, sub) -> dict[str, Handler]:
    photos = command("photos", "foto's van een ronde")
    photos_sub = photos.add_subparsers(dest="photos_command", metavar="OPDRACHT", required=True,
                                       parser_class=type(photos))
    plist = command("list", "toon de foto's van een ronde met hun id en maskers", photos_sub)
    plist.add_argument("--round", required=True, metavar="ID")

    photo = command("photo", "één foto: privacymaskers")
    photo_sub = photo.add_subparsers(dest="photo_command", metavar="OPDRACHT", required=True,
                                     parser_class=type(photo))
    mask = command("mask", "voeg een masker toe (X,Y,B,H als fracties van de rechtop gezette foto) of haal "
                           "ze weg; het origineel blijft onaangeroerd", photo_sub)
    mask.add_argument("photo", metavar="FOTO_ID", help="id van de foto (of de eerste 8 tekens ervan)")
    mask.add_argument("--rect", action="append", default=[], metavar="X,Y,B,H",
                      help="een masker: linkerbovenhoek, breedte en hoogte, elk tussen 0 en 1 (mag vaker)")
    mask.add_argument("--ellipse", action="store_true", help="de maskers van --rect zijn ellipsen")
    mask.add_argument("--clear", action="store_true",
                      help="haal de bestaande maskers eerst weg (zonder --rect: alle maskers weg)")
    masks = command("masks", "toon de maskers van een foto", photo_sub)
    masks.add_argument("photo", metavar="FOTO_ID", help="id van de foto (of de eerste 8 tekens ervan)")
    return {"photos": cmd_photos, "photo": cmd_photo}


def _describe(masks: list[dict]) -> str:
    shape = {"rect": "rechthoek", "ellipse": "ellips"}
    return "\n".join(f"  {shape.get(m['shape'], m['shape'])}  {m['x']:g},{m['y']:g},{m['w']:g},{m['h']:g}"
                     for m in masks)


def cmd_photos(args: argparse.Namespace) -> int:
    from schouw.cli import EXIT_OK, _emit, _open
    from schouw.services.photos import round_photos

    with _open(args) as project:
        rows = round_photos(project, args.round)
    _emit(args, rows, lambda: "\n".join(
        f"{r['id'][:8]}  {r['street'] or ''} {r['number']}  {r['element']}.{r['aspect']}  "
        f"{r['width']}x{r['height']}  {len(r['masks'])} masker(s)  {r['source_name']}" for r in rows)
        or "Geen foto's.")
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
          lambda: f"Foto {photo.id[:8]}: {len(masks)} masker(s)" + ("\n" + _describe(masks) if masks else "."))
    return EXIT_OK
