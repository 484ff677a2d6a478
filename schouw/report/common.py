"""Pieces both reports use: safe paragraphs, table styles, the action table."""

from __future__ import annotations

from datetime import date
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, Table, TableStyle

from schouw.report import styles as S
from schouw.report.i18n import Texts
from schouw.report.model import FindingEntry, ReportData


def esc(text: object) -> str:
    """Text as Paragraph markup: user text may hold <, > and &."""
    return escape(str(text)).replace("\n", "<br/>")


def P(text: str, style: str = "body") -> Paragraph:  # noqa: N802 - reads like a tag
    """A paragraph from markup (escape user text with :func:`esc` first)."""
    return Paragraph(text, S.styles()[style])


def clip(text: str, limit: int) -> str:
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


def action_rows(t: Texts, findings: list[FindingEntry], today: date, *, text_limit: int) -> list[list]:
    """Rows of the action table: nr, location, finding, due, status, MOR."""
    rows: list[list] = [[P(t("nr"), "th"), P(t("location"), "th"), P(t("finding"), "th"),
                         P(t("due_col"), "th"), P(t("status"), "th"), P(t("mor_col"), "th")]]
    for f in findings:
        a = f.action
        assert a is not None
        where = esc(f.street) + (f" {esc(f.house_number)}" if f.house_number else "")
        if f.spot:
            where += f"<br/><font size=7.5 color='{S.MUTED.hexval()}'>{esc(clip(f.spot, 80))}</font>"
        verdict = ""
        if f.level is not None:
            verdict = f" ({f.level.value})"
        elif f.choice:
            verdict = f" ({esc(f.choice)})"
        what = f"<b>{esc(f.element)} — {esc(f.aspect)}</b>{verdict}"
        if f.description:
            what += "<br/>" + esc(clip(f.description, text_limit))
        due = t.short_date(a.due_date) if a.due_date else "–"
        if a.due_date and a.due_date < today and not a.is_closed:
            due = f"<font color='{S.BAD.hexval()}'><b>{due}</b><br/>{t('overdue')}</font>"
        status = esc(t.status(a.status))
        if a.status_reason:
            status += f"<br/><font size=7 color='{S.MUTED.hexval()}'>{esc(clip(a.status_reason, 120))}</font>"
        mor = "–"
        if a.mor_id:
            mor = esc(a.mor_id)
            if a.mor_status:
                mor += f"<br/><font size=7 color='{S.MUTED.hexval()}'>{esc(a.mor_status)}</font>"
        rows.append([P(str(f.number), "cell"), P(where, "cell"), P(what, "cell"), P(due, "cell"),
                     P(status, "cell"), P(mor, "cell")])
    return rows


ACTION_WIDTHS = [0.9 * cm, 3.3 * cm, 5.4 * cm, 2.0 * cm, 2.6 * cm, 2.8 * cm]


def action_table(t: Texts, findings: list[FindingEntry], today: date, *, text_limit: int = 180) -> Table:
    table = Table(action_rows(t, findings, today, text_limit=text_limit), colWidths=ACTION_WIDTHS,
                  repeatRows=1, hAlign="LEFT")
    table.setStyle(grid(ACTION_WIDTHS))
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
