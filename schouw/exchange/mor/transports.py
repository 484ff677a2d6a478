"""Choosing the transport a sync profile names. The outbox never knows which it has."""

from __future__ import annotations

from schouw.exchange.mor.base import Transport
from schouw.exchange.mor.profile import SyncProfile
from schouw.exchange.mor.secrets import Secret
from schouw.messages import SchouwError


def make_transport(profile: SyncProfile, secret: Secret | None) -> Transport:
    """The transport for ``profile.kind``. A transport module offers either a
    ``make_transport(profile, secret)`` function or a ``<Kind>Transport(profile, secret)``
    class."""
    if profile.kind == "open311":
        from schouw.exchange.mor.open311 import Open311Transport

        return Open311Transport(profile, secret)
    if profile.kind == "signalen":
        try:
            from schouw.exchange.mor import signalen
        except ImportError:
            raise SchouwError("transport_unavailable", kind=profile.kind) from None
        factory = getattr(signalen, "make_transport", None) or getattr(signalen, "SignalenTransport", None)
        if factory is None:
            raise SchouwError("transport_unavailable", kind=profile.kind)
        return factory(profile, secret)
    raise SchouwError("transport_unavailable", kind=profile.kind)


def close_transport(transport: object) -> None:
    close = getattr(transport, "close", None)
    if callable(close):
        close()
