"""The Signalen transport against tests/signalen_server.py: the API as Signalen's source
defines it, every fault the issue names, exactly once after each, tokens and secrets.

The helpers at the top (profiles, reports, :func:`deliver`) are shared with the other
test_mor_signalen_* modules.
"""

from __future__ import annotations

import logging
import socket
import subprocess
import sys
import uuid
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path

import httpx
import pytest
from PIL import Image
from signalen_server import STATE_DISPLAY, Control, SignalenServer

from schouw.domain.actions import ActionStatus
from schouw.exchange.mor.base import (
    Address,
    OutgoingPhoto,
    OutgoingReport,
    TransportError,
    uuid_tag,
)
from schouw.exchange.mor.profile import SyncProfile
from schouw.exchange.mor.signalen import (
    STATES,
    SignalenTransport,
    attachment_name,
    flatten_errors,
    map_state,
    photo_keys,
    split_number,
)

GROFVUIL = "afval/grofvuil"


def profile_for(server, **overrides) -> SyncProfile:
    data = {
        "name": "Gemeente Teststad",
        "kind": "signalen",
        "base_url": server.url,
        "timeout": 0.6,
        "signalen": {"token_url": server.token_url, "client_id": server.client_id, "source": "Wijkschouw"},
        "mapping": {"asfalt.onkruid": server.sub_category_url("openbaar-groen-en-water", "onkruid"),
                    "default": GROFVUIL},
    }
    signalen = overrides.pop("signalen", {})
    data.update(overrides)
    data["signalen"].update(signalen)
    return SyncProfile.model_validate(data)


def transport_for(server, secret: str | None = None, **overrides) -> SignalenTransport:
    return SignalenTransport(profile_for(server, **overrides),
                             server.client_secret if secret is None else secret)


def jpeg(colour: str = "red", size: tuple[int, int] = (64, 48)) -> bytes:
    out = BytesIO()
    Image.new("RGB", size, colour).save(out, "JPEG", quality=85)
    return out.getvalue()


def photo(colour: str = "red", name: str = "Merelstraat-12a_asfalt-onkruid_1.jpg", data: bytes | None = None
          ) -> OutgoingPhoto:
    return OutgoingPhoto(photo_id=str(uuid.uuid4()), filename=name, jpeg=data if data is not None else jpeg(colour))


def report(*, photos: int = 0, finding_id: str | None = None, lat: float | None = 52.0907,
           lon: float | None = 5.1214, service_code: str | None = GROFVUIL, description: str | None = None,
           priority: str = "normaal", address: Address | None = None, extra: dict | None = None,
           photo_list: tuple[OutgoingPhoto, ...] | None = None) -> OutgoingReport:
    colours = ["red", "green", "blue", "yellow", "purple", "orange"]
    return OutgoingReport(
        outbox_id=str(uuid.uuid4()),
        finding_id=finding_id or str(uuid.uuid4()),
        service_code=service_code,
        title="Grof vuil (C) — Merelstraat 12a",
        description=description if description is not None else
        "Element: reiniging\nAspect: grof zwerfafval\nNiveau: C (norm B)\nMerelstraat 12a, bij de speeltuin",
        lat=lat, lon=lon,
        address=address if address is not None else Address("Merelstraat", "12a", "3514 AB", "Utrecht"),
        observed_at="2024-05-14T10:32:00+02:00",
        priority=priority,
        photos=photo_list if photo_list is not None else tuple(photo(colours[n % len(colours)])
                                                               for n in range(photos)),
        extra=extra if extra is not None else {"element": "reiniging", "aspect": "grof zwerfafval", "level": "C",
                                               "norm": "B"},
    )


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def deliver(transport: SignalenTransport, rep: OutgoingReport, *, since: str, rounds: int = 8,
            log: list | None = None, remote: str | None = None) -> tuple[str, set[str]]:
    """What the outbox does with one report, until it is there with every photo: record
    the attempt (since), send; after an unknown outcome ``find`` before any resend."""
    must_find = False
    done: set[str] = set()
    wanted = {p.photo_id for p in rep.photos}
    for _ in range(rounds):
        try:
            if remote is None and must_find:
                remote = transport.find(rep, since)
            if remote is None:
                must_find = True          # the attempt is recorded before the request goes out
                remote = transport.send(rep).remote_id
            done = transport.upload_photos(remote, rep, done)
            if done >= wanted:
                return remote, done
        except TransportError as error:
            if log is not None:
                log.append(error.kind)
            if error.kind in ("permanent", "config"):
                raise
    raise AssertionError(f"not delivered after {rounds} rounds")


