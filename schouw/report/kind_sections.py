"""The parts of the round report that differ by kind of round (issue #17).

A *knelpuntenschouw* recorded what was wrong where the team walked; a share "op (of
boven) norm" over its findings would be biased low, so its report COUNTS: findings and
below-norm findings per element, aspect, street, level and party, and compares with the
earlier knelpuntenschouwen of the buurt by counts. No function here prints a share for
it. A *meting* judged every aspect at random schouwpunten: its report shows the share at
or above the norm per aspect, per schoon/heel and overall with n and the 95 % Wilson
interval, says when n is too small, and lists the judgement at every point.

The functions take the :class:`~schouw.report.round_report.RoundReport` (its texts,
data and helpers) and return flowables; round_report.py picks them by ``data.kind``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer, Table, TableStyle

from schouw.domain.levels import Level
from schouw.domain.measure import Share
from schouw.domain.scoring import CATEGORIES
from schouw.report import styles as S
from schouw.report.common import P, cell, clip, esc, grid
from schouw.report.flowables import Seg, spread_bar
from schouw.report.pdf import FRAME_W, Heading

if TYPE_CHECKING:
    from schouw.report.round_report import RoundReport


# -- knelpuntenschouw: counts ------------------------------------------------------------------
def knelpunten_cover_box(r: RoundReport) -> Table:
    below = r.d.score.total.below if r.d.score else 0
    return _box(str(below), r.t("cover_knelpunten", below=f"<b>{below}</b>"), S.BAD if below else S.GOOD)


def knelpunten_summary(r: RoundReport, intro: str) -> list[Flowable]:
    t, d = r.t, r.d
    score = d.score
    story: list[Flowable] = [Heading(esc(t("summary")), S.styles()["h1"], outline=t("summary"), key="summary")]
    story += [P(intro), Spacer(1, 4), P(esc(t("knelpunten_explain")), "note"), Spacer(1, 8)]
    story += [_count_kpis(r), Spacer(1, 12)]
    total = sum(score.total.counts.values())
    story += [P(esc(t("spread_counts")), "h3"),
              spread_bar(score.total.counts, d.levels, {lv: r.level_label(lv) for lv in d.levels}, FRAME_W,
                         lambda share: str(round((share or 0) * total))), Spacer(1, 10)]
    story += _element_counts(r)
    story += _aspect_counts(r)
    story += r._street_table()
    story += _party_counts(r)
    story += _history_counts(r)
    return story


def _count_kpis(r: RoundReport) -> Table:
    t, d = r.t, r.d
    previous = d.history.previous if d.history else None
    cells = []
    for cat in CATEGORIES:
        tally = d.score.category(cat)
        parts: list[Flowable] = [
            P(esc(t(cat)), "kpi_label"),
            P(f"<font color='{(S.BAD if tally.below else S.GOOD).hexval()}'>{tally.below}</font>", "kpi_value"),
            P(esc(t("kpi_below")) + " · " + esc(t("kpi_with_level", n=tally.judged)), "kpi_small"),
        ]
        if previous is not None:
            parts += [Spacer(1, 4), P(esc(t("kpi_previous_below", n=previous.score.category(cat).below)),
                                      "kpi_small")]
        cells.append(parts)
    return _three(cells)


def _element_counts(r: RoundReport) -> list[Flowable]:
    t, d = r.t, r.d
    levels = list(d.levels)
    previous = d.history.previous if d.history else None
    name_w = FRAME_W - (1.8 + 0.9 * len(levels) + 1.2 + 1.5 + 1.6) * cm
    widths = [name_w, 1.8 * cm] + [0.9 * cm] * len(levels) + [1.2 * cm, 1.5 * cm, 1.6 * cm]
    header = ([P(esc(t("element")), "th"), P(esc(t("count_short")), "th_right")]
              + [P(f"<font color='{S.LEVEL_TEXT[lv].hexval()}'><b>{lv.value}</b></font>", "th_right") for lv in levels]
              + [P(esc(t("norm")), "th_right"), P(esc(t("below_short")), "th_right"),
                 P(esc(t("previous_below")), "th_right")])
    rows = [header]
    for element_id, es in d.score.elements.items():
        if not es.tally.judged:
            continue
        before = previous.score.elements.get(element_id) if previous else None
        rows.append([P(esc(es.name), "cell"), P(str(es.tally.judged), "cell_right")]
                    + [P(str(es.tally.counts.get(lv, 0) or "·"), "cell_right") for lv in levels]
                    + [P(r.norms_text(es.tally), "cell_right"), P(f"<b>{es.tally.below}</b>", "cell_right"),
                       P(str(before.tally.below) if before else "–", "cell_right")])
    total = d.score.total
    rows.append([P(f"<b>{esc(t('totaal'))}</b>", "cell"), P(f"<b>{total.judged}</b>", "cell_right")]
                + [P(f"<b>{total.counts.get(lv, 0)}</b>", "cell_right") for lv in levels]
                + [P("", "cell"), P(f"<b>{total.below}</b>", "cell_right"),
                   P(str(previous.score.total.below) if previous else "–", "cell_right")])
    extra = [("LINEABOVE", (0, -1), (-1, -1), 0.8, S.BRAND), ("BACKGROUND", (0, -1), (-1, -1), S.BRAND_LIGHT)]
    extra += [("BACKGROUND", (2 + i, 0), (2 + i, 0), S.LEVEL_COLOURS[lv]) for i, lv in enumerate(levels)]
    table = Table(rows, colWidths=widths, repeatRows=1, splitInRow=1, hAlign="LEFT")
    table.setStyle(grid(widths, extra=extra))
    return [CondPageBreak(5 * cm), P(esc(t("per_element_counts")), "h2"), table, Spacer(1, 8)]


def _count_table(r: RoundReport, title: str, first: str, items: list[tuple[str, int, int]]) -> list[Flowable]:
    t = r.t
    if not items:
        return []
    widths = [FRAME_W - 2 * 2.4 * cm, 2.4 * cm, 2.4 * cm]
    rows = [[P(esc(first), "th"), P(esc(t("findings_n")), "th_right"), P(esc(t("below_short")), "th_right")]]
    rows += [[cell(Seg(clip(name), S.FONT, 8.5, 10.5)), str(n), str(below)] for name, n, below in items]
    table = Table(rows, colWidths=widths, repeatRows=1, splitInRow=1, hAlign="LEFT")
    table.setStyle(grid(widths, extra=[("FONT", (0, 1), (-1, -1), S.FONT, 8.5), ("TEXTCOLOR", (0, 1), (-1, -1), S.INK),
                                       ("ALIGN", (1, 1), (2, -1), "RIGHT")]))
    return [CondPageBreak(4 * cm), P(esc(title), "h2"), table, Spacer(1, 8)]


def _aspect_counts(r: RoundReport) -> list[Flowable]:
    counts = r.d.counts
    if counts is None:
        return []
    items = [(r.d.item_names.get(key, key), c.findings, c.below_norm) for key, c in counts.aspects.items()
             if c.findings]
    items.sort(key=lambda i: (-i[2], -i[1]))
    return _count_table(r, r.t("per_aspect_counts"), r.t("aspect"), items)


def _party_counts(r: RoundReport) -> list[Flowable]:
    counts = r.d.counts
    if counts is None:
        return []
    items = [(party or r.t("no_action_party"), c.findings, c.below_norm) for party, c in counts.parties.items()]
    items.sort(key=lambda i: (i[0] == r.t("no_action_party"), i[0].casefold()))
    return _count_table(r, r.t("per_party_counts"), r.t("party"), items)


def _history_counts(r: RoundReport) -> list[Flowable]:
    t, d = r.t, r.d
    if d.history is None or len(d.history.points) < 2:
        return []
    widths = [FRAME_W - (3.3 + 2.0 + 1.9 * 3) * cm, 3.3 * cm, 2.0 * cm, 1.9 * cm, 1.9 * cm, 1.9 * cm]
    rows = [[P(esc(t("round")), "th"), P(esc(t("date")), "th"), P(esc(t("findings_n")), "th_right")]
            + [P(esc(t(c)) + " " + esc(t("below_short")), "th_right") for c in CATEGORIES]]
    for point in d.history.points:
        current = point.round_id == d.history.current.round_id
        b, nb = ("<b>", "</b>") if current else ("", "")
        rows.append([P(b + esc(clip(point.title)) + nb, "cell"), P(b + esc(t.short_date(point.date)) + nb, "cell"),
                     P(b + str(point.score.total.judged) + nb, "cell_right")]
                    + [P(b + str(point.score.category(c).below) + nb, "cell_right") for c in CATEGORIES])
    table = Table(rows, colWidths=widths, repeatRows=1, splitInRow=1, hAlign="LEFT")
    table.setStyle(grid(widths))
    return [CondPageBreak(4 * cm), P(esc(t("history_counts")), "h2"), table, Spacer(1, 8)]


# -- meting: shares with intervals -------------------------------------------------------------
def _share_text(r: RoundReport, share: Share) -> str:
    return r.pct(share.share)


def meting_cover_box(r: RoundReport) -> Table:
    t, m = r.t, r.d.meting
    s = m.overall
    text = t("cover_meting", share=f"<b>{r.pct(s.share)}</b>", low=r.pct(s.low), high=r.pct(s.high), n=s.n,
             target=r.pct(r.target()), done=m.points_done, total=m.points_total)
    if not s.conclusive:
        text += " <b>" + esc(t("too_few")).capitalize() + ".</b>"
    return _box(r.pct(s.share), text, S.share_colour(s.share, r.target()))


def meting_summary(r: RoundReport) -> list[Flowable]:
    t, d = r.t, r.d
    m = d.meting
    story: list[Flowable] = [Heading(esc(t("summary")), S.styles()["h1"], outline=t("summary"), key="summary")]
    intro = t("meting_intro", date=t.date(d.round_date), buurt=esc(d.buurt), total=m.points_total,
              done=m.points_done, seed=d.meting_seed if d.meting_seed is not None else "–")
    if m.overall.n:
        intro += " " + t("meting_score", share=f"<b>{r.pct(m.overall.share)}</b>", low=r.pct(m.overall.low),
                         high=r.pct(m.overall.high), n=m.overall.n)
    if not m.overall.conclusive:
        intro += " <b>" + esc(t("too_few")).capitalize() + ".</b>"
    story += [P(intro), Spacer(1, 10), _meting_kpis(r), Spacer(1, 12)]
    story += _aspect_shares(r)
    story += _meting_history(r)
    notes = [P(esc(t("notes")), "h3"), P(esc(t("note_meting", profile=r.profile_text())), "note")]
    story.append(KeepTogether(notes))
    return story


def _meting_kpis(r: RoundReport) -> Table:
    t, d = r.t, r.d
    m = d.meting
    previous = d.meting_history[-1][2] if d.meting_history else None
    cells = []
    for cat in CATEGORIES:
        share = m.overall if cat == "totaal" else m.groups[cat]
        before = None if previous is None else (previous.overall if cat == "totaal" else previous.groups[cat])
        target = r.target(cat)
        colour = S.share_colour(share.share, target)
        parts: list[Flowable] = [
            P(esc(t(cat)), "kpi_label"),
            P(f"<font color='{colour.hexval()}'>{r.pct(share.share)}</font>", "kpi_value"),
            P(esc(t("at_norm")) + " · " + esc(t("n_judged", n=share.n)), "kpi_small"),
            P(esc(t("interval", low=r.pct(share.low), high=r.pct(share.high))), "kpi_small"),
            Spacer(1, 4),
            P(f"{esc(t('target'))}: <b>{r.pct(target)}</b>", "kpi_small"),
        ]
        if before is not None:
            parts.append(P(f"{esc(t('previous'))}: {r.pct(before.share)} ({esc(t('n_judged', n=before.n))})",
                           "kpi_small"))
        if not share.conclusive:
            parts.append(P(f"<font color='{S.WARN.hexval()}'><b>{esc(t('too_few'))}</b></font>", "kpi_small"))
        cells.append(parts)
    return _three(cells)


def _aspect_shares(r: RoundReport) -> list[Flowable]:
    t, d = r.t, r.d
    widths = [FRAME_W - (1.4 + 1.6 + 1.8 + 3.0) * cm, 1.4 * cm, 1.6 * cm, 1.8 * cm, 3.0 * cm]
    rows = [[P(esc(t("aspect")), "th"), P("n", "th_right"), P(esc(t("at_or_above_short")), "th_right"),
             P(esc(t("share_col")), "th_right"), P(esc(t("interval_col")), "th_right")]]
    few = False
    for a in d.meting.aspects:
        name = d.item_names.get(f"{a.element}.{a.aspect}", f"{a.element}.{a.aspect}")
        s = a.share
        mark = "" if s.conclusive or not s.n else " *"
        few = few or bool(mark)
        colour = S.share_colour(s.share, r.target(a.category or "totaal"))
        rows.append([P(esc(name), "cell"), P(str(s.n), "cell_right"), P(str(s.at_or_above), "cell_right"),
                     P(f"<font color='{colour.hexval()}'><b>{r.pct(s.share)}</b></font>{mark}", "cell_right"),
                     P(f"{r.pct(s.low)}–{r.pct(s.high)}" if s.n else "–", "cell_right")])
    for cat in ("schoon", "heel", "totaal"):
        s = d.meting.overall if cat == "totaal" else d.meting.groups[cat]
        rows.append([P(f"<b>{esc(t(cat))}</b>", "cell"), P(f"<b>{s.n}</b>", "cell_right"),
                     P(f"<b>{s.at_or_above}</b>", "cell_right"), P(f"<b>{r.pct(s.share)}</b>", "cell_right"),
                     P(f"<b>{r.pct(s.low)}–{r.pct(s.high)}</b>" if s.n else "–", "cell_right")])
    table = Table(rows, colWidths=widths, repeatRows=1, splitInRow=1, hAlign="LEFT")
    table.setStyle(grid(widths, extra=[("LINEABOVE", (0, -3), (-1, -3), 0.8, S.BRAND),
                                       ("BACKGROUND", (0, -3), (-1, -1), S.BRAND_LIGHT)]))
    story: list[Flowable] = [CondPageBreak(5 * cm), P(esc(t("per_aspect_meting")), "h2"), table]
    if few:
        story += [Spacer(1, 3), P("* " + esc(t("too_few")), "note")]
    return [*story, Spacer(1, 8)]


def _meting_history(r: RoundReport) -> list[Flowable]:
    t, d = r.t, r.d
    if not d.meting_history:
        return []
    widths = [FRAME_W - (3.3 + 2.0 + 1.9 * 3) * cm, 3.3 * cm, 2.0 * cm, 1.9 * cm, 1.9 * cm, 1.9 * cm]
    rows = [[P(esc(t("round")), "th"), P(esc(t("date")), "th"), P("n", "th_right"),
             P(esc(t("totaal")), "th_right"), P(esc(t("schoon")), "th_right"), P(esc(t("heel")), "th_right")]]
    points = [*d.meting_history, (d.round_title, d.round_date, d.meting)]
    for n, (title, when, score) in enumerate(points):
        b, nb = ("<b>", "</b>") if n == len(points) - 1 else ("", "")
        rows.append([P(b + esc(clip(title)) + nb, "cell"), P(b + esc(t.short_date(when)) + nb, "cell"),
                     P(b + str(score.overall.n) + nb, "cell_right")]
                    + [P(b + r.pct(s.share) + nb, "cell_right")
                       for s in (score.overall, score.groups["schoon"], score.groups["heel"])])
    table = Table(rows, colWidths=widths, repeatRows=1, splitInRow=1, hAlign="LEFT")
    table.setStyle(grid(widths))
    return [CondPageBreak(4 * cm), P(esc(t("history_meting")), "h2"), table, Spacer(1, 8)]


def meting_points(r: RoundReport) -> list[Flowable]:
    """Every point with its judgement per aspect: one compact table instead of a page
    per finding (a meting of 100 points holds 1,200 judgements, none with a remark)."""
    from reportlab.platypus import PageBreak

    t, d = r.t, r.d
    items = [(a.element, a.aspect) for a in d.meting.aspects]
    norms = {}
    if d.findings:
        for f in d.findings:
            norms.setdefault((f.street_id, f.item), f.norm)
    street_of = {s.name: s.id for s in d.streets}
    legend = "; ".join(f"<b>{i}</b> {esc(d.item_names.get(f'{e}.{a}', f'{e}.{a}'))}"
                       for i, (e, a) in enumerate(items, start=1))
    n_w, street_w = 1.2 * cm, 3.8 * cm
    col = (FRAME_W - n_w - street_w) / max(1, len(items))
    widths = [n_w, street_w] + [col] * len(items)
    header = [P(esc(t("point_n")), "th"), P(esc(t("street")), "th")]
    header += [P(str(i), "th_right") for i in range(1, len(items) + 1)]
    rows = [header]
    commands: list[tuple] = []
    for n, street, judged in d.point_rows:
        row = [str(n), cell(Seg(clip(street, 40), S.FONT, 7.5, 9))]
        for i, (e, a) in enumerate(items):
            value = judged.get(f"{e}.{a}", "")
            norm = norms.get((street_of.get(street), f"{e}.{a}"))
            level = Level.parse(value) if value and value != "n.v.t." else None
            if level is not None and norm is not None and level < norm:
                commands.append(("TEXTCOLOR", (2 + i, len(rows)), (2 + i, len(rows)), S.BAD))
            row.append("–" if value == "n.v.t." else value or "?")
        rows.append(row)
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(grid(widths, extra=[("FONT", (0, 1), (-1, -1), S.FONT, 7.5), ("TEXTCOLOR", (0, 1), (-1, -1), S.INK),
                                       ("ALIGN", (2, 1), (-1, -1), "CENTER"), *commands]))
    return [PageBreak(), Heading(esc(t("points_table")), S.styles()["h1"], outline=t("points_table"), key="points"),
            P(esc(t("points_intro")), "note"), P(legend, "note"), Spacer(1, 6), table]


# -- shared ------------------------------------------------------------------------------------
def _box(big: str, text: str, colour) -> Table:
    from schouw.report.round_report import _para

    box = Table([[_para(f"<font color='{colour.hexval()}'>{esc(big)}</font>", S.styles()["kpi_value"]),
                  P(text, "body")]], colWidths=[3.4 * cm, FRAME_W - 3.4 * cm])
    box.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), S.PALE), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                             ("LEFTPADDING", (0, 0), (-1, -1), 10), ("TOPPADDING", (0, 0), (-1, -1), 10),
                             ("BOTTOMPADDING", (0, 0), (-1, -1), 12), ("LINEBEFORE", (0, 0), (0, -1), 3, colour)]))
    return box


def _three(cells: list[list[Flowable]]) -> Table:
    w = (FRAME_W - 2 * 8) / 3
    table = Table([[cells[0], "", cells[1], "", cells[2]]], colWidths=[w, 8, w, 8, w])
    style = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 9),
             ("RIGHTPADDING", (0, 0), (-1, -1), 6), ("TOPPADDING", (0, 0), (-1, -1), 8),
             ("BOTTOMPADDING", (0, 0), (-1, -1), 9)]
    for col in (0, 2, 4):
        style += [("BACKGROUND", (col, 0), (col, 0), S.PALE), ("LINEABOVE", (col, 0), (col, 0), 2.5, S.BRAND)]
    table.setStyle(TableStyle(style))
    return table
