"""Sync profiles: one TOML file per municipality, chosen in the settings.

```toml
name = "Gemeente Voorbeeldstad"
kind = "open311"               # open311 | signalen | folder
base_url = "https://meldingen.voorbeeldstad.nl/open311/v2"
jurisdiction_id = "voorbeeldstad.nl"     # open311 only
timeout = 20                   # seconds per request

[open311]                      # open311 only, optional
media_upload = true            # the server takes one photo as a multipart "media" file
reference_attribute = "schouw_id"        # an attribute that keeps the finding's UUID
attributes = { bron = "wijkschouw" }     # fixed answers for service attributes

[signalen]                     # signalen only
token_url = "https://login.voorbeeldstad.nl/realms/signals/protocol/openid-connect/token"
client_id = "schouw"
source = "Wijkschouw"

[mapping]                      # form ELEMENT.ASPECT (or ELEMENT) -> service_code / sub-category URL
"asfalt.onkruid" = "onkruid"
"reiniging" = "zwerfafval"
default = "overig"

[selection]
below_norm = true              # findings below the profile's norm ...
parties = ["Gemeente"]         # ... whose action party is one of these (whole name)
# findings marked by hand always go

[folder]
path = "/mnt/gemeente/schouw-inbox"      # optional: export packages are written here too
```

Secrets (API key, client secret) are never in this file: they live in the OS keyring
(see ``schouw.exchange.mor.secrets``).
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Literal
from urllib.parse import urlparse

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from schouw.domain.forms import explain_validation
from schouw.messages import SchouwError


class SignalenSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")
    token_url: str
    client_id: str
    source: str = "Wijkschouw"


class Selection(BaseModel):
    model_config = ConfigDict(extra="forbid")
    below_norm: bool = True
    parties: list[str] = Field(default_factory=lambda: ["Gemeente"])


class Open311Settings(BaseModel):
    """Open311 details that differ per server (all optional)."""

    model_config = ConfigDict(extra="forbid")
    #: The server takes one photo as a multipart ``media`` file with the request (an
    #: extension of GeoReport v2, whose ``media_url`` needs a public URL we do not have).
    media_upload: bool = False
    #: Fixed answers for a service's attributes: code -> value (e.g. ``bron = "wijkschouw"``).
    attributes: dict[str, str] = Field(default_factory=dict)
    #: An attribute that keeps the finding's UUID, when the server defines one.
    reference_attribute: str = ""


class FolderSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")
    path: str


#: The only hosts plain http may go to: this machine (a key must never cross a network
#: in clear). The transports use the same list to keep loopback traffic off any proxy.
LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")


def _check_url(url: str) -> str:
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise ValueError(f"'{url}' is geen geldige http(s)-URL")
    host = (parsed.hostname or "").lower()
    if parsed.scheme == "http" and host not in LOCAL_HOSTS:
        raise ValueError(f"'{url}': gewoon http is alleen toegestaan naar localhost; gebruik https")
    return url.rstrip("/")


class SyncProfile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1)
    kind: Literal["open311", "signalen", "folder"]
    base_url: str = ""
    jurisdiction_id: str = ""
    timeout: float = Field(default=20, gt=0, le=300)
    signalen: SignalenSettings | None = None
    open311: Open311Settings = Field(default_factory=Open311Settings)
    mapping: dict[str, str] = Field(default_factory=dict)
    selection: Selection = Field(default_factory=Selection)
    folder: FolderSettings | None = None

    @field_validator("base_url")
    @classmethod
    def _url(cls, value: str) -> str:
        return _check_url(value) if value else value

    @model_validator(mode="after")
    def _complete(self) -> SyncProfile:
        if self.kind in ("open311", "signalen") and not self.base_url:
            raise ValueError(f"base_url is nodig voor kind = \"{self.kind}\"")
        if self.kind == "signalen":
            if self.signalen is None:
                raise ValueError("een [signalen]-blok met token_url en client_id is nodig")
            _check_url(self.signalen.token_url)
        if self.kind == "folder" and self.folder is None:
            raise ValueError("een [folder]-blok met path is nodig")
        return self

    def service_for(self, element: str, aspect: str) -> str | None:
        """The mapped code for an item: ELEMENT.ASPECT, then ELEMENT, then default."""
        return self.mapping.get(f"{element}.{aspect}") or self.mapping.get(element) or self.mapping.get("default")

    @property
    def secret_key(self) -> str:
        """The name under which this profile's secret is kept in the keyring."""
        if self.kind == "signalen" and self.signalen:
            return f"{self.kind}:{self.signalen.token_url}:{self.signalen.client_id}"
        return f"{self.kind}:{self.base_url}"


def parse_sync_profile(data: dict, source: str) -> SyncProfile:
    try:
        return SyncProfile.model_validate(data)
    except ValidationError as error:
        raise SchouwError("bad_sync_profile", path=source, detail=explain_validation(error, data)) from None


def load_sync_profile(path: str | Path) -> SyncProfile:
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise SchouwError("file_missing", path=str(path)) from None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise SchouwError("bad_sync_profile", path=str(path), detail=str(error)) from None
    return parse_sync_profile(data, str(path))
