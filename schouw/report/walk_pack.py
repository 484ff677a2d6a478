"""The walk pack (looproute): what a team takes on paper when it walks without a tablet.

A cover, the route map with the streets numbered in walking order, the street list, and
per street a numbered blank form. Every tick box carries the number of
:mod:`schouw.domain.paper` ("3.12" = street 3, item 12), the same number the key-in of
paper forms asks for. The norm of an item on that street is the framed, shaded, bold box,
so the walker sees on the spot what counts as below the norm.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.platypus import Flowable, PageBreak, SimpleDocTemplate, Spacer, Table, TableStyle

from schouw.domain.paper import number
from schouw.report import styles as S
from schouw.report.common import P, esc
from schouw.report.i18n import Texts

#: Above this many items a form gets a legend once and a compact grid per street.
LONG_FORM = 30


@dataclass
class PackItem:
    """One item of the form: "Element — aspect" and whether it is judged on the CROW scale."""

    name: str
    has_level: bool


@dataclass
class PackStreet:
    """One street in walking order, with the norm per item (None: no norm) and its open points."""

    name: str
    house_numbers: str
    norms: list[str | None]
    open_points: list[str] = field(default_factory=list)


@dataclass
class WalkPack:
    """Everything the walk pack shows, read by services/walk_pack.py."""

    title: str
    buurt: str
    date: str
    form: str
    levels: list[str]
    items: list[PackItem]
    streets: list[PackStreet]
    map: Flowable | None = None

    @property
    def long(self) -> bool:
        return len(self.items) > LONG_FORM


def render(pack: WalkPack, out: Path, *, lang: str = "nl") -> int:
    """Write the walk pack to ``out``; returns the number of pages."""
    S.register_fonts()
    t = Texts(lang)
    margin = 1.5 * cm
    doc = SimpleDocTemplate(str(out), pagesize=A4, leftMargin=margin, rightMargin=margin, topMargin=margin,
                            bottomMargin=margin, title=f"{t('pack_title')} {pack.buurt}", creator="schouw")
    width = A4[0] - 2 * margin
    story: list[Flowable] = [P(esc(t("pack_title")), "h1"), P(esc(pack.title or pack.buurt), "h2"),
                             P(esc(t("pack_cover", buurt=pack.buurt, date=pack.date, form=pack.form,
                                     streets=len(pack.streets), items=len(pack.items))), "body"),
                             Spacer(1, 8), P(esc(t("pack_how")), "note")]
    if pack.map is not None:
        story += [PageBreak(), P(esc(t("pack_route")), "h2"), pack.map]
    story += [PageBreak(), P(esc(t("pack_streets")), "h2"), _street_list(pack, width)]
    if pack.long:
        story += [PageBreak(), P(esc(t("pack_legend")), "h2"), _legend(pack, width)]
    for no, street in enumerate(pack.streets, start=1):
        story += [PageBreak(), *_street_form(t, pack, no, street, width)]
    doc.build(story)
    return doc.page


def _street_list(pack: WalkPack, width: float) -> Table:
    rows = [[P(str(no), "cell_bold"), P(esc(s.name), "cell"), P(esc(s.house_numbers), "cell_muted"),
             P(str(len(s.open_points)) if s.open_points else "", "cell")]
            for no, s in enumerate(pack.streets, start=1)]
    table = Table(rows, colWidths=[1.2 * cm, width * 0.5, width * 0.3, None], repeatRows=0)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.3, S.MUTED), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    return table


def _legend(pack: WalkPack, width: float) -> Table:
    rows = [[P(str(no), "cell_bold"), P(esc(item.name), "cell")] for no, item in enumerate(pack.items, start=1)]
    table = Table(rows, colWidths=[1.2 * cm, width - 1.2 * cm])
    table.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.2, S.MUTED)]))
    return table


def _street_form(t: Texts, pack: WalkPack, no: int, street: PackStreet, width: float) -> list[Flowable]:
    """One street's form: per item a box per level and an n.v.t. box, the norm box framed,
    shaded and bold. A short form has a row per item with its name; a long one (see
    LONG_FORM) a compact grid of two items per row, the names in the legend."""
    from reportlab.platypus import KeepTogether

    head = [P(esc(f"{no}. {street.name}"), "h2")]
    if street.house_numbers:
        head.append(P(esc(street.house_numbers), "meta"))
    levels = pack.levels
    per_row = 2 if pack.long else 1
    box = 0.75 * cm if pack.long else 0.9 * cm
    block_cols = [1.5 * cm] + ([width * 0.38] if not pack.long else []) + [box] * len(levels) + [1.0 * cm]
    rest = (width - per_row * sum(block_cols)) / per_row
    block_cols.append(rest)
    block_head = [t("pack_no")] + ([t("pack_item")] if not pack.long else []) + levels + [t("pack_na"),
                                                                                        t("pack_remarks")]
    rows: list[list[object]] = [[P(esc(h), "th") if h == t("pack_remarks") else h for h in block_head] * per_row]
    style: list[tuple] = [("GRID", (0, 0), (-1, -1), 0.3, S.MUTED), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                          ("ALIGN", (0, 0), (-1, -1), "CENTER"), ("FONTNAME", (0, 0), (-1, -1), S.FONT),
                          ("FONTSIZE", (0, 0), (-1, -1), 8), ("FONTNAME", (0, 0), (-1, 0), S.FONT_BOLD),
                          ("FONTSIZE", (0, 0), (-1, 0), 7), ("TEXTCOLOR", (0, 0), (-1, 0), S.BRAND),
                          ("LEFTPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 2)]
    if pack.long:
        style += [("TOPPADDING", (0, 1), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 1), (-1, -1), 1.5)]
    n_block = len(block_cols)
    first_level = 2 if not pack.long else 1
    per_col = -(-len(pack.items) // per_row)  # numbers run down the first column, then the second
    for k in range(per_col):
        row: list[object] = []
        r = len(rows)
        for b in range(per_row):
            i = k + b * per_col + 1
            off = b * n_block
            if i > len(pack.items):
                row += [""] * n_block
                continue
            item, norm = pack.items[i - 1], street.norms[i - 1]
            row.append(number(no, i))
            style += [("FONTNAME", (off, r), (off, r), S.FONT_BOLD), ("ALIGN", (off, r), (off, r), "LEFT")]
            if not pack.long:
                row.append(P(esc(item.name), "cell"))
            for j, lv in enumerate(levels):
                c = off + first_level + j
                if not item.has_level:
                    row.append("")
                elif lv == norm:  # the norm box: framed, shaded and bold
                    row.append(f"[{lv}]")
                    style += [("FONTNAME", (c, r), (c, r), S.FONT_BOLD), ("BOX", (c, r), (c, r), 1.6, S.INK),
                              ("BACKGROUND", (c, r), (c, r), colors.HexColor("#D9D9D9"))]
                else:
                    row.append("\u25a1")
            row += ["\u25a1", ""]
        rows.append(row)
    table = Table(rows, colWidths=block_cols * per_row, repeatRows=1)
    table.setStyle(TableStyle(style))
    tail: list[Flowable] = []
    if street.open_points:
        tail.append(P(esc(t("pack_open")), "h3"))
        tail += [P(esc(f"\u25a1 {line}"), "cell") for line in street.open_points]
    tail += [Spacer(1, 6), P(esc(t("pack_photos")), "meta"), P(esc(t("pack_notes")), "meta")]
    return [KeepTogether([*head, table, *tail])] if len(rows) <= 24 else [*head, table, *tail]
