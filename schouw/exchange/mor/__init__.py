"""Sending findings to the municipality's MOR system through one outbox.

The outbox (``schouw.exchange.mor.outbox``) is the only mechanism: it records every
attempt before it is made, reconciles unknown outcomes before any resend and brings
status back. What differs per municipality is only the *transport* (Open311
GeoReport v2, Signalen's REST API, a shared folder), chosen by the sync profile. Every
transport implements :class:`schouw.exchange.mor.base.Transport`.
"""
