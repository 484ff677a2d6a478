"""The short action list a party gets: only its own actions, no participants' names.

A corporation or the police receives this without the rest of the report, so it
carries enough context to act on (where, what, when, status, the MOR number) and
nothing about the residents on the team.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak, Flowable, Spacer, Table, TableStyle

from schouw import __version__
from schouw.report import styles as S
from schouw.report.common import P, action_table, clip, esc, party_groups, running_title, title_line
from schouw.report.i18n import Texts
from schouw.report.model import ReportData
from schouw.report.pdf import FRAME_W, Heading, ReportDoc


class ActionsReport:
    def __init__(self, data: ReportData, party: str | None = None, lang: str = "nl") -> None:
        self.d = data
        self.party = party
        self.t = Texts(lang)
        self.lang = lang
        self.today = data.created or date.today()

    def heading_text(self) -> str:
        groups = party_groups(self.t, self.d, self.party)
        if self.party and groups:
            return self.t("actions_for", party=clip(groups[0][0]))
        return self.t("actions_report")

    def story(self) -> list[Flowable]:
        t, d = self.t, self.d
        title = self.heading_text()
        story: list[Flowable] = [
            P(esc(d.municipality or d.project_name), "cover_municipality"),
            Spacer(1, 6),
            Heading(esc(title), S.styles()["h1"], outline=title, key="top"),
        ]
        info = [
            (t("buurt"), f"{d.buurt} ({d.wijk})" if d.wijk else d.buurt),
            (t("date"), t.date(d.round_date)),
            (t("round"), clip(d.round_title)),
        ]
        table = Table([[P(esc(k), "cover_label"), P(esc(v), "cover_value")] for k, v in info],
                      colWidths=[4.6 * cm, FRAME_W - 4.6 * cm], splitInRow=1, hAlign="LEFT")
        table.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 1),
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
        story += [table, Spacer(1, 10)]
        groups = party_groups(t, d, self.party)
        total = sum(len(g) for _, g in groups)
        if not total:
            story.append(P(esc(t("no_actions"))))
            return story
        if self.party:
            story.append(P(esc(t("actions_party_intro", n=total, party=clip(groups[0][0]), buurt=d.buurt,
                                 date=t.date(d.round_date)))))
        else:
            story.append(P(esc(t("actions_intro", n=total, date=t.date(d.round_date)))))
        story.append(Spacer(1, 6))
        for i, (party, findings) in enumerate(groups):
            open_n = sum(1 for f in findings if f.action and not f.action.is_closed)
            if not self.party:
                party = clip(party)
                heading = Heading(esc(party), S.styles()["h2"], outline=party, key=f"party-{i}", level=1)
                story += [CondPageBreak(6 * cm), heading]
            count = P(esc(t("party_count", n=len(findings), open=open_n)), "meta")
            # one party's list says whose it is in its footer already
            running = None if self.party else party
            story += [count, running_title(t, running), action_table(t, findings, self.today, text_limit=600),
                      running_title(t, None), Spacer(1, 10)]
        story.append(P(esc(t("made_on", date=t.date(self.today), version=__version__)), "small"))
        return story

    def build(self, out: Path, *, progress: Callable[[int, int], None] | None = None,
              cancel: Callable[[], bool] | None = None) -> int:
        t, d = self.t, self.d
        heading = self.heading_text()
        doc = ReportDoc(
            str(out), header_left=title_line(t, d), header_right=d.municipality or d.project_name,
            footer_left=heading, page_of=t("page_of", page="{page}"), lang=self.lang,
            progress=progress, cancel=cancel,
            title=f"{heading} — {title_line(t, d)}", author=d.municipality or d.project_name,
            subject=t("subject_actions", buurt=d.buurt, date=t.date(d.round_date)),
            creator=f"schouw {__version__}",
            keywords=", ".join(x for x in ("wijkschouw", "actielijst", d.buurt, self.party or "") if x),
        )
        return doc.build_story(self.story())