# -- fixtures -----------------------------------------------------------------------------


@pytest.fixture
def server():
    with SignalenServer(slow_seconds=1.2, page_size=3, lifetime=60) as srv:
        yield srv


@pytest.fixture
def transport(server):
    with transport_for(server) as t:
        yield t


def stored_for(server: SignalenServer, rep: OutgoingReport):
    return server.with_text(uuid_tag(rep.finding_id))


def assert_exactly_once(server: SignalenServer, rep: OutgoingReport, remote: str) -> None:
    found = stored_for(server, rep)
    assert len(found) == 1, [s.id for s in found]
    assert remote == f"SIG-{found[0].id}"
    names = [a.uploaded_name for a in found[0].attachments]
    assert len(names) == len(set(names)) == len(rep.photos), names
    keys = photo_keys(rep.photos)
    assert sorted(names) == sorted(attachment_name(p, keys[p.photo_id]) for p in rep.photos)


# -- the API --------------------------------------------------------------------------------


def test_services_offers_active_sub_categories_without_a_token(server, transport):
    options = transport.services()
    codes = {o.code for o in options}
    assert server.sub_category_url("afval", "grofvuil") in codes
    assert server.sub_category_url("afval", "oud-papier") not in codes  # inactive
    assert server.sub_category_url("wegen-verkeer-straatmeubilair", "verkeersbord-verkeersbesluit") not in codes
    assert all(o.active for o in options)
    assert len(options) == 12  # 5 main categories over 2 pages of 3, 14 subs, 2 inactive
    grofvuil = next(o for o in options if o.code.endswith("/grofvuil"))
    assert (grofvuil.name, grofvuil.group) == ("Grofvuil", "Afval")
    assert server.token_requests == 0


def test_send_builds_the_signal_signalen_expects(server, transport):
    rep = report(priority="spoed", photos=0)
    outcome = transport.send(rep)
    (stored,) = stored_for(server, rep)
    assert outcome.remote_id == f"SIG-{stored.id}"
    assert outcome.status.state is ActionStatus.FORWARDED and outcome.status.state_text == "Gemeld"
    body = stored.body
    assert body["text"].startswith(uuid_tag(rep.finding_id) + " Grof vuil (C)")
    assert body["location"]["geometrie"] == {"type": "Point", "coordinates": [5.1214, 52.0907]}
    assert body["location"]["address"] == {"openbare_ruimte": "Merelstraat", "huisnummer": 12, "huisletter": "a",
                                           "postcode": "3514AB", "woonplaats": "Utrecht"}
    assert body["_category"] == ("afval", "grofvuil")
    assert body["source"] == "Wijkschouw"
    assert body["priority"] == "high"
    assert body["incident_date_start"] == "2024-05-14T10:32:00+02:00"
    extra = {e["id"]: e for e in body["extra_properties"]}
    assert extra["schouw_uuid"]["answer"] == rep.finding_id
    assert extra["schouw_uuid"]["label"] == "Schouw-id"
    assert extra["schouw_uuid"]["category_url"] == "/signals/v1/public/terms/categories/afval/sub_categories/grofvuil"
    assert extra["schouw_level"]["answer"] == "C"


