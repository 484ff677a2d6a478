"""The council's monitor of one wijk over one year, in the house style of the reports.

Page one: what the monitor covers, the headline figures and the buurten that lag (with
the reasons in words, so a council member need not read a table to find them). Then a
table per buurt (rounds, findings, below norm, the latest meting's share with its 95 %
interval — never a share for a knelpuntenschouw —, actions, re-inspection, trend), the
indicators with nulmeting and streefwaarde, actions per party, the hotspots and the
Veilige Buurten trajecten. Renders :class:`schouw.services.monitor_report.Monitor`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from schouw import __version__
from schouw.report import styles as S
from schouw.report.common import P, clip, esc, grid
from schouw.report.i18n import Texts
from schouw.report.pdf import FRAME_W, ReportDoc

if TYPE_CHECKING:
    from schouw.services.monitor_report import Monitor


def meting_text(t: Texts, meting) -> str:
    """"82 % (76–87 %, n = 240)" or "–"; "te weinig punten" below the minimum."""
    if meting is None or meting.overall.share is None:
        return "–"
    s = meting.overall
    text = f"{t.percent(s.share)} ({t.percent(s.low)}–{t.percent(s.high)}, n = {s.n})"
    return text if s.conclusive else text + " " + t("mon_too_few")


def trend_text(t: Texts, trend) -> str:
    arrow = {"beter": "↑ ", "slechter": "↓ ", "gelijk": "= "}.get(trend.direction, "")
    return arrow + t("mon_trend_" + trend.direction)


def lag_text(t: Texts, key: str, params: dict) -> str:
    if key == "mon_lag_trend":
        return t("mon_lag_trend_" + (params.get("basis") or "knelpunten"))
    return t(key, **params)


def render_monitor(monitor: Monitor, out: Path, *, lang: str = "nl") -> int:
    t = Texts(lang)
    title = t("mon_title", wijk=monitor.wijk, year=monitor.year)
    doc = ReportDoc(str(out), header_left=title, header_right=monitor.municipality or monitor.wijk,
                    footer_left=title, page_of=t("page_of", page="{page}"), lang=lang, title=title,
                    author=monitor.municipality or "", subject=t("mon_subject", wijk=monitor.wijk, year=monitor.year),
                    creator=f"schouw {__version__}", keywords=", ".join(("wijkschouw", "monitor", monitor.wijk)))
    return doc.build_story(_story(t, monitor))


def _story(t: Texts, m: Monitor) -> list[Flowable]:
    o = m.overview
    buurten = list(o.buurten)
    rounds = sum(a.rounds_total for a in buurten)
    findings = sum(a.findings for a in buurten)
    below = sum(a.below_norm for a in buurten)
    overdue = sum(a.actions_overdue for a in buurten)
    story: list[Flowable] = [
        P(esc(t("mon_title", wijk=m.wijk, year=m.year)), "h1"),
        P(esc(t("mon_intro", start=t.date(o.period.start), end=t.date(o.period.end),
                prev_start=t.date(o.previous.start), prev_end=t.date(o.previous.end))), "body"),
        Spacer(1, 6),
        _figures(t, [(t("mon_fig_buurten"), str(len(buurten))), (t("mon_fig_rounds"), str(rounds)),
                     (t("mon_fig_findings"), str(findings)), (t("mon_fig_below"), str(below)),
                     (t("mon_fig_overdue"), str(overdue))]),
        Spacer(1, 8),
        P(esc(t("mon_lagging")), "h2"),
    ]
    if m.lagging:
        story.append(P(esc(t("mon_lagging_intro")), "body"))
        for lag in m.lagging:
            reasons = "; ".join(lag_text(t, key, params) for key, params in lag.reasons)
            story.append(P(f"<b>{esc(lag.buurt)}</b>: {esc(reasons)}", "body"))
    else:
        story.append(P(esc(t("mon_lagging_none")), "body"))
    story.append(P(esc(t("mon_note_kinds")), "note"))
    story += [Spacer(1, 8), P(esc(t("mon_per_buurt")), "h2"), _buurt_table(t, buurten)]
    if o.indicators:
        story += [Spacer(1, 8), P(esc(t("ind_title")), "h2"), _indicator_table(t, o.indicators)]
    if m.parties:
        story += [Spacer(1, 8), KeepTogether([P(esc(t("mon_parties")), "h2"), _party_table(t, m.parties)])]
    story += [Spacer(1, 8), P(esc(t("mon_hotspots")), "h2")]
    if m.hotspots:
        story += [P(esc(t("mon_hotspots_intro")), "note"), _hotspot_table(t, m.hotspots[:15])]
    else:
        story.append(P(esc(t("mon_hotspots_none")), "body"))
    story += [Spacer(1, 8), P(esc(t("mon_cycles")), "h2")]
    if m.cycles:
        story.append(_cycle_table(t, m.cycles))
    else:
        story.append(P(esc(t("mon_cycles_none")), "body"))
    story += [Spacer(1, 10), P(esc(t("made_on", date=t.date(m.created), version=__version__)), "note")]
    return story


def _figures(t: Texts, pairs: list[tuple[str, str]]) -> Table:
    widths = [FRAME_W / len(pairs)] * len(pairs)
    table = Table([[P(f"<font size='16'><b>{esc(v)}</b></font>", "body") for _k, v in pairs],
                   [P(esc(k), "cell_muted") for k, _v in pairs]], colWidths=widths)
    table.setStyle(grid(widths, header=False, zebra=False))
    return table


def fit_widths(headers: list[str], texts: list[list[str]], weights: list[float]) -> list[float]:
    """Column widths in which no word of a header or cell is broken: each column at least
    its longest word (bold for headers and the first column), the rest of the frame
    shared by ``weights``. Municipal names are long; a split "Bevindinge/n" looks broken."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    pad = 8.5
    need = []
    for col, header in enumerate(headers):
        words = [(w, S.FONT_BOLD, 8.0) for w in header.split()]
        words += [(w, S.FONT_BOLD if col == 0 else S.FONT, 8.5) for row in texts for w in row[col].split()]
        need.append(max((stringWidth(w, f, size) for w, f, size in words), default=10) + pad)
    spare = FRAME_W - sum(need)
    if spare <= 0:
        return [n * FRAME_W / sum(need) for n in need]
    total = sum(weights)
    return [n + spare * w / total for n, w in zip(need, weights, strict=True)]


