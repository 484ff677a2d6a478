"""``schouw trend`` and ``schouw report ROUND --kind verloop``: text, ``--json``, the PDF
read back, and the bad inputs (unknown buurt, a round alone in its series): exit 2, one
line in Dutch (English with --lang en), nothing written."""

from __future__ import annotations

import json

import pytest
from conftest import run_main
from pypdf import PdfReader
from verloop_data import make_project


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "trend.schouw"
    return path, make_project(path)


def test_trend_json_lists_improved_and_worse_first(db, capsys):
    path, _ = db
    code, out, err = run_main(capsys, "--db", str(path), "--json", "trend", "--buurt", "Vogelbuurt")
    assert code == 0, err
    data = json.loads(out)
    assert (data["buurt"], data["form"], data["kind"], data["measure"]) == (
        "Vogelbuurt", "crow-beeldkwaliteit", "knelpunten", "below_norm")
    assert [r["title"] for r in data["rounds"]] == ["Stratenaanpak 1", "Stratenaanpak 2", "Stratenaanpak 3"]
    assert [(s["street"], s["move"]) for s in data["streets"]] == [
        ("Merelstraat", "better"), ("Kievitstraat", "better"), ("Lijsterstraat", "worse"), ("Spreeuwenlaan", "same")]
    lijster = data["streets"][2]
    assert lijster["rounds"][1] == {"walked": False}  # niet gelopen, never a 0
    assert lijster["rounds"][2]["below_norm"] == 3 and lijster["rounds"][2]["findings"] == 3
    assert data["summary"] == {"better": 2, "worse": 1, "same": 1, "unknown": 0}
    assert {a["aspect"] for a in lijster["aspects"]} == {"asfalt.onkruid", "asfalt.zwerfafval"}
    assert "share" not in json.dumps(data["streets"])  # a knelpuntenschouw is never a share


def test_trend_text_in_dutch_and_english(db, capsys):
    path, _ = db
    code, out, _ = run_main(capsys, "--db", str(path), "trend", "--buurt", "Vogelbuurt")
    assert code == 0
    assert "↑ Merelstraat: 3 → 1 → 0  (beter)" in out
    assert "↓ Lijsterstraat: 1 → niet gelopen → 3  (slechter)" in out
    code, out, _ = run_main(capsys, "--db", str(path), "--lang", "en", "trend", "--buurt", "Vogelbuurt")
    assert "↓ Lijsterstraat: 1 → not walked → 3  (worse)" in out
    assert "2 streets better, 1 worse, 1 unchanged" in out


def test_trend_of_a_meting_series_gives_shares_with_n(db, capsys):
    path, _ = db
    code, out, err = run_main(capsys, "--db", str(path), "--json", "trend", "--buurt", "Havenkwartier")
    assert code == 0, err
    data = json.loads(out)
    assert data["kind"] == "meting" and data["measure"] == "share"
    cell = next(c for s in data["streets"] for c in s["rounds"] if c["walked"])
    assert {"n", "at_or_above", "share", "low", "high", "conclusive"} <= set(cell)


def _files(folder):
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.parametrize(("args", "nl", "en"), [
    (["trend", "--buurt", "Nergensbuurt"], "Buurt 'Nergensbuurt' bestaat niet", "Buurt 'Nergensbuurt' does not exist"),
    (["trend", "--buurt", "Vogelbuurt", "--form", "sociale-veiligheid"], "geen rondes met formulier",
     "has no rounds with form"),
])
def test_trend_bad_input(db, capsys, args, nl, en):
    path, _ = db
    before = path.read_bytes()
    for lang, text in (("nl", nl), ("en", en)):
        code, out, err = run_main(capsys, "--db", str(path), "--lang", lang, *args)
        assert code == 2 and out == ""
        assert text in err and len(err.strip().splitlines()) == 1
    assert path.read_bytes() == before


def test_report_verloop_reads_back(db, capsys, tmp_path):
    path, ids = db
    out_pdf = tmp_path / "verloop.pdf"
    code, out, err = run_main(capsys, "--db", str(path), "--json", "report", ids["Stratenaanpak 3"], "--kind",
                              "verloop", "--out", str(out_pdf))
    assert code == 0, err
    made = json.loads(out)
    assert made["kind"] == "verloop" and made["rounds"] == 3 and made["pages"] >= 2
    reader = PdfReader(out_pdf)
    assert len(reader.pages) == made["pages"]
    text = "\n".join(page.extract_text() for page in reader.pages)
    for expected in ("Verloop", "Vogelbuurt", "Stratenaanpak 1", "01-06-2026", "Verloop per straat",
                     "Verloop per aspect", "niet gelopen", "beter", "slechter", "gelijk"):
        assert expected in text, expected
    # improved and worse first: Merelstraat, Kievitstraat, Lijsterstraat, then Spreeuwenlaan
    street_page = reader.pages[1].extract_text()
    order = [street_page.index(n) for n in ("Merelstraat", "Kievitstraat", "Lijsterstraat", "Spreeuwenlaan")]
    assert order == sorted(order)
    assert "aandeel op norm" not in text.replace("geen aandeel op norm", "")
    titles = [o.title for o in reader.outline if hasattr(o, "title")]
    assert titles == ["Verloop per straat", "Verloop per aspect", "Wat veranderde er in de straten"]
    # the detail of a street that got worse names the aspects that moved in it
    moved = text[text.index("Wat veranderde er in de straten"):]
    assert "Lijsterstraat — ↓ slechter" in moved and "Asfaltverharding — Onkruid" in moved


