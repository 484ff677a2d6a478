"""The contract between the outbox and its transports.

A transport turns one :class:`OutgoingReport` into a request at the municipality and
reads status back. It never decides about retries: it classifies what happened in a
:class:`TransportError` (``temporary``: not stored, safe to retry later; ``permanent``:
refused, show the user, never retry; ``unknown``: may have been stored — the outbox
must call :meth:`Transport.find` before it sends again) and the outbox acts on that.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Protocol

from schouw.domain.actions import ActionStatus

#: A fixed tag carrying the finding's UUID in the text the server keeps, so a request
#: can be found again after an unknown outcome. Short, so trimming never cuts it.
TAG_PREFIX = "[schouw:"


def uuid_tag(finding_id: str) -> str:
    return f"{TAG_PREFIX}{finding_id}]"


@dataclass(frozen=True)
class Address:
    street: str
    number: str = ""          # "12", "12a", "12-3" as typed; transports split as needed
    postcode: str = ""
    woonplaats: str = ""


@dataclass(frozen=True)
class OutgoingPhoto:
    photo_id: str
    filename: str             # e.g. "Merelstraat-12a_asfalt-onkruid_1.jpg"
    jpeg: bytes               # the privacy-masked export copy, no EXIF


@dataclass(frozen=True)
class OutgoingReport:
    outbox_id: str
    finding_id: str           # UUID: the idempotency key, carried in the request (see uuid_tag)
    service_code: str | None  # Open311 service_code, or Signalen sub-category URL, from the profile mapping
    title: str                # one line: "Onkruid op verharding (C) — Merelstraat 12a"
    description: str          # full text: element, aspect, level vs norm, street, number, spot, text
    lat: float | None
    lon: float | None
    address: Address | None
    observed_at: str | None   # ISO 8601
    priority: str             # laag | normaal | hoog | spoed
    photos: tuple[OutgoingPhoto, ...] = ()
    extra: dict[str, str] = field(default_factory=dict)  # element, aspect, level, norm, round, ...
    #: (lat, lon) of the street (its midpoint) when the finding has a house number but no
    #: GPS: an endpoint that can place an address (Open311's address_string) should use
    #: the address; one that needs coordinates (Signalen) uses this with the address.
    fallback_position: tuple[float, float] | None = None


@dataclass(frozen=True)
class RemoteStatus:
    remote_id: str            # the municipality's id as shown to people ("SIG-123", "311-0042")
    state: ActionStatus       # mapped onto our action statuses; unknown codes -> OPEN
    state_text: str           # the server's own words ("In behandeling", "Afgehandeld")
    notes: str = ""           # status_notes / the last message for the reporter
    agency: str = ""          # agency_responsible / department
    updated_at: str | None = None


@dataclass(frozen=True)
class SendOutcome:
    remote_id: str | None     # None when the server answered with a token only
    token: str | None = None  # Open311: a token to resolve later via GET tokens/{token}
    status: RemoteStatus | None = None
    #: Photo ids the create call itself carried (Open311 ``media``); the outbox records
    #: them as attached together with the send, so upload_photos never sees them again.
    photos: tuple[str, ...] = ()


@dataclass(frozen=True)
class ServiceOption:
    """One thing the endpoint accepts: Open311 service or Signalen sub-category."""
    code: str                 # service_code, or the sub-category URL for Signalen
    name: str
    group: str = ""
    active: bool = True


class TransportError(Exception):
    def __init__(self, kind: Literal["temporary", "permanent", "unknown", "config"], message: str,
                 *, status: int | None = None):
        super().__init__(message)
        self.kind = kind          # config: 401/403/bad URL — a setup problem, not retried
        self.message = message    # readable, Dutch or the server's own words; never a secret
        self.status = status


class Transport(Protocol):
    kind: str

    def services(self) -> list[ServiceOption]:
        """What the endpoint accepts, to offer in the profile editor's mapping."""

    def send(self, report: OutgoingReport) -> SendOutcome:
        """Create the request. Raise TransportError on anything but success."""

    def find(self, report: OutgoingReport, since: str) -> str | None:
        """After an unknown outcome: the remote id if the server already has this
        finding (created at or after ``since``, an ISO 8601 time), else None."""

    def resolve_token(self, token: str) -> str | None:
        """Open311 token flow: the request id once the server has assigned one."""

    def upload_photos(self, remote_id: str, report: OutgoingReport, done: set[str]) -> set[str]:
        """Attach the report's photos not in ``done`` (photo ids); return the ids now
        attached. Transports whose create call carries the photo return all ids."""

    def status(self, remote_id: str) -> RemoteStatus:
        """The current state of one request."""

    # Optional (the outbox uses it when a transport has it):
    #
    # def attached_photos(self, remote_id: str, report: OutgoingReport) -> set[str]:
    #     """The report's photos the server already holds: asked before photos whose
    #     upload outcome was never recorded (a crash, a timeout) go again, and for a
    #     request found again after an unknown outcome."""
    #
    # def close(self) -> None: ...
