"""The *verloop* report (``schouw report ROUND --kind verloop``): how the streets and
aspects of a buurt moved over a series of rounds, for the stratenaanpak's evaluation.

Cover (buurt, the rounds of the series with dates and kind, how many streets got better
or worse), then a table per street and one per aspect: a column per round and the
movement first walked → last walked, improved and worse streets first. A movement is
always an arrow *and* a word, and a coloured cell: colour alone would be lost on a grey
print-out and to a colour-blind reader. A street not walked in a round says so in the
cell, never 0. A knelpuntenschouw shows counts, a meting shares with n; the measure is
named above each table. Laid out from plain values (:class:`VerloopPages`), read by
:mod:`schouw.services.verloop_report`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import cm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepInFrame,
    NextPageTemplate,
    PageBreak,
    Spacer,
    Table,
    TableStyle,
)

from schouw import __version__
from schouw.domain.verloop import MEASURE_SHARE, Cell, Line, Verloop
from schouw.report import styles as S
from schouw.report.common import P, clip, esc, grid, running_title
from schouw.report.i18n import Texts
from schouw.report.pdf import FRAME_W, Heading, ReportDoc

#: The movement's colour (a pale cell background, the word in the strong colour).
MOVE_COLOURS = {
    "better": (colors.HexColor("#E3F1E4"), S.GOOD),
    "worse": (colors.HexColor("#F9E0E0"), S.BAD),
    "same": (S.PALE, S.INK),
    None: (colors.white, S.MUTED),
}

#: The detail per street that moved stays a readable appendix, not a book: so many
#: streets, each with so many aspects at most (a note says how many were left out).
MOVED_STREETS = 30
MOVED_ASPECTS = 12


def arrows() -> dict[str | None, str]:
    """↑ ↓ = where the report font has them (DejaVu Sans), else + − = (Vera)."""
    if S.register_fonts().startswith("DejaVu"):
        return {"better": "↑", "worse": "↓", "same": "=", None: "·"}
    return {"better": "+", "worse": "-", "same": "=", None: "."}


@dataclass
class VerloopPages:
    """What the verloop report shows, as plain values."""

    verloop: Verloop
    buurt: str
    wijk: str
    form_title: str
    municipality: str = ""
    project_name: str = ""
    created: date | None = None


class VerloopReport:
    def __init__(self, data: VerloopPages, lang: str = "nl") -> None:
        self.d = data
        self.v = data.verloop
        self.t = Texts(lang)
        self.lang = lang
        self.arrows = arrows()

    # -- texts ----------------------------------------------------------------------------
    def move_text(self, line: Line) -> str:
        move = line.move.value if line.move else None
        word = self.t(f"vl_{move or 'unknown'}")
        if move and not line.conclusive:
            word += f" ({self.t('vl_inconclusive')})"
        return f"{self.arrows[move]} {word}"

    def cell_text(self, cell: Cell) -> str:
        if not cell.walked:
            return self.t("vl_not_walked")
        if self.v.measure == MEASURE_SHARE:
            if cell.share is None or cell.share.share is None:
                return "–"
            return f"{self.t.percent(cell.share.share)}\nn = {cell.share.n}"
        return str(cell.below_norm if self.v.measure == "below_norm" else cell.findings)

    # -- pieces ---------------------------------------------------------------------------
    def cover(self) -> list[Flowable]:
        """The round report's cover (the brand band in the house colours), with the series."""
        from schouw.report.round_report import _bottom, _cover_frames, _frame_break

        t, d, v = self.t, self.d, self.v
        frames = _cover_frames()
        story: list[Flowable] = [
            KeepInFrame(frames[0]._width, frames[0]._height,
                        [P(esc(d.municipality or d.project_name), "cover_municipality")], mode="shrink"),
            _frame_break()]
        band = [P(esc(f"{t('wijkschouw')} · {t('vl_title')}".upper()), "cover_kicker"), Spacer(1, 6),
                P(esc(clip(d.buurt)), "cover_title"), Spacer(1, 6), P(esc(clip(d.form_title)), "cover_sub"),
                Spacer(1, 2), P(esc(t("vl_cover_sub", first=t.date(v.rounds[0].date), last=t.date(v.rounds[-1].date),
                                      n=len(v.rounds))), "cover_sub")]
        story += [KeepInFrame(frames[1]._width, frames[1]._height, _bottom(band, frames[1]), mode="shrink"),
                  _frame_break()]
        rows = [(t("wijk"), d.wijk), (t("buurt"), d.buurt), (t("form"), d.form_title),
                (t("kind"), t(f"kind_{v.kind}")), (t("vl_measure"), t(f"vl_measure_{v.measure}")),
                (t("profile"), t("vl_profile", name=v.profile_name) if v.profile_name else "–")]
        info = Table([[P(esc(k), "cover_label"), P(esc(val), "cover_value")] for k, val in rows],
                     colWidths=[4.2 * cm, FRAME_W - 4.2 * cm], hAlign="LEFT")
        info.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 2),
                                  ("BOTTOMPADDING", (0, 0), (-1, -1), 2), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
        body = [info, Spacer(1, 10), self.summary_box(), Spacer(1, 10), P(esc(t("vl_rounds")), "cover_label"),
                Spacer(1, 2), self.rounds_table(), Spacer(1, 12),
                P(esc(t("made_on", date=t.date(d.created or date.today()), version=__version__)), "small")]
        story += [KeepInFrame(frames[2]._width, frames[2]._height, body, mode="shrink"),
                  NextPageTemplate("normal"), PageBreak()]
        return story

    def rounds_table(self) -> Table:
        t = self.t
        rows: list[list] = [[P(esc(t("vl_nr")), "th"), P(esc(t("date")), "th"), P(esc(t("vl_round")), "th"),
                             P(esc(t("kind")), "th")]]
        for i, r in enumerate(self.v.rounds, start=1):
            rows.append([str(i), t.short_date(r.date), P(esc(clip(r.title, 120) or "–"), "cell"), t(f"kind_{r.kind}")])
        widths = [1.0 * cm, 2.4 * cm, FRAME_W - 7.4 * cm, 4.0 * cm]
        table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
        table.setStyle(grid(widths, extra=[("FONT", (0, 1), (-1, -1), S.FONT, 8.5)]))
        return table

    def summary_box(self) -> Table:
        t, v = self.t, self.v
        from schouw.domain.scoring import Trend

        parts = [(Trend.BETTER, "better"), (Trend.WORSE, "worse"), (Trend.SAME, "same"), (None, None)]
        cells = []
        style: list[tuple] = [("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                              ("BOX", (0, 0), (-1, -1), 0.5, S.RULE), ("INNERGRID", (0, 0), (-1, -1), 0.5, S.RULE)]
        for col, (trend, key) in enumerate(parts):
            back, ink = MOVE_COLOURS[key]
            n = v.counts(trend)
            cells.append([P(f"<font color='{ink.hexval()}'><b>{self.arrows[key]} {n}</b></font>", "kpi_value"),
                          P(esc(t(f"vl_streets_{key or 'unknown'}", n=n)), "kpi_small")])
            style.append(("BACKGROUND", (col, 0), (col, 0), back))
        table = Table([[Table([[c[0]], [c[1]]]) for c in cells]], colWidths=[FRAME_W / 4] * 4)
        table.setStyle(TableStyle(style))
        return table

    def line_table(self, lines: list[Line], first_col: str) -> Table:
        """Rows: one per line; columns: name, a value per round, the movement."""
        t, v = self.t, self.v
        n = len(v.rounds)
        move_w = 3.4 * cm
        name_w = 4.6 * cm if n > 5 else 5.6 * cm
        round_w = (FRAME_W - name_w - move_w) / n
        head = [P(esc(first_col), "th")] + [P(f"{i}<br/>{esc(t.short_date(r.date))}", "th")
                                             for i, r in enumerate(v.rounds, start=1)] + [P(esc(t("vl_move")), "th")]
        rows: list[list] = [head]
        style: list[tuple] = [("FONT", (0, 1), (-1, -1), S.FONT, 8 if n > 6 else 8.5),
                              ("ALIGN", (1, 1), (n, -1), "CENTER"), ("VALIGN", (0, 1), (-1, -1), "MIDDLE")]
        for r, line in enumerate(lines, start=1):
            move = line.move.value if line.move else None
            back, ink = MOVE_COLOURS[move]
            row: list = [P(esc(clip(line.name, 90)), "cell")]
            for c, cell in enumerate(line.cells, start=1):
                row.append(self.cell_text(cell))
                if not cell.walked:
                    style += [("TEXTCOLOR", (c, r), (c, r), S.MUTED), ("FONT", (c, r), (c, r), S.FONT_ITALIC, 7)]
            row.append(self.move_text(line))
            style += [("BACKGROUND", (n + 1, r), (n + 1, r), back), ("TEXTCOLOR", (n + 1, r), (n + 1, r), ink),
                      ("FONT", (n + 1, r), (n + 1, r), S.FONT_BOLD, 8.5)]
            rows.append(row)
        widths = [name_w] + [round_w] * n + [move_w]
        table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
        table.setStyle(grid(widths, zebra=False, extra=style))
        return table

    def story(self) -> list[Flowable]:
        t, v = self.t, self.v
        story = self.cover()
        story += [Heading(esc(t("vl_per_street")), S.styles()["h2"], outline=t("vl_per_street"), key="streets"),
                  running_title(t, t("vl_per_street")),
                  P(esc(t(f"vl_intro_{v.measure}")), "body"), P(esc(t("vl_how")), "note"), Spacer(1, 6),
                  self.line_table(list(v.streets), t("vl_street")), running_title(t, None)]
        shown = [a for a in v.aspects if any(_recorded(c) for c in a.cells)]
        story += [PageBreak(),
                  Heading(esc(t("vl_per_aspect")), S.styles()["h2"], outline=t("vl_per_aspect"), key="aspects"),
                  running_title(t, t("vl_per_aspect")), P(esc(t(f"vl_measure_{v.measure}")), "meta")]
        if len(shown) < len(v.aspects):
            story.append(P(esc(t("vl_aspects_left_out", n=len(v.aspects) - len(shown))), "note"))
        story += [Spacer(1, 4), self.line_table(shown, t("vl_aspect")), running_title(t, None)]
        return story + self.moved_streets()

    def moved_streets(self) -> list[Flowable]:
        """Per street that got better or worse, the aspects that moved in it: what a
        wijkteam asks next ("what got worse in the Kievitstraat?"). At most
        :data:`MOVED_STREETS` streets, the order of the street table."""
        from schouw.domain.scoring import Trend

        t, v = self.t, self.v
        moved = [s for s in v.streets if s.move in (Trend.BETTER, Trend.WORSE)]
        if not moved:
            return []
        story: list[Flowable] = [
            PageBreak(), Heading(esc(t("vl_moved")), S.styles()["h2"], outline=t("vl_moved"), key="moved"),
            running_title(t, t("vl_moved")), P(esc(t("vl_moved_intro")), "note")]
        if len(moved) > MOVED_STREETS:
            story.append(P(esc(t("vl_moved_left_out", n=len(moved) - MOVED_STREETS)), "note"))
        for street in moved[:MOVED_STREETS]:
            lines = [a for a in v.street_aspects.get(street.key, ()) if a.move in (Trend.BETTER, Trend.WORSE)]
            if not lines:
                continue
            story += [CondPageBreak(3 * cm), P(esc(f"{clip(street.name, 90)} — {self.move_text(street)}"), "h3"),
                      self.line_table(lines[:MOVED_ASPECTS], t("vl_aspect"))]
            if len(lines) > MOVED_ASPECTS:
                story.append(P(esc(t("vl_aspects_more", n=len(lines) - MOVED_ASPECTS)), "note"))
        return story + [running_title(t, None)]

    def build(self, out: Path, *, progress: Callable[[int, int], None] | None = None,
              cancel: Callable[[], bool] | None = None) -> int:
        from schouw.report.round_report import _cover_frames, _draw_cover

        t, d = self.t, self.d
        title = f"{t('vl_title')} {d.buurt}"
        doc = ReportDoc(str(out), header_left=title, header_right=d.municipality or d.project_name,
                        footer_left=t("vl_title"), page_of=t("page_of", page="{page}"), lang=self.lang,
                        draw_cover=_draw_cover, cover_frames=_cover_frames(), progress=progress, cancel=cancel, title=title,
                        author=d.municipality or d.project_name,
                        subject=t("vl_subject", buurt=d.buurt, n=len(self.v.rounds)),
                        creator=f"schouw {__version__}",
                        keywords=", ".join(x for x in ("wijkschouw", "verloop", "stratenaanpak", d.wijk, d.buurt) if x))
        return doc.build_story(self.story())


def _recorded(cell: Cell) -> bool:
    """Anything recorded or judged in the cell (an aspect nobody ever noted is left out)."""
    return cell.walked and (cell.findings > 0 or (cell.share is not None and cell.share.n > 0))


def render(data: VerloopPages, out: Path, *, lang: str = "nl", progress=None, cancel=None) -> int:
    """Write the verloop report to ``out``; returns the number of pages."""
    S.register_fonts()
    return VerloopReport(data, lang).build(out, progress=progress, cancel=cancel)
