"""The third-party software inside schouw and its licences, from the installed metadata.

The *Over schouw* dialog lists them and a bundle carries their licence texts
(``python -m schouw.build`` writes both). In a checkout or a pip install the list comes
from ``importlib.metadata`` (schouw's requirements, followed recursively); a bundle has
no metadata, so the build writes the same list beside the package as
``_third_party.json`` and this module reads that instead.
"""

from __future__ import annotations

import json
import re
from importlib import metadata
from pathlib import Path

BUNDLED = Path(__file__).resolve().parent / "_third_party.json"
#: the licence of schouw itself (pyproject.toml)
LICENCE = "EUPL-1.2"


def _name(requirement: str) -> str:
    return re.split(r"[\s;<>=!~\[(]", requirement.strip(), maxsplit=1)[0]


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _licence(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    expression = meta.get("License-Expression")
    if expression:
        return expression.strip()
    classifiers = [c.split("::")[-1].strip() for c in meta.get_all("Classifier") or []
                   if c.startswith("License ::") and c.count("::") >= 2]
    if classifiers:
        return ", ".join(dict.fromkeys(classifiers))
    text = (meta.get("License") or "").strip()
    first = text.splitlines()[0].strip() if text else ""
    return first[:60] if first else "?"


def _runtime_requirements(dist: metadata.Distribution) -> list[str]:
    """Requirements without an extra (test, build) whose environment marker holds here."""
    out = []
    for requirement in dist.requires or []:
        name, _, marker = requirement.partition(";")
        if "extra" in marker:
            continue
        if marker.strip():
            try:
                from packaging.markers import Marker

                if not Marker(marker.strip()).evaluate():
                    continue
            except Exception:  # noqa: BLE001 - no packaging, or an odd marker: keep it
                pass
        out.append(_name(name))
    return out


def from_metadata(root: str = "schouw") -> list[dict[str, str]]:
    """Every distribution ``root`` needs at run time, once, sorted by name."""
    try:
        todo = _runtime_requirements(metadata.distribution(root))
    except metadata.PackageNotFoundError:
        return []
    seen: dict[str, dict[str, str]] = {}
    while todo:
        name = todo.pop()
        key = _normal(name)
        if key in seen:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        urls = dist.metadata.get_all("Project-URL") or []
        home = dist.metadata.get("Home-page") or (urls[0].split(",", 1)[-1].strip() if urls else "")
        seen[key] = {"name": dist.metadata["Name"], "version": dist.version, "licence": _licence(dist),
                     "url": home}
        todo.extend(_runtime_requirements(dist))
    return sorted(seen.values(), key=lambda item: item["name"].lower())


def licence_texts(root: str = "schouw") -> str:
    """The licence files of every distribution in :func:`from_metadata`, one after the
    other, for THIRD-PARTY-LICENSES.txt in a bundle."""
    parts = []
    for item in from_metadata(root):
        dist = metadata.distribution(item["name"])
        files = [f for f in dist.files or []
                 if re.search(r"(LICEN[CS]E|COPYING|NOTICE)", f.name, re.IGNORECASE)]
        texts = []
        for file in files:
            try:
                texts.append(Path(file.locate()).read_text(encoding="utf-8", errors="replace").strip())
            except OSError:
                continue
        body = "\n\n".join(texts) or f"Licence: {item['licence']} (no licence file in the package)"
        parts.append(f"{'=' * 78}\n{item['name']} {item['version']} ({item['licence']})\n{item['url']}\n"
                     f"{'=' * 78}\n{body}\n")
    return "\n".join(parts)


def third_party() -> list[dict[str, str]]:
    """The list for the *Over schouw* dialog: the bundle's file, else the metadata."""
    try:
        return json.loads(BUNDLED.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return from_metadata()
