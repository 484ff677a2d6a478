"""The command line speaks one language at a time: every error a user can provoke comes
out in the chosen language (argparse's own texts included), in one line; counts use real
plural forms; a closed pipe ends quietly.

Most cases run ``schouw.cli.main`` in this process (fast); the pipe test runs a real
subprocess, since only a real pipe can be closed under it.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
from conftest import ROOT
from conftest import run_main as run

from schouw import cli, cli_lang, messages

#: Words that give away English in a Dutch line, and Dutch in an English one. Domain
#: terms that stay Dutch in both (buurt, wijk, gebiedstype values) are not on the lists.
ENGLISH = [r"\busage\b", r"\berror\b", r"\binvalid\b", r"\brequired\b", r"\bchoose\b", r"\bunrecognized\b",
           r"\bexpected\b", r"\bdid you mean\b", r"\bdoes not\b", r"\bunknown\b", r"\bnot found\b",
           r"\bmore help\b", r"\bargument\b", r"\bthe\b", r"\bshow\b", r"\bgive\b", r"\bfirst\b"]
DUTCH = [r"\bbedoelde\b", r"\bbestaat\b", r"\bkies\b", r"\bgebruik\b", r"\bongeldige?\b", r"\bverplicht\b",
         r"\bmeer uitleg\b", r"n\.v\.t\.", r"\bniet\b", r"\bgeen\b", r"\bhet\b", r"\been\b", r"\bbij\b",
         r"\bhoort\b", r"\bwaarde\b", r"\bopdracht\b", r"\bdeelnemers?\b", r"\bstraten\b", r"\btoon\b",
         r"\bgeef\b", r"\beerst\b", r"\bonbekende?\b", r"\bstaat\b", r"\bprioriteit\b", r"\bactiepunt\b"]


def other_language(text: str, lang: str) -> list[str]:
    words = ENGLISH if lang == "nl" else DUTCH
    return [w for w in words if re.search(w, text, re.I)]


@pytest.fixture
def proj(tmp_path, capsys):
    """A buurt of two streets, one round with one finding that has an action."""
    db = tmp_path / "wijk.schouw"
    csv_path = tmp_path / "straten.csv"
    csv_path.write_text("straatnaam;woonplaats\nIJsselkade;Rotterdam\nMaasboulevard;Rotterdam\n", encoding="utf-8")
    assert run(capsys, "new", str(db))[0] == 0
    assert run(capsys, "--db", str(db), "streets", "import", str(csv_path), "--buurt", "Oude Westen")[0] == 0
    code, out, _ = run(capsys, "--db", str(db), "--json", "rounds", "create", "--buurt", "Oude Westen",
                       "--form", "crow-beeldkwaliteit", "--date", "2026-11-20")
    round_id = json.loads(out)["id"]
    assert run(capsys, "--db", str(db), "finding", "add", "--round", round_id, "--street", "IJsselkade",
               "--item", "asfalt.onkruid", "--level", "C", "--party", "Gemeente, team Reiniging")[0] == 0
    return db, round_id, tmp_path


def error_cases(db, round_id, tmp):
    """Every kind of error a user can make, argparse's and ours."""
    d = ["--db", str(db)]
    add = [*d, "finding", "add", "--round", round_id, "--street", "IJsselkade"]
    existing = tmp / "er-al.schouw"
    existing.write_bytes(b"")
    return [
        ["rondes"],                                                     # unknown command
        ["rounds", "lst"],                                              # unknown subcommand
        ["rounds"],                                                     # missing subcommand
        ["finding", "add", "--round"],                                  # option without its value
        ["finding", "add"],                                             # required options missing
        ["rounds", "list", "--bogus"],                                  # unknown option
        ["demo"],                                                       # missing positional
        ["demo", "x.schouw", "--photos", "veel"],                       # not a number
        [*add, "--item", "asfalt.onkruid", "--priority", "dringend"],   # bad choice
        ["--lang", "fr", "rounds", "list"],                             # bad language
        [*d, "findings", "list", "--round", "deadbeef"],                # unknown round
        [*add[:-1], "IJselkade", "--item", "asfalt.onkruid"],           # unknown street, with a hint
        [*add, "--item", "asfalt.bloemen"],                             # unknown item
        [*add, "--item", "asfalt.onkruid", "--level", "E"],             # bad level
        [*add, "--item", "asfalt.onkruid", "--level", "nvt", "--priority", "hoog"],   # n.v.t. with priority
        [*add, "--item", "asfalt.onkruid", "--level", "nvt", "--party", "Gemeente"],  # n.v.t. with an action
        [*add, "--item", "asfalt.onkruid", "--level", "B", "--due", "31-12-2026"],    # bad date
        [*d, "rounds", "create", "--buurt", "Oude Wsten", "--form", "crow-beeldkwaliteit", "--date", "2026-01-01"],
        [*d, "rounds", "create", "--buurt", "Oude Westen", "--form", "xyz-form", "--date", "2026-01-01"],
        [*d, "round", "participants", "add", "--round", round_id, "--name", "Henk", "--role", "baas"],
        [*d, "round", "participants", "add", "--round", round_id, "--name", " "],
        [*d, "round", "participants", "remove", "--round", round_id, "--name", "Niemand"],
        [*d, "street", "walked", "--round", round_id, "--street", "Maasbulevard"],
        [*d, "report", round_id, "--out", str(tmp / "a.pdf"), "--party", "Gemeente"],   # a prefix is no party
        ["forms", "check", str(tmp / "weg.toml")],
        ["demo", str(existing)],
        [*d, "conflicts", "flip", "deadbeef"],
        [*d, "export", round_id, "--out", str(tmp / "p.zip"), "--since", "gisteren"],
    ]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_cli_error_is_one_line_in_the_chosen_language(proj, capsys, lang):
    db, round_id, tmp = proj
    for args in error_cases(db, round_id, tmp):
        code, out, err = run(capsys, "--lang", lang, *args)
        assert code == 2, (args, err)
        assert err.count("\n") == 1 and err.strip(), (args, err)
        assert "Traceback" not in err
        assert other_language(err, lang) == [], (lang, args, err)
        # the same through SCHOUW_LANG, with --lang after the command words
        code, _, err_late = run(capsys, *args, "--lang", lang)
        assert code == 2 and other_language(err_late, lang) == [], (lang, args, err_late)


