"""The connection to the municipality's database: the URL, its password and what a
failed connection means to the user.

A password may come in the URL (``postgresql://user:secret@host/db``) because that is
how database people write it; it is taken out at once, kept in the OS keyring through
the same code path as the MOR profile's secret (:mod:`schouw.exchange.mor.secrets`,
under ``publish:user@host:port/db``) and from then on only travels as a
:class:`~schouw.exchange.mor.secrets.Secret`. What the user sees of the URL is always
:attr:`Target.shown`, without the password; a server's own error text is never shown
(it could quote the connection string), only our one-line messages.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote, urlsplit

from schouw.exchange.mor.secrets import Secret, get_secret, set_secret
from schouw.messages import SchouwError

#: Seconds to wait for the server before saying "not reachable, try again later".
CONNECT_TIMEOUT = 10
#: SQLSTATEs of a refused login (invalid_password, invalid_authorization_specification).
_AUTH_STATES = {"28P01", "28000"}


#: project settings the app keeps for Bestand › Publiceren naar gemeente…: the address
#: (never with its password: that is in the keyring) and the schema
URL_META = "publish_url"
SCHEMA_META = "publish_schema"


@dataclass(frozen=True)
class Target:
    """Where to publish: everything of the URL except the password."""

    user: str
    host: str
    port: int
    database: str

    @property
    def shown(self) -> str:
        """The URL as we show and log it: never with a password."""
        user = f"{self.user}@" if self.user else ""
        return f"postgresql://{user}{self.host}:{self.port}/{self.database}"

    @property
    def secret_key(self) -> str:
        """The keyring name of this target's password."""
        return f"publish:{self.user}@{self.host}:{self.port}/{self.database}"


def parse_url(url: str) -> tuple[Target, Secret | None]:
    """The target and the password of a ``postgresql://`` URL (None when it has none)."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port or 5432
    except ValueError:
        raise SchouwError("publish_bad_url", url=_without_password(url)) from None
    if parts.scheme not in ("postgresql", "postgres") or not parts.hostname or not parts.path.strip("/"):
        raise SchouwError("publish_bad_url", url=_without_password(url))
    target = Target(user=unquote(parts.username or ""), host=parts.hostname, port=port,
                    database=unquote(parts.path.strip("/")))
    password = Secret(unquote(parts.password)) if parts.password else None
    return target, password


def _without_password(url: str) -> str:
    """``url`` with anything between ``:`` and ``@`` of its authority blanked (for messages)."""
    head, sep, rest = url.partition("://")
    if not sep:
        return url if "@" not in url else "***"
    authority, slash, tail = rest.partition("/")
    if "@" in authority:
        userinfo, _, hostport = authority.rpartition("@")
        authority = f"{userinfo.split(':', 1)[0]}@{hostport}"
    return f"{head}://{authority}{slash}{tail}"


def remember_password(target: Target, password: Secret | None) -> Secret | None:
    """Store a password given in the URL in the keyring; return the one to use (the
    given one, else the stored one, else None for trust/peer/.pgpass logins)."""
    if password:
        set_secret(target.secret_key, password.reveal())
        return password
    return get_secret(target.secret_key)


def connect(target: Target, password: Secret | None) -> Any:
    """A psycopg connection (autocommit off), or one clear SchouwError: wrong password
    (exit 2), not reachable (exit 3: retry later), other refusals (exit 2)."""
    try:
        import psycopg
    except ImportError:
        raise SchouwError("publish_no_driver") from None
    kwargs: dict[str, Any] = {"host": target.host, "port": target.port, "dbname": target.database,
                              "connect_timeout": CONNECT_TIMEOUT, "application_name": "schouw publish"}
    if target.user:
        kwargs["user"] = target.user
    if password:
        kwargs["password"] = password.reveal()
    try:
        return psycopg.connect(**kwargs)
    except psycopg.OperationalError as error:
        raise classify(error, target) from None


def classify(error: Exception, target: Target) -> SchouwError:
    """Our one-line message for a failed connection (the server's text is never shown)."""
    state = getattr(error, "sqlstate", None)
    text = str(error).lower()
    if state in _AUTH_STATES or "password authentication failed" in text or "no password supplied" in text:
        return SchouwError("publish_wrong_password", url=target.shown)
    if state == "3D000" or "does not exist" in text:
        return SchouwError("publish_refused", url=target.shown, detail=_detail(text))
    return SchouwError("publish_unreachable", url=target.shown)


def _detail(text: str) -> str:
    """A short reason from a server message, for refusals that are no secret (unknown
    database or role); only its first line, and only the part after the last colon."""
    line = text.strip().splitlines()[0] if text.strip() else ""
    return line.rsplit(":", 1)[-1].strip()[:120]