def test_mapping_accepts_url_path_and_slug_pair(server, transport):
    for code in (server.sub_category_url("afval", "zwerfafval"),
                 "/signals/v1/public/terms/categories/afval/sub_categories/zwerfafval", "afval/zwerfafval"):
        rep = report(service_code=code)
        transport.send(rep)
        assert stored_for(server, rep)[0].body["_category"] == ("afval", "zwerfafval")
    with pytest.raises(TransportError) as caught:
        transport.send(report(service_code=None))
    assert caught.value.kind == "permanent" and "mapping" in caught.value.message


def test_long_text_is_trimmed_and_the_tag_survives(server, transport):
    rep = report(description="Heel veel tekst. " * 600)
    transport.send(rep)
    (stored,) = stored_for(server, rep)
    assert len(stored.body["text"]) <= 3000
    assert stored.body["text"].startswith(uuid_tag(rep.finding_id))
    assert transport.find(rep, now_iso()) == f"SIG-{stored.id}"


@pytest.mark.parametrize("number, fields", [
    ("12", {"huisnummer": 12}),
    ("12a", {"huisnummer": 12, "huisletter": "a"}),
    ("12 A-3", {"huisnummer": 12, "huisletter": "A", "huisnummer_toevoeging": "3"}),
    ("12-3", {"huisnummer": 12, "huisnummer_toevoeging": "3"}),
    ("12hs", {"huisnummer": 12, "huisnummer_toevoeging": "hs"}),
    ("12 bis", {"huisnummer": 12, "huisnummer_toevoeging": "bis"}),
    ("t.o. 12", {}),
    ("", {}),
])
def test_house_numbers_are_split_as_the_bag_has_them(number, fields):
    assert split_number(number) == fields


def test_positions_signalen_would_refuse_never_leave(server, transport):
    for lat, lon, words in ((48.85, 2.35, "buiten Nederland"), (5.12, 52.09, "verwisseld"),
                            (None, None, "Geen locatie")):
        with pytest.raises(TransportError) as caught:
            transport.send(report(lat=lat, lon=lon))
        assert caught.value.kind == "permanent"
        assert words in caught.value.message
    assert server.signals == {} and server.token_requests == 0


def test_field_errors_reach_the_user_as_one_readable_line(server, transport):
    server.fail("create", "400")
    with pytest.raises(TransportError) as caught:
        transport.send(report())
    assert caught.value.kind == "permanent" and caught.value.status == 400
    assert caught.value.message == (
        "Signalen weigert de melding: location.geometrie: The location coordinates (WS84) are not inside the "
        "bounding box we are accepting signals for.; category.sub_category: Ongeldige hyperlink - Object "
        "bestaat niet.")
    # and the server's real validation: a main category, a source it does not know
    with pytest.raises(TransportError) as caught:
        transport.send(report(service_code="/signals/v1/public/terms/categories/afval"))
    assert "category.sub_category: Ongeldige hyperlink - Ongeldige URL" in caught.value.message
    with transport_for(server, signalen={"source": "Schouwapp"}) as other:
        with pytest.raises(TransportError) as caught:
            other.send(report())
    assert caught.value.message.endswith("source: Invalid source given, value not known")
    with transport_for(server, signalen={"source": "online"}) as public:
        with pytest.raises(TransportError) as caught:
            public.send(report())
    assert "Invalid source given for authenticated user" in caught.value.message
    assert server.signals == {}


def test_flatten_errors_shapes():
    assert flatten_errors({"location": {"location": "Niet-bestaand adres."}}) == ["location: Niet-bestaand adres."]
    assert flatten_errors({"non_field_errors": ["Kapot."]}) == ["Kapot."]
    assert flatten_errors({"detail": "Niet gevonden."}) == ["Niet gevonden."]
    assert flatten_errors([{}, {"text": ["Dit veld is vereist."]}]) == ["[1].text: Dit veld is vereist."]
    assert flatten_errors({"a": {"b": {"c": ["x", "y"]}}}) == ["a.b.c: x y"]


