"""A small Signalen-compatible server for the tests, on 127.0.0.1 only.

It follows Signalen's own source (github.com/Amsterdam/signals, see docs/signalen.md):
the OpenID Connect token endpoint (client-credentials grant, expiring bearer tokens),
the public categories (main categories with sub-categories, some inactive, HAL pages),
``POST /signals/v1/private/signals/`` with the validation rules and 400 shapes of
``PrivateSignalSerializerList`` (nested field -> list of messages; DRF's Dutch texts,
Signalen's own English ones), the signal list with ``created_after``/``created_before``/
``updated_after``/``source``/``ordering`` filters and HAL pages, the detail, attachments
(content type sniffed, extension must match, at most 20 MiB, Django's name suffix on
collisions) and status changes (``PATCH`` like the real API, or :meth:`set_state`).

Fault switches (:meth:`SignalenServer.fail`), per endpoint ``create``/``attachment``/
``list``/``detail``/``attachments``/``token``, each for the next ``times`` requests:

- ``500_before``  500 (Django's HTML page), nothing stored
- ``500_after``   stored, then 500
- ``slow``        stored, then the answer comes after ``slow_seconds`` (past the client's timeout)
- ``drop``        stored, then the connection is closed without an answer
- ``400``         400 with nested field errors, nothing stored
- ``html``        stored, then 200 with an HTML page instead of JSON
- ``html_before`` 200 with an HTML login page, nothing stored (a portal in between)
- ``expire``      every token expires just before this request (-> 401)

:meth:`expire_tokens` expires tokens at once; ``forbidden = True`` answers 403 to a
valid token (a service account without rights).

In-process: ``with SignalenServer() as server: ...`` (a ThreadingHTTPServer in a daemon
thread, port 0). As a subprocess: ``python tests/signalen_server.py --lifetime 60``
prints one JSON line with ``url`` and ``token_url`` and serves until its lifetime ends;
``/__control__/`` endpoints (fault, state, expire, dump) steer it, see :class:`Control`.
Either way it stops by itself after ``lifetime`` seconds.
"""

from __future__ import annotations

import argparse
import email.parser
import email.policy
import json
import re
import secrets
import socket
import sys
import threading
import time
from base64 import b64decode
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import BytesIO
from typing import Any
from urllib.parse import parse_qs, unquote, urlencode, urlparse
from urllib.request import Request, urlopen

API = "/signals/v1"
TOKEN_PATH = "/realms/signals/protocol/openid-connect/token"
MAX_UPLOAD = 20 * 1024 * 1024
MAX_BODY = 24 * 1024 * 1024
BOUNDING_BOX = (3.3, 50.7, 7.3, 53.6)

# Signalen's workflow.py: STATUS_CHOICES_API + STATUS_CHOICES_APP
STATE_DISPLAY = {
    "m": "Gemeld", "i": "In afwachting van behandeling", "b": "In behandeling", "h": "On hold",
    "ingepland": "Ingepland", "ready to send": "Extern: te verzenden", "o": "Afgehandeld",
    "a": "Geannuleerd", "reopened": "Heropend", "s": "Gesplitst",
    "closure requested": "Extern: verzoek tot afhandeling", "reaction requested": "Reactie gevraagd",
    "reaction received": "Reactie ontvangen", "forward to external": "Doorgezet naar extern",
    "sent": "Extern: verzonden", "send failed": "Extern: mislukt", "done external": "Extern: afgehandeld",
    "reopen requested": "Verzoek tot heropenen",
}

CATEGORIES: list[tuple[str, str, list[tuple[str, str, bool]]]] = [
    ("afval", "Afval", [
        ("grofvuil", "Grofvuil", True),
        ("zwerfafval", "Zwerfafval", True),
        ("container-is-vol", "Container is vol", True),
        ("oud-papier", "Oud papier (vervallen)", False),
    ]),
    ("wegen-verkeer-straatmeubilair", "Wegen, verkeer, straatmeubilair", [
        ("onderhoud-stoep-straat-en-fietspad", "Onderhoud stoep, straat en fietspad", True),
        ("lantaarnpaal-straatverlichting", "Lantaarnpaal straatverlichting", True),
        ("straatmeubilair", "Straatmeubilair", True),
        ("verkeersbord-verkeersbesluit", "Verkeersbord, verkeersbesluit (vervallen)", False),
    ]),
    ("openbaar-groen-en-water", "Openbaar groen en water", [
        ("onkruid", "Onkruid", True),
        ("boom", "Boom", True),
        ("maaien-snoeien", "Maaien / snoeien", True),
    ]),
    ("overlast-in-de-openbare-ruimte", "Overlast in de openbare ruimte", [
        ("fietswrak", "Fietswrak", True),
        ("graffiti-wildplak", "Graffiti / wildplak", True),
    ]),
    ("overig", "Overig", [("overig", "Overig", True)]),
]

# name -> (is_active, is_public): Source objects as Signalen keeps them
SOURCES = {
    "Wijkschouw": (True, False),
    "Telefoon – ASC": (True, False),
    "online": (True, True),
    "Oud kanaal": (False, False),
}

HTML_500 = b"<!doctype html>\n<html lang=\"en\">\n<head><title>Server Error (500)</title></head>\n" \
           b"<body><h1>Server Error (500)</h1><p></p></body>\n</html>\n"
HTML_PAGE = b"<!DOCTYPE html><html><head><title>Melding ontvangen</title></head>" \
            b"<body><p>Uw verzoek wordt verwerkt.</p></body></html>"