def test_usage_errors_say_what_is_wrong_in_dutch(proj, capsys):
    code, _, err = run(capsys, "finding", "add", "--round")
    assert err == "schouw finding add: bij --round: hier hoort één waarde bij (meer uitleg: schouw finding add --help)\n"
    code, _, err = run(capsys, "--lang", "en", "rounds", "lst")
    assert "invalid choice: 'lst'" in err and "COMMAND" in err and "more help: schouw rounds --help" in err


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_help_is_in_the_chosen_language(capsys, lang):
    for args in (["-h"], ["finding", "add", "-h"], ["round", "participants", "add", "-h"], ["sync", "-h"]):
        with pytest.raises(SystemExit) as done:
            cli.main(["--lang", lang, *args])
        assert done.value.code == 0
        out = capsys.readouterr().out
        assert other_language(out, lang) == [], (lang, args, out)
    assert ("gebruik: " if lang == "nl" else "usage: ") in out


def test_every_help_text_has_an_english_translation():
    """A Dutch help text, description or metavar missing from cli_lang.EN would show in
    Dutch in English mode; this names it."""
    parser = cli.build_parser("nl")
    missing = set()
    for current in cli_lang.parsers(parser):
        texts = [current.description]
        for action in current._actions:
            texts += [action.help, action.metavar if isinstance(action.metavar, str) else None]
            for choice in getattr(action, "_choices_actions", []):
                texts.append(choice.help)
        for text in texts:
            if (text and text != "==SUPPRESS==" and other_language(text, "en") and text not in cli_lang.EN
                    and text not in cli_lang.ARGPARSE_NL.values()):
                missing.add(text)
    metavars = {"OPDRACHT", "NAAM", "HUISNR", "PLEK", "KEUZE", "NIVEAU", "ACTIEHOUDER", "JJJJ-MM-DD", "RONDE"}
    assert metavars <= set(cli_lang.EN)
    assert missing == set()