def test_an_address_unknown_to_the_bag_is_sent_again_without_it():
    with SignalenServer(strict_addresses=True, lifetime=30) as server, transport_for(server) as transport:
        rep = report(address=Address("Nergensstraat", "99", "", "Utrecht"))
        outcome = transport.send(rep)
        (stored,) = stored_for(server, rep)
        assert outcome.remote_id == f"SIG-{stored.id}"
        assert stored.body["location"]["address"] is None
        assert "Merelstraat 12a" in stored.body["text"]  # the description still says where


def test_status_maps_every_state_code_and_keeps_signalens_words(server, transport):
    rep = report()
    remote = transport.send(rep).remote_id
    pk = int(remote.split("-")[1])
    for code in STATE_DISPLAY:
        server.set_state(pk, code, text=f"toelichting {code}")
        status = transport.status(remote)
        assert status.state is STATES[code][0], code
        assert status.state_text == STATE_DISPLAY[code]
        assert status.notes == f"toelichting {code}"
        assert status.remote_id == remote
    assert transport.status(remote).agency == "ASC"
    expected = {"m": "doorgezet", "i": "doorgezet", "b": "in_behandeling", "h": "in_behandeling", "ingepland": "ingepland",
                "o": "afgehandeld", "a": "afgewezen", "reopened": "heropend", "s": "doorgezet",
                "reaction requested": "in_behandeling", "forward to external": "doorgezet"}
    assert {code: STATES[code][0].value for code in expected} == expected


def test_unknown_state_codes_become_open(server, transport):
    remote = transport.send(report()).remote_id
    server.set_state(int(remote[4:]), "iets nieuws")
    status = transport.status(remote)
    assert status.state is ActionStatus.OPEN and status.state_text == "iets nieuws"
    assert map_state(None) == (ActionStatus.OPEN, "Onbekend")
    assert map_state(42, None)[0] is ActionStatus.OPEN
    assert map_state("zz", "Iets")[1] == "Iets"
    assert SignalenTransport.remote_status({"id": 7, "status": "kapot"}).state is ActionStatus.OPEN


def test_status_of_a_signal_that_is_gone(server, transport):
    with pytest.raises(TransportError) as caught:
        transport.status("SIG-999")
    assert caught.value.kind == "permanent" and "SIG-999" in caught.value.message


def test_find_follows_pages_and_matches_tag_or_extra_property(server, transport):
    others = [report() for _ in range(7)]
    since = now_iso()
    for rep in others[:3]:
        transport.send(rep)
    mine = report()
    remote = transport.send(mine).remote_id
    for rep in others[3:]:
        transport.send(rep)
    assert transport.find(mine, since) == remote                    # page 2 of 3 (3 a page)
    assert transport.find(report(), since) is None
    # the extra property alone is enough (a text edited at the municipality)
    pk = int(remote[4:])
    server.signals[pk].body["text"] = "Tekst aangepast door de gemeente"
    assert transport.find(mine, since) == remote
    listed = [p for m, p, s in server.requests if m == "GET" and "/private/signals/?" in p]
    assert listed and all("source=Wijkschouw" in p and "created_after=" in p for p in listed[:1])


def test_find_looks_back_past_clock_skew(server, transport):
    rep = report()
    remote = transport.send(rep).remote_id
    later = datetime.now(UTC).replace(microsecond=0).isoformat()  # our clock ahead of the server's
    assert transport.find(rep, later) == remote


# -- exactly once, whatever happens -----------------------------------------------------------

CREATE_FAULTS = ["500_before", "500_after", "slow", "drop", "html", "html_before", "expire"]


@pytest.mark.parametrize("fault", CREATE_FAULTS)
def test_every_fault_on_create_ends_with_one_signal_and_each_photo_once(server, transport, fault):
    rep = report(photos=2)
    server.fail("create", fault)
    kinds: list[str] = []
    since = now_iso()
    remote, done = deliver(transport, rep, since=since, log=kinds)
    assert_exactly_once(server, rep, remote)
    assert done == {p.photo_id for p in rep.photos}
    if fault in ("500_after", "slow", "drop", "html", "500_before", "html_before"):
        assert kinds == ["unknown"]
    else:
        assert kinds == []  # an expired token is renewed on the spot