HTML_LOGIN = b"<!DOCTYPE html><html><head><title>Inloggen</title></head>" \
             b"<body><form method=post action=/login><input name=username></form></body></html>"

FIELD_ERRORS_400 = {
    "location": {"geometrie": ["The location coordinates (WS84) are not inside the bounding box we are "
                               "accepting signals for."]},
    "category": {"sub_category": ["Ongeldige hyperlink - Object bestaat niet."]},
}
FILE_ERRORS_400 = {"file": ["Files of type 'image/webp' are not allowed!"]}

REQUIRED = "Dit veld is vereist."
DATETIME_FORMAT = ("Datetime heeft een ongeldig formaat, gebruik 1 van de volgende formaten: "
                   "YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].")
EXTRA_CATEGORY_URL = re.compile(r"^((https?://(www.|)([\w\d.:]*)|)(/[\w\d\-/]+))$")
SUB_PATH = re.compile(rf"^{API}/public/terms/categories/(?P<main>[\w-]+)/sub_categories/(?P<sub>[\w-]+)/?$")
MAIN_PATH = re.compile(rf"^{API}/public/terms/categories/(?P<main>[\w-]+)/?$")


def now() -> datetime:
    return datetime.now(UTC)


def iso(moment: datetime) -> str:
    return moment.isoformat()


def parse_iso(value: Any) -> datetime | None:
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def sniff(data: bytes) -> str:
    if data[:3] == b"\xff\xd8\xff":
        return "image/jpeg"
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        return "image/png"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "image/gif"
    if data[:5] == b"%PDF-":
        return "application/pdf"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    if data[4:8] == b"ftyp" and data[8:12] in (b"heic", b"heix", b"mif1", b"msf1", b"heim", b"heis", b"hevc"):
        return "image/heic"
    if data[:2] == b"\xd0\xcf":
        return "application/msword"
    return "application/octet-stream"


EXTENSIONS = {"jpg": "image/jpeg", "jpeg": "image/jpeg", "jpe": "image/jpeg", "png": "image/png",
              "gif": "image/gif", "pdf": "application/pdf", "webp": "image/webp", "heic": "image/heic",
              "heif": "image/heic", "doc": "application/msword"}


@dataclass
class Attachment:
    id: int
    name: str            # as stored: attachments/YYYY/MM/DD/<name>
    uploaded_name: str
    mimetype: str
    data: bytes
    created_at: str
    is_image: bool

    @property
    def size(self) -> int:
        return len(self.data)


@dataclass
class Stored:
    id: int
    body: dict
    created_at: datetime
    updated_at: datetime
    statuses: list[dict] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    notes: list[dict] = field(default_factory=list)