def test_every_argparse_text_is_translated():
    """argparse's own texts are found by reading its source: a newer Python that adds one
    shows here instead of in a user's terminal."""
    import argparse
    import inspect

    source = inspect.getsource(argparse)
    used = set(re.findall(r"\b_\('((?:[^'\\]|\\.)+)'\)", source))
    used |= set(re.findall(r'\b_\("((?:[^"\\]|\\.)+)"\)', source))
    # the texts a user of the schouw command can meet (not programming errors of ours)
    internal = {".__call__() not defined", "conflicting subparser: %s", "conflicting subparser alias: %s",
                "argument \"-\" with mode %r", "cannot merge actions - two groups are named %r",
                "'required' is an invalid argument for positionals", "dest= is required for options like %r",
                "invalid conflict_resolution value: %r", "mutually exclusive arguments must be optional",
                "cannot have multiple subparser arguments", "%r is not callable",
                "invalid option string %(option)r: must start with a character %(prefix_chars)r",
                "%(prog)s: error: %(message)s\\n"}
    missing = {u for u in used if u not in internal and u.replace("\\n", "\n") not in cli_lang.ARGPARSE_NL}
    assert missing == set()


def test_prescan_finds_the_language_before_argparse(monkeypatch):
    monkeypatch.delenv("SCHOUW_LANG", raising=False)
    assert cli_lang.prescan(["rounds", "list", "--lang", "en"]) == "en"
    assert cli_lang.prescan(["--lang=en", "rounds"]) == "en"
    assert cli_lang.prescan(["--lang", "fr"]) == "nl"
    assert cli_lang.prescan(["finding", "add", "--text", "--", "--lang", "en"]) == "nl"
    monkeypatch.setenv("SCHOUW_LANG", "en")
    assert cli_lang.prescan(["rounds"]) == "en"


# -- plurals and punctuation ------------------------------------------------------------------
def test_counts_use_real_plural_forms(proj, capsys):
    db, round_id, tmp = proj
    code, out, _ = run(capsys, "--db", str(db), "check")
    assert code == 0 and "(1 ronde, 1 bevinding, 0 foto's)" in out
    code, out, _ = run(capsys, "--db", str(db), "--lang", "en", "check")
    assert "(1 round, 1 finding, 0 photos)" in out
    code, out, _ = run(capsys, "--db", str(db), "rounds", "list")
    assert out.rstrip().endswith("1 bevinding")
    assert messages.count(1, "street") == "1 straat" and messages.count(2, "street") == "2 straten"
    assert messages.count(1, "conflict", "en") == "1 conflict" and messages.count(0, "photo", "en") == "0 photos"


def test_no_message_hedges_its_plural_or_doubles_a_full_stop():
    """No "ronde(s)", "conflict(en)", "foto('s)" left in the catalogue, and no level list
    ending in "n.v.t.." (the list now sits in brackets)."""
    for key, texts in messages.CATALOGUE.items():
        for lang, text in texts.items():
            assert not re.search(r"\w\((s|en|'s|men)\)", text), (key, lang, text)
    text = messages.render("bad_level", "nl", level="E", item="asfalt.onkruid",
                           allowed=__import__("schouw.domain.findings", fromlist=["x"])._Joined(
                               "A, B, ", messages.Text("level_nvt")))
    assert ".." not in text and text.endswith("n.v.t.).")
    assert messages.render("bad_level", "en", level="E", item="x", allowed=messages.Text("level_nvt")).endswith("n/a).")


