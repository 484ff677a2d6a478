"""Signalen through the one outbox (``kind = "signalen"``): queued while offline and sent
later, every fault ending with each finding there once and each photo once and the
outbox telling the truth, field errors for the user, states coming back into the
actions, the secret and tokens nowhere but in their store, and ``schouw sync`` killed
with SIGKILL at every step and run again."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image
from signalen_server import SignalenServer

from schouw.domain.actions import ActionStatus
from schouw.exchange.mor.base import uuid_tag
from schouw.exchange.mor.profile import parse_sync_profile
from schouw.exchange.mor.signalen import SignalenTransport
from schouw.exchange.mor.transports import make_transport
from schouw.services.sync import outbox_rows, run_sync
from schouw.store import open_project
from schouw.store.outbox import OutboxRepo

SECRET = "client-secret-4f9a7c1e"
#: name -> (street, item, level, party, number, (lat, lon), photos). The first three go.
FINDINGS = {
    "weeds_d": ("Merelstraat", "asfalt.onkruid", "D", "Gemeente, team Beheer", "12a", (52.0912, 5.1201), 2),
    "litter_c": ("Lijsterstraat", "reiniging.zwerfafval-grof-verharding", "C", "Gemeente", "", (52.0921, 5.1187), 1),
    "weeds_d2": ("Lijsterstraat", "asfalt.onkruid", "D", "Gemeente", "7", (52.0925, 5.1190), 0),
    "weeds_b": ("Merelstraat", "asfalt.onkruid", "B", "Gemeente", "", (52.0913, 5.1202), 0),
    "corp_d": ("Lijsterstraat", "asfalt.onkruid", "D", "Woningcorporatie Thuis", "", (52.0922, 5.1188), 0),
}
SELECTED = ("weeds_d", "litter_c", "weeds_d2")


@pytest.fixture(autouse=True)
def file_secrets(monkeypatch):
    """Never the real keyring of whoever runs the tests; no back-off between runs."""
    monkeypatch.setenv("SCHOUW_SECRET_STORE", "file")
    monkeypatch.setenv("SCHOUW_SYNC_BACKOFF", "0")


def _jpeg(path: Path, colour) -> Path:
    out = BytesIO()
    exif = Image.Exif()
    exif[0x010F] = "CameraMaker"  # must not leave the laptop
    Image.new("RGB", (320, 240), colour).save(out, "JPEG", quality=85, exif=exif)
    path.write_bytes(out.getvalue())
    return path


@pytest.fixture(scope="module")
def master(tmp_path_factory) -> tuple[Path, dict]:
    from schouw.services.findings import add_finding
    from schouw.services.rounds import create_round
    from schouw.services.streets import import_streets
    from schouw.store import create_project

    folder = tmp_path_factory.mktemp("signalen-outbox")
    os.environ.setdefault("SCHOUW_DATA_DIR", str(folder / "data"))
    streets = folder / "straten.csv"
    streets.write_text("straatnaam;woonplaats\nMerelstraat;Utrecht\nLijsterstraat;Utrecht\n", encoding="utf-8")
    photos = [_jpeg(folder / f"foto{n}.jpg", colour) for n, colour in enumerate([(200, 40, 40), (40, 200, 40)])]
    path = folder / "signalen.schouw"
    ids: dict[str, str] = {}
    with create_project(path, name="Signalen-test") as project:
        import_streets(project, streets, buurt="Vogelbuurt", wijk="Noord")
        round_ = create_round(project, buurt="Vogelbuurt", form_id="crow-beeldkwaliteit", when="2026-11-23")
        ids["round"] = round_.id
        for name, (street, item, level, party, number, (lat, lon), count) in FINDINGS.items():
            finding, _ = add_finding(project, round_.id, street=street, item=item, level=level, number=number,
                                     text=f"tekst {name}", party=party, photos=photos[:count])
            project.findings.update(finding.id, lat=lat, lon=lon)
            ids[name] = finding.id
    return path, ids


@pytest.fixture
def proj(master, tmp_path):
    import shutil

    path = tmp_path / "signalen.schouw"
    shutil.copyfile(master[0], path)
    project = open_project(path)
    yield project, dict(master[1]), path
    project.close()


@pytest.fixture
def server():
    with SignalenServer(client_secret=SECRET, slow_seconds=1.2, page_size=2, lifetime=90) as srv:
        yield srv


def profile_data(server_url: str, token_url: str | None = None) -> dict:
    return {
        "name": "Gemeente Utrecht (Signalen)",
        "kind": "signalen",
        "base_url": server_url,
        "timeout": 0.6,
        "signalen": {"token_url": token_url or server_url + "/realms/signals/protocol/openid-connect/token",
                     "client_id": "schouw", "source": "Wijkschouw"},
        "mapping": {"asfalt.onkruid": f"{server_url}/signals/v1/public/terms/categories/openbaar-groen-en-water/"
                                      f"sub_categories/onkruid",
                    "reiniging": "afval/zwerfafval", "default": "overig/overig"},
        "selection": {"below_norm": True, "parties": ["Gemeente", "Gemeente, team Beheer"]},
    }


def profile_for(server_url: str, token_url: str | None = None):
    return parse_sync_profile(profile_data(server_url, token_url), "test")


def sync(project, profile, secret: str = SECRET):
    transport = SignalenTransport(profile, secret)
    try:
        return run_sync(project, profile, transport=transport)
    finally:
        transport.close()


def at_server(server: SignalenServer, finding_id: str):
    return server.with_text(uuid_tag(finding_id))


def truthful(project, server: SignalenServer) -> None:
    """Each row's state agrees with what the server holds; each photo at most once."""
    for row in OutboxRepo(project).rows():
        there = at_server(server, row.finding_id)
        assert len(there) <= 1, f"{row.finding_id} is {len(there)} times at the server"
        if there:
            names = [a.uploaded_name for a in there[0].attachments]
            assert len(names) == len(set(names)), names
        if row.state == "sent":
            assert len(there) == 1 and row.remote_id == f"SIG-{there[0].id}"
        elif row.state in ("queued", "failed"):
            assert not there, f"{row.state} but Signalen has it"


