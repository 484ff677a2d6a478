"""Pieces both reports use: safe paragraphs, table styles, the action table."""

from __future__ import annotations

from datetime import date
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.units import cm
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle
from reportlab.platypus.flowables import SetTopFlowables

from schouw.report import styles as S
from schouw.report.flowables import Seg, TextLines
from schouw.report.i18n import Texts
from schouw.report.model import FindingEntry, ReportData


def esc(text: object) -> str:
    """Text as Paragraph markup: user text may hold <, > and &."""
    return escape(str(text)).replace("\n", "<br/>")


def P(text: str, style: str = "body") -> Paragraph:  # noqa: N802 - reads like a tag
    """A paragraph from markup (escape user text with :func:`esc` first)."""
    return Paragraph(text, S.styles()[style])


class _RunningTitle(Paragraph):
    """The title at the top of a page that continues a section. Drawn at the frame's
    own left edge even when the page starts inside an indented run (a finding's photo
    rows), so it lines up with the headings."""

    def drawOn(self, canvas, x, y, _sW=0):  # noqa: N802 - ReportLab's name
        indent = getattr(getattr(self, "_frame", None), "_leftExtraIndent", 0) or 0
        super().drawOn(canvas, x - indent, y, _sW)


def running_title(t: Texts, title: str | None) -> Flowable:
    """From here on, every new page opens with "<title> (vervolg)", until a
    ``running_title(t, None)`` ends the section. Why: a street's findings or a party's
    action table that runs onto the next page otherwise starts there without saying
    whose they are. ReportLab's top flowables are drawn at the top of each new frame,
    so only pages that really begin inside the section get the line. Place it after
    the section's heading (never inside a KeepTogether, which measures its content
    before it decides to start a new page)."""
    if not title:
        return SetTopFlowables([])
    return SetTopFlowables([_RunningTitle(esc(t("continued", title=title)), S.styles()["continued"])])


#: The longest name (street, party, person, round title) a heading or a table cell
#: shows; a longer one is cut with an ellipsis. Real names are far shorter: this is for
#: text pasted into the wrong field, which must not make the report fail or fill pages.
NAME_LIMIT = 200


def clip(text: str, limit: int = NAME_LIMIT) -> str:
    """Shorten long user text at a word boundary, for table cells that cannot split."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0] if " " in text[:limit] else text[:limit]
    return cut.rstrip(",.;:") + " …"


def grid(widths: list[float], *, header: bool = True, zebra: bool = True, extra: list | None = None) -> TableStyle:
    commands: list = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LINEBELOW", (0, -1), (-1, -1), 0.5, S.RULE),
    ]
    if header:
        commands += [
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, S.BRAND),
            ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
        ]
    if zebra:
        commands.append(("ROWBACKGROUNDS", (0, 1 if header else 0), (-1, -1), [colors.white, S.PALE]))
    return TableStyle(commands + (extra or []))


def cell(*segments: Seg) -> TextLines:
    """A table cell of plain text (no markup parsing: big tables lay out much faster)."""
    return TextLines(segments)


def action_rows(t: Texts, findings: list[FindingEntry], today: date, *,
                text_limit: int) -> tuple[list[list], list[tuple]]:
    """Rows of the action table (nr, location, finding, due, status, MOR) and the style
    commands they need."""
    rows: list[list] = [[P(t("nr"), "th"), P(t("location"), "th"), P(t("finding"), "th"),
                         P(t("due_col"), "th"), P(t("status"), "th"), P(t("mor_col"), "th")]]
    commands: list[tuple] = []
    for r, f in enumerate(findings, start=1):
        a = f.action
        assert a is not None
        where = [Seg(clip(f"{f.street} {f.house_number}".strip(), 90), S.FONT, 8.5, 10.5)]
        if f.spot:
            where.append(Seg(clip(f.spot, 80), S.FONT, 7.5, 9.5, S.MUTED))
        verdict = ""
        if f.level is not None:
            verdict = f" ({f.level.value})"
        elif f.choice:
            verdict = f" ({f.choice})"
        what = [Seg(f"{f.element} — {f.aspect}{verdict}", S.FONT_BOLD, 8.5, 10.5)]
        if f.description:
            what.append(Seg(clip(f.description, text_limit), S.FONT, 8.5, 10.5))
        if a.status_reason:
            what.append(Seg(f"{t.status(a.status)}: {clip(a.status_reason, 160)}", S.FONT, 7.5, 9.5, S.MUTED))
        due = t.short_date(a.due_date) if a.due_date else "–"
        if a.is_overdue(today):
            due += "\n" + t("overdue")
            commands += [("TEXTCOLOR", (3, r), (3, r), S.BAD), ("FONT", (3, r), (3, r), S.FONT_BOLD, 8.5)]
        mor: object = "–"
        if a.mor_id:
            mor = cell(Seg(a.mor_id, S.FONT, 8.5, 10.5), Seg(a.mor_status or "", S.FONT, 7, 9, S.MUTED))
        rows.append([str(f.number), cell(*where), cell(*what), due, t.status(a.status), mor])
    return rows, commands


ACTION_WIDTHS = [0.9 * cm, 3.3 * cm, 5.4 * cm, 2.2 * cm, 2.4 * cm, 2.8 * cm]


def action_table(t: Texts, findings: list[FindingEntry], today: date, *, text_limit: int = 180) -> Table:
    rows, commands = action_rows(t, findings, today, text_limit=text_limit)
    table = Table(rows, colWidths=ACTION_WIDTHS, repeatRows=1, splitInRow=1, hAlign="LEFT")
    table.setStyle(grid(ACTION_WIDTHS, extra=[
        ("FONT", (0, 1), (-1, -1), S.FONT, 8.5), ("LEADING", (0, 1), (-1, -1), 10.5),
        ("TEXTCOLOR", (0, 1), (-1, -1), S.INK), *commands]))
    return table


def party_groups(t: Texts, data: ReportData, party: str | None) -> list[tuple[str, list[FindingEntry]]]:
    """Actions grouped by party (alphabetical, no party last), each by due date."""
    groups: dict[str, list[FindingEntry]] = {}
    names: dict[str, str] = {}
    for f in data.actions(party):
        name = f.action.party.strip() if f.action else ""
        key = name.casefold()
        names.setdefault(key, name or t("no_party"))
        groups.setdefault(key, []).append(f)
    order = sorted(groups, key=lambda k: (k == "", k))
    return [(names[k], groups[k]) for k in order]


def title_line(t: Texts, data: ReportData) -> str:
    return f"{t('wijkschouw_short')} {data.buurt} · {t.date(data.round_date)}"
