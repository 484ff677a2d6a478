"""A small but faithful Open311 GeoReport v2 server for the tests (JSON format only).

Follows https://wiki.open311.org/GeoReport_v2: ``services.json``,
``services/{code}.json`` (attributes), ``requests.json`` (POST: create, form-encoded or
multipart with a ``media`` file; GET: list with ``service_request_id``, ``service_code``,
``start_date``, ``end_date``, ``status`` filters), ``requests/{id}.json``,
``tokens/{token}.json``; errors as ``[{"code": .., "description": ..}]``; ``api_key``
checked on POST; ``jurisdiction_id`` checked when the server has one.

Fault switches (``server.faults``: a list consumed one per ``POST requests.json``; or
``server.get_faults`` for reads): ``500_before`` (500, nothing stored), ``500_after``
(stored, then 500), ``503`` (nothing stored), ``slow`` (stored, then an answer only after
``slow_seconds``, past the client's timeout), ``drop`` (stored, then the connection is
closed without an answer), ``garbage`` (stored, then HTML instead of JSON), ``400``
(refused with a message), ``400_echo`` (refused with a message that echoes the form,
key included, as careless servers do), ``token`` (stored; the answer holds only a
token). ``token_mode`` answers every create with a token; ``token_delay`` is how many
``tokens/{t}.json`` calls answer "no id yet" first. Status changes: ``set_status``.

Runs on 127.0.0.1, port 0, in daemon threads, and stops by itself after
``lifetime`` seconds at the latest. ``python tests/open311_server.py`` runs one by hand.
"""

from __future__ import annotations

import email.parser
import email.policy
import itertools
import json
import threading
import time
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote, urlparse

SERVICES = [
    {"service_code": "onkruid", "service_name": "Onkruid", "description": "Onkruid op straat en in groen",
     "metadata": False, "type": "realtime", "keywords": "onkruid", "group": "Openbare ruimte"},
    {"service_code": "zwerfafval", "service_name": "Zwerfafval", "description": "Afval op straat",
     "metadata": True, "type": "realtime", "keywords": "afval,vuil", "group": "Afval"},
    {"service_code": "verharding", "service_name": "Bestrating", "description": "Losse of kapotte tegels",
     "metadata": False, "type": "realtime", "keywords": "tegels,klinkers", "group": "Openbare ruimte"},
    {"service_code": "overig", "service_name": "Overig", "description": "Alle andere meldingen",
     "metadata": False, "type": "batch", "keywords": "", "group": "Overig"},
]

DEFINITIONS = {
    "zwerfafval": {
        "service_code": "zwerfafval",
        "attributes": [
            {"variable": True, "code": "schouw_id", "datatype": "string", "required": False,
             "datatype_description": "kenmerk van de melder", "order": 1, "description": "Uw kenmerk"},
            {"variable": True, "code": "bron", "datatype": "singlevaluelist", "required": True,
             "datatype_description": "", "order": 2, "description": "Bron van de melding",
             "values": [{"key": "burger", "name": "Burger"}, {"key": "wijkschouw", "name": "Wijkschouw"}]},
        ],
    },
}