def all_there(project, server: SignalenServer, ids: dict) -> None:
    for name in SELECTED:
        (signal_,) = at_server(server, ids[name])
        assert len(signal_.attachments) == FINDINGS[name][6], name
        assert {a.mimetype for a in signal_.attachments} <= {"image/jpeg"}
        assert all(b"CameraMaker" not in a.data for a in signal_.attachments)
    assert len(server.signals) == len(SELECTED)
    rows = {r["finding_id"]: r for r in outbox_rows(project)}
    for name in SELECTED:
        row = rows[ids[name]]
        assert row["state"] == "sent" and row["remote_id"].startswith("SIG-")
        assert row["photos_attached"] == FINDINGS[name][6]
        action = project.actions.for_finding(ids[name])
        assert action.mor_id == row["remote_id"]
    truthful(project, server)


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_the_profile_kind_chooses_the_signalen_transport(server):
    from schouw.exchange.mor.secrets import Secret

    transport = make_transport(profile_for(server.url), Secret(SECRET))
    try:
        assert isinstance(transport, SignalenTransport) and transport.kind == "signalen"
        assert SECRET not in repr(transport)
        assert any(o.group == "Afval" for o in transport.services())
    finally:
        transport.close()


def test_queued_while_offline_and_sent_later(proj, server):
    project, ids, _ = proj
    dead = f"http://127.0.0.1:{closed_port()}"
    outcome = sync(project, profile_for(dead))
    assert outcome.run.offline or outcome.run.retrying
    rows = OutboxRepo(project).rows()
    assert len(rows) == 3 and {r.state for r in rows} == {"queued"}
    assert server.signals == {}

    outcome = sync(project, profile_for(server.url))
    assert len(outcome.run.sent) == 3
    all_there(project, server, ids)
    for name in SELECTED:
        action = project.actions.for_finding(ids[name])
        assert action.status == ActionStatus.FORWARDED
        assert action.mor_status == "Gemeld"
    # nothing more goes on a third run
    sync(project, profile_for(server.url))
    assert len(server.signals) == 3