@pytest.mark.parametrize("fault", CREATE_FAULTS + ["400"])
def test_every_fault_on_a_photo_ends_with_each_photo_once(server, transport, fault):
    rep = report(photos=3)
    remote = transport.send(rep).remote_id
    server.fail("attachment", fault)
    kinds: list[str] = []
    if fault == "400":
        # the refused photo is left out while the others get through ...
        done = transport.upload_photos(remote, rep, set())
        assert done == {p.photo_id for p in rep.photos[1:]}
        # ... and refused for good when it is the only one left
        server.fail("attachment", "400")
        with pytest.raises(TransportError) as caught:
            transport.upload_photos(remote, rep, done)
        assert caught.value.kind == "permanent"
        assert "file: Files of type 'image/webp' are not allowed!" in caught.value.message
        assert len(server.attachments_of(int(remote[4:]))) == 2
        return
    remote2, done = deliver(transport, rep, since=now_iso(), log=kinds, remote=remote)
    assert remote2 == remote
    assert kinds == ([] if fault == "expire" else ["temporary"] if fault in ("500_before", "html_before") else
                     [])
    assert_exactly_once(server, rep, remote)
    assert done == {p.photo_id for p in rep.photos}


def test_photos_already_there_after_a_crash_are_not_sent_again(server, transport):
    rep = report(photos=3)
    remote = transport.send(rep).remote_id
    # a crash after the first upload, before the outbox recorded it: nothing is "done"
    first = transport.upload_photos(remote, OutgoingReport(**{**rep.__dict__, "photos": rep.photos[:1]}), set())
    assert len(first) == 1
    done = transport.upload_photos(remote, rep, set())
    assert done == {p.photo_id for p in rep.photos}
    assert_exactly_once(server, rep, remote)
    # a name Django's storage made unique ("_abc1234") still counts as there
    pk = int(remote[4:])
    for a in server.signals[pk].attachments:
        stem, ext = a.name.rsplit(".", 1)
        a.name = f"{stem}_Xy12Ab9.{ext}"
    assert transport.upload_photos(remote, rep, set()) == done
    assert len(server.signals[pk].attachments) == 3


def test_attached_photos_tells_the_outbox_what_is_there(server, transport):
    rep = report(photos=3)
    remote = transport.send(rep).remote_id
    assert transport.attached_photos(remote, rep) == set()
    transport.upload_photos(remote, OutgoingReport(**{**rep.__dict__, "photos": rep.photos[1:]}), set())
    assert transport.attached_photos(remote, rep) == {p.photo_id for p in rep.photos[1:]}


def test_a_failing_attachment_list_is_temporary(server, transport):
    rep = report(photos=1)
    remote = transport.send(rep).remote_id
    server.fail("attachments", "html")
    with pytest.raises(TransportError) as caught:
        transport.upload_photos(remote, rep, set())
    assert caught.value.kind == "temporary"
    assert transport.upload_photos(remote, rep, set()) == {rep.photos[0].photo_id}


def test_a_failing_list_during_find_is_temporary_not_none(server, transport):
    rep = report()
    since = now_iso()
    server.fail("create", "500_after")
    with pytest.raises(TransportError) as caught:
        transport.send(rep)
    assert caught.value.kind == "unknown"
    for fault in ("500_before", "html", "drop"):
        server.fail("list", fault)
        with pytest.raises(TransportError) as caught:
            transport.find(rep, since)
        assert caught.value.kind == "temporary", fault
    assert transport.find(rep, since) == f"SIG-{stored_for(server, rep)[0].id}"


