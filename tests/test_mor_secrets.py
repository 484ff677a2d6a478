"""The API key lives in the keyring or a 0600 file and nowhere else: not in the project
file, the logs, the outbox, error messages or any other file, whatever the server does.
Plain http goes to this machine only; redirects are never followed."""

from __future__ import annotations

import logging
import os
import stat

import httpx
import keyring
import pytest
from keyring.backend import KeyringBackend
from test_mor_fixtures import (  # noqa: F401 - fixtures
    API_KEY,
    file_secrets_fixture,
    make_profile,
    mor_copy,
    mor_master_fixture,
    server_fixture,
)

from schouw.exchange.mor import secrets
from schouw.exchange.mor.base import TransportError
from schouw.exchange.mor.open311 import Open311Transport
from schouw.exchange.mor.profile import SyncProfile, parse_sync_profile
from schouw.messages import SchouwError
from schouw.services.sync import outbox_rows, run_sync, store_secret
from schouw.store import open_project


class MemoryKeyring(KeyringBackend):
    priority = 5

    def __init__(self):
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.store.get((service, username))

    def set_password(self, service, username, password):
        self.store[(service, username)] = password

    def delete_password(self, service, username):
        self.store.pop((service, username), None)


def test_file_store_is_readable_by_the_user_only(data_dir):
    where = secrets.set_secret("open311:https://x", "abc-123-def")
    path = data_dir / secrets.FILE_NAME
    assert where == str(path)
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert secrets.get_secret("open311:https://x").reveal() == "abc-123-def"
    assert secrets.get_secret("open311:https://other") is None
    secrets.delete_secret("open311:https://x")
    assert secrets.get_secret("open311:https://x") is None
    with pytest.raises(SchouwError):
        secrets.set_secret("k", "   ")


def test_keyring_is_used_when_it_works(monkeypatch, data_dir):
    monkeypatch.delenv("SCHOUW_SECRET_STORE")
    backend = MemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        secrets._write_file({"open311:https://x": "old-file-copy"})
        where = secrets.set_secret("open311:https://x", "in-de-sleutelbos")
        assert where.startswith("keyring")
        assert backend.store[("schouw", "open311:https://x")] == "in-de-sleutelbos"
        assert "old-file-copy" not in (data_dir / secrets.FILE_NAME).read_text()
        assert secrets.get_secret("open311:https://x").reveal() == "in-de-sleutelbos"
    finally:
        keyring.set_keyring(previous)


def test_secret_hides_itself_and_redact_catches_encoded_forms():
    s = secrets.Secret("p@ss word/+=")
    assert "p@ss" not in repr(s) and "p@ss" not in str(s) and "p@ss" not in f"{s!r}"
    text = "a=p%40ss%20word%2F%2B%3D b=p%40ss+word%2F%2B%3D c=p@ss word/+="
    assert "p%40ss" not in secrets.redact(text, s) and "p@ss" not in secrets.redact(text, s)


def test_the_key_is_nowhere_after_a_sync_full_of_faults(tmp_path, data_dir, mor_master, server, caplog):
    caplog.set_level(logging.DEBUG)
    db, ids = mor_copy(mor_master, tmp_path / "mor.schouw")
    profile = make_profile(server.url)
    store_secret(profile, API_KEY)
    with open_project(db) as project:
        # a wrong key first: the server echoes what it got
        store_secret(profile, "wrong-" + API_KEY)
        refused = run_sync(project, profile)
        assert refused.run.aborted
        store_secret(profile, API_KEY)
        server.faults = ["400_echo", "slow", "drop", "500_after", "500_before", "garbage"]
        for _ in range(4):
            outcome = run_sync(project, profile, retry=True)
            texts = [repr(outcome.as_dict()), repr(outbox_rows(project))]
            assert not any(API_KEY in t for t in texts)
        assert {r["state"] for r in outbox_rows(project)} == {"sent"}
        echoed = [r for r in outbox_rows(project) if "api_key=***" in (r["last_error"] or "")]
        assert echoed == [] or all(API_KEY not in r["last_error"] for r in echoed)
    assert server.count_for(ids["weeds_d"]) == 1

    store_file = data_dir / secrets.FILE_NAME
    hits = []
    for root in {tmp_path, data_dir}:
        for path in root.rglob("*"):
            if path.is_file() and path != store_file and API_KEY.encode() in path.read_bytes():
                hits.append(path)
    assert hits == []
    assert API_KEY not in caplog.text
    assert "wrong-" + API_KEY not in caplog.text
    assert API_KEY.encode() in store_file.read_bytes()  # it is kept, only there


def test_a_servers_echo_of_the_key_is_redacted(tmp_path, mor_master, server):
    db, ids = mor_copy(mor_master, tmp_path / "mor.schouw")
    profile = make_profile(server.url)
    server.faults = ["400_echo"]
    transport = Open311Transport(profile, secrets.Secret(API_KEY))
    with open_project(db) as project:
        outcome = run_sync(project, profile, transport=transport)
    transport.close()
    message = outcome.run.failed[0].message
    assert "api_key=***" in message and API_KEY not in message


def test_plain_http_only_to_this_machine():
    with pytest.raises(SchouwError) as error:
        parse_sync_profile({"name": "x", "kind": "open311", "base_url": "http://meldingen.example.org/v2"}, "p.toml")
    assert "alleen toegestaan naar localhost" in error.value.message()
    # the client checks again, whatever a profile object says
    sneaky = SyncProfile.model_construct(name="x", kind="open311", base_url="http://meldingen.example.org/v2",
                                         jurisdiction_id="", timeout=1.0,
                                         open311=make_profile("https://a.example").open311)
    with pytest.raises(TransportError) as refused:
        Open311Transport(sneaky, None)
    assert refused.value.kind == "config"
    Open311Transport(make_profile("http://localhost:9/open311"), None).close()


def test_a_redirect_is_not_followed():
    calls = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request.url)
        return httpx.Response(302, headers={"location": "http://elders.example/open311/requests.json"})

    profile = make_profile("https://meldingen.example.org/open311")
    transport = Open311Transport(profile, secrets.Secret(API_KEY),
                                 client=httpx.Client(transport=httpx.MockTransport(handler)))
    with pytest.raises(TransportError) as error:
        transport.services()
    assert error.value.kind == "config" and "verwijst door" in error.value.message
    assert len(calls) == 1


def test_services_are_offered_for_the_mapping(server):
    with Open311Transport(make_profile(server.url), None) as transport:
        options = transport.services()
    assert [o.code for o in options] == ["onkruid", "zwerfafval", "verharding", "overig"]
    assert options[1].name == "Zwerfafval" and options[1].group == "Afval"
