"""Turning domain models into rows and back, the same way for every synced table."""

from __future__ import annotations

import json
from datetime import date
from enum import Enum
from typing import Any, TypeVar

from pydantic import BaseModel

M = TypeVar("M", bound=BaseModel)

#: Columns stored as JSON text.
JSON_COLUMNS = {"geometry", "masks", "definition", "boundary"}
BOOL_COLUMNS = {"not_applicable", "publishable"}


def to_row(model: BaseModel, exclude: set[str] | None = None) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for key, value in model.model_dump(exclude=exclude or set()).items():
        if key in JSON_COLUMNS:
            row[key] = None if value is None else json.dumps(value, ensure_ascii=False)
        elif isinstance(value, Enum):
            row[key] = value.value
        elif isinstance(value, date):
            row[key] = value.isoformat()
        elif isinstance(value, bool):
            row[key] = int(value)
        else:
            row[key] = value
    return row


def from_row(model: type[M], row: dict[str, Any]) -> M:
    data = dict(row)
    for key in JSON_COLUMNS & data.keys():
        if isinstance(data[key], str):
            data[key] = json.loads(data[key])
    for key in BOOL_COLUMNS & data.keys():
        data[key] = bool(data[key])
    return model.model_validate(data)


def dict_rows(cursor) -> list[dict[str, Any]]:
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
