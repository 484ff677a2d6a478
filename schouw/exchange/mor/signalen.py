"""Signalen transport: findings as signals (meldingen) in Signalen's private REST API.

Signalen (github.com/Amsterdam/signals) is the open-source MOR platform of Amsterdam and
some twenty other municipalities. It has no Open311 and no client reference, so this
transport follows the outbox contract (:mod:`schouw.exchange.mor.base`) like this:

- every signal's ``text`` starts with :func:`uuid_tag` of the finding (trimming to the
  3,000 characters Signalen allows cuts the end, never the tag), and the finding's UUID
  is also sent as the extra property ``schouw_uuid``;
- anything that may have reached the server without an answer we can trust (timeout,
  dropped connection, 5xx, an answer that is not JSON) is ``unknown``; :meth:`find` then
  looks the UUID up among the signals of our own source created since the first attempt;
- photos go one by one to the signal's attachments under a stable name that starts with
  ``schouw-<first 8 characters of the photo id>-``; before uploading, the signal's
  attachment list is read and photos already there are skipped, so each arrives once.

The remote id is Signalen's ``id_display`` ("SIG-123" with the default prefix); the
integer id is read back from its trailing digits. See docs/signalen.md.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from io import BytesIO
from posixpath import basename
from typing import Any
from urllib.parse import unquote, urljoin, urlparse

import httpx

from schouw.domain.actions import ActionStatus
from schouw.exchange.mor.base import (
    OutgoingPhoto,
    OutgoingReport,
    RemoteStatus,
    SendOutcome,
    ServiceOption,
    TransportError,
    uuid_tag,
)
from schouw.exchange.mor.oidc import TokenClient
from schouw.exchange.mor.profile import SyncProfile
from schouw.exchange.mor.secrets import Secret

log = logging.getLogger(__name__)

API = "/signals/v1"
#: Signal.text is a CharField(max_length=3000) in Signalen.
MAX_TEXT = 3000
#: Signalen's API_MAX_UPLOAD_SIZE default (20 MiB).
MAX_UPLOAD = 20 * 1024 * 1024
#: Signalen's default BOUNDING_BOX setting (lon_min, lat_min, lon_max, lat_max): the Netherlands.
BOUNDING_BOX = (3.3, 50.7, 7.3, 53.6)
#: How far before the first attempt :meth:`SignalenTransport.find` looks (clock skew between us and the server).
FIND_MARGIN = timedelta(minutes=10)
#: Pages of the signal list read at most by one :meth:`find` (100 signals a page).
MAX_PAGES = 200
PAGE_SIZE = 100

PRIORITIES = {"laag": "low", "normaal": "normal", "hoog": "high", "spoed": "high"}

#: Every state code in Signalen's workflow.py, with its display text there, mapped onto
#: our action statuses (DOMAIN.md). A signal Signalen holds is "doorgezet" for the team
#: until the municipality acts (as Open311's "open"). Codes not listed here become OPEN.
STATES: dict[str, tuple[ActionStatus, str]] = {
    "": (ActionStatus.OPEN, "Leeg"),
    "m": (ActionStatus.FORWARDED, "Gemeld"),
    "i": (ActionStatus.FORWARDED, "In afwachting van behandeling"),
    "b": (ActionStatus.IN_PROGRESS, "In behandeling"),
    "h": (ActionStatus.IN_PROGRESS, "On hold"),
    "ingepland": (ActionStatus.SCHEDULED, "Ingepland"),
    "ready to send": (ActionStatus.FORWARDED, "Extern: te verzenden"),
    "sent": (ActionStatus.FORWARDED, "Extern: verzonden"),
    "send failed": (ActionStatus.IN_PROGRESS, "Extern: mislukt"),
    "done external": (ActionStatus.IN_PROGRESS, "Extern: afgehandeld"),
    "o": (ActionStatus.DONE, "Afgehandeld"),
    "a": (ActionStatus.REJECTED, "Geannuleerd"),
    "reopened": (ActionStatus.REOPENED, "Heropend"),
    "s": (ActionStatus.FORWARDED, "Gesplitst"),
    "closure requested": (ActionStatus.IN_PROGRESS, "Extern: verzoek tot afhandeling"),
    "reopen requested": (ActionStatus.DONE, "Verzoek tot heropenen"),
    "reaction requested": (ActionStatus.IN_PROGRESS, "Reactie gevraagd"),
    "reaction received": (ActionStatus.IN_PROGRESS, "Reactie ontvangen"),
    "forward to external": (ActionStatus.FORWARDED, "Doorgezet naar extern"),
}

EXTRA_LABELS = {
    "element": "Element (code)",
    "aspect": "Aspect (code)",
    "element_name": "Element",
    "aspect_name": "Aspect",
    "level": "Beeldkwaliteit",
    "norm": "Norm",
    "area_type": "Gebiedstype",
    "round": "Schouwronde",
    "round_date": "Datum schouw",
    "street": "Straat",
    "party": "Actiehouder",
    "choice": "Keuze",
    "spot": "Plek",
}

_NOT_JSON = object()


def map_state(code: object, display: object = None) -> tuple[ActionStatus, str]:
    """Signalen's state code (and its own display text, if given) -> (our status, text to show)."""
    if isinstance(code, str):
        key = code.strip()
        status, text = STATES.get(key, (ActionStatus.OPEN, key or "Onbekend"))
    else:
        status, text = ActionStatus.OPEN, "Onbekend"
    if isinstance(display, str) and display.strip():
        text = display.strip()
    return status, text


