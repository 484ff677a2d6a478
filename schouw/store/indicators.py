"""Policy indicators and their measured values (all their SQL)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from schouw.domain.indicators import Indicator, IndicatorValue
from schouw.domain.models import utc_now
from schouw.store.rows import dict_rows, from_row, to_row

if TYPE_CHECKING:
    from schouw.store.project import Project


class IndicatorRepo:
    def __init__(self, project: Project):
        self.p = project

    def add(self, indicator: Indicator) -> Indicator:
        indicator = indicator.model_copy(update={"updated_by": self.p.device_id})
        with self.p.atomic():
            self.p.db["indicators"].insert(to_row(indicator))
        return indicator

    def update(self, indicator: Indicator) -> Indicator:
        row = to_row(indicator, exclude={"id", "created_at"})
        row.update(self.p.stamp())
        with self.p.atomic():
            self.p.db["indicators"].update(indicator.id, row)
        return self.get(indicator.id)  # type: ignore[return-value]

    def list(self) -> list[Indicator]:
        cur = self.p.conn.execute("SELECT * FROM indicators WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE")
        return [from_row(Indicator, r) for r in dict_rows(cur)]

    def get(self, indicator_id: str) -> Indicator | None:
        rows = dict_rows(self.p.conn.execute(
            "SELECT * FROM indicators WHERE id = ? AND deleted_at IS NULL", (indicator_id,)))
        return from_row(Indicator, rows[0]) if rows else None

    def find(self, name_or_id: str) -> list[Indicator]:
        """By exact id, else by name (case-insensitive): a list, so the caller can tell
        "none" from "more than one"."""
        text = name_or_id.strip()
        rows = dict_rows(self.p.conn.execute(
            "SELECT * FROM indicators WHERE deleted_at IS NULL AND id = ?", (text,)))
        if not rows:
            rows = dict_rows(self.p.conn.execute(
                "SELECT * FROM indicators WHERE deleted_at IS NULL AND name = ? COLLATE NOCASE", (text,)))
        return [from_row(Indicator, r) for r in rows]

    def delete(self, indicator_id: str) -> None:
        """Soft deletion of the indicator and its values, so the deletion travels."""
        now = utc_now()
        with self.p.atomic():
            for table, column in (("indicators", "id"), ("indicator_values", "indicator_id")):
                self.p.conn.execute(
                    f"UPDATE {table} SET deleted_at = ?, updated_at = ?, updated_by = ? "
                    f"WHERE {column} = ? AND deleted_at IS NULL", (now, now, self.p.device_id, indicator_id))

    # -- values ---------------------------------------------------------------------
    def values(self, indicator_id: str | None = None) -> list[IndicatorValue]:
        sql = "SELECT * FROM indicator_values WHERE deleted_at IS NULL"
        args: tuple = ()
        if indicator_id is not None:
            sql += " AND indicator_id = ?"
            args = (indicator_id,)
        cur = self.p.conn.execute(sql + " ORDER BY year, updated_at", args)
        return [from_row(IndicatorValue, r) for r in dict_rows(cur)]

    def fed_by_round(self, round_id: str) -> list[IndicatorValue]:
        cur = self.p.conn.execute(
            "SELECT * FROM indicator_values WHERE round_id = ? AND deleted_at IS NULL ORDER BY year", (round_id,))
        return [from_row(IndicatorValue, r) for r in dict_rows(cur)]

    def set_value(self, value: IndicatorValue) -> IndicatorValue:
        """Store the value of its year, replacing the one already there (one figure per
        indicator and year; the row keeps its id so the change merges as an update)."""
        with self.p.atomic():
            known = self.p.conn.execute(
                "SELECT id, created_at FROM indicator_values WHERE indicator_id = ? AND year = ? "
                "AND deleted_at IS NULL ORDER BY updated_at DESC LIMIT 1",
                (value.indicator_id, value.year)).fetchone()
            if known is not None:
                value = value.model_copy(update={"id": known[0], "created_at": known[1]})
                row = to_row(value, exclude={"id", "created_at"})
                row.update(self.p.stamp())
                self.p.db["indicator_values"].update(value.id, row)
            else:
                value = value.model_copy(update={"updated_by": self.p.device_id})
                self.p.db["indicator_values"].insert(to_row(value))
        return value
