"""OAuth 2 client-credentials tokens for Signalen's private API.

Signalen's private API wants ``Authorization: Bearer <access token>`` issued by the
municipality's OpenID Connect server (usually a Keycloak realm "signals") to a service
account that also exists as a Signalen user. :class:`TokenClient` gets such a token with
the client-credentials grant (RFC 6749 §4.4, client authenticated with HTTP Basic as
§2.3.1 requires every server to support), keeps it until shortly before ``expires_in``
runs out and fetches a new one when asked to (after a 401).

Neither the client secret nor a token ever appears in a log line, an exception message or
a repr: the secret is held in a :class:`Secret` whose repr is ``***``, and every text
that came from a server is passed through :meth:`TokenClient.scrub` before it is shown.
"""

from __future__ import annotations

import logging
import threading
import time
from base64 import b64encode
from collections.abc import Callable
from urllib.parse import quote, urlparse

import httpx

from schouw.exchange.mor.base import TransportError
from schouw.exchange.mor.secrets import Secret

log = logging.getLogger(__name__)

#: Lifetime assumed when the token answer has no ``expires_in``.
DEFAULT_LIFETIME = 60.0
#: Errors of the token endpoint (RFC 6749 §5.2) that mean the setup is wrong.
CONFIG_ERRORS = {"invalid_client", "unauthorized_client", "invalid_grant", "unsupported_grant_type",
                 "invalid_scope", "invalid_request", "access_denied"}


def refresh_margin(lifetime: float) -> float:
    """Seconds before expiry at which a token is no longer used: a fifth of its lifetime,
    at least 1 s and at most 30 s (a 5-minute Keycloak token is renewed after 4.5 min)."""
    return max(1.0, min(30.0, lifetime / 5))


class TokenClient:
    """Client-credentials tokens from one token endpoint, cached until shortly before expiry."""

    def __init__(self, token_url: str, client_id: str, secret: str | Secret, client: httpx.Client, *,
                 timeout: float, clock: Callable[[], float] = time.monotonic):
        self.token_url = token_url
        self.client_id = client_id
        self._secret = secret if isinstance(secret, Secret) else Secret(secret)
        self._client = client
        self._timeout = httpx.Timeout(timeout, connect=min(timeout, 10.0))
        self._clock = clock
        self._token: Secret | None = None
        self._valid_until = 0.0
        self._old: list[Secret] = []   # tokens handed out before, to scrub from texts too
        self._lock = threading.Lock()
        self.fetched = 0               # how many tokens were obtained (for tests and diagnostics)

    def __repr__(self) -> str:
        return f"TokenClient(token_url={self.token_url!r}, client_id={self.client_id!r})"

    @property
    def host(self) -> str:
        return urlparse(self.token_url).netloc or self.token_url

    def token(self) -> str:
        """A bearer token valid for a while yet; fetched when none is cached or it is about to expire."""
        with self._lock:
            if self._token is None or self._clock() >= self._valid_until:
                self._fetch()
            assert self._token is not None
            return self._token.reveal()

    def invalidate(self) -> None:
        """Forget the cached token (the server answered 401 to it)."""
        with self._lock:
            self._token = None
            self._valid_until = 0.0

    def scrub(self, text: str) -> str:
        """``text`` with the secret and every token this client has seen replaced by ***."""
        for secret in (self._secret, self._token, *self._old):
            value = secret.reveal() if secret else ""
            if value and len(value) >= 4:
                text = text.replace(value, "***")
        return text

    # -- internals ---------------------------------------------------------------------

    def _fetch(self) -> None:
        if not self._secret:
            raise TransportError("config", f"Er is geen client secret bewaard voor client '{self.client_id}' "
                                           f"van {self.host}; vul het in bij de synchronisatie-instellingen.")
        basic = b64encode(f"{quote(self.client_id, safe='')}:{quote(self._secret.reveal(), safe='')}"
                          .encode()).decode("ascii")
        started = self._clock()
        try:
            resp = self._client.post(self.token_url, data={"grant_type": "client_credentials"},
                                     headers={"Authorization": f"Basic {basic}", "Accept": "application/json"},
                                     timeout=self._timeout)
        except (httpx.InvalidURL, httpx.UnsupportedProtocol) as exc:
            raise TransportError("config", f"token_url '{self.token_url}' is geen bruikbaar adres ({exc})") from None
        except httpx.TimeoutException:
            raise TransportError("temporary", f"De inlogserver {self.host} antwoordt niet op tijd.") from None
        except httpx.HTTPError as exc:
            raise TransportError("temporary", f"De inlogserver {self.host} is niet bereikbaar "
                                              f"({type(exc).__name__}: {self.scrub(str(exc))}).") from None
        status = resp.status_code
        try:
            data = resp.json()
        except ValueError:
            data = None
        if status == 200 and isinstance(data, dict) and isinstance(data.get("access_token"), str) \
                and data["access_token"]:
            if self._token is not None:
                self._old.append(self._token)
                del self._old[:-8]
            self._token = Secret(data["access_token"])
            lifetime = _number(data.get("expires_in")) or DEFAULT_LIFETIME
            self._valid_until = started + lifetime - refresh_margin(lifetime)
            self.fetched += 1
            log.info("Signalen: nieuw toegangstoken van %s (geldig %d s)", self.host, int(lifetime))
            return
        error = description = ""
        if isinstance(data, dict):
            error = str(data.get("error") or "")
            description = str(data.get("error_description") or "")
        detail = self.scrub(f"{error}: {description}" if description else error)
        if status >= 500 or status in (408, 429):
            raise TransportError("temporary", f"De inlogserver {self.host} heeft een storing ({status}).",
                                 status=status)
        if status in (400, 401, 403) or error in CONFIG_ERRORS:
            raise TransportError("config", f"De inlogserver {self.host} weigert client '{self.client_id}' "
                                           f"({status}{', ' + detail if detail else ''}). Controleer client_id "
                                           f"en het client secret, en of het serviceaccount bestaat.",
                                 status=status)
        if status == 200:
            raise TransportError("config", f"token_url {self.token_url} geeft geen toegangstoken terug; "
                                           f"klopt het adres?", status=status)
        raise TransportError("config", f"token_url {self.token_url} antwoordt met status {status}; "
                                       f"klopt het adres?", status=status)


def _number(value: object) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float) and value > 0:
        return float(value)
    if isinstance(value, str):
        try:
            number = float(value)
        except ValueError:
            return None
        return number if number > 0 else None
    return None