def remote_id_of(signal: dict) -> str:
    """The id shown to people: Signalen's ``id_display``, else "SIG-<id>"."""
    pk = signal.get("id")
    shown = signal.get("id_display")
    if isinstance(shown, str) and shown.strip() and re.search(rf"(?<!\d){pk}$", shown.strip()):
        return shown.strip()
    return f"SIG-{pk}"


def signal_pk(remote_id: str) -> int:
    """The integer id inside a remote id ("SIG-123" -> 123)."""
    match = re.search(r"(\d+)\s*$", str(remote_id))
    if not match:
        raise TransportError("permanent", f"'{remote_id}' is geen Signalen-nummer.")
    return int(match.group(1))


def flatten_errors(detail: Any, prefix: str = "") -> list[str]:
    """DRF's nested field errors as "field.sub: message" parts."""
    if isinstance(detail, dict):
        parts: list[str] = []
        for key, value in detail.items():
            key = str(key)
            if key in ("non_field_errors", "detail") or prefix.rsplit(".", 1)[-1] == key:
                path = prefix
            else:
                path = f"{prefix}.{key}" if prefix else key
            parts += flatten_errors(value, path)
        return parts
    if isinstance(detail, list):
        if all(isinstance(item, str | int | float) for item in detail):
            text = " ".join(str(item).strip() for item in detail if str(item).strip())
            return [f"{prefix}: {text}" if prefix else text] if text else []
        parts = []
        for n, item in enumerate(detail):
            if item in ({}, [], None, ""):
                continue  # a list serializer answers {} for the items that were fine
            parts += flatten_errors(item, f"{prefix}[{n}]" if prefix else f"[{n}]")
        return parts
    if detail is None:
        return []
    return [f"{prefix}: {detail}" if prefix else str(detail)]


def split_number(number: str) -> dict[str, Any]:
    """A house number as typed ("12", "12a", "12 A-3", "12-hs") -> BAG's fields."""
    match = re.match(r"^\s*(\d{1,6})(.*)$", number or "")
    if not match:
        return {}
    fields: dict[str, Any] = {"huisnummer": int(match.group(1))}
    rest = match.group(2).strip()
    letter = re.match(r"^([A-Za-z])(?![A-Za-z])[\s\-/]*(.*)$", rest)
    if letter:
        fields["huisletter"] = letter.group(1)
        rest = letter.group(2)
    rest = rest.strip().lstrip("-/").strip()
    if rest:
        fields["huisnummer_toevoeging"] = rest
    return fields


def in_netherlands(lat: float, lon: float) -> bool:
    lon_min, lat_min, lon_max, lat_max = BOUNDING_BOX
    return lat_min <= lat <= lat_max and lon_min <= lon <= lon_max


