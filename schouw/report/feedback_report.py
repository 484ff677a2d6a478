"""De terugkoppeling voor bewoners: what was done with what the round pointed out.

A short document in plain language (B1: short sentences, everyday words) that a
coordinator can put through letterboxes, in a newsletter or on a website. It is made
from the same :class:`ReportData` as the full report, and it is strict about what it
shows, because it leaves the team:

- **which points**: every finding with an action, and every finding below its norm
  (the report model's ``meets``, i.e. :func:`schouw.domain.norms.judge`); a finding
  below the norm without an action is "genoteerd, geen actie nodig". Findings at or
  above their norm without an action are left out: there is nothing to tell.
- **per point**: street, house number or spot, what was seen (element and aspect as the
  form names them), the status as a plain phrase with its date, the reason where the
  action was refused (afgewezen), the remark only when the coordinator ticked it as
  publishable, and (optionally) the photos as their privacy-masked export copies.
- **never**: participants' names, the party or MOR numbers, photo captions, remarks
  that are not ticked.

The PDF and the CSV share :func:`rows`, so they cannot say different things.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer, Table, TableStyle

from schouw import __version__
from schouw.domain.actions import ActionStatus
from schouw.report import styles as S
from schouw.report.common import P, clip, esc
from schouw.report.flowables import PhotoRow
from schouw.report.i18n import Texts
from schouw.report.model import FindingEntry, ReportData
from schouw.report.pdf import FRAME_W, Heading, ReportDoc

#: Photos shown per point: enough to recognise the spot.
PHOTOS_PER_POINT = 2

#: The status of a point, as a resident says it. One place for both the PDF and the CSV.
#: "noted" is a point below the norm that got no action.
STATUS_PHRASES: dict[str, dict[str, str]] = {
    ActionStatus.OPEN.value: {"nl": "Nog niet opgepakt", "en": "Not picked up yet"},
    ActionStatus.FORWARDED.value: {"nl": "Doorgegeven aan wie het oplost", "en": "Passed on to whoever fixes it"},
    ActionStatus.SCHEDULED.value: {"nl": "Staat op de planning", "en": "Planned"},
    ActionStatus.IN_PROGRESS.value: {"nl": "Er wordt aan gewerkt", "en": "Being worked on"},
    ActionStatus.DONE.value: {"nl": "Opgelost", "en": "Fixed"},
    ActionStatus.REJECTED.value: {"nl": "Niet gedaan", "en": "Not done"},
    ActionStatus.REOPENED.value: {"nl": "Opnieuw opgepakt", "en": "Taken up again"},
    "noted": {"nl": "Genoteerd, geen actie nodig", "en": "Noted, no action needed"},
}

TEXTS: dict[str, dict[str, str]] = {
    "title": {"nl": "Terugkoppeling voor bewoners", "en": "Feedback for residents"},
    "heading": {"nl": "Wat is er gedaan in {buurt}?", "en": "What has been done in {buurt}?"},
    "intro": {
        "nl": "Op {date} liep een schouwteam door {buurt}. Het team keek of de straten schoon en heel zijn. "
              "Hier leest u wat we zagen en wat er daarna is gebeurd.",
        "en": "On {date} an inspection team walked through {buurt}. The team looked at how clean and intact "
              "the streets are. Here you can read what we saw and what happened next.",
    },
    "count": {"nl": "We zagen {n} punten die beter moeten.", "en": "We saw {n} points that need to be better.",
              "nl1": "We zagen 1 punt dat beter moet.", "en1": "We saw 1 point that needs to be better."},
    "count_done": {"nl": "Daarvan zijn er {n} opgelost.", "en": "{n} of them have been fixed.",
                   "nl1": "Daarvan is er 1 opgelost.", "en1": "1 of them has been fixed."},
    "count_none_done": {"nl": "Er is nog geen punt opgelost.", "en": "None of them has been fixed yet."},
    "none": {"nl": "Het team zag geen punten die beter moeten. Er is dus niets om terug te melden.",
             "en": "The team saw no points that need to be better, so there is nothing to report back."},
    "overview": {"nl": "In het kort", "en": "In short"},
    "status_col": {"nl": "Wat er is gebeurd", "en": "What happened"},
    "points_col": {"nl": "Punten", "en": "Points"},
    "per_street": {"nl": "Per straat", "en": "Street by street"},
    "seen": {"nl": "Wat we zagen", "en": "What we saw"},
    "done": {"nl": "Wat er is gebeurd", "en": "What happened"},
    "why": {"nl": "Waarom niet", "en": "Why not"},
    "remark": {"nl": "Opmerking", "en": "Remark"},
    "on": {"nl": "{status} (op {date})", "en": "{status} (on {date})"},
    "below": {"nl": "niet goed genoeg", "en": "not good enough"},
    "number": {"nl": "nr. {n}", "en": "no. {n}"},
    "made_on": {"nl": "Gemaakt op {date} met schouw {version}.", "en": "Made on {date} with schouw {version}."},
    "subject": {"nl": "Terugkoppeling wijkschouw {buurt}, {date}", "en": "Feedback wijkschouw {buurt}, {date}"},
    "photo_missing": {"nl": "foto niet beschikbaar", "en": "photo not available"},
}

#: The CSV's columns, in order, with their headers per language.
CSV_COLUMNS: tuple[tuple[str, dict[str, str]], ...] = (
    ("nr", {"nl": "nr", "en": "no"}),
    ("straat", {"nl": "straat", "en": "street"}),
    ("huisnummer", {"nl": "huisnummer", "en": "house number"}),
    ("plek", {"nl": "plek", "en": "spot"}),
    ("wat_we_zagen", {"nl": "wat we zagen", "en": "what we saw"}),
    ("status", {"nl": "wat er is gebeurd", "en": "what happened"}),
    ("datum", {"nl": "datum", "en": "date"}),
    ("reden", {"nl": "waarom niet", "en": "why not"}),
    ("opmerking", {"nl": "opmerking", "en": "remark"}),
)


def text(key: str, lang: str, **params: object) -> str:
    entry = TEXTS[key]
    chosen = (params.get("n") == 1 and entry.get(lang + "1")) or entry.get(lang) or entry["nl"]
    return chosen.format(**params) if params else chosen


def status_key(entry: FindingEntry) -> str:
    """The key of a point's status in :data:`STATUS_PHRASES`."""
    return entry.action.status if entry.action is not None else "noted"


