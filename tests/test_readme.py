"""The README's commands are the real ones: CI runs the documented test command, and
every subcommand and option the README documents exists in the CLI."""

from __future__ import annotations

import argparse
import re

from conftest import ROOT

from schouw.cli import build_parser

README = (ROOT / "README.md").read_text(encoding="utf-8")


def code_blocks() -> list[str]:
    return re.findall(r"```sh\n(.+?)\n```", README, re.S)


def test_ci_runs_the_readme_test_command():
    blocks = code_blocks()
    assert len(blocks) >= 2
    test_command = blocks[1].strip()
    assert "pytest" in test_command
    assert test_command in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_demo_command_uses_real_subcommands():
    demo = code_blocks()[0]
    assert "schouw demo demo.schouw --overwrite" in demo and "schouw --db demo.schouw" in demo


def subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def options(parser: argparse.ArgumentParser) -> set[str]:
    return {opt for action in parser._actions for opt in action.option_strings}


def test_documented_commands_and_options_exist():
    rows = re.findall(r"^\| `schouw ([^`]+)`", README, re.M)
    assert len(rows) >= 10
    for row in rows:
        words = row.split()
        parser = build_parser()
        path = []
        for word in words:
            subs = subparsers(parser)
            if word in subs:
                parser = subs[word]
                path.append(word)
            elif word.startswith("-"):
                break
        assert path, row
        for option in re.findall(r"--[a-z-]+", row):
            assert option in options(parser), f"{option} documented for `schouw {' '.join(path)}` but unknown"


def test_every_cli_command_is_documented():
    def walk(parser, prefix):
        subs = subparsers(parser)
        if not subs:
            yield prefix
        for name, sub in subs.items():
            yield from walk(sub, [*prefix, name])

    for path in walk(build_parser(), []):
        if path == ["app"]:
            continue
        assert f"`schouw {' '.join(path)}" in README, f"schouw {' '.join(path)} is not in the README"


def test_readme_sync_profiles_are_valid():
    """The two complete profile examples a municipality copies must load as they are."""
    import tomllib

    from schouw.exchange.mor.profile import parse_sync_profile
    from schouw.services.forms import find_form

    blocks = re.findall(r"```toml\n(.+?)\n```", README, re.S)
    profiles = [parse_sync_profile(tomllib.loads(b), "README") for b in blocks]
    assert {p.kind for p in profiles} == {"open311", "signalen"}
    items = set(find_form("crow-beeldkwaliteit").item_keys())
    elements = {key.split(".")[0] for key in items}
    for profile in profiles:
        for key in profile.mapping:
            assert key == "default" or key in items or key in elements, key