class SignalenServer:
    def __init__(self, *, client_id: str = "schouw", client_secret: str = "client-secret-4f9a7c1e",
                 token_lifetime: float = 300.0, page_size: int = 100, slow_seconds: float = 2.0,
                 lifetime: float = 120.0, strict_addresses: bool = False,
                 known_streets: tuple[str, ...] = ("Merelstraat", "Lijsterlaan", "Amstel"), port: int = 0):
        self.client_id = client_id
        self.client_secret = client_secret
        self.token_lifetime = token_lifetime
        self.page_size = page_size
        self.slow_seconds = slow_seconds
        self.lifetime = lifetime
        self.strict_addresses = strict_addresses
        self.known_streets = {s.lower() for s in known_streets}
        self.forbidden = False
        self.lock = threading.RLock()
        self.signals: dict[int, Stored] = {}
        self.tokens: dict[str, float] = {}     # token -> expiry (monotonic)
        self.issued_tokens: list[str] = []
        self.token_requests = 0
        self.requests: list[tuple[str, str, int]] = []
        self.faults: dict[str, list[str]] = {}
        self._next_signal = 1
        self._next_attachment = 1
        self._stored_names: set[str] = set()
        self._port = port
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._timer: threading.Timer | None = None
        self.categories = [
            {"slug": main, "name": name,
             "subs": [{"slug": s, "name": n, "is_active": active} for s, n, active in subs]}
            for main, name, subs in CATEGORIES
        ]

    # -- lifecycle ----------------------------------------------------------------------

    def start(self) -> SignalenServer:
        handler = type("Handler", (_Handler,), {"app": self})
        self._httpd = ThreadingHTTPServer(("127.0.0.1", self._port), handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05},
                                        name="signalen-server", daemon=True)
        self._thread.start()
        self._timer = threading.Timer(self.lifetime, self.stop)
        self._timer.daemon = True
        self._timer.start()
        return self

    def stop(self) -> None:
        httpd, self._httpd = self._httpd, None
        if self._timer is not None and self._timer is not threading.current_thread():
            self._timer.cancel()
        if httpd is not None:
            httpd.shutdown()
            httpd.server_close()

    def __enter__(self) -> SignalenServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        assert self._httpd is not None, "server not started"
        return self._httpd.server_address[1]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def token_url(self) -> str:
        return self.url + TOKEN_PATH

    def sub_category_url(self, main: str, sub: str) -> str:
        return f"{self.url}{API}/public/terms/categories/{main}/sub_categories/{sub}"

    # -- switches and inspection ----------------------------------------------------------

    def fail(self, endpoint: str, kind: str, times: int = 1) -> None:
        assert endpoint in ("create", "attachment", "list", "detail", "attachments", "token", "categories")
        assert kind in ("500_before", "500_after", "slow", "drop", "400", "html", "html_before", "expire")
        with self.lock:
            self.faults.setdefault(endpoint, []).extend([kind] * times)

    def take_fault(self, endpoint: str) -> str | None:
        with self.lock:
            queue = self.faults.get(endpoint)
            return queue.pop(0) if queue else None

    def expire_tokens(self) -> None:
        with self.lock:
            self.tokens.clear()

    def set_state(self, signal_id: int, state: str, text: str | None = None) -> None:
        with self.lock:
            stored = self.signals[signal_id]
            stored.statuses.append(self._status(state, text))
            stored.updated_at = now()

    def with_text(self, needle: str) -> list[Stored]:
        with self.lock:
            return [s for s in self.signals.values() if needle in s.body["text"]]

    def attachments_of(self, signal_id: int) -> list[Attachment]:
        with self.lock:
            return list(self.signals[signal_id].attachments)

    def dump(self) -> dict:
        with self.lock:
            return {
                "signals": [self.signal_json(s, "127.0.0.1") for s in self.signals.values()],
                "attachments": {str(s.id): [{"name": a.name, "uploaded_name": a.uploaded_name,
                                             "mimetype": a.mimetype, "size": a.size} for a in s.attachments]
                                for s in self.signals.values()},
                "token_requests": self.token_requests,
                "issued_tokens": list(self.issued_tokens),
            }

    # -- the model ------------------------------------------------------------------------

    @staticmethod
    def _status(state: str, text: str | None = None) -> dict:
        return {"text": text, "user": "schouw@serviceaccount.local", "state": state,
                "state_display": STATE_DISPLAY.get(state, state), "target_api": None,
                "extra_properties": None, "send_email": False, "created_at": iso(now())}

    def find_category(self, main: str, sub: str | None) -> tuple[dict, dict | None] | None:
        for cat in self.categories:
            if cat["slug"] == main:
                if sub is None:
                    return cat, None
                for child in cat["subs"]:
                    if child["slug"] == sub:
                        return cat, child
        return None

    def signal_json(self, s: Stored, host: str) -> dict:
        base = f"http://{host}"
        body = s.body
        main, sub = body["_category"]
        cat, child = self.find_category(main, sub) or ({"name": main}, {"name": sub})
        return {
            "_links": {
                "curies": {"name": "sia", "href": f"{base}{API}/relations"},
                "self": {"href": f"{base}{API}/private/signals/{s.id}"},
                "archives": {"href": f"{base}{API}/private/signals/{s.id}/history"},
                "sia:attachments": {"href": f"{base}{API}/private/signals/{s.id}/attachments"},
            },
            "_display": f"{s.id} - {s.statuses[-1]['state']} - None - {iso(s.created_at)}",
            "id": s.id,
            "id_display": f"SIG-{s.id}",
            "signal_id": body["_uuid"],
            "source": body["source"],
            "text": body["text"],
            "text_extra": "",
            "status": s.statuses[-1],
            "location": {
                "id": s.id, "stadsdeel": None, "buurt_code": None, "area_type_code": None, "area_code": None,
                "area_name": None, "address": body["location"].get("address"),
                "address_text": _address_text(body["location"].get("address")),
                "geometrie": body["location"]["geometrie"], "extra_properties": None,
                "created_by": "schouw@serviceaccount.local", "bag_validated": False,
            },
            "category": {
                "sub": child["name"] if child else sub, "sub_slug": sub, "main": cat["name"], "main_slug": main,
                "category_url": f"{base}{API}/public/terms/categories/{main}/sub_categories/{sub}",
                "departments": "ASC", "created_by": "schouw@serviceaccount.local", "text": None,
                "deadline": None, "deadline_factor_3": None,
            },
            "reporter": {"email": "", "phone": "", "sharing_allowed": False, "allows_contact": True},
            "priority": {"priority": body["priority"], "created_by": "schouw@serviceaccount.local"},
            "type": {"code": "SIG", "created_at": iso(s.created_at), "created_by": "schouw@serviceaccount.local"},
            "created_at": iso(s.created_at),
            "updated_at": iso(s.updated_at),
            "incident_date_start": body["incident_date_start"],
            "incident_date_end": None,
            "operational_date": None,
            "has_attachments": bool(s.attachments),
            "extra_properties": body.get("extra_properties"),
            "notes": list(s.notes),
            "has_parent": False,
            "has_children": False,
            "assigned_user_email": None,
        }

    def validate_signal(self, body: Any) -> tuple[dict, dict]:
        """(errors, cleaned) following PrivateSignalSerializerList and its nested serializers."""
        if not isinstance(body, dict):
            return {"non_field_errors": [f"Ongeldige data. Verwacht een dictionary, kreeg een "
                                         f"{type(body).__name__}."]}, {}
        errors: dict[str, Any] = {}
        clean: dict[str, Any] = {}
        text = body.get("text")
        if text is None:
            errors["text"] = [REQUIRED]
        elif not isinstance(text, str):
            errors["text"] = ["Not a valid string."]
        else:
            text = text.strip()
            if not text:
                errors["text"] = ["Dit veld mag niet leeg zijn."]
            elif "\x00" in text:
                errors["text"] = ["Null characters are not allowed."]
            elif len(text) > 3000:
                errors["text"] = ["Zorg ervoor dat dit veld niet meer dan 3000 karakters bevat."]
            clean["text"] = text

        location = body.get("location")
        if location is None:
            errors["location"] = [REQUIRED]
        elif not isinstance(location, dict):
            errors["location"] = {"non_field_errors": [f"Ongeldige data. Verwacht een dictionary, kreeg een "
                                                       f"{type(location).__name__}."]}
        else:
            geo = location.get("geometrie")
            coords = geo.get("coordinates") if isinstance(geo, dict) else None
            if geo is None:
                errors["location"] = {"geometrie": [REQUIRED]}
            elif not (isinstance(geo, dict) and str(geo.get("type", "")).lower() == "point"
                      and isinstance(coords, list) and len(coords) == 2
                      and all(isinstance(c, int | float) and not isinstance(c, bool) for c in coords)):
                errors["location"] = {"geometrie": ["Invalid format: string or unicode input unrecognized as "
                                                    "GeoJSON, WKT EWKT or HEXEWKB."]}
            elif not (BOUNDING_BOX[1] <= coords[1] <= BOUNDING_BOX[3]
                      and BOUNDING_BOX[0] <= coords[0] <= BOUNDING_BOX[2]):
                errors["location"] = {"geometrie": ["The location coordinates (WS84) are not inside the "
                                                    "bounding box we are accepting signals for."]}
            else:
                address = location.get("address")
                if address and self.strict_addresses and (
                        not isinstance(address, dict)
                        or str(address.get("openbare_ruimte", "")).lower() not in self.known_streets):
                    # AddressValidationMixin.validate_location: ValidationError({"location": "..."})
                    errors["location"] = {"location": "Niet-bestaand adres."}
                clean["location"] = {"geometrie": {"type": "Point", "coordinates": list(coords)},
                                     "address": address or None}

        category = body.get("category")
        if category is None:
            errors["category"] = [REQUIRED]
        elif not isinstance(category, dict):
            errors["category"] = {"non_field_errors": [f"Ongeldige data. Verwacht een dictionary, kreeg een "
                                                       f"{type(category).__name__}."]}
        elif "sub_category" not in category and "category_url" not in category:
            errors["category"] = ['Either the "sub_category" OR the "category_url" must be given']
        elif "sub_category" in category and "category_url" in category:
            errors["category"] = ['Only the "sub_category" OR "category_url" can be given']
        else:
            key = "sub_category" if "sub_category" in category else "category_url"
            path = urlparse(str(category[key])).path
            sub_match, main_match = SUB_PATH.match(path), MAIN_PATH.match(path)
            if sub_match:
                found = self.find_category(sub_match["main"], sub_match["sub"])
                if found is None or found[1] is None:
                    errors["category"] = {key: ["Ongeldige hyperlink - Object bestaat niet."]}
                else:  # Signalen takes inactive sub-categories too (queryset = Category.objects.all())
                    clean["_category"] = (sub_match["main"], sub_match["sub"])
            elif main_match:
                errors["category"] = {key: ["Ongeldige hyperlink - Ongeldige URL"]}
            else:
                errors["category"] = {key: ["Ongeldige hyperlink - Geen overeenkomende URL."]}

        reporter = body.get("reporter")
        if reporter is None:
            errors["reporter"] = [REQUIRED]
        elif not isinstance(reporter, dict):
            errors["reporter"] = {"non_field_errors": [f"Ongeldige data. Verwacht een dictionary, kreeg een "
                                                       f"{type(reporter).__name__}."]}
        elif reporter.get("email") and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", str(reporter["email"])):
            errors["reporter"] = {"email": ["Voer een geldig e-mailadres in."]}

        start = body.get("incident_date_start")
        if start is None:
            errors["incident_date_start"] = [REQUIRED]
        elif parse_iso(start) is None:
            errors["incident_date_start"] = [DATETIME_FORMAT]
        else:
            clean["incident_date_start"] = start

        source = body.get("source", "online")
        known = {name.lower(): (name, active, public) for name, (active, public) in SOURCES.items()}
        if "source" in body:
            entry = known.get(str(source).lower())
            if entry is None or not entry[1]:
                errors["source"] = ["Invalid source given, value not known"]
            elif entry[2]:
                errors["source"] = ["Invalid source given for authenticated user"]
        clean["source"] = source

        priority = body.get("priority", {"priority": "normal"})
        if not isinstance(priority, dict) or priority.get("priority", "normal") not in ("low", "normal", "high"):
            value = priority.get("priority") if isinstance(priority, dict) else priority
            errors["priority"] = {"priority": [f'"{value}" is een ongeldige keuze.']}
        else:
            clean["priority"] = priority.get("priority", "normal")

        if body.get("status") is not None:
            errors["status"] = ["Status cannot be set on initial creation"]

        extra = body.get("extra_properties")
        if extra is not None and not _extra_ok(extra):
            errors["extra_properties"] = ["Invalid input."]
        clean["extra_properties"] = extra
        return errors, clean

    def create_signal(self, clean: dict) -> Stored:
        with self.lock:
            pk = self._next_signal
            self._next_signal += 1
            moment = now()
            body = dict(clean, _uuid=str(__import__("uuid").uuid4()))
            stored = Stored(id=pk, body=body, created_at=moment, updated_at=moment,
                            statuses=[self._status("m")])
            stored.notes.append({"text": "Automatische e-mail bij registratie van de melding is verzonden aan "
                                         "de melder.", "created_by": None})
            self.signals[pk] = stored
            return stored

    def validate_file(self, name: str | None, data: bytes | None) -> list[str]:
        """Attachment.file's validators: mime allowed, mime matches extension, content valid, size."""
        if data is None or name is None:
            return ["Er is geen bestand opgestuurd."]
        errors = []
        mime = sniff(data)
        if mime not in ("image/jpeg", "image/png", "image/gif", "application/pdf"):
            errors.append(f"Files of type '{mime}' are not allowed!")
        ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
        by_name = EXTENSIONS.get(ext)
        if by_name is None:
            errors.append("Failed to resolve mime type from filename!")
        elif by_name != mime:
            errors.append(f"'{mime}' does not match filename extension!")
        if mime.startswith("image/") and mime in ("image/jpeg", "image/png", "image/gif"):
            try:
                from PIL import Image

                with Image.open(BytesIO(data)) as im:
                    im.verify()
            except Exception:  # noqa: BLE001
                errors.append("File is not valid!")
        if len(data) > MAX_UPLOAD:
            errors.append(f"File size of {len(data)} is more than the allowed size {MAX_UPLOAD}!")
        return errors

    def add_attachment(self, stored: Stored, name: str, data: bytes) -> Attachment:
        with self.lock:
            valid = re.sub(r"(?u)[^-\w.]", "", name.strip().replace(" ", "_")) or "file"
            day = now().strftime("%Y/%m/%d")
            stem, dot, ext = valid.rpartition(".")
            if not dot:
                stem, ext = valid, ""
            candidate = valid
            while f"{day}/{candidate}" in self._stored_names:  # Django's get_available_name
                suffix = "".join(secrets.choice("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
                                 for _ in range(7))
                candidate = f"{stem}_{suffix}.{ext}" if dot else f"{stem}_{suffix}"
            self._stored_names.add(f"{day}/{candidate}")
            mime = sniff(data)
            attachment = Attachment(id=self._next_attachment, name=f"attachments/{day}/{candidate}",
                                    uploaded_name=name, mimetype=mime, data=data, created_at=iso(now()),
                                    is_image=mime.startswith("image/"))
            self._next_attachment += 1
            stored.attachments.append(attachment)
            stored.notes.append({"text": f"Bijlage toegevoegd: {candidate}", "created_by": "schouw"})
            stored.updated_at = now()
            return attachment

    def attachment_json(self, stored: Stored, a: Attachment, host: str) -> dict:
        base = f"http://{host}"
        return {
            "_display": f"Attachment object ({a.id})",
            "_links": {"self": {"href": f"{base}{API}/private/signals/{stored.id}/attachments/{a.id}"}},
            "location": f"{base}/signals/media/{a.name}",
            "is_image": a.is_image,
            "created_at": a.created_at,
            "created_by": "schouw@serviceaccount.local",
            "public": False,
            "caption": None,
        }


def _extra_ok(extra: Any) -> bool:
    if not isinstance(extra, list):
        return False
    for item in extra:
        if not isinstance(item, dict) or not all(k in item for k in ("id", "label", "answer", "category_url")):
            return False
        if not isinstance(item["id"], str) or not isinstance(item["label"], str):
            return False
        if isinstance(item["category_url"], str) and not EXTRA_CATEGORY_URL.match(item["category_url"]):
            return False
    return True


def _address_text(address: Any) -> str:
    if not isinstance(address, dict):
        return ""
    number = f"{address.get('huisnummer', '')}{address.get('huisletter', '')}"
    if address.get("huisnummer_toevoeging"):
        number += f"-{address['huisnummer_toevoeging']}"
    parts = [f"{address.get('openbare_ruimte', '')} {number}".strip(), str(address.get("postcode", "")),
             str(address.get("woonplaats", ""))]
    return " ".join(p for p in parts if p)


class _Handler(BaseHTTPRequestHandler):
    app: SignalenServer
    protocol_version = "HTTP/1.1"
    server_version = "signalen-test"
    sys_version = ""

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - quiet
        pass

    def setup(self) -> None:
        super().setup()
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)  # no 40 ms ACK waits

    # -- plumbing -------------------------------------------------------------------------

    def _reply(self, status: int, body: bytes, ctype: str, headers: dict | None = None) -> None:
        self.app.requests.append((self.command, self.path, status))
        try:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError, OSError):
            self.close_connection = True

    def _json(self, status: int, data: Any, headers: dict | None = None) -> None:
        self._reply(status, json.dumps(data, ensure_ascii=False).encode("utf-8"), "application/json", headers)

    def _html(self, status: int, body: bytes) -> None:
        self._reply(status, body, "text/html; charset=utf-8")

    def _drop(self) -> None:
        self.app.requests.append((self.command, self.path, 0))
        self.close_connection = True
        try:
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def _body(self) -> bytes | None:
        return self._raw

    def _read_body(self) -> bytes | None:
        length = self.headers.get("Content-Length")
        if length is None:
            if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
                return self._chunked()
            return b""
        size = int(length)
        if size > MAX_BODY:
            self._json(413, {"detail": "Request body te groot."})
            self.close_connection = True
            return None
        return self.rfile.read(size)

    def _chunked(self) -> bytes:
        out = bytearray()
        while True:
            size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
            if size == 0:
                self.rfile.readline()
                return bytes(out)
            out += self.rfile.read(size)
            self.rfile.readline()
            if len(out) > MAX_BODY:
                raise ValueError("too large")

    @property
    def host(self) -> str:
        return self.headers.get("Host") or f"127.0.0.1:{self.app.port}"

    def _authorized(self) -> bool:
        header = self.headers.get("Authorization", "")
        www = {"WWW-Authenticate": 'Bearer realm="signals"'}
        if not header.startswith("Bearer "):
            self._json(401, {"detail": "Authenticatiegegevens zijn niet opgegeven."}, www)
            return False
        token = header[len("Bearer "):].strip()
        with self.app.lock:
            expiry = self.app.tokens.get(token)
        if expiry is None or time.monotonic() >= expiry:
            self._json(401, {"detail": "Ongeldige authenticatiegegevens."}, www)
            return False
        if self.app.forbidden:
            self._json(403, {"detail": "Je hebt geen toestemming om deze actie uit te voeren."})
            return False
        return True

    def _before(self, endpoint: str) -> str | None:
        """Take the next fault for ``endpoint``; handle the ones that act before anything happens."""
        fault = self.app.take_fault(endpoint)
        if fault == "expire":
            self.app.expire_tokens()
            return None
        return fault

    def _fault_before(self, fault: str | None) -> bool:
        if fault == "500_before":
            self._html(500, HTML_500)
        elif fault == "html_before":
            self._html(200, HTML_LOGIN)
        elif fault == "400":
            return False  # endpoint-specific
        else:
            return False
        return True

    def _answer(self, fault: str | None, status: int, data: Any) -> None:
        """Answer a request whose effect is stored, unless a fault says otherwise."""
        if fault == "500_after":
            self._html(500, HTML_500)
        elif fault == "drop":
            self._drop()
        elif fault == "html":
            self._html(200, HTML_PAGE)
        elif fault == "slow":
            time.sleep(self.app.slow_seconds)
            self._json(status, data)
        else:
            self._json(status, data)

    def _page(self, items: list[dict], path: str, query: dict[str, list[str]]) -> None:
        try:
            page = int(query.get("page", ["1"])[0])
            size = int(query.get("page_size", [str(self.app.page_size)])[0])
        except ValueError:
            self._json(404, {"detail": "Ongeldige pagina."})
            return
        size = max(1, min(size, self.app.page_size))  # page_size acts as the maximum too
        pages = max(1, -(-len(items) // size))
        if page < 1 or page > pages:
            self._json(404, {"detail": "Ongeldige pagina."})
            return

        def link(n: int | None) -> dict:
            if n is None:
                return {"href": None}
            q = {k: v for k, v in query.items() if k != "page"}
            if n > 1:
                q["page"] = [str(n)]
            return {"href": f"http://{self.host}{path}" + (f"?{urlencode(q, doseq=True)}" if q else "")}

        self._json(200, {
            "_links": {"self": link(page), "next": link(page + 1 if page < pages else None),
                       "previous": link(page - 1 if page > 1 else None)},
            "count": len(items),
            "results": items[(page - 1) * size: page * size],
        })

    # -- routing --------------------------------------------------------------------------

    def do_GET(self) -> None:  # noqa: N802
        self._route("GET")

    def do_HEAD(self) -> None:  # noqa: N802
        self._route("GET")

    def do_POST(self) -> None:  # noqa: N802
        self._route("POST")

    def do_PATCH(self) -> None:  # noqa: N802
        self._route("PATCH")

    def _route(self, method: str) -> None:
        # read the whole body first, whatever the answer: an unread body would be taken
        # for the next request on this keep-alive connection
        self._raw = self._read_body()
        if self._raw is None:
            return
        try:
            self._dispatch(method)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
        except Exception:  # noqa: BLE001 - a bug in the test server must show as a 500
            import traceback

            traceback.print_exc()
            self._html(500, HTML_500)

    def _dispatch(self, method: str) -> None:
        url = urlparse(self.path)
        path, query = url.path, parse_qs(url.query, keep_blank_values=True)
        if path.startswith("/__control__/"):
            return self._control(method, path[len("/__control__/"):])
        if path == TOKEN_PATH and method == "POST":
            return self._token()
        if path.rstrip("/") == f"{API}/public/terms/categories" and method == "GET":
            return self._categories(path, query)
        m = re.fullmatch(rf"{API}/public/terms/categories/([\w-]+)/sub_categories/([\w-]+)/?", path)
        if m and method == "GET":
            found = self.app.find_category(m[1], m[2])
            if not found or not found[1]:
                return self._json(404, {"detail": "Niet gevonden."})
            return self._json(200, self._sub_json(found[0], found[1]))
        if not path.startswith(f"{API}/private/"):
            return self._json(404, {"detail": "Niet gevonden."})
        if path.rstrip("/") == f"{API}/private/signals":
            fault = self._before("create" if method == "POST" else "list")
            if not self._authorized():
                return None
            return self._create(fault) if method == "POST" else self._list(fault, path, query)
        m = re.fullmatch(rf"{API}/private/signals/(\d+)/?", path)
        if m:
            fault = self._before("detail")
            if not self._authorized():
                return None
            return self._detail(method, int(m[1]), fault)
        m = re.fullmatch(rf"{API}/private/signals/(\d+)/attachments/?", path)
        if m:
            fault = self._before("attachment" if method == "POST" else "attachments")
            if not self._authorized():
                return None
            return self._attachments(method, int(m[1]), fault, path, query)
        return self._json(404, {"detail": "Niet gevonden."})

    # -- endpoints ------------------------------------------------------------------------

    def _token(self) -> None:
        body = self._body()
        if body is None:
            return
        fault = self._before("token")
        if self._fault_before(fault):
            return
        form = {k: v[0] for k, v in parse_qs(body.decode("utf-8", "replace")).items()}
        client_id, client_secret = form.get("client_id"), form.get("client_secret")
        header = self.headers.get("Authorization", "")
        if header.startswith("Basic "):
            try:
                user, _, password = b64decode(header[6:]).decode("utf-8").partition(":")
                client_id, client_secret = unquote(user), unquote(password)
            except (ValueError, UnicodeDecodeError):
                client_id = client_secret = None
        with self.app.lock:
            self.app.token_requests += 1
        if form.get("grant_type") != "client_credentials":
            return self._json(400, {"error": "unsupported_grant_type", "error_description": "Unsupported grant_type"})
        if client_id != self.app.client_id or client_secret != self.app.client_secret:
            return self._json(401, {"error": "unauthorized_client",
                                    "error_description": "Invalid client or Invalid client credentials"})
        token = secrets.token_urlsafe(40)
        with self.app.lock:
            self.app.tokens[token] = time.monotonic() + self.app.token_lifetime
            self.app.issued_tokens.append(token)
        self._json(200, {"access_token": token, "expires_in": int(self.app.token_lifetime),
                         "refresh_expires_in": 0, "token_type": "Bearer", "not-before-policy": 0,
                         "scope": "email profile"})

    def _sub_json(self, main: dict, sub: dict) -> dict:
        base = f"http://{self.host}"
        return {
            "_links": {"curies": {"name": "sia", "href": f"{base}{API}/relations"},
                       "self": {"href": f"{base}{API}/public/terms/categories/{main['slug']}/sub_categories/"
                                        f"{sub['slug']}"}},
            "_display": sub["name"], "name": sub["name"], "slug": sub["slug"], "handling": "REST",
            "departments": [{"code": "ASC", "name": "Actie Service Centrum", "is_intern": True}],
            "is_active": sub["is_active"], "description": None, "handling_message": "",
            "questionnaire": None, "public_name": None, "is_public_accessible": False,
        }

    def _categories(self, path: str, query: dict) -> None:
        fault = self._before("categories")
        if self._fault_before(fault):
            return
        base = f"http://{self.host}"
        items = [{
            "_links": {"curies": {"name": "sia", "href": f"{base}{API}/relations"},
                       "self": {"href": f"{base}{API}/public/terms/categories/{cat['slug']}"}},
            "_display": cat["name"], "name": cat["name"], "slug": cat["slug"], "public_name": None,
            "is_public_accessible": False,
            "sub_categories": [self._sub_json(cat, sub) for sub in cat["subs"]],
            "configuration": None,
        } for cat in self.app.categories]
        self._page(items, path, query)

    def _create(self, fault: str | None) -> None:
        raw = self._body()
        if raw is None:
            return
        if self._fault_before(fault):
            return
        if fault == "400":
            return self._json(400, FIELD_ERRORS_400)
        try:
            body = json.loads(raw or b"null")
        except ValueError as exc:
            return self._json(400, {"detail": f"JSON parse error - {exc}"})
        if isinstance(body, list):
            return self._json(400, {"non_field_errors": ["schouw's test server takes one signal at a time"]})
        errors, clean = self.app.validate_signal(body)
        if errors:
            return self._json(400, errors)
        stored = self.app.create_signal(clean)
        self._answer(fault, 201, self.app.signal_json(stored, self.host))

    def _list(self, fault: str | None, path: str, query: dict[str, list[str]]) -> None:
        if self._fault_before(fault):
            return
        if fault in ("500_after",):
            return self._html(500, HTML_500)
        if fault == "html":
            return self._html(200, HTML_PAGE)
        if fault == "drop":
            return self._drop()
        if fault == "slow":
            time.sleep(self.app.slow_seconds)
        errors: dict[str, list[str]] = {}
        bounds: dict[str, datetime] = {}
        for name in ("created_after", "created_before", "updated_after", "updated_before"):
            if name in query:
                moment = parse_iso(query[name][0])
                if moment is None:
                    errors[name] = ["Voer een geldige datum/tijd in."]
                else:
                    bounds[name] = moment
        sources = query.get("source", [])
        for value in sources:
            if value not in SOURCES:
                errors["source"] = [f"Selecteer een geldige keuze. {value} is geen beschikbare keuze."]
        if errors:
            return self._json(400, errors)
        with self.app.lock:
            found = list(self.app.signals.values())
        if "created_after" in bounds:
            found = [s for s in found if s.created_at >= bounds["created_after"]]
        if "created_before" in bounds:
            found = [s for s in found if s.created_at <= bounds["created_before"]]
        if "updated_after" in bounds:
            found = [s for s in found if s.updated_at >= bounds["updated_after"]]
        if "updated_before" in bounds:
            found = [s for s in found if s.updated_at <= bounds["updated_before"]]
        if sources:
            found = [s for s in found if s.body["source"] in sources]
        ordering = query.get("ordering", ["-created_at"])[0]
        key = ordering.lstrip("-")
        if key not in ("id", "created_at", "updated_at"):
            key = "created_at"
        found.sort(key=lambda s: (getattr(s, key), s.id), reverse=ordering.startswith("-"))
        with self.app.lock:
            items = [self.app.signal_json(s, self.host) for s in found]
        self._page(items, path, query)

    def _detail(self, method: str, pk: int, fault: str | None) -> None:
        if self._fault_before(fault):
            return
        with self.app.lock:
            stored = self.app.signals.get(pk)
        if stored is None:
            return self._json(404, {"detail": "Niet gevonden."})
        if method == "PATCH":
            raw = self._body()
            if raw is None:
                return
            body = json.loads(raw or b"{}")
            status = body.get("status") if isinstance(body, dict) else None
            if not isinstance(status, dict) or status.get("state") not in STATE_DISPLAY:
                return self._json(400, {"status": {"state": [f'"{(status or {}).get("state")}" is een '
                                                             f'ongeldige keuze.']}})
            self.app.set_state(pk, status["state"], status.get("text"))
        elif method != "GET":
            return self._json(405, {"detail": f'Methode "{method}" niet toegestaan.'})
        if fault == "500_after":
            return self._html(500, HTML_500)
        if fault == "html":
            return self._html(200, HTML_PAGE)
        if fault == "drop":
            return self._drop()
        if fault == "slow":
            time.sleep(self.app.slow_seconds)
        with self.app.lock:
            data = self.app.signal_json(stored, self.host)
        self._json(200, data)

    def _attachments(self, method: str, pk: int, fault: str | None, path: str, query: dict) -> None:
        raw = self._body() if method == "POST" else b""
        if raw is None:
            return
        with self.app.lock:
            stored = self.app.signals.get(pk)
        if self._fault_before(fault):
            return
        if stored is None:
            return self._json(404, {"detail": "Niet gevonden."})
        if method == "GET":
            if fault == "500_after":
                return self._html(500, HTML_500)
            if fault == "html":
                return self._html(200, HTML_PAGE)
            if fault == "drop":
                return self._drop()
            with self.app.lock:
                items = [self.app.attachment_json(stored, a, self.host) for a in stored.attachments]
            return self._page(items, path, query)
        if fault == "400":
            return self._json(400, FILE_ERRORS_400)
        name, data = _multipart_file(self.headers.get("Content-Type", ""), raw)
        errors = self.app.validate_file(name, data)
        if errors:
            return self._json(400, {"file": errors})
        assert name is not None and data is not None
        attachment = self.app.add_attachment(stored, name, data)
        self._answer(fault, 201, self.app.attachment_json(stored, attachment, self.host))

    def _control(self, method: str, what: str) -> None:
        raw = self._body() if method == "POST" else b""
        body = json.loads(raw or b"{}") if raw is not None else {}
        if what == "fault" and method == "POST":
            self.app.fail(body["endpoint"], body["kind"], int(body.get("times", 1)))
        elif what == "expire" and method == "POST":
            self.app.expire_tokens()
        elif what == "state" and method == "POST":
            self.app.set_state(int(body["id"]), body["state"], body.get("text"))
        elif what == "forbidden" and method == "POST":
            self.app.forbidden = bool(body.get("value", True))
        elif what == "stop" and method == "POST":
            self._json(200, {"ok": True})
            threading.Thread(target=self.app.stop, daemon=True).start()
            return
        elif what != "dump":
            return self._json(404, {"detail": "Niet gevonden."})
        self._json(200, self.app.dump())


def _multipart_file(content_type: str, body: bytes) -> tuple[str | None, bytes | None]:
    """The ``file`` field of a multipart/form-data body: (file name, bytes)."""
    if not content_type.lower().startswith("multipart/form-data"):
        return None, None
    head = f"Content-Type: {content_type}\r\nMIME-Version: 1.0\r\n\r\n".encode("latin-1")
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + body)
    if not message.is_multipart():
        return None, None
    for part in message.iter_parts():
        if part.get_param("name", header="content-disposition") == "file":
            filename = part.get_filename()
            payload = part.get_payload(decode=True)
            return filename, payload if isinstance(payload, bytes) else None
    return None, None


class Control:
    """Steers a server running as a subprocess, through its /__control__/ endpoints."""

    def __init__(self, url: str):
        self.url = url.rstrip("/")

    def _post(self, what: str, body: dict | None = None) -> dict:
        request = Request(f"{self.url}/__control__/{what}", data=json.dumps(body or {}).encode(),
                          headers={"Content-Type": "application/json"}, method="POST")
        with urlopen(request, timeout=5) as resp:  # noqa: S310 - loopback only
            return json.loads(resp.read())

    def fail(self, endpoint: str, kind: str, times: int = 1) -> None:
        self._post("fault", {"endpoint": endpoint, "kind": kind, "times": times})

    def expire_tokens(self) -> None:
        self._post("expire")

    def set_state(self, signal_id: int, state: str, text: str | None = None) -> None:
        self._post("state", {"id": signal_id, "state": state, "text": text})

    def stop(self) -> None:
        self._post("stop")

    def dump(self) -> dict:
        with urlopen(f"{self.url}/__control__/dump", timeout=5) as resp:  # noqa: S310 - loopback only
            return json.loads(resp.read())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Signalen-compatible test server on 127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--lifetime", type=float, default=60.0, help="seconds until it stops by itself")
    parser.add_argument("--page-size", type=int, default=100)
    parser.add_argument("--token-lifetime", type=float, default=300.0)
    parser.add_argument("--slow-seconds", type=float, default=2.0)
    parser.add_argument("--client-id", default="schouw")
    parser.add_argument("--client-secret", default="client-secret-4f9a7c1e")
    args = parser.parse_args(argv)
    server = SignalenServer(port=args.port, lifetime=args.lifetime, page_size=args.page_size,
                            token_lifetime=args.token_lifetime, slow_seconds=args.slow_seconds,
                            client_id=args.client_id, client_secret=args.client_secret).start()
    print(json.dumps({"url": server.url, "token_url": server.token_url}), flush=True)
    deadline = time.monotonic() + args.lifetime
    try:
        while server._httpd is not None and time.monotonic() < deadline:
            time.sleep(0.1)
    except KeyboardInterrupt:
        pass
    server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
