"""Table models of the *Overzicht* (issue #19): one row per wijk and buurt, one per
hotspot. They only show what :mod:`schouw.services.monitoring` and
:mod:`schouw.services.hotspots` computed; :data:`SORT_ROLE` gives numbers to sort by, so
a proxy sorts "12" after "9" and a trend by how good it is, not alphabetically."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from schouw.services.hotspots import Hotspot
from schouw.services.monitoring import AreaOverview, Trend
from schouw.ui import theme
from schouw.ui.row_model import Index, RowsModel

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ARROWS = {"beter": "↑", "slechter": "↓", "gelijk": "→", "onbekend": "·"}
_TREND_ORDER = {"slechter": 0, "gelijk": 1, "beter": 2, "onbekend": 3}
_WORST = {"A+": 0, "A": 1, "B": 2, "C": 3, "D": 4}


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{round(value * 100)} %"


class AreasModel(RowsModel[AreaOverview]):
    """Rows of :class:`AreaOverview`: wijken and buurten, each a row."""

    COLUMNS = ("name", "wijk", "rounds", "findings", "below", "meting", "open", "overdue", "solved", "trend")

    def titles(self) -> dict[str, str]:
        return {"name": self.tr("Wijk / buurt"), "wijk": self.tr("Wijk"), "rounds": self.tr("Rondes"),
                "findings": self.tr("Bevindingen"), "below": self.tr("Onder norm"),
                "meting": self.tr("Meting"), "open": self.tr("Open"),
                "overdue": self.tr("Te laat"), "solved": self.tr("Opgelost"),
                "trend": self.tr("Trend")}

    def tips(self) -> dict[str, str]:
        return {"findings": self.tr("Bevindingen van knelpuntenschouwen; de oordelen van een meting tellen in "
                                    "haar aandeel"),
                "below": self.tr("Bevindingen onder hun norm (geteld, geen score)"),
                "meting": self.tr("Aandeel op of boven de norm in de laatste meting, met het aantal oordelen"),
                "open": self.tr("Actiepunten die nog open staan"),
                "overdue": self.tr("Open actiepunten over hun uiterlijke datum"),
                "solved": self.tr("Herschouw: aandeel van de gecontroleerde punten dat opgelost is"),
                "trend": self.tr("Tegen de vorige periode van gelijke lengte")}

    def trend_text(self, trend: Trend) -> str:
        words = {"beter": self.tr("beter"), "slechter": self.tr("slechter"), "gelijk": self.tr("gelijk"),
                 "onbekend": self.tr("geen vergelijking")}
        text = f"{ARROWS[trend.direction]} {words[trend.direction]}"
        if trend.basis == "meting":
            text += " " + self.tr("(meting)")
        elif trend.basis == "knelpunten":
            text += " " + self.tr("(onder norm per ronde)")
        return text

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        a = self.row_at(index)
        if a is None:
            return None
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(a, column)
        if role == SORT_ROLE:
            return self._sort_value(a, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column not in ("name", "wijk", "trend"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == "overdue" and a.actions_overdue:
                return QColor(theme.BELOW)
            if column == "trend" and a.trend.direction in ("beter", "slechter"):
                return QColor(theme.GOOD if a.trend.direction == "beter" else theme.BELOW)
        if role == Qt.ItemDataRole.FontRole and a.kind == "wijk":
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and column == "meting" and a.meting is not None:
            m = a.meting
            return self.tr("{title} ({date}): {share} op of boven de norm, 95 %-interval {low}–{high}").format(
                title=m.title, date=m.date.isoformat(), share=_pct(m.overall.share), low=_pct(m.overall.low),
                high=_pct(m.overall.high))
        if role == Qt.ItemDataRole.UserRole:
            return a
        return None

    def _text(self, a: AreaOverview, column: str) -> str:
        if column == "name":
            return a.name if a.kind == "wijk" else f"   {a.name}"
        if column == "wijk":
            return a.wijk if a.kind == "buurt" else ""
        if column == "meting":
            return "–" if a.meting is None else f"{_pct(a.meting.overall.share)} (n={a.meting.overall.n})"
        if column == "solved":
            return _pct(a.solved_share)
        if column == "trend":
            return self.trend_text(a.trend)
        return str({"rounds": a.rounds_total, "findings": a.findings, "below": a.below_norm,
                    "open": a.actions_open, "overdue": a.actions_overdue}[column])

    @staticmethod
    def _sort_value(a: AreaOverview, column: str) -> Any:
        if column == "name":
            return (a.wijk.casefold(), a.kind != "wijk", a.name.casefold())
        if column == "wijk":
            return a.wijk.casefold()
        if column == "meting":
            return -1.0 if a.meting is None or a.meting.overall.share is None else a.meting.overall.share
        if column == "solved":
            return -1.0 if a.solved_share is None else a.solved_share
        if column == "trend":
            return _TREND_ORDER[a.trend.direction]
        return {"rounds": a.rounds_total, "findings": a.findings, "below": a.below_norm,
                "open": a.actions_open, "overdue": a.actions_overdue}[column]


class HotspotsModel(RowsModel[Hotspot]):
    """Rows of :class:`Hotspot`, in rank order."""

    COLUMNS = ("rank", "street", "buurt", "rounds", "findings", "worst", "items")

    def titles(self) -> dict[str, str]:
        return {"rank": "#", "street": self.tr("Straat"), "buurt": self.tr("Buurt"),
                "rounds": self.tr("Rondes"), "findings": self.tr("Bevindingen"),
                "worst": self.tr("Ergste niveau"), "items": self.tr("Onderdelen")}

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        h = self.row_at(index)
        if h is None:
            return None
        column = self.COLUMNS[index.column()]
        values = {"rank": h.rank, "street": h.street, "buurt": h.buurt, "rounds": h.rounds,
                  "findings": h.findings, "worst": h.worst, "items": ", ".join(h.item_names[:3])}
        if role == Qt.ItemDataRole.DisplayRole:
            return str(values[column])
        if role == SORT_ROLE:
            return values[column] if column != "worst" else _WORST.get(h.worst, -1)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("rank", "rounds", "findings"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == "items":
            return "\n".join(h.item_names)
        if role == Qt.ItemDataRole.UserRole:
            return h
        return None
