"""The full round report: cover, summary with scores, findings per street with photos,
action list per party, participants."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Frame,
    Image,
    Indenter,
    KeepInFrame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    Spacer,
    Table,
    TableStyle,
)

from schouw import __version__
from schouw.domain.levels import Level
from schouw.domain.scoring import Tally
from schouw.report import styles as S
from schouw.report.common import (
    P,
    action_table,
    cell,
    clip,
    esc,
    grid,
    party_groups,
    running_title,
    title_line,
)
from schouw.report.flowables import (
    Badge,
    Boxed,
    FindingBlock,
    PhotoRow,
    Seg,
    TextLines,
    level_badge,
)
from schouw.report.i18n import Texts
from schouw.report.indicator_section import indicator_story
from schouw.report.kind_sections import (
    knelpunten_cover_box,
    knelpunten_summary,
    meting_cover_box,
    meting_points,
    meting_summary,
)
from schouw.report.model import FindingEntry, ReportData, StreetEntry
from schouw.report.pdf import FRAME_W, MARGIN_BOTTOM, MARGIN_X, PAGE_H, PAGE_W, Heading, ReportDoc
from schouw.report.recheck_section import recheck_story, solved_text

BADGE_COL = 1.55 * cm
BAND_TOP = PAGE_H - 4.4 * cm
BAND_BOTTOM = PAGE_H - 11.6 * cm


def _cover_frames() -> list[Frame]:
    def frame(fid: str, x: float, y: float, w: float, h: float) -> Frame:
        return Frame(x, y, w, h, id=fid, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)

    top = frame("cover-top", MARGIN_X, BAND_TOP + 0.6 * cm, FRAME_W, PAGE_H - BAND_TOP - 1.8 * cm)
    band = frame("cover-band", MARGIN_X, BAND_BOTTOM + 0.8 * cm, FRAME_W, BAND_TOP - BAND_BOTTOM - 1.6 * cm)
    body = frame("cover-body", MARGIN_X, MARGIN_BOTTOM, FRAME_W, BAND_BOTTOM - 1.0 * cm - MARGIN_BOTTOM)
    return [top, band, body]


def _draw_cover(canv) -> None:
    canv.saveState()
    canv.setFillColor(S.BRAND)
    canv.rect(0, BAND_BOTTOM, PAGE_W, BAND_TOP - BAND_BOTTOM, stroke=0, fill=1)
    canv.setFillColor(S.LEVEL_COLOURS[Level.A])
    canv.rect(0, BAND_BOTTOM - 0.18 * cm, PAGE_W, 0.18 * cm, stroke=0, fill=1)
    canv.restoreState()


class RoundReport:
    def __init__(self, data: ReportData, lang: str = "nl") -> None:
        self.d = data
        self.t = Texts(lang)
        self.lang = lang
        self.today = data.created or date.today()

    # -- helpers ------------------------------------------------------------------------
    def pct(self, share: float | None) -> str:
        return self.t.percent(share)

    def pct1(self, share: float | None) -> str:
        return self.t.percent(share, 1)

    def target(self, category: str = "totaal") -> float | None:
        return self.d.targets.get(category)

    def level_label(self, level: Level) -> str:
        return self.t.level_label(self.d.level_labels.get(level, ""))

    def profile_text(self) -> str:
        """The profile's name and which version of it the scores use."""
        d, t = self.d, self.t
        if not d.profile_name:
            return "–"
        if d.profile_basis == "at-round" and d.profile_as_of is not None:
            return t("profile_at_round", name=d.profile_name, date=t.date(d.profile_as_of))
        if d.profile_basis in ("current", "chosen"):
            return t(f"profile_{d.profile_basis}", name=d.profile_name)
        return d.profile_name

    def norms_text(self, tally: Tally) -> str:
        return "/".join(lv.value for lv in sorted(tally.norms, reverse=True)) or "–"

    # -- cover --------------------------------------------------------------------------
    def cover(self) -> list[Flowable]:
        t, d = self.t, self.d
        muni = P(esc(d.municipality or d.project_name), "cover_municipality")
        top: list[Flowable] = [muni]
        logo = _logo(d.logo, 4.6 * cm, 2.0 * cm)
        if logo is not None:
            table = Table([[muni, logo]], colWidths=[FRAME_W - 5 * cm, 5 * cm])
            table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("ALIGN", (1, 0), (1, 0), "RIGHT"),
                                       ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
            top = [table]
        frames = _cover_frames()
        story: list[Flowable] = [KeepInFrame(frames[0]._width, frames[0]._height, top, mode="shrink")]
        story.append(_frame_break())
        title_size = 30 if len(d.buurt) <= 28 else 22
        title_style = S.styles()["cover_title"].clone("cover_title_fit", fontSize=title_size, leading=title_size * 1.15)
        band = [
            P(esc(t("wijkschouw").upper()), "cover_kicker"),
            Spacer(1, 6),
            _para(esc(clip(d.buurt)), title_style),
            Spacer(1, 6),
            P(esc(clip(d.round_title) or t("round_report")), "cover_sub"),
            Spacer(1, 2),
            P(esc(t.date(d.round_date)), "cover_sub"),
        ]
        story.append(KeepInFrame(frames[1]._width, frames[1]._height, _bottom(band, frames[1]), mode="shrink"))
        story.append(_frame_break())

        rows = [
            (t("wijk"), d.wijk + (f" ({d.wijk_code})" if d.wijk_code else "")),
            (t("buurt"), d.buurt + (f" ({d.buurt_code})" if d.buurt_code else "")),
            (t("date"), t.date(d.round_date)),
            (t("area_type"), t.area_type(d.buurt_area_type).capitalize()),
            (t("kind"), t(f"kind_{d.kind}")),
            (t("form"), f"{d.form_title} ({d.form_version})"),
            (t("profile"), self.profile_text()),
        ]
        info = Table([[P(esc(k), "cover_label"), P(esc(v), "cover_value")] for k, v in rows],
                     colWidths=[4.2 * cm, FRAME_W - 4.2 * cm], hAlign="LEFT")
        info.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 2),
                                  ("BOTTOMPADDING", (0, 0), (-1, -1), 2), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
        body: list[Flowable] = [info, Spacer(1, 14)]
        if d.kind == "meting" and d.meting is not None and d.meting.overall.n:
            body += [meting_cover_box(self), Spacer(1, 12)]
        elif d.has_scores and d.score.share() is None:
            body += [P(esc(t("cover_no_norm")), "body"), Spacer(1, 12)]
        elif d.has_scores:
            # a knelpuntenschouw counts its problems: never a share "op norm" (see kind_sections)
            body += [knelpunten_cover_box(self), Spacer(1, 12)]
        else:
            body += [P(esc(t("cover_no_score")), "body"), Spacer(1, 14)]
        body += [self._cover_stats(), Spacer(1, 14)]
        body.append(P(esc(t("team")), "cover_label"))
        team = d.participants[:12]
        for p in team:
            line = f"{esc(clip(p.name, 100))}" + (
                f" <font color='{S.MUTED.hexval()}'>— {esc(clip(p.organisation, 100))}</font>" if p.organisation else "")
            body.append(P(line, "cover_value"))
        if len(d.participants) > len(team):
            body.append(P(f"… +{len(d.participants) - len(team)}", "cover_value"))
        if not d.participants:
            body.append(P("–", "cover_value"))
        body += [Spacer(1, 18), P(esc(t("made_on", date=t.date(self.today), version=__version__)), "small")]
        story.append(KeepInFrame(frames[2]._width, frames[2]._height, body, mode="shrink"))
        story += [NextPageTemplate("normal"), PageBreak()]
        return story

    def _cover_stats(self) -> Table:
        t, d = self.t, self.d
        done = sum(1 for s in d.streets if s.done)
        stats = [
            (str(len(d.findings)), t("stat_judgements" if d.kind == "meting" else "stat_findings")),
            (str(d.meting.points_done), t("stat_points", total=d.meting.points_total)) if d.meting is not None
            else (str(done), t("stat_streets", total=len(d.streets))),
            (str(len(d.actions())), t("stat_actions")),
            (str(d.photo_count), t("stat_photos")),
        ]
        w = FRAME_W / len(stats)
        number = S.styles()["cover_value"].clone("cover_stat", fontName=S.FONT_BOLD, fontSize=16, leading=20)
        cells = [[_para(esc(n), number), P(esc(label), "small")] for n, label in stats]
        table = Table([cells], colWidths=[w] * len(stats), hAlign="LEFT")
        table.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("LINEBELOW", (0, 0), (-1, -1), 0.5, S.RULE),
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 8)]))
        return table

    # -- summary ------------------------------------------------------------------------
    def summary(self) -> list[Flowable]:
        t, d = self.t, self.d
        story: list[Flowable] = [Heading(esc(t("summary")), S.styles()["h1"], outline=t("summary"), key="summary")]
        score = d.score
        people = t.count(len(d.participants), "person", "people")
        judged = score.total.judged if score else 0
        streets_total = len(d.streets)
        streets_done = sum(1 for s in d.streets if s.done)
        intro = t("summary_intro", date=t.date(d.round_date), people=people, buurt=esc(d.buurt),
                  done=streets_done, streets=streets_total, findings=len(d.findings), judged=judged)
        if d.kind == "meting" and d.meting is not None:
            return meting_summary(self) + indicator_story(t, d)
        if not d.has_scores:
            story += [P(intro), Spacer(1, 10)]
            story += [P(esc(t("cover_no_score"))), Spacer(1, 6)]
            return story + self._observations() + self._street_table() + recheck_story(t, d)
        return (knelpunten_summary(self, intro) + recheck_story(t, d) + self._observations()
                + self._notes())

    def _observations(self) -> list[Flowable]:
        """Per choice/none item, how often each answer was given."""
        t, d = self.t, self.d
        counts: dict[str, dict[str, int]] = {}
        for f in d.findings:
            if f.level is not None or f.not_applicable or f.item not in d.choices:
                continue
            answer = f.choice or ""
            counts.setdefault(f.item, {}).setdefault(answer, 0)
            counts[f.item][answer] += 1
        if not counts:
            return []
        widths = [6.6 * cm, 2.4 * cm, FRAME_W - 9.0 * cm]
        rows = [[P(esc(t("item")), "th"), P(esc(t("findings_n")), "th_right"), P(esc(t("spread_choices")), "th")]]
        for item, options in d.choices.items():
            got = counts.get(item)
            if not got:
                continue
            order = [c for c in options if c in got] + [c for c in got if c not in options and c]
            spread = " · ".join(f"{esc(c)} <b>{got[c]}</b>" for c in order) or "–"
            rows.append([P(esc(d.item_names.get(item, item)), "cell"), P(str(sum(got.values())), "cell_right"),
                         P(spread, "cell")])
        table = Table(rows, colWidths=widths, repeatRows=1, splitInRow=1, hAlign="LEFT")
        table.setStyle(grid(widths))
        return [CondPageBreak(5 * cm), P(esc(t("observations")), "h2"), P(esc(t("observations_intro")), "note"),
                table, Spacer(1, 8)]

    def _street_table(self) -> list[Flowable]:
        t, d = self.t, self.d
        # a knelpuntenschouw with norms counts its below-norm findings per street (no share)
        scored = d.has_scores and d.score.total.with_norm > 0
        # the status column is as wide as its longest word group ("nog niet geschouwd");
        # the street name takes what is left and wraps
        status_w = max(3.0 * cm, 8 + 2 + max(stringWidth(t(k), S.FONT, 8.5) for k in ("done", "not_done")))
        if scored:
            widths = [FRAME_W - (3.0 + 2.4 + 1.9) * cm - status_w, 3.0 * cm, 2.4 * cm, 1.9 * cm, status_w]
        else:
            widths = [FRAME_W - (3.0 + 2.4) * cm - status_w, 3.0 * cm, 2.4 * cm, status_w]
        header = [P(esc(t("street")), "th"), P(esc(t("area_type")), "th"), P(esc(t("findings_n")), "th_right")]
        if scored:
            header += [P(esc(t("below_short")), "th_right")]
        rows = [header + [P(esc(t("status")), "th")]]
        commands: list[tuple] = []
        for street in d.streets:
            ss = d.score.streets.get(street.id) if d.score else None
            # a cell that wraps: "nog niet geschouwd" (or its translation) must stay in its column
            status = cell(Seg(t("done"), S.FONT, 8.5, 10.5) if street.done
                          else Seg(t("not_done"), S.FONT, 8.5, 10.5, S.WARN))
            row = [cell(Seg(clip(street.name), S.FONT, 8.5, 10.5)), cell(Seg(t.area_type(street.area_type), S.FONT, 8.5, 10.5)),
                   str(ss.findings if ss else len(d.findings_of(street.id)))]
            if scored:
                below = ss.tally.below if ss else 0
                if below:
                    commands.append(("TEXTCOLOR", (3, len(rows)), (3, len(rows)), S.BAD))
                row += [str(below)]
            rows.append(row + [status])
        table = Table(rows, colWidths=widths, repeatRows=1, splitInRow=1, hAlign="LEFT")
        numbers = (2, 3) if scored else (2, 2)
        table.setStyle(grid(widths, extra=[
            ("FONT", (0, 1), (-1, -1), S.FONT, 8.5), ("TEXTCOLOR", (0, 1), (-1, -1), S.INK),
            ("ALIGN", (numbers[0], 1), (numbers[1], -1), "RIGHT"), *commands]))
        title = t("per_street_counts") if scored else t("streets")
        return [CondPageBreak(5 * cm), P(esc(title), "h2"), table, Spacer(1, 8)]

    def _notes(self) -> list[Flowable]:
        t, d = self.t, self.d
        notes = [P(esc(t("notes")), "h3"), P(esc(t("note_knelpunten")), "note")]
        ex = d.score.excluded
        parts = []
        if ex.not_applicable:
            parts.append(t("ex_nvt", n=ex.not_applicable))
        if ex.without_level:
            parts.append(t("ex_without", n=ex.without_level))
        if ex.unjudged:
            parts.append(t("ex_unjudged", n=ex.unjudged))
        if ex.unknown_item:
            parts.append(t("ex_unknown", n=ex.unknown_item))
        if parts:
            text = t("note_excluded", parts="; ".join(parts))
            if text.endswith(".."):  # "… 5 × n.v.t." ends with its own full stop
                text = text[:-1]
            notes.append(P(esc(text), "note"))
        if d.score.no_norm:
            items = []
            for element, aspect, area_type in d.score.no_norm:
                name = d.item_names.get(f"{element}.{aspect}", f"{element}.{aspect}")
                items.append(f"{name} ({t.area_type(area_type)})")
            notes.append(P(esc(t("note_no_norm", items="; ".join(items))), "note"))
        not_done = sum(1 for s in d.streets if not s.done)
        if not_done:
            notes.append(P(esc(t("note_streets", n=not_done)), "note"))
        notes.append(P(esc(t("note_trend_profile", profile=self.profile_text())), "note"))
        return [KeepTogether(notes)]

    # -- findings per street --------------------------------------------------------------
    def findings(self) -> list[Flowable]:
        t, d = self.t, self.d
        if d.kind == "meting" and d.meting is not None:
            return meting_points(self)
        story: list[Flowable] = [
            PageBreak(),
            Heading(esc(t("findings")), S.styles()["h1"], outline=t("findings"), key="findings"),
        ]
        by_street: dict[str, list[FindingEntry]] = {}
        for f in d.findings:
            by_street.setdefault(f.street_id, []).append(f)
        for i, street in enumerate(d.streets):
            story += self._street(i, street, by_street.get(street.id, []))
        return story

    def _street(self, index: int, street: StreetEntry, findings: list[FindingEntry]) -> list[Flowable]:
        t, d = self.t, self.d
        name = clip(street.name)
        heading = Heading(esc(name), S.styles()["h2"], outline=name, key=f"street-{index}", level=1)
        meta = [t.area_type(street.area_type)]
        if street.house_numbers:
            meta.append(t("house_numbers", range=street.house_numbers))
        meta.append(t.count(len(findings), "street_meta_finding", "street_meta_findings"))
        ss = d.score.streets.get(street.id) if d.score else None
        if ss is not None and ss.tally.with_norm:
            meta.append(t("street_below", n=ss.tally.below))
        if solved := solved_text(t, d, street.id):
            meta.append(solved)
        if not street.done:
            meta.append(t("not_done"))
        top: list[Flowable] = [heading, P(esc(" · ".join(meta)), "meta")]
        story: list[Flowable] = [CondPageBreak(3.2 * cm)]
        if not findings:
            top.append(P(esc(t("no_findings") if street.done else t("not_done_yet")), "finding_norm"))
            return [*story, KeepTogether(top), Spacer(1, 12)]
        for n, f in enumerate(findings):
            block, rest = self._finding(f, rule=n > 0)
            if n == 0:
                # The heading and meta line travel to a new page with the first finding;
                # a page that begins later in the street says which street it is.
                story += [KeepTogether([*top, block]), running_title(t, name), *rest]
            else:
                story += [block, *rest]
        story += [running_title(t, None), Spacer(1, 12)]
        return story

    def _badge(self, f: FindingEntry) -> Flowable:
        t = self.t
        if f.level is not None:
            return level_badge(f.level, self.level_label(f.level))
        if f.not_applicable:
            return Badge(t("nvt"), "", S.NEUTRAL, colors.white, width=BADGE_COL - 8)
        # Choice answers ("aandachtspunt") do not fit a badge; they are spelled out
        # beside it. Their order says nothing reliable about severity, so no colour.
        return Badge("i", t("observation").lower(), S.CHOICE, colors.white, width=BADGE_COL - 8)

    def _finding(self, f: FindingEntry, rule: bool) -> tuple[Flowable, list[Flowable]]:
        """(the block that stays together, what may flow on after it): the badge with
        title, text, norm, action and the first row of photos; then the other photo rows."""
        t = self.t
        where = [f"{clip(f.street)} {clip(f.house_number, 20)}".strip()]
        if f.spot:
            where.append(clip(f.spot, 160))
        if f.observed_at and len(f.observed_at) >= 16:
            where.append(f.observed_at[11:16])
        if f.time_of_day:
            where.append(t("time_of_day", t=f.time_of_day))
        if f.priority and f.priority != "normaal":
            where.append(t("priority", p=t.priority(f.priority)))
        head = [Seg(f"{f.number}. {f.element} — {f.aspect}", S.FONT_BOLD, 10, 12.5),
                Seg(" · ".join(where), S.FONT, 8.5, 11, S.MUTED)]
        body: list[Seg] = []
        if f.choice:
            body.append(Seg(f"{t('assessment')}: {f.choice}", S.FONT_BOLD, 9.5, 12.5, space_before=3))
        if f.description:
            body.append(Seg(f.description, S.FONT, 9.5, 12.5, space_before=1 if f.choice else 3))
        if f.level is not None:
            if f.norm is None:
                body.append(Seg(t("norm_none"), S.FONT, 8.5, 11, S.MUTED, 2))
            else:
                ok = bool(f.meets)
                line = t("norm_meets" if ok else "norm_fails", norm=f.norm.value, area=t.area_type(f.area_type))
                body.append(Seg(line, S.FONT, 8.5, 11, S.GOOD if ok else S.BAD, 2))
        elif f.not_applicable:
            body.append(Seg(t("nvt_long"), S.FONT, 8.5, 11, S.MUTED, 2))
        action: list[Flowable] = []
        if f.action is not None:
            box = Boxed(TextLines(self._action_segs(f)))
            box.spaceBefore = 4
            action.append(box)
        rows = self._photo_rows(f)
        if len(f.description) > 1500:
            # A very long text flows on below the header, where it may split over pages.
            block = FindingBlock(self._badge(f), [TextLines(head)], BADGE_COL, rule)
            return block, [Indenter(left=BADGE_COL), TextLines(body), *action, *rows, Indenter(left=-BADGE_COL)]
        block = FindingBlock(self._badge(f), [TextLines(head + body), *action, *rows[:1]], BADGE_COL, rule)
        rest = rows[1:]
        return block, [Indenter(left=BADGE_COL), *rest, Indenter(left=-BADGE_COL)] if rest else []

    def _action_segs(self, f: FindingEntry) -> list[Seg]:
        t = self.t
        a = f.action
        assert a is not None
        parts = []
        if a.due_date:
            parts.append(t("due", date=t.date(a.due_date)))
        parts.append(f"{t('status').lower()}: {t.status(a.status)}")
        if a.mor_id:
            parts.append(t("mor", id=a.mor_id) + (f" ({a.mor_status})" if a.mor_status else ""))
        segs = [Seg(f"{t('action_line')}: {clip(a.party) or t('no_party')}", S.FONT_BOLD, 8.5, 11),
                Seg(" · ".join(parts), S.FONT, 8.5, 11)]
        if a.status_reason:
            segs.append(Seg(clip(a.status_reason, 400), S.FONT, 8.5, 11, S.MUTED))
        return segs

    def _photo_rows(self, f: FindingEntry) -> list[Flowable]:
        if not f.photos:
            return []
        n = len(f.photos)
        rows: list[Flowable] = []
        for i in range(0, n, 2):
            pair = f.photos[i:i + 2]
            captions = []
            for k, ref in enumerate(pair, start=i + 1):
                parts = []
                if n > 2:
                    parts.append(f"{k}/{n}")
                if ref.caption:
                    parts.append(ref.caption)
                captions.append(" · ".join(parts))
            rows.append(PhotoRow(pair, self.d.load_photo, captions, self.t("photo_missing")))
        rows[0].spaceBefore = 5
        return rows

    # -- actions and participants --------------------------------------------------------
    def actions(self) -> list[Flowable]:
        t, d = self.t, self.d
        story: list[Flowable] = [PageBreak(),
                                 Heading(esc(t("actions")), S.styles()["h1"], outline=t("actions"), key="actions")]
        groups = party_groups(t, d, None)
        total = sum(len(g) for _, g in groups)
        if not total:
            story.append(P(esc(t("no_actions"))))
            return story
        story.append(P(esc(t("actions_intro", n=total, date=t.date(d.round_date)))))
        overdue = sum(1 for _, group in groups for f in group if f.action and f.action.is_overdue(self.today))
        if overdue:
            story.append(P(esc(t("overdue_count", n=overdue))))
        story.append(Spacer(1, 4))
        for i, (party, findings) in enumerate(groups):
            open_n = sum(1 for f in findings if f.action and not f.action.is_closed)
            party = clip(party)
            heading = Heading(esc(party), S.styles()["h2"], outline=party, key=f"party-{i}", level=1)
            count = P(esc(t("party_count", n=len(findings), open=open_n)), "meta")
            # no keepWithNext: that would drag the whole table to the next page; the
            # table splits by rows and repeats its header, so room for a few rows is enough
            story += [CondPageBreak(6 * cm), heading, count, running_title(t, party),
                      action_table(t, findings, self.today), running_title(t, None), Spacer(1, 8)]
        return story

    def participants(self) -> list[Flowable]:
        t, d = self.t, self.d
        story: list[Flowable] = [CondPageBreak(8 * cm), Spacer(1, 6),
                                 Heading(esc(t("participants")), S.styles()["h1"], outline=t("participants"),
                                         key="participants")]
        if not d.participants:
            story.append(P(esc(t("no_participants"))))
            return story
        widths = [5.5 * cm, FRAME_W - 9.0 * cm, 3.5 * cm]
        rows = [[P(esc(t("name")), "th"), P(esc(t("organisation")), "th"), P(esc(t("role")), "th")]]
        for p in d.participants:
            rows.append([P(esc(clip(p.name)), "cell"), P(esc(clip(p.organisation) or "–"), "cell"),
                         P(esc(t.role(p.role)), "cell")])
        table = Table(rows, colWidths=widths, repeatRows=1, splitInRow=1, hAlign="LEFT")
        table.setStyle(grid(widths))
        story.append(table)
        return story

    # -- the whole --------------------------------------------------------------------------
    def story(self) -> list[Flowable]:
        return [*self.cover(), *self.summary(), *self.map_page(), *self.findings(), *self.actions(),
                *self.participants()]

    def map_page(self) -> list[Flowable]:
        """The map of the buurt with the findings numbered as below (schouw.report.map_page)."""
        from schouw.report.map_page import map_story
        from schouw.report.pdf import MARGIN_TOP

        return map_story(self.t, self.d.map, FRAME_W, PAGE_H - MARGIN_TOP - MARGIN_BOTTOM)

    def build(self, out: Path, *, progress: Callable[[int, int], None] | None = None,
              cancel: Callable[[], bool] | None = None) -> int:
        t, d = self.t, self.d
        title = title_line(t, d)
        doc = ReportDoc(
            str(out), header_left=title, header_right=d.municipality or d.project_name,
            footer_left=t("round_report"), page_of=t("page_of", page="{page}"), lang=self.lang,
            draw_cover=_draw_cover, cover_frames=_cover_frames(), progress=progress, cancel=cancel,
            title=title, author=d.municipality or d.project_name,
            subject=t("subject_round", buurt=d.buurt, date=t.date(d.round_date)),
            creator=f"schouw {__version__}",
            keywords=", ".join(x for x in ("wijkschouw", "beeldkwaliteit", d.wijk, d.buurt) if x),
        )
        return doc.build_story(self.story())


def _bottom(flowables: list[Flowable], frame: Frame) -> list[Flowable]:
    """Push ``flowables`` to the bottom of ``frame`` (the cover title sits low in its band)."""
    used = sum(f.wrap(frame._width, frame._height)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in flowables)
    free = frame._height - used - 2
    return [Spacer(1, free), *flowables] if free > 0 else flowables


def _frame_break() -> Flowable:
    from reportlab.platypus import FrameBreak

    return FrameBreak()


def _para(text: str, style):
    from reportlab.platypus import Paragraph

    return Paragraph(text, style)


def _logo(path: Path | None, max_w: float, max_h: float) -> Flowable | None:
    """The municipality's logo, scaled to fit; None when absent or unreadable (a
    report is never refused because of a logo)."""
    if path is None:
        return None
    try:
        from reportlab.lib.utils import ImageReader

        reader = ImageReader(str(path))
        w, h = reader.getSize()
    except Exception:  # noqa: BLE001 - any unreadable image: leave the logo out
        return None
    scale = min(max_w / w, max_h / h)
    image = Image(str(path), width=w * scale, height=h * scale)
    image.hAlign = "RIGHT"
    return image