def test_import_summary_counts_its_conflicts():
    from schouw.exchange.merge import MergeResult
    from schouw.services.exchange import summary_line

    result = MergeResult(package_id="p", round_id="r")
    result.conflicts, result.photos_written = 1, 1
    messages.set_language("nl")
    assert "1 foto; 1 conflict — bekijk" in summary_line(result)
    result.conflicts = 2
    messages.set_language("en")
    assert "1 photo; 2 conflicts — review" in summary_line(result)


def test_sync_text_has_no_hedged_plurals():
    from types import SimpleNamespace

    plan = [{"finding_id": "abcdef0123", "title": "Onkruid", "service_code": "", "photos": 1}]
    dry = SimpleNamespace(dry_run=True, profile="Gemeente", plan=plan, packages=[])
    assert cli._sync_text(dry, []) == ("Proefdraai voor Gemeente, er zou verstuurd worden: 1 melding.\n"
                                       "  abcdef01  Onkruid  [GEEN service_code]  1 foto")
    run_ = SimpleNamespace(sent=[], failed=[], unknown=[], retrying=[], statuses=1, photos=2, offline="",
                           cancelled=False)
    done = SimpleNamespace(dry_run=False, profile="Gemeente", run=run_, packages=[], package_error="",
                           counts={"sent": 1})
    messages.set_language("en")
    assert "1 status change, 2 photos." in cli._sync_text(done, [])


# -- a closed pipe -------------------------------------------------------------------------------
def test_closed_pipe_ends_quietly(demo_path):
    """``schouw --json rounds list | head -c0``: the reader is gone before we write."""
    proc = subprocess.Popen([sys.executable, "-m", "schouw", "--db", str(demo_path), "--json", "rounds", "list"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    proc.stdout.close()
    err = proc.stderr.read()
    code = proc.wait(timeout=60)
    assert err == b""
    assert code in (0, 141)


def test_check_speaks_the_chosen_language(demo_path, capsys):
    import sqlite3

    conn = sqlite3.connect(demo_path)
    conn.execute("UPDATE photo_blobs SET data = X'00' WHERE id = (SELECT MIN(id) FROM photo_blobs WHERE kind = 'jpeg')")
    conn.commit()
    conn.close()
    code, out, _ = run(capsys, "--db", str(demo_path), "--lang", "en", "check")
    assert code == 1 and "checksum does not match" in out and "1 problem" in out
    assert other_language(out.replace(str(demo_path), "FILE"), "en") == [], out
    code, out, _ = run(capsys, "--db", str(demo_path), "check")
    assert "controlesom klopt niet" in out and "1 probleem" in out


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_success_line_is_in_the_chosen_language(proj, capsys, lang):
    db, round_id, tmp = proj
    d = ["--db", str(db), "--lang", lang]
    profile = next((ROOT / "forms" / "profielen").glob("*.toml"))
    commands = [
        ["forms", "check", str(ROOT / "forms" / "crow-beeldkwaliteit.toml")],
        ["forms", "check", str(profile)],
        [*d, "check"],
        [*d, "rounds", "list"],
        [*d, "findings", "list", "--round", round_id],
        [*d, "round", "participants", "add", "--round", round_id, "--name", "Henk", "--role", "bewoner"],
        [*d, "round", "participants", "list", "--round", round_id],
        [*d, "round", "participants", "remove", "--round", round_id, "--name", "Henk"],
        [*d, "round", "participants", "list", "--round", round_id],
        [*d, "street", "walked", "--round", round_id, "--street", "IJsselkade"],
        [*d, "street", "unwalked", "--round", round_id, "--street", "IJsselkade"],
        [*d, "conflicts", "list"],
        [*d, "sync", "--list"],
        [*d, "export", round_id, "--out", str(tmp / f"pakket-{lang}.zip")],
        [*d, "report", round_id, "--out", str(tmp / f"rapport-{lang}.pdf")],
    ]
    for args in commands:
        code, out, err = run(capsys, "--lang", lang, *args)
        assert code == 0 and err == "", (args, err)
        shown = out.replace(str(tmp), "T").replace(str(ROOT), "R")
        assert other_language(shown, lang) == [], (lang, args, shown)