@pytest.mark.parametrize("fault", ["500_before", "500_after", "slow", "drop", "html", "html_before", "expire"])
def test_every_fault_on_create_ends_exactly_once(proj, server, fault):
    project, ids, _ = proj
    profile = profile_for(server.url)
    server.fail("create", fault, times=3 if fault in ("500_before", "html_before") else 1)
    sync(project, profile)
    truthful(project, server)
    for _ in range(3):
        if {r.state for r in OutboxRepo(project).rows()} == {"sent"} and \
                all(r["photos_attached"] == r["photos"] for r in outbox_rows(project)):
            break
        sync(project, profile)
        truthful(project, server)
    all_there(project, server, ids)


@pytest.mark.parametrize("fault", ["500_before", "500_after", "slow", "drop", "html", "expire"])
def test_every_fault_on_a_photo_ends_with_each_photo_once(proj, server, fault):
    project, ids, _ = proj
    profile = profile_for(server.url)
    server.fail("attachment", fault, times=2)
    for _ in range(4):
        sync(project, profile)
        truthful(project, server)
        if all(r["photos_attached"] == r["photos"] for r in outbox_rows(project)):
            break
    all_there(project, server, ids)


def test_field_errors_reach_the_user_and_are_not_retried(proj, server):
    project, ids, _ = proj
    profile = profile_for(server.url)
    server.fail("create", "400", times=3)
    outcome = sync(project, profile)
    assert len(outcome.run.failed) == 3
    rows = {r["finding_id"]: r for r in outbox_rows(project)}
    message = rows[ids["weeds_d"]]["last_error"]
    assert message == ("Signalen weigert de melding: location.geometrie: The location coordinates (WS84) are not "
                       "inside the bounding box we are accepting signals for.; category.sub_category: Ongeldige "
                       "hyperlink - Object bestaat niet.")
    assert rows[ids["weeds_d"]]["state"] == "failed"
    sync(project, profile)
    assert server.signals == {}  # failed waits for the user
    run_sync(project, profile, transport=SignalenTransport(profile, SECRET), retry=True)
    all_there(project, server, ids)


def test_a_finding_without_a_position_fails_with_a_clear_message(proj, server):
    project, ids, _ = proj
    project.findings.update(ids["weeds_d2"], lat=None, lon=None)  # a house number, no GPS
    outcome = sync(project, profile_for(server.url))
    assert [r.finding_id for r in outcome.run.failed] == [ids["weeds_d2"]]
    rows = {r["finding_id"]: r for r in outbox_rows(project)}
    assert rows[ids["weeds_d2"]]["state"] == "failed"
    assert rows[ids["weeds_d2"]]["last_error"].startswith("Geen locatie: Signalen vraagt coördinaten")
    assert not at_server(server, ids["weeds_d2"]) and len(server.signals) == 2


def test_a_house_number_without_gps_goes_at_the_street_point(proj, server):
    """Signalen needs coordinates; a finding with a house number but no GPS is sent at
    the midpoint of its street's line, with the address beside it."""
    import json

    project, ids, _ = proj
    finding = project.findings.get(ids["weeds_d2"])
    assert finding.house_number
    line = {"type": "LineString", "coordinates": [[5.1000, 52.0900], [5.1020, 52.0900]]}
    with project.atomic():
        project.db["streets"].update(finding.street_id, {"geometry": json.dumps(line)})
    project.findings.update(finding.id, lat=None, lon=None)
    sync(project, profile_for(server.url))
    [signal] = at_server(server, finding.id)
    lon, lat = signal.body["location"]["geometrie"]["coordinates"]
    assert lon == pytest.approx(5.1010, abs=1e-6) and lat == pytest.approx(52.0900, abs=1e-6)
    address = signal.body["location"]["address"]
    assert address["huisnummer"] and address["openbare_ruimte"] == project.areas.street(finding.street_id).name


