"""The evaluation of a Veilige Buurten traject: a short PDF for the residents' evening and
the partners, in the house style of the other reports.

Page one says what the traject was (buurt, weeks, dates), how its priorities came out
(counts per outcome) and the evaluation note; then a table per priority with its outcome,
the note and the actions partners took; last, what the next traject starts from (the
priorities not, or only partly, achieved). Renders :class:`schouw.services.cycles.CycleView`
and nothing else, so the window, the CLI and this PDF show the same facts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from schouw import __version__
from schouw.report import styles as S
from schouw.report.common import P, esc, grid
from schouw.report.i18n import Texts
from schouw.report.pdf import FRAME_W, ReportDoc

if TYPE_CHECKING:
    from schouw.services.cycles import CycleView

OUTCOME_COLOURS = {"bereikt": S.GOOD, "deels": S.WARN, "niet": S.BAD}


@dataclass
class CycleReport:
    view: CycleView
    municipality: str
    created: date
    lang: str = "nl"

    def build(self, out: Path) -> int:
        t = Texts(self.lang)
        v = self.view
        heading = t("cyc_title", buurt=v.buurt)
        doc = ReportDoc(str(out), header_left=f"{v.cycle.title}", header_right=self.municipality or v.buurt,
                        footer_left=heading, page_of=t("page_of", page="{page}"), lang=self.lang,
                        title=f"{heading} — {v.cycle.title}", author=self.municipality or "",
                        subject=t("cyc_subject", buurt=v.buurt), creator=f"schouw {__version__}",
                        keywords=", ".join(("Veilige Buurten", "traject", "evaluatie", v.buurt)))
        return doc.build_story(self.story(t))

    def story(self, t: Texts) -> list[Flowable]:
        v, c = self.view, self.view.cycle
        evaluated = c.status.value == "geevalueerd"
        story: list[Flowable] = [
            P(esc(t("cyc_title", buurt=v.buurt)), "h1"),
            P(esc(c.title), "h2"),
            P(esc(t("cyc_period", start=t.date(c.start), end=t.date(v.end), weeks=c.weeks)), "body"),
            P(esc(t("cyc_state_evaluated", date=t.date(c.closed_at[:10])) if evaluated and c.closed_at
                  else t("cyc_state_open", week=v.week, weeks=c.weeks)), "meta"),
            Spacer(1, 6),
        ]
        n = {o.value: k for o, k in v.outcomes.items()}
        story.append(self._counts(t, n, len(v.priorities)))
        if c.evaluation_note:
            story += [Spacer(1, 6), P(esc(t("cyc_note")), "h2"), P(esc(c.evaluation_note), "body")]
        story += [Spacer(1, 6), P(esc(t("cyc_priorities")), "h2")]
        if not v.priorities:
            story.append(P(esc(t("cyc_no_priorities")), "note"))
        for pv in v.priorities:
            story.append(KeepTogether(self._priority(t, pv)))
        if evaluated:
            story += [Spacer(1, 6), P(esc(t("cyc_next")), "h2")]
            if v.intake:
                story.append(P(esc(t("cyc_next_intro")), "body"))
                rows = [[P(esc(f"{p.rank}."), "cell_bold"), P(esc(p.title), "cell")] for p in v.intake]
                table = Table(rows, colWidths=[1 * cm, FRAME_W - 1 * cm])
                table.setStyle(grid([1 * cm, FRAME_W - 1 * cm], header=False))
                story.append(table)
            else:
                story.append(P(esc(t("cyc_next_none")), "body"))
        story += [Spacer(1, 10), P(esc(t("made_on", date=t.date(self.created), version=__version__)), "note")]
        return story

    def _counts(self, t: Texts, n: dict[str, int], total: int) -> Table:
        head = [P(esc(t("cyc_outcome_" + key)), "th") for key in ("bereikt", "deels", "niet")]
        head.append(P(esc(t("cyc_unscored")), "th"))
        scored = sum(n.values())
        values = [P(f"<b>{n[key]}</b>", "body") for key in ("bereikt", "deels", "niet")]
        values.append(P(f"<b>{total - scored}</b>", "body"))
        widths = [FRAME_W / 4] * 4
        table = Table([head, values], colWidths=widths)
        table.setStyle(grid(widths, zebra=False))
        return table

    def _priority(self, t: Texts, pv) -> list[Flowable]:
        p = pv.priority
        outcome = p.outcome.value if p.outcome else None
        label = t("cyc_outcome_" + outcome) if outcome else t("cyc_unscored")
        colour = OUTCOME_COLOURS.get(outcome or "", S.MUTED).hexval()[2:]
        about = t("cyc_kind_" + p.kind.value) + (f": {pv.subject}" if pv.subject and pv.subject != p.title else "")
        parts: list[Flowable] = [
            P(f"<b>{p.rank}. {esc(p.title)}</b> — <font color='#{colour}'><b>{esc(label)}</b></font>", "body"),
            P(esc(about), "meta"),
        ]
        if p.outcome_note:
            parts.append(P(esc(p.outcome_note), "body"))
        if pv.actions:
            widths = [FRAME_W * 0.34, FRAME_W * 0.22, FRAME_W * 0.2, FRAME_W * 0.24]
            rows = [[P(esc(t(k)), "th") for k in ("cyc_action_where", "cyc_action_party", "cyc_action_status",
                                                   "cyc_action_due")]]
            for a in pv.actions:
                due = t.short_date(a.due) if a.due else "–"
                rows.append([P(esc(f"{a.street} — {self.view.item(a.item)}"), "cell"), P(esc(a.party or "–"), "cell"),
                             P(esc(t.status(a.status.value)), "cell"),
                             P(esc(due + (" " + t("cyc_late") if a.overdue else "")), "cell")])
            table = Table(rows, colWidths=widths, repeatRows=1)
            table.setStyle(grid(widths))
            parts.append(table)
        elif pv.findings:
            parts.append(P(esc(t("cyc_findings", n=len(pv.findings))), "note"))
        parts.append(Spacer(1, 8))
        return parts
