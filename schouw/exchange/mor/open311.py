"""Open311 GeoReport v2 over JSON (https://wiki.open311.org/GeoReport_v2), with httpx.

What the spec leaves open and how this client decides:

- **Idempotency.** GeoReport v2 has no client reference, so the finding's UUID goes in
  the description as a fixed tag (:func:`uuid_tag`, on the line under the title) and,
  when the profile names one, in a service attribute. :meth:`Open311Transport.find`
  lists ``requests.json`` from the first attempt on for the same service and looks for
  the tag.
- **What an answer means.** A connection that was never made, a 503 and 408/429 are
  *temporary* (not stored). A timeout while waiting for the answer, a dropped connection,
  a 500/502/504 or an answer that is not the spec's JSON are *unknown* (it may be
  stored). Other 4xx are *permanent*, with the server's own ``description``; 401/403 are
  *config* (a wrong key is not fixed by trying again).
- **Photos.** ``media_url`` needs a public URL, which a laptop in the street does not
  have. Servers that take an uploaded file (``[open311] media_upload = true``) get the
  first photo as a multipart ``media`` field with the request; otherwise no photo goes.
  The description says what did not go, and the outbox marks those photos refused.
- **Secrets.** The api_key goes only in POST bodies, never in a URL; every message
  built from a server answer passes :func:`redact`. Plain http only to localhost.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import quote, urlparse

import httpx

from schouw import __version__
from schouw.domain.actions import ActionStatus
from schouw.exchange.mor.base import (
    OutgoingReport,
    RemoteStatus,
    SendOutcome,
    ServiceOption,
    TransportError,
    uuid_tag,
)
from schouw.exchange.mor.profile import LOCAL_HOSTS, SyncProfile
from schouw.exchange.mor.secrets import Secret, redact

log = logging.getLogger(__name__)

#: Open311 says open/closed; servers add their own words. Unknown -> OPEN (the contract).
STATUS_MAP: dict[str, ActionStatus] = {
    "open": ActionStatus.FORWARDED,
    "new": ActionStatus.FORWARDED,
    "submitted": ActionStatus.FORWARDED,
    "gemeld": ActionStatus.FORWARDED,
    "acknowledged": ActionStatus.SCHEDULED,
    "scheduled": ActionStatus.SCHEDULED,
    "ingepland": ActionStatus.SCHEDULED,
    "in_progress": ActionStatus.IN_PROGRESS,
    "in progress": ActionStatus.IN_PROGRESS,
    "in_behandeling": ActionStatus.IN_PROGRESS,
    "in behandeling": ActionStatus.IN_PROGRESS,
    "closed": ActionStatus.DONE,
    "done": ActionStatus.DONE,
    "resolved": ActionStatus.DONE,
    "afgehandeld": ActionStatus.DONE,
    "rejected": ActionStatus.REJECTED,
    "declined": ActionStatus.REJECTED,
    "invalid": ActionStatus.REJECTED,
    "afgewezen": ActionStatus.REJECTED,
    "reopened": ActionStatus.REOPENED,
    "heropend": ActionStatus.REOPENED,
}

#: Attribute codes servers use for a client's own reference, filled with the UUID.
REFERENCE_CODES = ("schouw_id", "external_id", "externe_id", "reference", "referentie", "client_reference")


def map_status(status: str | None) -> ActionStatus:
    return STATUS_MAP.get((status or "").strip().lower(), ActionStatus.OPEN)


def check_url(url: str) -> str:
    """https, or http to this machine only: the key must never cross a network in clear."""
    parsed = urlparse(url)
    host = (parsed.hostname or "").lower()
    if parsed.scheme == "https" and host:
        return url.rstrip("/")
    if parsed.scheme == "http" and host in LOCAL_HOSTS:
        return url.rstrip("/")
    raise TransportError("config", f"'{url}': alleen https is toegestaan (gewoon http alleen naar localhost).")


def w3c_time(iso: str) -> str:
    """``2026-11-23T09:15:00Z``: the W3C form the spec asks for, without milliseconds."""
    moment = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class Open311Transport:
    kind = "open311"

    def __init__(self, profile: SyncProfile, api_key: Secret | None, *,
                 client: httpx.Client | None = None):
        self.profile = profile
        self.base_url = check_url(profile.base_url)
        self._key = api_key
        self.settings = profile.open311
        local = (urlparse(self.base_url).hostname or "").lower() in LOCAL_HOSTS
        self._own_client = client is None
        self.client = client or httpx.Client(
            timeout=httpx.Timeout(profile.timeout, connect=min(profile.timeout, 10.0)),
            follow_redirects=False,
            trust_env=not local,  # never send loopback traffic through a proxy
            headers={"User-Agent": f"schouw/{__version__}", "Accept": "application/json"},
        )
        self._definitions: dict[str, dict[str, Any]] = {}
        self._services: dict[str, ServiceOption] | None = None
        self._metadata: dict[str, bool] = {}

    # -- plumbing ---------------------------------------------------------------------------
    def close(self) -> None:
        if self._own_client:
            self.client.close()

    def __enter__(self) -> Open311Transport:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _url(self, path: str) -> str:
        return f"{self.base_url}/{path}"

    def _params(self, **more: str) -> dict[str, str]:
        params = {k: v for k, v in more.items() if v}
        if self.profile.jurisdiction_id:
            params["jurisdiction_id"] = self.profile.jurisdiction_id
        return params

    def _clean(self, text: str) -> str:
        return redact(text, self._key)

    def _server_message(self, response: httpx.Response) -> str:
        """The spec's ``[{"code", "description"}]`` as one readable line; else a short
        piece of whatever came back."""
        try:
            data = response.json()
        except ValueError:
            data = None
        items = data if isinstance(data, list) else [data] if isinstance(data, dict) else []
        texts = [str(i.get("description") or i.get("message") or "").strip() for i in items if isinstance(i, dict)]
        texts = [t for t in texts if t]
        if texts:
            message = "; ".join(texts)
        else:
            snippet = " ".join(response.text.split())[:160]
            message = f"HTTP {response.status_code}" + (f": {snippet}" if snippet else "")
        return self._clean(message)[:500]

    def _get(self, path: str, params: dict[str, str]) -> Any:
        """A read: anything but a good answer is temporary (reads change nothing),
        except a refused key."""
        try:
            response = self.client.get(self._url(path), params=params)
        except httpx.HTTPError as error:
            raise TransportError("temporary", self._network_message(error)) from None
        self._check_redirect(response)
        if response.status_code in (401, 403):
            raise TransportError("config", self._config_message(response), status=response.status_code)
        if response.status_code == 404:
            raise TransportError("permanent", self._server_message(response), status=404)
        if response.status_code != 200:
            raise TransportError("temporary", self._server_message(response), status=response.status_code)
        try:
            return response.json()
        except ValueError:
            raise TransportError("temporary", f"onleesbaar antwoord op {path} (geen JSON)",
                                 status=response.status_code) from None

    def _check_redirect(self, response: httpx.Response) -> None:
        if response.is_redirect:
            target = response.headers.get("location", "")
            raise TransportError("config", self._clean(
                f"de server verwijst door naar {target or 'een ander adres'}; pas base_url in het profiel aan"),
                status=response.status_code)

    def _config_message(self, response: httpx.Response) -> str:
        return (f"de server weigert de API-sleutel (HTTP {response.status_code}: {self._server_message(response)}); "
                "stel de sleutel opnieuw in met schouw sync --set-secret")

    def _network_message(self, error: httpx.HTTPError) -> str:
        kind = type(error).__name__
        detail = self._clean(str(error))[:200]
        if isinstance(error, httpx.ConnectError | httpx.ConnectTimeout):
            return f"server niet bereikbaar ({kind}: {detail})" if detail else f"server niet bereikbaar ({kind})"
        if isinstance(error, httpx.TimeoutException):
            return f"geen antwoord binnen {self.profile.timeout:g} s ({kind})"
        return f"verbinding verbroken ({kind}: {detail})" if detail else f"verbinding verbroken ({kind})"

    # -- services ----------------------------------------------------------------------------
    def services(self) -> list[ServiceOption]:
        data = self._get("services.json", self._params())
        if not isinstance(data, list):
            raise TransportError("temporary", "services.json gaf geen lijst terug")
        options = []
        self._metadata = {}
        for item in data:
            if not isinstance(item, dict) or not item.get("service_code"):
                continue
            code = str(item["service_code"])
            self._metadata[code] = bool(item.get("metadata")) and str(item.get("metadata")).lower() != "false"
            options.append(ServiceOption(code=code, name=str(item.get("service_name") or code),
                                         group=str(item.get("group") or "")))
        self._services = {o.code: o for o in options}
        return options

    def definition(self, service_code: str) -> dict[str, Any]:
        """The service's attributes (``GET services/{code}.json``), when it has metadata."""
        if service_code not in self._definitions:
            data = self._get(f"services/{quote(service_code, safe='')}.json", self._params())
            self._definitions[service_code] = data if isinstance(data, dict) else {}
        return self._definitions[service_code]

    def _attributes(self, report: OutgoingReport) -> dict[str, Any]:
        if self._services is None:
            self.services()
        code = report.service_code or ""
        if not self._metadata.get(code):
            return {}
        fields: dict[str, Any] = {}
        for attribute in self.definition(code).get("attributes") or []:
            if not isinstance(attribute, dict) or str(attribute.get("variable", True)).lower() == "false":
                continue
            name = str(attribute.get("code") or "")
            if not name:
                continue
            value: str | None = self.settings.attributes.get(name)
            if value is None and (name == self.settings.reference_attribute or name.lower() in REFERENCE_CODES):
                value = report.finding_id
            if value is None:
                continue  # a required one left empty: the server's 400 names it
            if attribute.get("datatype") == "multivaluelist":
                fields[f"attribute[{name}][]"] = [v.strip() for v in value.split(",") if v.strip()]
            else:
                fields[f"attribute[{name}]"] = value
        return fields

    # -- sending -----------------------------------------------------------------------------
    def form_for(self, report: OutgoingReport) -> dict[str, Any]:
        """The POST fields (without the key): what a dry run shows, too."""
        if not report.service_code:
            raise TransportError("permanent", "geen service_code: koppel dit element/aspect in [mapping] van het profiel")
        description = report.description
        if report.photos and not self.settings.media_upload:
            description += f"\n({len(report.photos)} foto('s) niet meegestuurd: dit meldsysteem neemt geen bestanden aan)"
        elif len(report.photos) > 1:
            description += f"\n({len(report.photos) - 1} foto('s) niet meegestuurd: het meldsysteem neemt er één aan)"
        if uuid_tag(report.finding_id) not in description:
            description = f"{uuid_tag(report.finding_id)}\n{description}"
        form: dict[str, Any] = {"service_code": report.service_code, "description": description[:4000]}
        if self.profile.jurisdiction_id:
            form["jurisdiction_id"] = self.profile.jurisdiction_id
        if report.lat is not None and report.lon is not None:
            form["lat"] = f"{report.lat:.7f}"
            form["long"] = f"{report.lon:.7f}"
        if report.address is not None:
            address = " ".join(p for p in (report.address.street, report.address.number) if p)
            if report.address.postcode or report.address.woonplaats:
                address += ", " + " ".join(p for p in (report.address.postcode, report.address.woonplaats) if p)
            if address.strip(", "):
                form["address_string"] = address
        return form

    def send(self, report: OutgoingReport) -> SendOutcome:
        form = self.form_for(report)
        form.update(self._attributes(report))
        if self._key:
            form["api_key"] = self._key.reveal()
        files = None
        if self.settings.media_upload and report.photos:
            photo = report.photos[0]
            files = {"media": (photo.filename, photo.jpeg, "image/jpeg")}
        try:
            response = self.client.post(self._url("requests.json"), data=form, files=files)
        except (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout) as error:
            # nothing reached the server
            raise TransportError("temporary", self._network_message(error)) from None
        except (httpx.UnsupportedProtocol, httpx.InvalidURL) as error:
            raise TransportError("config", self._clean(str(error))) from None
        except httpx.HTTPError as error:
            # the request may have arrived: a timeout waiting for the answer, a dropped line
            raise TransportError("unknown", self._network_message(error)) from None
        finally:
            form.pop("api_key", None)
        outcome = self._outcome(response)
        if files is not None:
            outcome = SendOutcome(remote_id=outcome.remote_id, token=outcome.token, status=outcome.status,
                                  photos=(report.photos[0].photo_id,))
        return outcome

    def _outcome(self, response: httpx.Response) -> SendOutcome:
        status = response.status_code
        self._check_redirect(response)
        if status in (401, 403):
            raise TransportError("config", self._config_message(response), status=status)
        if status in (408, 429, 503):
            raise TransportError("temporary", self._server_message(response), status=status)
        if 400 <= status < 500:
            raise TransportError("permanent", self._server_message(response), status=status)
        if status >= 500:
            raise TransportError("unknown", self._server_message(response), status=status)
        try:
            data = response.json()
        except ValueError:
            raise TransportError("unknown", "onleesbaar antwoord van de server (geen JSON)", status=status) from None
        item = data[0] if isinstance(data, list) and data else data if isinstance(data, dict) else None
        if not isinstance(item, dict):
            raise TransportError("unknown", "onverwacht antwoord van de server", status=status)
        remote_id = item.get("service_request_id")
        token = item.get("token")
        if remote_id not in (None, ""):
            return SendOutcome(remote_id=str(remote_id), token=str(token) if token else None)
        if token not in (None, ""):
            return SendOutcome(remote_id=None, token=str(token))
        raise TransportError("unknown", "antwoord zonder service_request_id of token", status=status)

    # -- after an unknown outcome ------------------------------------------------------------
    def find(self, report: OutgoingReport, since: str) -> str | None:
        tag = uuid_tag(report.finding_id)
        start = w3c_time(since)
        end = (datetime.now(UTC) + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
        params = self._params(start_date=start, end_date=end, service_code=report.service_code or "")
        data = self._get("requests.json", params)
        if not isinstance(data, list):
            raise TransportError("temporary", "requests.json gaf geen lijst terug")
        for item in data:
            if isinstance(item, dict) and tag in str(item.get("description") or ""):
                found = item.get("service_request_id")
                if found not in (None, ""):
                    return str(found)
        return None

    def resolve_token(self, token: str) -> str | None:
        try:
            data = self._get(f"tokens/{quote(token, safe='')}.json", self._params())
        except TransportError as error:
            if error.status == 404:
                return None  # not processed yet
            raise
        items = data if isinstance(data, list) else [data]
        for item in items:
            if isinstance(item, dict) and item.get("service_request_id") not in (None, ""):
                return str(item["service_request_id"])
        return None

    def upload_photos(self, remote_id: str, report: OutgoingReport, done: set[str]) -> set[str]:
        """GeoReport v2 has no call to attach a file to an existing request: the create
        call carried what this server takes (one photo, with media_upload). Anything else
        is refused, permanently and with the reason, so the outbox shows it as such."""
        pending = [p for p in report.photos if p.photo_id not in done]
        if not pending:
            return set(done)
        if not self.settings.media_upload:
            raise TransportError("permanent", "niet meegestuurd: dit meldsysteem neemt geen foto's aan "
                                              "(Open311 zonder media_upload)")
        raise TransportError("permanent", "niet meegestuurd: Open311 neemt één foto mee met de melding zelf "
                                          "en kent geen latere bijlagen")

    def attached_photos(self, remote_id: str, report: OutgoingReport) -> set[str]:
        """After an unknown outcome: the request's ``media_url`` says whether the photo
        that went with it arrived."""
        if not (self.settings.media_upload and report.photos):
            return set()
        data = self._get(f"requests/{quote(remote_id, safe='')}.json", self._params())
        item = data[0] if isinstance(data, list) and data else data if isinstance(data, dict) else {}
        return {report.photos[0].photo_id} if isinstance(item, dict) and item.get("media_url") else set()

    def status(self, remote_id: str) -> RemoteStatus:
        data = self._get(f"requests/{quote(remote_id, safe='')}.json", self._params())
        item = data[0] if isinstance(data, list) and data else data if isinstance(data, dict) else None
        if not isinstance(item, dict):
            raise TransportError("temporary", f"geen gegevens over melding {remote_id}")
        status = str(item.get("status") or "").strip()
        return RemoteStatus(
            remote_id=str(item.get("service_request_id") or remote_id),
            state=map_status(status),
            state_text=status or "onbekend",
            notes=self._clean(str(item.get("status_notes") or "")),
            agency=str(item.get("agency_responsible") or ""),
            updated_at=item.get("updated_datetime") or None,
        )


def make_transport(profile: SyncProfile, secret: Secret | None) -> Open311Transport:
    return Open311Transport(profile, secret)