def status_phrase(key: str, lang: str) -> str:
    phrase = STATUS_PHRASES.get(key)
    return phrase.get(lang, phrase["nl"]) if phrase else key


def points(data: ReportData) -> list[FindingEntry]:
    """The findings residents are told about, in report order (see the module docstring)."""
    return [f for f in data.findings if f.action is not None or f.meets is False]


@dataclass(frozen=True)
class Row:
    """One point as both outputs show it (plain text, not yet escaped)."""

    number: int
    street: str
    house_number: str
    spot: str
    seen: str
    status_key: str
    status: str
    date: date | None
    reason: str
    remark: str
    entry: FindingEntry

    def where(self, lang: str) -> str:
        parts = [self.street]
        if self.house_number:
            parts[0] += f" {self.house_number}"
        if self.spot:
            parts.append(self.spot)
        return ", ".join(p for p in parts if p)


def rows(data: ReportData, lang: str) -> list[Row]:
    """The points as rows, numbered 1.. in this document's own order."""
    out = []
    for n, f in enumerate(points(data), start=1):
        seen = f.element if not f.aspect or f.aspect == f.element else f"{f.element}: {f.aspect}"
        if f.meets is False:
            seen += f" ({text('below', lang)})"
        key = status_key(f)
        when = f.action.since if f.action is not None else data.round_date
        reason = f.action.status_reason.strip() if f.action is not None and key == ActionStatus.REJECTED.value else ""
        remark = f.description.strip() if f.publishable else ""
        out.append(Row(n, f.street, f.house_number.strip(), f.spot.strip(), seen, key, status_phrase(key, lang),
                       when, reason, remark, f))
    return out