FAULTS = {"500_before", "500_after", "503", "slow", "drop", "garbage", "400", "400_echo", "token"}


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def parse_time(text: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


class Open311Server:
    def __init__(self, *, api_key: str = "geheim-311-sleutel", jurisdiction: str | None = None,
                 base_path: str = "/open311/v2", media: bool = True, slow_seconds: float = 1.5,
                 lifetime: float = 300.0):
        self.api_key = api_key
        self.jurisdiction = jurisdiction
        self.base_path = base_path.rstrip("/")
        self.media = media
        self.slow_seconds = slow_seconds
        self.lifetime = lifetime
        self.lock = threading.Lock()
        self.requests: dict[str, dict[str, Any]] = {}
        self.attachments: dict[str, bytes] = {}
        self.tokens: dict[str, dict[str, Any]] = {}
        self.faults: list[str] = []
        self.get_faults: list[str] = []
        self.token_mode = False
        self.token_delay = 0
        self.posts = 0            # create calls received (whatever came of them)
        self.log: list[tuple[str, str, int]] = []
        self._ids = itertools.count(1001)
        self._tokens = itertools.count(1)
        self.httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._timer: threading.Timer | None = None

    # -- life ---------------------------------------------------------------------------------
    def start(self) -> str:
        server = self

        class Handler(_Handler):
            owner = server

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self._thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True)
        self._thread.start()
        self._timer = threading.Timer(self.lifetime, self.stop)
        self._timer.daemon = True
        self._timer.start()
        return self.url

    @property
    def port(self) -> int:
        assert self.httpd is not None
        return self.httpd.server_address[1]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}{self.base_path}"

    def stop(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
        if self.httpd is not None:
            httpd, self.httpd = self.httpd, None
            httpd.shutdown()
            httpd.server_close()

    def __enter__(self) -> Open311Server:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- test controls ----------------------------------------------------------------------------
    def set_status(self, request_id: str, status: str, notes: str = "", agency: str = "") -> None:
        with self.lock:
            record = self.requests[request_id]
            record.update(status=status, status_notes=notes, updated_datetime=now_iso())
            if agency:
                record["agency_responsible"] = agency

    def stored(self) -> list[dict[str, Any]]:
        with self.lock:
            return [dict(r) for r in self.requests.values()]

    def count_for(self, finding_id: str) -> int:
        tag = f"[schouw:{finding_id}]"
        return sum(1 for r in self.stored() if tag in r["description"])

    # -- the spec ---------------------------------------------------------------------------------
    def store(self, form: dict[str, Any], media: tuple[str, bytes] | None, *, pending_token: bool) -> dict[str, Any]:
        with self.lock:
            request_id = str(next(self._ids))
            lat, lon = form.get("lat"), form.get("long")
            record = {
                "service_request_id": request_id, "status": "open", "status_notes": "",
                "service_name": next(s["service_name"] for s in SERVICES if s["service_code"] == form["service_code"]),
                "service_code": form["service_code"], "description": form.get("description", ""),
                "agency_responsible": "Gemeente Voorbeeldstad", "service_notice": "",
                "requested_datetime": now_iso(), "updated_datetime": now_iso(), "expected_datetime": None,
                "address": form.get("address_string", ""), "address_id": form.get("address_id", ""),
                "zipcode": "", "lat": float(lat) if lat else None, "long": float(lon) if lon else None,
                "media_url": None,
                "_attributes": {k: v for k, v in form.items() if k.startswith("attribute[")},
                "_hidden": pending_token,
            }
            if media is not None:
                self.attachments[request_id] = media[1]
                record["media_url"] = f"http://127.0.0.1:{self.port}{self.base_path}/media/{request_id}.jpg"
            self.requests[request_id] = record
            return record

    def public(self, record: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in record.items() if not k.startswith("_")}

    def validate(self, form: dict[str, Any]) -> tuple[int, str] | None:
        if self.jurisdiction and form.get("jurisdiction_id") != self.jurisdiction:
            return 404, f"jurisdiction_id '{form.get('jurisdiction_id', '')}' not found"
        if form.get("api_key") != self.api_key:
            return 401, "api_key missing or invalid"
        code = form.get("service_code", "")
        if code not in {s["service_code"] for s in SERVICES}:
            return 404, f"service_code '{code}' not found"
        if not ((form.get("lat") and form.get("long")) or form.get("address_string") or form.get("address_id")):
            return 400, "location required: lat/long, address_string or address_id"
        for attribute in DEFINITIONS.get(code, {}).get("attributes", []):
            key = f"attribute[{attribute['code']}]"
            if attribute.get("required") and not form.get(key):
                return 400, f"attribute {attribute['code']} ({attribute['description']}) is required"
            values = [v["key"] for v in attribute.get("values", [])]
            if values and form.get(key) and form[key] not in values:
                return 400, f"attribute {attribute['code']}: '{form[key]}' is not one of {', '.join(values)}"
        return None

    def list_requests(self, query: dict[str, list[str]]) -> list[dict[str, Any]]:
        def first(name: str) -> str:
            return (query.get(name) or [""])[0]

        ids = {i for i in first("service_request_id").split(",") if i}
        codes = {c for c in first("service_code").split(",") if c}
        start, end = parse_time(first("start_date") or ""), parse_time(first("end_date") or "")
        status = {s for s in first("status").split(",") if s}
        with self.lock:
            records = [r for r in self.requests.values() if not r["_hidden"]]
        out = []
        for r in records:
            when = parse_time(r["requested_datetime"])
            if ids and r["service_request_id"] not in ids:
                continue
            if codes and r["service_code"] not in codes:
                continue
            if start and when < start.replace(microsecond=0):
                continue
            if end and when > end:
                continue
            if status and r["status"] not in status:
                continue
            out.append(self.public(r))
        out.sort(key=lambda r: r["requested_datetime"], reverse=True)
        return out[:1000]


class _Handler(BaseHTTPRequestHandler):
    owner: Open311Server
    server_version = "Open311Test/2"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        pass  # quiet; the owner keeps its own log

    # -- helpers ---------------------------------------------------------------------------------
    def _send(self, status: int, body: Any, content_type: str = "application/json; charset=utf-8") -> None:
        data = body if isinstance(body, bytes) else json.dumps(body).encode("utf-8")
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (a slow answer past its timeout)
        self.owner.log.append((self.command, self.path, status))

    def _error(self, status: int, description: str) -> None:
        self._send(status, [{"code": status, "description": description}])

    def _route(self) -> tuple[str, dict[str, list[str]]] | None:
        parsed = urlparse(self.path)
        base = self.owner.base_path
        if not parsed.path.startswith(base + "/"):
            self._error(404, "not found")
            return None
        return parsed.path[len(base) + 1:], parse_qs(parsed.query, keep_blank_values=True)

    def _form(self) -> tuple[dict[str, Any], tuple[str, bytes] | None]:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        ctype = self.headers.get("Content-Type", "")
        if ctype.startswith("multipart/form-data"):
            message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
                b"Content-Type: " + ctype.encode("latin-1") + b"\r\n\r\n" + body)
            form: dict[str, Any] = {}
            media = None
            for part in message.iter_parts():
                name = part.get_param("name", header="content-disposition")
                payload = part.get_payload(decode=True) or b""
                if part.get_filename() is not None:
                    if name == "media":
                        media = (part.get_filename(), payload)
                else:
                    form[name] = payload.decode("utf-8")
            return form, media
        pairs = parse_qs(body.decode("utf-8"), keep_blank_values=True)
        return {k: (v if k.endswith("[]") else v[0]) for k, v in pairs.items()}, None

    # -- GET --------------------------------------------------------------------------------------
    def do_GET(self) -> None:  # noqa: N802 - stdlib name
        route = self._route()
        if route is None:
            return
        path, query = route
        owner = self.owner
        if owner.get_faults:
            fault = owner.get_faults.pop(0)
            if fault == "500":
                return self._error(500, "internal error")
            if fault == "slow":
                time.sleep(owner.slow_seconds)
        if owner.jurisdiction and (query.get("jurisdiction_id") or [""])[0] != owner.jurisdiction:
            return self._error(404, "jurisdiction_id not found")
        if path == "services.json":
            return self._send(200, SERVICES)
        if path.startswith("services/") and path.endswith(".json"):
            code = unquote(path[len("services/"):-len(".json")])
            if code in DEFINITIONS:
                return self._send(200, DEFINITIONS[code])
            return self._error(404, f"service_code '{code}' has no definition")
        if path == "requests.json":
            return self._send(200, owner.list_requests(query))
        if path.startswith("requests/") and path.endswith(".json"):
            request_id = unquote(path[len("requests/"):-len(".json")])
            with owner.lock:
                record = owner.requests.get(request_id)
            if record is None or record["_hidden"]:
                return self._error(404, f"service_request_id '{request_id}' not found")
            return self._send(200, [owner.public(record)])
        if path.startswith("tokens/") and path.endswith(".json"):
            token = unquote(path[len("tokens/"):-len(".json")])
            with owner.lock:
                entry = owner.tokens.get(token)
                if entry is None:
                    hit = None
                elif entry["wait"] > 0:
                    entry["wait"] -= 1
                    hit = [{"token": token}]
                else:
                    owner.requests[entry["id"]]["_hidden"] = False
                    hit = [{"service_request_id": entry["id"], "token": token}]
            if hit is None:
                return self._error(404, f"token '{token}' not found")
            return self._send(200, hit)
        if path.startswith("media/"):
            request_id = path[len("media/"):].removesuffix(".jpg")
            data = owner.attachments.get(request_id)
            if data is None:
                return self._error(404, "no media")
            return self._send(200, data, "image/jpeg")
        return self._error(404, f"unknown resource {path}")

    # -- POST -------------------------------------------------------------------------------------
    def do_POST(self) -> None:  # noqa: N802 - stdlib name
        route = self._route()
        if route is None:
            return
        path, _ = route
        owner = self.owner
        if path != "requests.json":
            return self._error(404, f"unknown resource {path}")
        form, media = self._form()
        with owner.lock:
            owner.posts += 1
            fault = owner.faults.pop(0) if owner.faults else None
        if fault == "500_before":
            return self._error(500, "database unavailable")
        if fault == "503":
            return self._error(503, "service temporarily unavailable, try again later")
        if fault == "400":
            return self._error(400, "description too long for this service (max 20 characters)")
        if fault == "400_echo":
            echoed = "&".join(f"{k}={v}" for k, v in sorted(form.items(), key=lambda kv: kv[0] != "api_key"))
            return self._error(400, f"could not process request: {echoed}")
        problem = owner.validate(form)
        if problem is not None:
            status, description = problem
            if status == 401 and form.get("api_key"):
                description += f" (received '{form['api_key']}')"  # careless servers echo it
            return self._error(status, description)
        if media is not None and (not owner.media or not media[1].startswith(b"\xff\xd8")):
            return self._error(400, "media must be a JPEG image" if owner.media else "media uploads not supported")
        use_token = owner.token_mode or fault == "token"
        record = owner.store(form, media, pending_token=use_token and owner.token_delay > 0)
        if fault == "500_after":
            return self._error(500, "internal error after saving")
        if fault == "slow":
            time.sleep(owner.slow_seconds)
        if fault == "drop":
            self.close_connection = True
            owner.log.append(("POST", self.path, 0))
            return  # no answer at all: the client sees the connection close
        if fault == "garbage":
            return self._send(200, b"<html><body>Bedankt voor uw melding!</body></html>", "text/html")
        if use_token:
            token = f"tok-{next(owner._tokens):04d}"
            with owner.lock:
                owner.tokens[token] = {"id": record["service_request_id"], "wait": owner.token_delay}
            return self._send(201, [{"token": token, "service_notice": "wordt verwerkt"}])
        return self._send(201, [{"service_request_id": record["service_request_id"],
                                 "service_notice": "", "account_id": None}])


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=600, help="stop after this many seconds")
    parser.add_argument("--api-key", default="geheim-311-sleutel")
    args = parser.parse_args()
    srv = Open311Server(api_key=args.api_key, lifetime=args.seconds)
    print(srv.start(), flush=True)
    deadline = time.monotonic() + args.seconds
    while srv.httpd is not None and time.monotonic() < deadline:
        time.sleep(0.2)
    srv.stop()