def _table(headers: list[str], rows: list[list[str]], weights: list[float], bold_first: bool = False) -> Table:
    widths = fit_widths(headers, rows, weights)
    body = [[P(esc(text), "cell_bold" if bold_first and i == 0 else "cell") for i, text in enumerate(row)]
            for row in rows]
    table = Table([[P(esc(h), "th") for h in headers]] + body, colWidths=widths, repeatRows=1)
    table.setStyle(grid(widths))
    return table


def _buurt_table(t: Texts, buurten) -> Table:
    headers = [t("buurt"), t("mon_col_rounds"), t("mon_col_findings"), t("mon_col_below"), t("mon_col_meting"),
               t("mon_col_actions"), t("mon_col_rechecks"), t("mon_col_trend")]
    rows = []
    for a in sorted(buurten, key=lambda a: (-a.below_norm, a.name.casefold())):
        kinds = ", ".join(f"{n} {t('mon_kind_' + k)}" for k, n in sorted(a.rounds.items()) if n) or "0"
        actions = t("mon_actions_cell", open=a.actions_open, overdue=a.actions_overdue)
        rechecks = f"{t.percent(a.solved_share)} ({a.rechecks_checked})" if a.rechecks_checked else "–"
        rows.append([a.name, kinds, str(a.findings), str(a.below_norm), meting_text(t, a.meting), actions, rechecks,
                     trend_text(t, a.trend)])
    return _table(headers, rows, [3, 2, 0.5, 0.5, 3, 2, 1, 1.5], bold_first=True)


def _indicator_table(t: Texts, rows) -> Table:
    headers = [t("ind_name"), t("ind_area"), t("ind_baseline"), t("ind_target"), t("ind_latest"), t("ind_course")]
    body = []
    for r in rows:
        i, s = r.indicator, r.status
        unit = f" {i.unit}" if i.unit else ""
        latest = "–" if s.latest is None else f"{s.latest.value:g}{unit} ({s.latest.year})"
        verdict = (t("ind_not_measured") if s.latest is None else
                   t("ind_target_met") if s.target_met else t("ind_on_course") if s.on_course else t("ind_off_course"))
        body.append([i.name, r.area_name or "–", f"{i.baseline_value:g}{unit} ({i.baseline_year})",
                     f"{i.target_value:g}{unit} ({i.target_year})", latest, verdict])
    return _table(headers, body, [5, 1, 1, 1, 1, 1.5])


def _party_table(t: Texts, parties) -> Table:
    headers = [t("mon_col_party"), t("mon_col_open"), t("mon_col_overdue"), t("mon_col_done"), t("mon_col_rejected"),
               t("mon_col_days")]
    body = [[clip(p.party or "–", 60), str(p.open), str(p.overdue), str(p.done), str(p.rejected),
             "–" if p.median_days_to_close is None else f"{p.median_days_to_close:.0f}"] for p in parties]
    return _table(headers, body, [6, 0.5, 0.5, 0.5, 0.5, 1])


def _hotspot_table(t: Texts, hotspots) -> Table:
    headers = ["#", t("buurt"), t("mon_col_street"), t("mon_col_rounds_n"), t("mon_col_findings"), t("mon_col_worst"),
               t("mon_col_items")]
    body = [[str(h.rank), h.buurt, h.street, str(h.rounds), str(h.findings), h.worst,
             clip(", ".join(h.item_names or h.items), 120)] for h in hotspots]
    return _table(headers, body, [0, 1.5, 2, 0, 0, 0, 6])


def _cycle_table(t: Texts, cycles) -> Table:
    headers = [t("buurt"), t("mon_col_cycle"), t("mon_col_period"), t("mon_col_state"), t("mon_col_outcomes")]
    body = []
    for c in cycles:
        state = t("mon_cycle_evaluated") if c.status == "geevalueerd" else t("mon_cycle_week", week=c.week,
                                                                                 weeks=c.weeks)
        outcomes = t("mon_cycle_outcomes", achieved=c.outcomes.get("bereikt", 0), partly=c.outcomes.get("deels", 0),
                     not_=c.outcomes.get("niet", 0), n=c.priorities)
        body.append([c.buurt, c.title, f"{t.short_date(c.start)} – {t.short_date(c.end)}", state, outcomes])
    return _table(headers, body, [1, 3, 1, 1, 3])

