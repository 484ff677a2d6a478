"""The walk pack (``schouw report ROUND --kind looproute``) on the demo project, read back
with pypdf and rendered with pdftoppm; the "3.12" numbering rule of domain/paper.py."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from conftest import run_main
from pypdf import PdfReader

from schouw.domain.paper import number, parse_number, resolve


def demo_round(capsys, demo_path, title: str = "Jaarschouw") -> dict:
    code, out, _ = run_main(capsys, "--db", str(demo_path), "--json", "rounds", "list")
    return next(r for r in json.loads(out) if r["title"].startswith(title))


def test_numbering_round_trips_and_rejects_what_is_not_on_the_pack():
    assert number(3, 12) == "3.12"
    assert parse_number("3.12") == (3, 12) and parse_number(" 3,12 ") == (3, 12)
    for bad in ("", "3", "3.", ".12", "0.1", "3.0", "a.b", "3.12.1"):
        with pytest.raises(ValueError):
            parse_number(bad)
    streets, items = ["Merelstraat", "Lijsterlaan"], ["x", "y", "z"]
    assert resolve("2.3", streets, items) == ("Lijsterlaan", "z")
    for off in ("3.1", "1.4"):
        with pytest.raises(ValueError):
            resolve(off, streets, items)


def test_walk_pack_has_numbered_forms_with_the_norm_box(demo_path, tmp_path, capsys):
    round_ = demo_round(capsys, demo_path)
    out = tmp_path / "loop.pdf"
    code, stdout, err = run_main(capsys, "--db", str(demo_path), "--json", "report", round_["id"][:8],
                                 "--kind", "looproute", "--out", str(out))
    assert code == 0, err
    data = json.loads(stdout)
    assert data["kind"] == "looproute" and data["streets"] >= 2 and data["items"] >= 2
    reader = PdfReader(out)
    assert len(reader.pages) == data["pages"] >= 2 + data["streets"]
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert "Looproute" in text and "Straten in looprichting" in text
    last_street, last_item = data["streets"], data["items"]
    assert "1.1" in text and f"{last_street}.{last_item}" in text
    assert "[B]" in text or "[A]" in text or "[C]" in text  # the norm box is printed bold and framed
    route = reader.pages[1].extract_text()
    assert "Route" in route and all(str(n) in route for n in range(1, last_street + 1))  # streets numbered
    assert "Onderdelen (nummers op elk straatformulier)" in text  # 94 items: legend once, compact grid
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(out), str(tmp_path / "p")],
                       check=True)
        assert list(tmp_path.glob("p*.png"))


def test_walk_pack_english_and_default_path(demo_path, capsys):
    round_ = demo_round(capsys, demo_path)
    code, stdout, err = run_main(capsys, "--db", str(demo_path), "--json", "--lang", "en", "report",
                                 round_["id"][:8], "--kind", "looproute")
    assert code == 0, err
    path = json.loads(stdout)["file"]
    assert path.endswith(f"-looproute-{round_['id'][:8]}.pdf") and path.startswith(str(demo_path.parent))
    text = PdfReader(path).pages[0].extract_text()
    assert "Walk pack" in text


def test_other_reports_still_need_out(demo_path, capsys):
    round_ = demo_round(capsys, demo_path)
    code, _, err = run_main(capsys, "--db", str(demo_path), "report", round_["id"][:8])
    assert code == 2 and "--out" in err
