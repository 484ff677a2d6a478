"""Shared pieces of the MOR sync tests (no tests here; import the ``*_fixture`` names): a small project with findings
above and below the norm, a running Open311 test server, a profile pointing at it."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from open311_server import Open311Server
from PIL import Image

from schouw.exchange.mor.profile import parse_sync_profile
from schouw.exchange.mor.secrets import Secret

API_KEY = "k3y-Zx9-voorbeeldstad-0042"


@pytest.fixture(autouse=True, name="file_secrets")
def file_secrets_fixture(monkeypatch):
    """Never touch the real keyring of whoever runs the tests; short back-off."""
    monkeypatch.setenv("SCHOUW_SECRET_STORE", "file")
    monkeypatch.setenv("SCHOUW_SYNC_BACKOFF", "0")


@pytest.fixture(name="server")
def server_fixture():
    srv = Open311Server(api_key=API_KEY, jurisdiction="voorbeeldstad.nl", slow_seconds=1.2, lifetime=120)
    srv.start()
    yield srv
    srv.stop()


@pytest.fixture(scope="session", name="mor_master")
def mor_master_fixture(tmp_path_factory) -> tuple[Path, dict]:
    """The test project, built once; tests work on copies (``mor_copy``)."""
    import os

    folder = tmp_path_factory.mktemp("mor")
    os.environ.setdefault("SCHOUW_DATA_DIR", str(folder / "data"))
    path = folder / "mor.schouw"
    ids = build_project(path, folder)
    return path, ids


def mor_copy(master: tuple[Path, dict], target: Path) -> tuple[Path, dict]:
    import shutil

    shutil.copyfile(master[0], target)
    return target, dict(master[1])


def profile_data(url: str, **extra) -> dict:
    data = {
        "name": "Gemeente Voorbeeldstad",
        "kind": "open311",
        "base_url": url,
        "jurisdiction_id": "voorbeeldstad.nl",
        "timeout": 0.6,
        "open311": {"media_upload": True, "attributes": {"bron": "wijkschouw"}},
        "mapping": {"asfalt.onkruid": "onkruid", "reiniging": "zwerfafval", "elementen": "verharding",
                    "default": "overig"},
        "selection": {"below_norm": True, "parties": GEMEENTE},
    }
    for key, value in extra.items():
        data[key] = value
    return data


def make_profile(url: str, **extra):
    return parse_sync_profile(profile_data(url, **extra), "test")


def profile_toml(url: str, **extra) -> str:
    """The same profile as a TOML file's text (for the CLI)."""
    import json

    data = profile_data(url, **extra)
    lines = []
    tables = {}
    for key, value in data.items():
        if isinstance(value, dict):
            tables[key] = value
        else:
            lines.append(f"{key} = {json.dumps(value)}")
    for name, table in tables.items():
        lines.append(f"\n[{name}]")
        for key, value in table.items():
            if isinstance(value, dict):
                inner = ", ".join(f"{k} = {json.dumps(v)}" for k, v in value.items())
                lines.append(f"{json.dumps(key)} = {{ {inner} }}")
            else:
                lines.append(f"{json.dumps(key)} = {json.dumps(value)}")
    return "\n".join(lines) + "\n"


def secret() -> Secret:
    return Secret(API_KEY)


def jpeg(path: Path, colour=(200, 40, 40)) -> Path:
    img = Image.new("RGB", (320, 240), colour)
    buf = io.BytesIO()
    exif = Image.Exif()
    exif[0x010F] = "CameraMaker"  # Make: must not leave the laptop
    img.save(buf, "JPEG", quality=85, exif=exif)
    path.write_bytes(buf.getvalue())
    return path


def build_project(path: Path, tmp: Path, *, photos: bool = True) -> dict:
    """A project with one round and findings; returns ids by name:
    ``weeds_d`` (D, party Gemeente: goes), ``litter_c`` (C, Gemeente: goes, with photo),
    ``weeds_b`` (B in woongebied: at norm, stays), ``nvt`` (n.v.t.: stays),
    ``corp_d`` (D but party Woningcorporatie: stays), ``centrum_b`` (B in a centrum
    street, norm A: goes), ``none`` (D without action: stays)."""
    from schouw.services.findings import add_finding
    from schouw.services.rounds import create_round
    from schouw.services.streets import import_streets
    from schouw.store import create_project

    streets = tmp / "straten.csv"
    streets.write_text("straatnaam;woonplaats\nMerelstraat;Voorbeeldstad\nLijsterstraat;Voorbeeldstad\n"
                       "Marktplein;Voorbeeldstad\n", encoding="utf-8")
    photo = jpeg(tmp / "foto.jpg")
    ids: dict[str, str] = {}
    with create_project(path, name="MOR-test") as project:
        import_streets(project, streets, buurt="Vogelbuurt", wijk="Noord")
        buurt = project.areas.find_buurt("Vogelbuurt")
        markt = project.areas.find_street(buurt.id, "Marktplein")
        project.db["streets"].update(markt.id, {"area_type": "centrum"})
        round_ = create_round(project, buurt="Vogelbuurt", form_id="crow-beeldkwaliteit", when="2026-11-23")
        ids["round"] = round_.id

        def add(name, street, item, level, party=None, number="", photo_paths=()):
            finding, _ = add_finding(project, round_.id, street=street, item=item, level=level, number=number,
                                     text=f"tekst {name}", party=party, photos=list(photo_paths))
            ids[name] = finding.id

        add("weeds_d", "Merelstraat", "asfalt.onkruid", "D", "Gemeente, team Beheer", "12a")
        add("litter_c", "Lijsterstraat", "reiniging.zwerfafval-grof-verharding", "C", "Gemeente, team Reiniging", "",
            [photo] if photos else [])
        add("weeds_b", "Merelstraat", "asfalt.onkruid", "B", "Gemeente")
        add("nvt", "Merelstraat", "asfalt.zwerfafval", "n.v.t.", None)  # n.v.t. takes no action
        add("corp_d", "Lijsterstraat", "asfalt.onkruid", "D", "Woningcorporatie Thuis")
        add("centrum_b", "Marktplein", "elementen.onkruid", "B", "gemeente")
        add("none", "Lijsterstraat", "elementen.onkruid", "D", None)
    return ids


#: The municipality's parties, each by its whole name (the one party rule: no prefixes).
GEMEENTE = ["Gemeente", "Gemeente, team Beheer", "Gemeente, team Reiniging"]

#: The findings the default rule sends.
SELECTED = ("weeds_d", "litter_c", "centrum_b")