def test_states_come_back_into_the_actions(proj, server):
    project, ids, _ = proj
    profile = profile_for(server.url)
    sync(project, profile)
    remotes = {name: OutboxRepo(project).for_finding(ids[name]).remote_id for name in SELECTED}
    # one signal through the open states to done; the closing states each on a signal of
    # its own (the outbox may poll closed signals less often)
    steps = [("weeds_d", "b", ActionStatus.IN_PROGRESS, "In behandeling"),
             ("weeds_d", "ingepland", ActionStatus.SCHEDULED, "Ingepland"),
             ("weeds_d", "o", ActionStatus.DONE, "Afgehandeld"),
             ("litter_c", "a", ActionStatus.REJECTED, "Geannuleerd"),
             ("weeds_d2", "reopened", ActionStatus.REOPENED, "Heropend")]
    for name, code, status, words in steps:
        server.set_state(int(remotes[name][4:]), code, text=f"bericht bij {code}")
        sync(project, profile)
        action = project.actions.for_finding(ids[name])
        assert action.status == status, code
        assert action.mor_id == remotes[name]
        assert action.mor_status == words                       # Signalen's own words
        assert f"bericht bij {code}" in action.mor_status_text  # its status text
        rows = {r["finding_id"]: r for r in outbox_rows(project)}
        assert words in (rows[ids[name]]["mor_status"], rows[ids[name]]["mor_status_text"])
    listed = {r["id"]: r for r in project.findings.list(ids["round"])}
    assert listed[ids["weeds_d"]]["mor_id"] == remotes["weeds_d"]


def test_a_wrong_secret_stops_the_run_and_shows_nowhere(proj, server, data_dir):
    project, ids, path = proj
    profile = profile_for(server.url)
    outcome = sync(project, profile, secret="verkeerd-geheim-123")
    assert outcome.run.aborted and "weigert client 'schouw'" in outcome.run.aborted
    assert server.signals == {}
    sync(project, profile)
    all_there(project, server, ids)
    project.close()
    secrets_ = [SECRET, "verkeerd-geheim-123", *server.issued_tokens]
    for file in [path, *Path(data_dir).rglob("*")]:
        if file.is_file():
            content = file.read_bytes()
            for secret in secrets_:
                assert secret.encode() not in content, f"{secret[:6]}… in {file.name}"


# -- schouw sync in a real process, killed at every step -------------------------------------------

#: The steps where the Signalen transport's own reconciliation decides: the signal was
#: created but its answer not recorded (find must see it), and photos were uploading
#: (attached_photos must see them). The outbox's other points are tested for all
#: transports with Open311 (tests/test_mor_cli.py).
POINTS = ["mor-answer-received", "mor-photos-uploading"]


def _toml(server: SignalenServer) -> str:
    data = profile_data(server.url)
    lines = [f"{k} = {json.dumps(v)}" for k, v in data.items() if not isinstance(v, dict)]
    for table in ("signalen", "mapping", "selection"):
        lines.append(f"\n[{table}]")
        lines += [f"{json.dumps(k)} = {json.dumps(v)}" for k, v in data[table].items()]
    return "\n".join(lines) + "\n"


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
@pytest.mark.parametrize("point", POINTS)
def test_sigkill_of_schouw_sync_at_every_step_then_exactly_once(master, server, tmp_path, point):
    import shutil

    db = tmp_path / "signalen.schouw"
    shutil.copyfile(master[0], db)
    ids = master[1]
    profile = tmp_path / "signalen.toml"
    profile.write_text(_toml(server), encoding="utf-8")
    from schouw.services.sync import load_profile, store_secret

    store_secret(load_profile(profile), SECRET)  # as `schouw sync --set-secret` does, in the same data folder
    marker = tmp_path / "marker"
    env = dict(os.environ, SCHOUW_FAULT=point, SCHOUW_FAULT_MARKER=str(marker))
    proc = subprocess.Popen([sys.executable, "-m", "schouw", "--db", str(db), "sync", "--profile", str(profile)],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    try:
        while not marker.exists():
            assert proc.poll() is None, "sync ended before reaching the fault point"
            assert time.monotonic() < deadline
            time.sleep(0.02)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    result = subprocess.run([sys.executable, "-m", "schouw", "--db", str(db), "--json", "sync", "--profile",
                             str(profile)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert {r["state"] for r in out["outbox"]} == {"sent"}
    assert all(r["remote_id"].startswith("SIG-") for r in out["outbox"])
    for name in SELECTED:
        (signal_,) = at_server(server, ids[name])
        names = [a.uploaded_name for a in signal_.attachments]
        assert len(names) == len(set(names)) == FINDINGS[name][6], (name, names)
    assert len(server.signals) == 3
    for secret in [SECRET, *server.issued_tokens]:
        assert secret not in result.stdout + result.stderr