class FeedbackReport:
    """The PDF: a page head, a few plain sentences, a count per status, then per street
    one small block per point (with photos when asked)."""

    def __init__(self, data: ReportData, lang: str = "nl", photos: bool = False) -> None:
        self.d = data
        self.lang = lang
        self.t = Texts(lang)
        self.photos = photos
        self.today = data.created or date.today()

    def _(self, key: str, **params: object) -> str:
        return text(key, self.lang, **params)

    def story(self) -> list[Flowable]:
        d, t = self.d, self.t
        heading = self._("heading", buurt=d.buurt)
        story: list[Flowable] = [
            P(esc(d.municipality or d.project_name), "cover_municipality"),
            Spacer(1, 4),
            P(esc(self._("title")), "meta"),
            Heading(esc(heading), S.styles()["h1"], outline=heading, key="top"),
            P(esc(self._("intro", date=t.date(d.round_date), buurt=d.buurt)), "intro"),
            Spacer(1, 6),
        ]
        all_rows = rows(d, self.lang)
        if not all_rows:
            story.append(P(esc(self._("none")), "intro"))
            return story
        done = sum(1 for r in all_rows if r.status_key == ActionStatus.DONE.value)
        fixed = self._("count_done", n=done) if done else self._("count_none_done")
        story.append(P(esc(self._("count", n=len(all_rows)) + " " + fixed), "intro"))
        story += [Spacer(1, 6), self._overview(all_rows), Spacer(1, 10)]
        story.append(Heading(esc(self._("per_street")), S.styles()["h2"], outline=self._("per_street"),
                             key="streets", level=0))
        street = None
        for row in all_rows:
            heading = None
            if row.street != street:
                street = row.street
                heading = P(esc(clip(street)), "h3")
                story.append(CondPageBreak(4 * cm))
            story.append(self._point(row, heading))  # a street's name never ends a page alone
        story += [Spacer(1, 10), P(esc(self._("made_on", date=t.date(self.today), version=__version__)), "small")]
        return story

    def _overview(self, all_rows: list[Row]) -> Table:
        counts: dict[str, int] = {}
        for r in all_rows:
            counts[r.status_key] = counts.get(r.status_key, 0) + 1
        order = [k for k in STATUS_PHRASES if k in counts]
        data = [[P(esc(self._("status_col")), "th"), P(esc(self._("points_col")), "th_right")]]
        data += [[P(esc(status_phrase(k, self.lang)), "cell_big"), P(str(counts[k]), "cell_big_right")]
                 for k in order]
        table = Table(data, colWidths=[9 * cm, 2.5 * cm], hAlign="LEFT")
        table.setStyle(TableStyle([
            ("LINEBELOW", (0, 0), (-1, 0), 0.6, S.BRAND),
            ("LINEBELOW", (0, 1), (-1, -1), 0.3, S.RULE),
            ("LEFTPADDING", (0, 0), (-1, -1), 2), ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]))
        return table

    def _point(self, row: Row, heading: Flowable | None = None) -> Flowable:
        place = row.house_number and self._("number", n=row.house_number)
        title = ", ".join(x for x in (place, row.spot) if x)
        status = self._("on", status=row.status, date=self.t.date(row.date)) if row.date else row.status
        lines = [(self._("seen"), row.seen), (self._("done"), status)]
        if row.reason:
            lines.append((self._("why"), row.reason))
        if row.remark:
            lines.append((self._("remark"), row.remark))
        label_w = 3.6 * cm
        cells = [[P(esc(k), "cover_label"), P(esc(clip(v, 600)), "plain")] for k, v in lines]
        table = Table(cells, colWidths=[label_w, FRAME_W - label_w - 0.4 * cm], hAlign="LEFT")
        table.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 1),
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 1), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
        head = f"{row.number}. " + (title or clip(row.street))
        parts: list[Flowable] = [P(esc(clip(head)), "finding_title"), Spacer(1, 2), table]
        if heading is not None:
            parts.insert(0, heading)
        if self.photos and row.entry.photos:
            refs = row.entry.photos[:PHOTOS_PER_POINT]
            parts += [Spacer(1, 4), PhotoRow(refs, self.d.load_photo, ["" for _ in refs],
                                             self._("photo_missing"), max_height=130)]
        parts.append(Spacer(1, 8))
        return KeepTogether(parts)

    def build(self, out: Path, *, progress: Callable[[int, int], None] | None = None,
              cancel: Callable[[], bool] | None = None) -> int:
        d, t = self.d, self.t
        title = self._("title")
        footer = f"{title} — {d.buurt}, {t.date(d.round_date)}"
        doc = ReportDoc(
            str(out), header_left=footer, header_right=d.municipality or d.project_name,
            footer_left=footer, page_of=t("page_of", page="{page}"), lang=self.lang,
            progress=progress, cancel=cancel,
            title=f"{title} — {d.buurt}", author=d.municipality or d.project_name,
            subject=self._("subject", buurt=d.buurt, date=t.date(d.round_date)),
            creator=f"schouw {__version__}",
            keywords=", ".join(x for x in ("wijkschouw", "terugkoppeling", d.buurt) if x),
        )
        return doc.build_story(self.story())


def csv_table(data: ReportData, lang: str) -> list[list[str]]:
    """Header and one row per point, as text (dates dd-mm-jjjj); escaping control
    characters is the writer's job."""
    table = [[headers.get(lang, headers["nl"]) for _, headers in CSV_COLUMNS]]
    for r in rows(data, lang):
        table.append([str(r.number), r.street, r.house_number, r.spot, r.seen, r.status,
                      Texts(lang).short_date(r.date), r.reason, r.remark])
    return table