def test_report_verloop_in_english(db, capsys, tmp_path):
    path, ids = db
    out_pdf = tmp_path / "verloop-en.pdf"
    code, _, err = run_main(capsys, "--db", str(path), "--lang", "en", "report", ids["Stratenaanpak 1"], "--kind",
                            "verloop", "--out", str(out_pdf))
    assert code == 0, err
    text = "\n".join(page.extract_text() for page in PdfReader(out_pdf).pages)
    assert "Trend per street" in text and "not walked" in text and "worse" in text


def test_report_verloop_of_a_round_alone_in_its_series_writes_nothing(db, capsys, tmp_path):
    path, ids = db
    out_pdf = tmp_path / "out" / "alleen.pdf"
    out_pdf.parent.mkdir()
    for lang, text in (("nl", "is de enige ronde met formulier 'sociale-veiligheid' in Havenkwartier"),
                       ("en", "is the only round with form 'sociale-veiligheid' in Havenkwartier")):
        code, out, err = run_main(capsys, "--db", str(path), "--lang", lang, "report", ids["Veilige Buurten-schouw"],
                                  "--kind", "verloop", "--out", str(out_pdf))
        assert code == 2 and out == ""
        assert text in err and len(err.strip().splitlines()) == 1
    assert _files(out_pdf.parent) == []


def test_report_verloop_needs_out(db, capsys):
    path, ids = db
    code, _, err = run_main(capsys, "--db", str(path), "report", ids["Stratenaanpak 1"], "--kind", "verloop")
    assert code == 2 and "--out" in err


def test_trend_title_keeps_the_stratenaanpak_apart_from_other_rounds(db, capsys):
    """A buurt's yearly round on the same form joins the series unless --title names
    the stratenaanpak's rounds; a title that leaves fewer than two rounds is one line."""
    from schouw.domain.levels import Level
    from schouw.domain.models import Finding
    from schouw.services.rounds import create_round
    from schouw.store import open_project

    path, _ = db
    with open_project(path) as project:
        jaar = create_round(project, buurt="Vogelbuurt", form_id="crow-beeldkwaliteit", when="2026-07-01",
                            title="Jaarschouw Vogelbuurt")
        street = next(s for s in project.areas.streets(jaar.buurt_id) if s.name == "Spreeuwenlaan")
        project.findings.add(Finding(round_id=jaar.id, street_id=street.id, element="asfalt", aspect="onkruid",
                                     level=Level.D))
    everything = json.loads(run_main(capsys, "--db", str(path), "--json", "trend", "--buurt", "Vogelbuurt")[1])
    assert len(everything["rounds"]) == 4 and everything["title_contains"] == ""
    code, out, err = run_main(capsys, "--db", str(path), "--json", "trend", "--buurt", "Vogelbuurt", "--title",
                              "stratenAANPAK")
    assert code == 0, err
    data = json.loads(out)
    assert [r["title"] for r in data["rounds"]] == ["Stratenaanpak 1", "Stratenaanpak 2", "Stratenaanpak 3"]
    assert data["title_contains"] == "stratenAANPAK" and data["summary"]["worse"] == 1
    before = path.read_bytes()
    for title, text in (("Jaarschouw", "maar één ronde met formulier 'crow-beeldkwaliteit' en 'Jaarschouw'"),
                        ("Najaar", "geen rondes met 'Najaar' in de titel")):
        code, out, err = run_main(capsys, "--db", str(path), "trend", "--buurt", "Vogelbuurt", "--title", title)
        assert code == 2 and out == "" and text in err and len(err.strip().splitlines()) == 1
    assert path.read_bytes() == before


def test_report_verloop_title(db, capsys, tmp_path):
    """`report --kind verloop --title` keeps the same rounds as `trend --title`; a round
    outside that title is one line and nothing is written."""
    path, ids = db
    out_pdf = tmp_path / "titel.pdf"
    code, out, err = run_main(capsys, "--db", str(path), "--json", "report", ids["Stratenaanpak 2"], "--kind",
                              "verloop", "--title", "aanpak 1", "--out", str(out_pdf))
    assert code == 2 and "maar één ronde" not in err and "'aanpak 1' niet in de titel" in err
    assert not out_pdf.exists()
    code, out, err = run_main(capsys, "--db", str(path), "--json", "report", ids["Stratenaanpak 2"], "--kind",
                              "verloop", "--title", "Stratenaanpak", "--out", str(out_pdf))
    assert code == 0, err
    assert json.loads(out)["rounds"] == 3 and out_pdf.exists()