def test_nothing_listening_is_temporary(server):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        dead = probe.getsockname()[1]
    # the token comes from the live server, the signal would go to a dead port
    with transport_for(server, base_url=f"http://127.0.0.1:{dead}") as transport:
        with pytest.raises(TransportError) as caught:
            transport.send(report())
        assert caught.value.kind == "temporary"
        with pytest.raises(TransportError) as caught:
            transport.services()
        assert caught.value.kind == "temporary"
    with transport_for(server, signalen={"token_url": f"http://127.0.0.1:{dead}/token"}) as transport:
        with pytest.raises(TransportError) as caught:
            transport.send(report())
        assert caught.value.kind == "temporary"
    assert server.signals == {}


def test_wrong_base_url_is_a_configuration_error(server):
    with transport_for(server, base_url=server.url + "/verkeerd") as transport:
        with pytest.raises(TransportError) as caught:
            transport.send(report())
        assert caught.value.kind == "config"


# -- tokens ----------------------------------------------------------------------------------


def test_a_token_is_reused_until_shortly_before_it_expires(server):
    clock = [1000.0]
    server.token_lifetime = 60
    profile = profile_for(server)
    with SignalenTransport(profile, server.client_secret, clock=lambda: clock[0]) as transport:
        transport.send(report())
        transport.send(report())
        assert server.token_requests == 1
        clock[0] += 47  # 60 s token, renewed 12 s before the end
        transport.send(report())
        assert server.token_requests == 1
        clock[0] += 2
        transport.send(report())
        assert server.token_requests == 2
    assert not any(status == 401 for _, _, status in server.requests)


def test_a_token_the_server_expired_early_is_renewed_once(server, transport):
    transport.send(report())
    server.expire_tokens()
    transport.send(report())
    assert server.token_requests == 2
    assert [s for _, _, s in server.requests].count(401) == 1
    assert len(server.signals) == 2


def test_a_second_401_is_a_configuration_error(server, transport):
    server.token_lifetime = 0  # every token is dead on arrival
    with pytest.raises(TransportError) as caught:
        transport.send(report())
    assert caught.value.kind == "config" and caught.value.status == 401
    assert server.token_requests == 2 and server.signals == {}


def test_403_is_a_configuration_error(server, transport):
    server.forbidden = True
    for call in (lambda: transport.send(report()), lambda: transport.status("SIG-1"),
                 lambda: transport.find(report(), now_iso())):
        with pytest.raises(TransportError) as caught:
            call()
        assert caught.value.kind == "config" and caught.value.status == 403
        assert "rechten" in caught.value.message


def test_a_wrong_secret_is_a_configuration_error(server):
    with transport_for(server, secret="niet-het-goede-geheim") as transport:
        with pytest.raises(TransportError) as caught:
            transport.send(report())
    assert caught.value.kind == "config"
    assert "weigert client 'schouw'" in caught.value.message
    with transport_for(server, secret="") as transport:
        with pytest.raises(TransportError) as caught:
            transport.send(report())
    assert caught.value.kind == "config" and "client secret" in caught.value.message

    class KeyringSecret:  # what the keyring hands out: a value behind reveal()
        def __init__(self, value):
            self._value = value

        def reveal(self):
            return self._value

    with SignalenTransport(profile_for(server), KeyringSecret(server.client_secret)) as transport:
        assert transport.send(report()).remote_id == "SIG-1"
    with SignalenTransport(profile_for(server), None) as transport:
        with pytest.raises(TransportError) as caught:
            transport.send(report())
    assert caught.value.kind == "config"


def test_a_token_server_in_trouble_is_temporary(server, transport):
    server.fail("token", "500_before")
    with pytest.raises(TransportError) as caught:
        transport.send(report())
    assert caught.value.kind == "temporary"
    transport.send(report())
    assert len(server.signals) == 1


