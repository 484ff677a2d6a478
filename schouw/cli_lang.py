"""The language of the command line itself: argparse's own texts and our help texts.

argparse looks up its texts ("usage: ", "the following arguments are required: %s",
"invalid choice: ...") through the names ``_`` and ``ngettext`` it imports from
:mod:`gettext`. :func:`install` points those two names at :func:`gettext` and
:func:`ngettext` here, which answer from a small Dutch catalogue when the CLI speaks
Dutch and pass the text through otherwise. No ``.mo`` files and no process-wide
``gettext`` domain are touched, so nothing else in the process changes language.

Our own help texts, descriptions and metavars are written in Dutch in ``cli.py``; in
English mode :func:`translate_parser` swaps them for the English ones in :data:`EN`.

Because ``--lang`` is itself an argparse option, the language must be known *before*
argparse runs (its errors are raised while parsing): :func:`prescan` reads ``--lang``
from the raw arguments, then ``SCHOUW_LANG``, then takes Dutch.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence

from schouw import messages
from schouw.domain.actions import ROLES

#: argparse's texts (Python 3.11-3.13) in Dutch. Keys are argparse's msgids exactly.
ARGPARSE_NL: dict[str, str] = {
    "usage: ": "gebruik: ",
    "positional arguments": "argumenten",
    "options": "opties",
    "optional arguments": "opties",
    "subcommands": "opdrachten",
    "show this help message and exit": "toon deze hulp en stop",
    "show program's version number and exit": "toon het versienummer en stop",
    "argument %(argument_name)s: %(message)s": "bij %(argument_name)s: %(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": "ongeldige keuze: %(value)r (kies uit %(choices)s)",
    "the following arguments are required: %s": "dit is verplicht: %s",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "expected one argument": "hier hoort één waarde bij",
    "expected at most one argument": "hier hoort hoogstens één waarde bij",
    "expected at least one argument": "hier hoort minstens één waarde bij",
    "expected %s argument": "hier hoort %s waarde bij",
    "expected %s arguments": "hier horen %s waarden bij",
    "ambiguous option: %(option)s could match %(matches)s": "onduidelijke optie: %(option)s kan %(matches)s zijn",
    "invalid %(type)s value: %(value)r": "ongeldige waarde (%(type)s): %(value)r",
    "not allowed with argument %s": "niet samen met %s",
    "ignored explicit argument %r": "overbodige waarde %r",
    "one of the arguments %s is required": "een van %s is verplicht",
    "unexpected option string: %s": "onverwachte optie: %s",
    "can't open '%(filename)s': %(error)s": "kan '%(filename)s' niet openen: %(error)s",
    "unknown parser %(parser_name)r (choices: %(choices)s)":
        "onbekende opdracht %(parser_name)r (kies uit %(choices)s)",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n",
}


def gettext(message: str) -> str:
    if messages.language() == "nl":
        return ARGPARSE_NL.get(message, message)
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    return gettext(singular if n == 1 else plural)


def install() -> None:
    """Let argparse speak the CLI's language (see the module docstring)."""
    argparse._ = gettext  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]


def prescan(argv: Sequence[str]) -> str:
    """The language asked for on the command line (``--lang en``, ``--lang=en``), else
    ``SCHOUW_LANG``, else Dutch: argparse needs it before it parses ``--lang`` itself."""
    for n, arg in enumerate(argv):
        if arg == "--":
            break
        value = arg.split("=", 1)[1] if arg.startswith("--lang=") else (
            argv[n + 1] if arg == "--lang" and n + 1 < len(argv) else None)
        if value in messages.LANGUAGES:
            return value
    env = os.environ.get("SCHOUW_LANG", "")
    return env if env in messages.LANGUAGES else "nl"