def compose_text(report: OutgoingReport) -> str:
    """The signal's text: the UUID tag first, then title and description, at most 3,000
    characters; what is cut is the end, never the tag."""
    tag = uuid_tag(report.finding_id)
    title = report.title.strip()
    body = re.sub(r"[ \t]*" + re.escape(tag) + r"[ \t]*\n?", "", report.description).strip()  # it goes first
    if title and title not in body:
        body = f"{title}\n\n{body}" if body else title
    text = f"{tag} {body}".replace("\x00", "").strip()
    if len(text) > MAX_TEXT:
        text = text[:MAX_TEXT - 1].rstrip() + "…"
    return text


def attachment_name(photo: OutgoingPhoto, key: str) -> str:
    """Stable, unique and storage-safe: ``schouw-<key>-<ascii stem>.jpg``."""
    stem = photo.filename.rsplit(".", 1)[0] if "." in photo.filename else photo.filename
    ascii_stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^A-Za-z0-9]+", "-", ascii_stem).strip("-")[:60].rstrip("-") or "foto"
    return f"schouw-{key}-{slug}.jpg"


def photo_keys(photos: tuple[OutgoingPhoto, ...]) -> dict[str, str]:
    """photo id -> its key in file names: the first 8 characters, longer when two collide."""
    ids = [re.sub(r"[^A-Za-z0-9]", "", p.photo_id) or "x" for p in photos]
    for length in (8, 12, 16, 32, 64):
        keys = [i[:length] for i in ids]
        if len(set(keys)) == len(keys):
            break
    return {p.photo_id: k for p, k in zip(photos, keys, strict=True)}


def already_attached(name: str, stored: set[str]) -> bool:
    """Whether an attachment with our ``name`` is among the stored file names. Django's
    storage may add "_<7 characters>" before the extension when a name is taken."""
    key = name.split("-", 2)
    prefix = f"{key[0]}-{key[1]}-" if len(key) == 3 else name
    return any(item == name or item.startswith(prefix) for item in stored)


def ensure_jpeg(photo: OutgoingPhoto) -> bytes:
    """The photo as JPEG of at most 20 MiB (the export copy normally already is)."""
    data = photo.jpeg
    if data[:3] == b"\xff\xd8\xff" and len(data) <= MAX_UPLOAD:
        return data
    try:
        from PIL import Image, ImageOps

        with Image.open(BytesIO(data)) as im:
            im = ImageOps.exif_transpose(im) or im
            im = im.convert("RGB")
            for side, quality in ((None, 90), (4096, 85), (2560, 80), (1600, 75)):
                if side and max(im.size) > side:
                    im.thumbnail((side, side))
                out = BytesIO()
                im.save(out, "JPEG", quality=quality)
                if out.tell() <= MAX_UPLOAD:
                    return out.getvalue()
    except Exception as exc:  # noqa: BLE001 - an unreadable photo ends as one message
        raise TransportError("permanent", f"Foto {photo.filename} kan niet als JPEG worden verstuurd "
                                          f"({type(exc).__name__}).") from None
    raise TransportError("permanent", f"Foto {photo.filename} blijft groter dan 20 MiB.")