def test_tokens_and_the_secret_never_show(server, caplog):
    caplog.set_level(logging.DEBUG)
    errors: list[TransportError] = []
    with transport_for(server) as transport:
        rep = report(photos=2)
        for endpoint, fault in (("create", "drop"), ("create", "html"), ("attachment", "500_after"),
                                ("create", "400"), ("create", "expire")):
            server.fail(endpoint, fault)
            try:
                deliver(transport, rep, since=now_iso())
            except TransportError as error:
                errors.append(error)
            rep = report(photos=1)
        server.forbidden = True
        try:
            transport.send(report())
        except TransportError as error:
            errors.append(error)
        text = "\n".join([caplog.text, repr(transport), str(transport.__dict__)]
                         + [f"{e!r} {e.message}" for e in errors])
    with transport_for(server, secret=server.client_secret + "x") as wrong:
        try:
            wrong.send(report())
        except TransportError as error:
            text += f"\n{error!r} {error.message} {wrong!r}"
    assert len(server.issued_tokens) >= 2
    for secret in [server.client_secret, *server.issued_tokens]:
        assert secret not in text
    assert "Authorization" not in caplog.text


# -- photos as JPEG --------------------------------------------------------------------------


def test_photos_are_sent_as_jpeg_with_a_jpg_name(server, transport):
    webp = BytesIO()
    Image.new("RGB", (40, 30), "blue").save(webp, "WEBP")
    png = BytesIO()
    Image.new("RGBA", (40, 30), (0, 255, 0, 128)).save(png, "PNG")
    photos = (photo(name="straat.webp", data=webp.getvalue()), photo(name="IMG_0001.HEIC"),
              photo(name="kaart.png", data=png.getvalue()), photo(name="zonder punt"))
    rep = report(photo_list=photos)
    remote = transport.send(rep).remote_id
    assert transport.upload_photos(remote, rep, set()) == {p.photo_id for p in photos}
    stored = server.attachments_of(int(remote[4:]))
    assert [a.mimetype for a in stored] == ["image/jpeg"] * 4
    assert all(a.uploaded_name.endswith(".jpg") and a.uploaded_name.startswith("schouw-") for a in stored)


def test_unreadable_photo_is_a_permanent_error(server, transport):
    rep = report(photo_list=(photo(name="kapot.jpg", data=b"dit is geen foto"),))
    remote = transport.send(rep).remote_id
    with pytest.raises(TransportError) as caught:
        transport.upload_photos(remote, rep, set())
    assert caught.value.kind == "permanent" and "kapot.jpg" in caught.value.message


def test_photo_keys_stay_unique():
    a = OutgoingPhoto("abcdefgh-1111", "a.jpg", b"")
    b = OutgoingPhoto("abcdefgh-2222", "b.jpg", b"")
    keys = photo_keys((a, b))
    assert len(set(keys.values())) == 2
    assert attachment_name(a, keys[a.photo_id]) == attachment_name(a, keys[a.photo_id])  # stable
    assert attachment_name(OutgoingPhoto("12345678abc", "Één straat — 3.JPG", b""), "12345678") == \
        "schouw-12345678-Een-straat-3.jpg"


# -- the server itself -----------------------------------------------------------------------