#: Our own Dutch help texts, descriptions and metavars in English. A text missing here
#: stays Dutch in English mode; tests/test_cli_lang.py fails on such a text.
EN: dict[str, str] = {
    "voeg de ronde van het pakket samen met deze andere ronde van dezelfde buurt en datum (bevindingen gepaard op straat, onderdeel en plek)":
        "merge the package's round into this other round of the same buurt and date (findings paired by street, item and spot)",
    # global options and the top level
    "Wijkschouw: bevindingen per straat vastleggen, rapporteren en uitwisselen.":
        "Wijkschouw: record findings street by street, report them and exchange them.",
    "projectbestand (standaard: project.schouw in de gebruikersmap)":
        "project file (default: project.schouw in the user folder)",
    "taal van meldingen en hulp: nl (standaard) of en": "language of messages and help: nl (default) or en",
    "uitvoer als JSON, voor scripts": "output as JSON, for scripts",
    "toon het versienummer en stop": "show the version number and exit",
    # commands
    "maak een demoproject met twee buurten, rondes, bevindingen en foto's":
        "make a demo project with two buurten, rounds, findings and photos",
    "vervang een bestaand bestand": "replace an existing file",
    "aantal foto's (standaard 40)": "number of photos (default 40)",
    "controleer het projectbestand (SQLite, verwijzingen, foto-controlesommen)":
        "check the project file (SQLite, references, photo checksums)",
    "open het programma (hetzelfde als schouw zonder opdracht; ook: schouw gui)":
        "open the app (the same as schouw without a command; also: schouw gui)",
    "schouwformulieren": "inspection forms",
    "toon de beschikbare formulieren": "list the available forms",
    "controleer een formulier- of profielbestand (TOML)": "check a form or profile file (TOML)",
    "straten van een buurt": "streets of a buurt",
    "lees straten uit CSV of GeoJSON": "read streets from CSV or GeoJSON",
    "kolom of eigenschap met de straatnaam": "column or property holding the street name",
    "woonplaats voor regels zonder woonplaats-kolom": "woonplaats for rows without a woonplaats column",
    "gebiedstype van een nieuwe buurt": "area type of a new buurt",
    "toon de straten van een buurt": "list the streets of a buurt",
    "schouwrondes": "rounds",
    "toon alle rondes": "list all rounds",
    "begin een nieuwe ronde": "start a new round",
    "bevindingen": "findings",
    "toon de bevindingen van een ronde": "list the findings of a round",
    "één bevinding": "one finding",
    "leg een bevinding vast (met foto's)": "record a finding (with photos)",
    "A+, A, B, C, D of n.v.t.": "A+, A, B, C, D or n/a",
    "maak een exportpakket (ZIP) van een ronde voor de gemeente of de coördinator":
        "make an export package (ZIP) of a round for the municipality or the coordinator",
    "alleen wijzigingen na een eerder pakket (.zip) of sinds een datum (JJJJ-MM-DD)":
        "only changes after an earlier package (.zip) or since a date (YYYY-MM-DD)",
    "laat namen en contactgegevens van deelnemers weg (organisatie en rol blijven)":
        "leave out participants' names and contact details (organisation and role stay)",
    "ook bevindingen.xlsx (met de actielijst op een tweede blad) in het pakket":
        "also bevindingen.xlsx (with the action list on a second sheet) in the package",
    "voeg een exportpakket (ZIP) samen met dit project; eerst wordt alles gecontroleerd":
        "merge an export package (ZIP) into this project; everything is checked first",
    "conflicten na het samenvoegen van pakketten": "conflicts after merging packages",
    "toon de conflicten (de bewaarde en de opzijgezette versie)": "list the conflicts (the kept and the set-aside version)",
    "zet de opzijgezette versie terug (nogmaals omdraaien herstelt)":
        "bring back the set-aside version (flipping again restores)",
    "id van de ronde (of de eerste tekens ervan)": "id of the round (or its first characters)",
    "alleen de actiepunten van deze actiehouder (maakt een actielijst)":
        "only the actions of this party (makes an action list)",
    "logo op het voorblad (standaard: de projectinstelling logo_path)":
        "logo on the cover (default: the project setting logo_path)",
    "verstuur bevindingen naar het meldsysteem van de gemeente (MOR) en haal hun status op":
        "send findings to the municipality's report system (MOR) and fetch their status",
    "synchronisatieprofiel (TOML); standaard het gekozen profiel": "sync profile (TOML); default the chosen profile",
    "toon wat er zou gaan, zonder iets te versturen": "show what would go, without sending anything",
    "zet mislukte meldingen eerst terug in de wachtrij": "put failed reports back in the queue first",
    "sla de API-sleutel of het client secret van het profiel op (gelezen van stdin of gevraagd)":
        "store the profile's API key or client secret (read from stdin or asked for)",
    "sla meldingen over waarvan de wachttijd na een storing nog loopt (voor geplande taken)":
        "skip reports whose wait after a failure still runs (for scheduled tasks)",
    "toon alleen de uitgaande meldingen, zonder te versturen": "only list the outgoing reports, without sending",
    # cli_round
    "één schouwronde: het team": "one round: its team",
    "de deelnemers van een ronde": "the participants of a round",
    "zet iemand in het team van een ronde": "put someone on the team of a round",
    "haal iemand uit het team van een ronde": "take someone off the team of a round",
    "nodig als twee deelnemers dezelfde naam hebben": "needed when two participants have the same name",
    "toon het team van een ronde": "list the team of a round",
    "één straat van een ronde": "one street of a round",
    "markeer een straat van de ronde als gelopen": "mark a street of the round as walked",
    "haal het merkteken gelopen weg": "take the walked mark away",
    "rol: " + ", ".join(ROLES): "role: " + ", ".join(ROLES),
    # metavars
    "OPDRACHT": "COMMAND", "NAAM": "NAME", "HUISNR": "NUMBER", "PLEK": "SPOT", "KEUZE": "CHOICE",
    "NIVEAU": "LEVEL", "ACTIEHOUDER": "PARTY", "JJJJ-MM-DD": "YYYY-MM-DD", "RONDE": "ROUND",
    "KOLOM": "COLUMN", "PAKKET_OF_DATUM": "PACKAGE_OR_DATE", "ORGANISATIE": "ORGANISATION", "ROL": "ROLE",
}


def _translated(text: str | None) -> str | None:
    return EN.get(text, text) if isinstance(text, str) else text


def parsers(parser: argparse.ArgumentParser):
    """The parser and every subparser below it, each once."""
    seen: set[int] = set()
    todo = [parser]
    while todo:
        current = todo.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        for action in current._actions:
            if isinstance(action, argparse._SubParsersAction):
                todo.extend(action.choices.values())


def translate_parser(parser: argparse.ArgumentParser, lang: str) -> None:
    """Put the English help texts, descriptions and metavars in place (``lang == "en"``)."""
    if lang != "en":
        return
    for current in parsers(parser):
        current.description = _translated(current.description)
        for action in current._actions:
            if action.help is not argparse.SUPPRESS:
                action.help = _translated(action.help)
            if isinstance(action.metavar, str):
                action.metavar = _translated(action.metavar)
            if isinstance(action, argparse._SubParsersAction):
                for choice in action._choices_actions:
                    choice.help = _translated(choice.help)