def _json(resp: httpx.Response) -> Any:
    ctype = resp.headers.get("content-type", "").lower()
    if "json" not in ctype:
        return _NOT_JSON
    try:
        return resp.json()
    except ValueError:
        return _NOT_JSON


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def _parse_time(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.astimezone()  # as written on this laptop
    return moment


class SignalenTransport:
    """The :class:`~schouw.exchange.mor.base.Transport` for Signalen's REST API."""

    kind = "signalen"

    def __init__(self, profile: SyncProfile, secret: str | Any, *, client: httpx.Client | None = None,
                 clock: Callable[[], float] | None = None):
        """``secret`` is the client secret: a str, or an object whose ``reveal()`` gives it
        (the keyring's Secret), or None when none is stored (a config error on first use)."""
        if profile.kind != "signalen" or profile.signalen is None:
            raise TransportError("config", f"Profiel '{profile.name}' is geen Signalen-profiel.")
        base = profile.base_url.rstrip("/")
        for suffix in ("/signals/v1", "/signals"):
            if base.endswith(suffix):
                base = base[: -len(suffix)]
                break
        self.base = base
        self.source = profile.signalen.source
        self.timeout = profile.timeout
        self._own_client = client is None
        self._client = client or httpx.Client(
            timeout=httpx.Timeout(profile.timeout, connect=min(profile.timeout, 10.0)),
            follow_redirects=False,
            headers={"Accept": "application/json", "User-Agent": "schouw (wijkschouw)"},
        )
        kwargs = {"clock": clock} if clock else {}
        value = secret.reveal() if hasattr(secret, "reveal") else (secret or "")
        self._tokens = TokenClient(profile.signalen.token_url, profile.signalen.client_id, Secret(str(value)),
                                   self._client, timeout=profile.timeout, **kwargs)
        self._host = urlparse(self.base).netloc

    def __repr__(self) -> str:
        return (f"SignalenTransport(base={self.base!r}, client_id={self._tokens.client_id!r}, "
                f"source={self.source!r})")

    def close(self) -> None:
        if self._own_client:
            self._client.close()

    def __enter__(self) -> SignalenTransport:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the Transport protocol ----------------------------------------------------------

    def services(self) -> list[ServiceOption]:
        """Active sub-categories from the public categories endpoint (no token needed)."""
        options: list[ServiceOption] = []
        for main in self._pages(self._url("/public/terms/categories/"), auth=False,
                                what="Categorieën ophalen"):
            group = str(main.get("public_name") or main.get("name") or main.get("slug") or "")
            for sub in main.get("sub_categories") or []:
                if not isinstance(sub, dict) or sub.get("is_active") is False:
                    continue
                href = ((sub.get("_links") or {}).get("self") or {}).get("href")
                if not href:
                    continue
                name = str(sub.get("public_name") or sub.get("name") or sub.get("slug") or href)
                options.append(ServiceOption(code=href, name=name, group=group, active=True))
        return options

    def send(self, report: OutgoingReport) -> SendOutcome:
        payload = self.payload(report)
        outcome = self._create(payload)
        if isinstance(outcome, SendOutcome):
            return outcome
        if self._only_address_refused(outcome) and "address" in payload["location"]:
            # Signalen checks addresses against the BAG (PDOK) and may refuse one it does not
            # know; a 400 stores nothing, so send again with the coordinates only.
            log.info("Signalen: adres niet gevonden voor %s, opnieuw zonder adres", report.finding_id)
            del payload["location"]["address"]
            outcome = self._create(payload)
            if isinstance(outcome, SendOutcome):
                return outcome
        raise TransportError("permanent", "Signalen weigert de melding: " + self._error_line(outcome),
                             status=400)

    def find(self, report: OutgoingReport, since: str) -> str | None:
        moment = _parse_time(since)
        if moment is None:
            raise TransportError("permanent", f"'{since}' is geen geldig tijdstip.")
        params = {
            "created_after": _iso(moment - FIND_MARGIN),
            "source": self.source,
            "ordering": "created_at",
            "page_size": str(PAGE_SIZE),
        }
        found: list[dict] = []
        for signal in self._pages(self._url("/private/signals/"), auth=True, params=params,
                                  what="Melding opzoeken"):
            if isinstance(signal.get("id"), int) and self._is_ours(signal, report.finding_id):
                found.append(signal)
        if not found:
            return None
        if len(found) > 1:
            log.warning("Signalen: %d meldingen met schouw-id %s", len(found), report.finding_id)
        first = min(found, key=lambda s: s["id"])
        return remote_id_of(first)

    def resolve_token(self, token: str) -> str | None:
        return None  # Signalen always answers with the signal itself

    def upload_photos(self, remote_id: str, report: OutgoingReport, done: set[str]) -> set[str]:
        """Attach the photos not in ``done``, each once: the signal's attachment list is read
        first and photos already there are skipped. Returns ``done`` plus what is attached
        now. A photo Signalen refuses is left out when others got through this time (the
        next call raises its error); a network failure stops the round the same way."""
        attached = set(done)
        pending = [p for p in report.photos if p.photo_id not in attached]
        if not pending:
            return attached
        pk = signal_pk(remote_id)
        keys = photo_keys(report.photos)
        stored = self._attachment_names(pk)
        new: set[str] = set()
        refused: list[TransportError] = []
        for photo in pending:
            name = attachment_name(photo, keys[photo.photo_id])
            if already_attached(name, stored):
                new.add(photo.photo_id)
                continue
            try:
                self._upload(pk, name, ensure_jpeg(photo), remote_id)
            except TransportError as error:
                if error.kind == "permanent":
                    refused.append(error)
                    continue
                if error.kind == "unknown":
                    try:
                        stored = self._attachment_names(pk)
                    except TransportError as listing:
                        error = listing
                    else:
                        if already_attached(name, stored):
                            log.info("Signalen: foto %s stond na een onzeker antwoord toch bij %s", name, remote_id)
                            new.add(photo.photo_id)
                            continue
                        error = TransportError("temporary", f"Foto {name} is niet aangekomen bij {remote_id} "
                                                            f"({error.message}); later opnieuw.", status=error.status)
                if new and error.kind != "config":
                    log.warning("Signalen: foto's naar %s onderbroken: %s", remote_id, error.message)
                    return attached | new
                raise error from None
            new.add(photo.photo_id)
        if refused and not new:
            if len(refused) == 1:
                raise refused[0]
            raise TransportError("permanent", "; ".join(e.message for e in refused), status=refused[0].status)
        for error in refused:
            log.warning("Signalen: %s", error.message)
        return attached | new

    def attached_photos(self, remote_id: str, report: OutgoingReport) -> set[str]:
        """The report's photos already among the signal's attachments (after a crash)."""
        stored = self._attachment_names(signal_pk(remote_id))
        keys = photo_keys(report.photos)
        return {p.photo_id for p in report.photos if already_attached(attachment_name(p, keys[p.photo_id]), stored)}

    def status(self, remote_id: str) -> RemoteStatus:
        pk = signal_pk(remote_id)
        resp = self._call("GET", self._url(f"/private/signals/{pk}"), auth=True, may_store=False,
                          what=f"Status van {remote_id} ophalen")
        data = _json(resp)
        if resp.status_code == 404:
            raise TransportError("permanent", f"Melding {remote_id} bestaat niet (meer) in Signalen.", status=404)
        if resp.status_code != 200 or not isinstance(data, dict):
            raise self._read_failure(resp, f"Status van {remote_id} ophalen")
        return self.remote_status(data)

    # -- building and reading ------------------------------------------------------------

    def payload(self, report: OutgoingReport) -> dict[str, Any]:
        """The JSON body for ``POST /signals/v1/private/signals/``. Raises a permanent error
        for what Signalen would refuse anyway (no position, a position outside the
        Netherlands, no sub-category)."""
        position = (report.lat, report.lon)
        if None in position and report.fallback_position and report.address:
            # A house number without GPS: the street's point, with the address beside it
            # so the municipality knows where exactly.
            position = report.fallback_position
        if None in position:
            raise TransportError("permanent", "Geen locatie: Signalen vraagt coördinaten bij elke melding. "
                                              "Zet de bevinding op de kaart en probeer opnieuw.")
        lat, lon = float(position[0]), float(position[1])
        if not in_netherlands(lat, lon):
            hint = " (breedte- en lengtegraad lijken verwisseld)" if in_netherlands(lon, lat) else ""
            raise TransportError("permanent", f"De plek ({lat:.5f}, {lon:.5f}) ligt buiten Nederland{hint}; "
                                              f"Signalen neemt die melding niet aan.")
        category = self.category_url(report.service_code)
        location: dict[str, Any] = {"geometrie": {"type": "Point", "coordinates": [round(lon, 8), round(lat, 8)]}}
        address = self.address(report)
        if address:
            location["address"] = address
        observed = _parse_time(report.observed_at) or datetime.now(UTC)
        path = urlparse(category).path or category
        extra = [{"id": "schouw_uuid", "label": "Schouw-id", "answer": report.finding_id, "category_url": path}]
        for key, value in report.extra.items():
            if value is None or str(value).strip() == "":
                continue
            label = EXTRA_LABELS.get(key, key.replace("_", " ").capitalize())
            answer = " ".join(str(value).split())
            extra.append({"id": f"schouw_{re.sub(r'[^a-z0-9_]', '_', key.lower())}", "label": label,
                          "answer": answer, "category_url": path})
        return {
            "text": compose_text(report),
            "location": location,
            "category": {"sub_category": category},
            "reporter": {},
            "incident_date_start": observed.isoformat(timespec="seconds"),
            "source": self.source,
            "priority": {"priority": PRIORITIES.get((report.priority or "").strip().lower(), "normal")},
            "extra_properties": extra,
        }

    def category_url(self, code: str | None) -> str:
        """The sub-category URL from the mapping: a full URL, a path, or "main-slug/sub-slug"."""
        code = (code or "").strip()
        if not code:
            raise TransportError("permanent", "Geen Signalen-categorie voor deze bevinding: vul de koppeling "
                                              "(mapping) in het synchronisatieprofiel aan.")
        if code.startswith(("http://", "https://")):
            return code
        if code.startswith("/"):
            return self.base + code
        parts = [p for p in code.split("/") if p]
        if len(parts) == 2:
            return f"{self.base}{API}/public/terms/categories/{parts[0]}/sub_categories/{parts[1]}"
        raise TransportError("permanent", f"'{code}' is geen Signalen-subcategorie; gebruik de URL uit de "
                                          f"categorielijst of 'hoofdcategorie/subcategorie'.")

    @staticmethod
    def address(report: OutgoingReport) -> dict[str, Any] | None:
        if report.address is None or not report.address.street.strip():
            return None
        a = report.address
        fields: dict[str, Any] = {"openbare_ruimte": a.street.strip()}
        fields.update(split_number(a.number))
        postcode = re.sub(r"\s+", "", a.postcode or "").upper()
        if re.fullmatch(r"\d{4}[A-Z]{2}", postcode):
            fields["postcode"] = postcode
        if a.woonplaats.strip():
            fields["woonplaats"] = a.woonplaats.strip()
        return fields

    @staticmethod
    def remote_status(signal: dict) -> RemoteStatus:
        status = signal.get("status") if isinstance(signal.get("status"), dict) else {}
        state, text = map_state(status.get("state"), status.get("state_display"))
        category = signal.get("category") if isinstance(signal.get("category"), dict) else {}
        notes = status.get("text") if isinstance(status.get("text"), str) else ""
        departments = category.get("departments")
        return RemoteStatus(
            remote_id=remote_id_of(signal), state=state, state_text=text, notes=notes or "",
            agency=departments if isinstance(departments, str) else "",
            updated_at=signal.get("updated_at") if isinstance(signal.get("updated_at"), str) else None,
        )

    # -- HTTP ----------------------------------------------------------------------------

    def _url(self, path: str) -> str:
        return f"{self.base}{API}{path}"

    def _call(self, method: str, url: str, *, auth: bool, may_store: bool, what: str,
              **kwargs: Any) -> httpx.Response:
        """One request, with the bearer token (renewed once after a 401); network failures
        classified: nothing sent -> temporary; maybe processed -> unknown (POST) or
        temporary (GET)."""
        for attempt in (1, 2):
            headers = {"Authorization": f"Bearer {self._tokens.token()}"} if auth else {}
            try:
                resp = self._client.request(method, url, headers=headers, **kwargs)
            except (httpx.InvalidURL, httpx.UnsupportedProtocol) as exc:
                raise TransportError("config", f"{what}: '{url}' is geen bruikbaar adres ({exc}).") from None
            except (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout) as exc:
                raise TransportError("temporary", f"{what}: {self._host} is niet bereikbaar "
                                                  f"({self._tokens.scrub(str(exc)) or type(exc).__name__}).") from None
            except httpx.TimeoutException:
                if may_store:
                    raise TransportError("unknown", f"{what}: geen antwoord van {self._host} binnen "
                                                    f"{self.timeout:g} s; misschien is het toch opgeslagen.") from None
                raise TransportError("temporary", f"{what}: geen antwoord van {self._host} binnen "
                                                  f"{self.timeout:g} s.") from None
            except httpx.HTTPError as exc:
                reason = self._tokens.scrub(str(exc)) or type(exc).__name__
                if may_store:
                    raise TransportError("unknown", f"{what}: de verbinding met {self._host} viel weg ({reason}); "
                                                    f"misschien is het toch opgeslagen.") from None
                raise TransportError("temporary", f"{what}: de verbinding met {self._host} viel weg "
                                                  f"({reason}).") from None
            if auth and resp.status_code == 401 and attempt == 1:
                log.info("Signalen: 401 op %s, nieuw token", what)
                self._tokens.invalidate()
                continue
            if auth and resp.status_code in (401, 403):
                detail = _json(resp)
                said = ""
                if isinstance(detail, dict) and detail.get("detail"):
                    said = f" ({self._tokens.scrub(str(detail['detail']))})"
                if resp.status_code == 401:
                    message = (f"Signalen ({self._host}) neemt het token van client '{self._tokens.client_id}' niet "
                               f"aan{said}. Bestaat het serviceaccount als gebruiker in Signalen?")
                else:
                    message = (f"Het serviceaccount van client '{self._tokens.client_id}' mag dit niet in Signalen"
                               f"{said}. Vraag de beheerder om de rechten.")
                raise TransportError("config", message, status=resp.status_code)
            if 300 <= resp.status_code < 400:
                where = resp.headers.get("location", "?")
                raise TransportError("config", f"{what}: {self._host} stuurt door naar {where}; klopt base_url?",
                                     status=resp.status_code)
            return resp
        raise AssertionError("unreachable")

    def _create(self, payload: dict) -> SendOutcome | Any:
        """POST the signal; a SendOutcome on success, the 400 error detail otherwise."""
        resp = self._call("POST", self._url("/private/signals/"), auth=True, may_store=True,
                          what="Melding versturen", json=payload)
        data = _json(resp)
        code = resp.status_code
        if 200 <= code < 300:
            if isinstance(data, dict) and isinstance(data.get("id"), int) and not isinstance(data["id"], bool):
                outcome = SendOutcome(remote_id=remote_id_of(data), status=self.remote_status(data))
                log.info("Signalen: melding %s aangemaakt", outcome.remote_id)
                return outcome
            raise TransportError("unknown", f"Signalen gaf een onleesbaar antwoord ({code}, "
                                            f"{resp.headers.get('content-type', 'zonder type')}); misschien is de "
                                            f"melding toch opgeslagen.", status=code)
        if code == 400:
            return data if data is not _NOT_JSON else None
        if code >= 500:
            raise TransportError("unknown", f"Signalen heeft een storing ({code}); misschien is de melding toch "
                                            f"opgeslagen.", status=code)
        if code in (408, 429):
            raise TransportError("temporary", f"Signalen is druk ({code}); later opnieuw.", status=code)
        if code in (404, 405):
            raise TransportError("config", f"{self._url('/private/signals/')} bestaat niet ({code}); klopt "
                                           f"base_url?", status=code)
        raise TransportError("permanent", f"Signalen weigert de melding ({code}): {self._error_line(data)}",
                             status=code)

    def _upload(self, pk: int, name: str, jpeg: bytes, remote_id: str) -> None:
        resp = self._call("POST", self._url(f"/private/signals/{pk}/attachments/"), auth=True, may_store=True,
                          what=f"Foto {name} versturen", files={"file": (name, jpeg, "image/jpeg")})
        code = resp.status_code
        data = _json(resp)
        if 200 <= code < 300:
            if isinstance(data, dict):
                log.info("Signalen: foto %s bij %s", name, remote_id)
                return
            raise TransportError("unknown", f"Signalen gaf een onleesbaar antwoord op foto {name} ({code}).",
                                 status=code)
        if code >= 500:
            raise TransportError("unknown", f"Signalen heeft een storing ({code}) bij foto {name}.", status=code)
        if code in (408, 429):
            raise TransportError("temporary", f"Signalen is druk ({code}); foto {name} later opnieuw.", status=code)
        if code == 404:
            raise TransportError("permanent", f"Melding {remote_id} bestaat niet (meer) in Signalen; foto {name} "
                                              f"kan er niet bij.", status=code)
        raise TransportError("permanent", f"Signalen weigert foto {name} ({code}): {self._error_line(data)}",
                             status=code)

    def _attachment_names(self, pk: int) -> set[str]:
        names: set[str] = set()
        for item in self._pages(self._url(f"/private/signals/{pk}/attachments/"), auth=True,
                                what="Foto's van de melding opvragen"):
            location = item.get("location")
            if isinstance(location, str) and location:
                names.add(unquote(basename(urlparse(location).path)))
        return names

    def _pages(self, url: str, *, auth: bool, what: str, params: dict | None = None) -> Iterator[dict]:
        """The results of a HAL-paginated list, following ``_links.next`` on our own host only."""
        seen: set[str] = set()
        for _page in range(MAX_PAGES):
            resp = self._call("GET", url, auth=auth, may_store=False, what=what, params=params)
            data = _json(resp)
            if resp.status_code != 200 or data is _NOT_JSON:
                raise self._read_failure(resp, what)
            if isinstance(data, list):  # an endpoint without pagination
                yield from (item for item in data if isinstance(item, dict))
                return
            if not isinstance(data, dict):
                raise self._read_failure(resp, what)
            yield from (item for item in data.get("results") or [] if isinstance(item, dict))
            following = ((data.get("_links") or {}).get("next") or {}).get("href")
            if not following:
                return
            nxt = self._same_origin(urljoin(str(resp.url), following))
            if nxt in seen:
                return
            seen.add(nxt)
            url, params = nxt, None
        raise TransportError("temporary", f"{what}: meer dan {MAX_PAGES} pagina's; te veel om door te zoeken.")

    def _same_origin(self, url: str) -> str:
        """A link from the server, on our base's scheme and host: behind a TLS proxy Django
        often writes http:// links, and a bearer token must never go to another host."""
        link, base = urlparse(url), urlparse(self.base)
        if link.hostname and link.hostname != base.hostname:
            raise TransportError("temporary", f"Signalen verwijst naar een andere server ({link.hostname}); "
                                              f"dat volgt schouw niet.")
        return link._replace(scheme=base.scheme, netloc=base.netloc).geturl()

    def _read_failure(self, resp: httpx.Response, what: str) -> TransportError:
        code = resp.status_code
        data = _json(resp)
        if code in (404, 405):
            return TransportError("config", f"{what}: {resp.url.copy_with(query=None)} bestaat niet ({code}); "
                                            f"klopt base_url?", status=code)
        if code == 400:
            return TransportError("permanent", f"{what}: Signalen weigert de vraag: {self._error_line(data)}",
                                  status=code)
        if data is _NOT_JSON:
            return TransportError("temporary", f"{what}: Signalen gaf geen JSON terug ({code}, "
                                               f"{resp.headers.get('content-type', 'zonder type')}).", status=code)
        return TransportError("temporary", f"{what}: Signalen antwoordt met {code}.", status=code)

    def _error_line(self, detail: Any) -> str:
        if detail is None or detail is _NOT_JSON:
            return "geen uitleg van de server"
        line = "; ".join(flatten_errors(detail)) or "geen uitleg van de server"
        line = self._tokens.scrub(line)
        return line if len(line) <= 600 else line[:599] + "…"

    @staticmethod
    def _only_address_refused(detail: Any) -> bool:
        if not isinstance(detail, dict) or set(detail) != {"location"}:
            return False
        return "Niet-bestaand adres" in " ".join(flatten_errors(detail))

    @staticmethod
    def _is_ours(signal: dict, finding_id: str) -> bool:
        text = signal.get("text")
        if isinstance(text, str) and uuid_tag(finding_id) in text:
            return True
        extra = signal.get("extra_properties")
        if isinstance(extra, list):
            for item in extra:
                if isinstance(item, dict) and item.get("id") == "schouw_uuid" and item.get("answer") == finding_id:
                    return True
        return False