def test_the_server_refuses_what_signalen_refuses(server):
    with httpx.Client(base_url=server.url, timeout=5) as client:
        token = client.post(server.token_url, data={"grant_type": "client_credentials",
                                                    "client_id": server.client_id,
                                                    "client_secret": server.client_secret}).json()["access_token"]
        headers = {"Authorization": f"Bearer {token}"}
        answer = client.post("/signals/v1/private/signals/", json={}, headers=headers)
        assert answer.status_code == 400
        assert answer.json() == {"text": ["Dit veld is vereist."], "location": ["Dit veld is vereist."],
                                 "category": ["Dit veld is vereist."], "reporter": ["Dit veld is vereist."],
                                 "incident_date_start": ["Dit veld is vereist."]}
        answer = client.post("/signals/v1/private/signals/", headers=headers, json={
            "text": "x" * 3001, "location": {"geometrie": {"type": "Point", "coordinates": [2.35, 48.85]}},
            "category": {"sub_category": "/signals/v1/public/terms/categories/afval/sub_categories/nee"},
            "reporter": {}, "incident_date_start": "gisteren", "priority": {"priority": "spoed"},
            "status": {"state": "o"}})
        assert answer.json() == {
            "text": ["Zorg ervoor dat dit veld niet meer dan 3000 karakters bevat."],
            "location": {"geometrie": ["The location coordinates (WS84) are not inside the bounding box we are "
                                       "accepting signals for."]},
            "category": {"sub_category": ["Ongeldige hyperlink - Object bestaat niet."]},
            "incident_date_start": ["Datetime heeft een ongeldig formaat, gebruik 1 van de volgende formaten: "
                                    "YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z]."],
            "priority": {"priority": ['"spoed" is een ongeldige keuze.']},
            "status": ["Status cannot be set on initial creation"]}
        assert client.get("/signals/v1/private/signals/").status_code == 401
        assert client.get("/signals/v1/private/signals/?source=Onbekend", headers=headers).status_code == 400
    with transport_for(server) as transport:
        remote = transport.send(report()).remote_id
    webp = BytesIO()
    Image.new("RGB", (8, 8)).save(webp, "WEBP")
    with httpx.Client(base_url=server.url, timeout=5, headers=headers) as client:
        url = f"/signals/v1/private/signals/{remote[4:]}/attachments/"
        answer = client.post(url, files={"file": ("foto.jpg", webp.getvalue(), "image/jpeg")})
        assert answer.status_code == 400
        assert answer.json() == {"file": ["Files of type 'image/webp' are not allowed!",
                                          "'image/webp' does not match filename extension!"]}
        answer = client.post(url, files={"file": ("foto.png", jpeg(), "image/png")})
        assert answer.json() == {"file": ["'image/jpeg' does not match filename extension!"]}
        assert client.post(url, data={"caption": "x"}).json() == {"file": ["Er is geen bestand opgestuurd."]}
        assert client.post(url, files={"file": ("foto.jpg", jpeg(), "image/jpeg")}).status_code == 201
        answer = client.patch(f"/signals/v1/private/signals/{remote[4:]}", json={"status": {"state": "b"}})
        assert answer.json()["status"]["state_display"] == "In behandeling"


def test_the_server_runs_as_a_subprocess_and_stops_by_itself():
    script = Path(__file__).with_name("signalen_server.py")
    proc = subprocess.Popen([sys.executable, str(script), "--lifetime", "20", "--page-size", "2"],
                            stdout=subprocess.PIPE, text=True)
    try:
        import json

        info = json.loads(proc.stdout.readline())
        control = Control(info["url"])
        profile = SyncProfile.model_validate({
            "name": "x", "kind": "signalen", "base_url": info["url"], "timeout": 2,
            "signalen": {"token_url": info["token_url"], "client_id": "schouw"}})
        with SignalenTransport(profile, "client-secret-4f9a7c1e") as transport:
            rep = report(photos=1)
            control.fail("create", "drop")
            remote, _ = deliver(transport, rep, since=now_iso())
            control.set_state(int(remote[4:]), "ingepland")
            assert transport.status(remote).state is ActionStatus.SCHEDULED
        dump = control.dump()
        assert len(dump["signals"]) == 1 and dump["attachments"][remote[4:]][0]["mimetype"] == "image/jpeg"
        control.stop()
        assert proc.wait(timeout=10) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_uuid_tag_is_what_find_looks_for():
    rep = report()
    assert SignalenTransport._is_ours({"text": f"{uuid_tag(rep.finding_id)} x"}, rep.finding_id)
    assert SignalenTransport._is_ours({"text": "x", "extra_properties": [
        {"id": "schouw_uuid", "answer": rep.finding_id}]}, rep.finding_id)
    assert not SignalenTransport._is_ours({"text": f"[schouw:{uuid.uuid4()}]"}, rep.finding_id)
