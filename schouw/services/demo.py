"""`schouw demo FILE`: a realistic demo project, also the source of test fixtures.

One wijk with two buurten and 34 streets (with line geometry), the default quality
profile, two CROW rounds of the same buurt a year apart (so there is a trend), a
sociale-veiligheid walk in the other buurt, ~150 findings over many elements and all
levels, generated street photos, a team from several organisations and actions in
every status. Seeded, so the same call always makes the same project.
"""

from __future__ import annotations

import io
import math
import random
from datetime import date, timedelta
from pathlib import Path

from schouw.domain.actions import ActionStatus
from schouw.domain.levels import Level
from schouw.domain.models import Action, Buurt, Finding, Participant, Street, Wijk
from schouw.services.findings import photo_record
from schouw.services.forms import default_profile, find_form
from schouw.services.rounds import create_round
from schouw.store.project import create_project

MUNICIPALITY = "Gemeente Voorbeeldstad"

VOGELBUURT = [
    "Merelstraat", "Lijsterstraat", "Spreeuwenlaan", "Kievitstraat", "Reigerlaan",
    "Zwaluwstraat", "Roodborstjesstraat", "Koolmeeslaan", "Winterkoningstraat", "Vinkenstraat",
    "Burgemeester de Withstraat", "Burgemeester Jhr. van Karnebeeklaan", "IJsvogelstraat",
    "Jan in 't Veltstraat", "Scholeksterpad", "Grutto-erf", "Pimpelmeesplein", "Havikshorst",
]
HAVENKWARTIER = [
    "'s-Gravendijkwal", "IJsselkade", "Havenstraat", "Lange Veerstraat", "Korte Veerstraat",
    "Visserslaan", "Stationsplein", "Prins Willem-Alexanderplein", "Koningin Máximalaan",
    "Touwslagersbaan", "Zoutkeetsgracht", "Kuipersteeg", "Pakhuisplein", "Bethaniëstraat",
    "Cronjéstraat", "Dr. Ariënsstraat",
]

TEAM = [
    ("Marieke de Boer", "Gemeente Voorbeeldstad, wijkbeheer", "gemeente"),
    ("Youssef El Amrani", "Gemeente Voorbeeldstad, toezicht (boa)", "gemeente"),
    ("Sandra Verhoeven", "Woonstichting Thuis aan de Kade", "corporatie"),
    ("Erik Jansen", "Politie, basisteam Kennemerland", "politie"),
    ("Fatma Yıldız", "Welzijn Voorbeeldstad", "welzijn"),
    ("Henk van der Meulen", "Bewonerscommissie Vogelbuurt", "bewoner"),
    ("Ria Bakker-Smit", "Bewoner", "bewoner"),
]

PARTIES = {
    "gemeente": "Gemeente, team Beheer Openbare Ruimte",
    "reiniging": "Gemeente, team Reiniging",
    "corporatie": "Woonstichting Thuis aan de Kade",
    "politie": "Politie, wijkagent",
    "welzijn": "Welzijn Voorbeeldstad",
}

SPOTS = ["bij de ingang van het portiek", "op de hoek", "naast het speeltuintje", "langs de gevels",
         "bij de ondergrondse container", "tegenover de school", "in het plantsoen", "bij de bushalte",
         "achter de garageboxen", "bij het bankje"]

SV_TEXTS = [
    "Lantaarnpaal brandt niet; pad is na zonsondergang aardedonker.",
    "Hoge struiken ontnemen het zicht op de voordeuren van de portiekflats.",
    "Groep jongeren hangt hier 's avonds rond, bewoners voelen zich onprettig.",
    "Achterpad zonder verlichting, poortjes staan open: inbraakgevoelig.",
    "Leegstaand winkelpand met dichtgetimmerde ramen en graffiti.",
    "Oversteekplaats onoverzichtelijk door geparkeerde bestelbussen.",
    "Bewoner meldt drugsoverlast bij de garageboxen rond 22.00 uur.",
    "Brandgang goed verlicht en overzichtelijk sinds de nieuwe lampen.",
]


def _line(origin: tuple[float, float], index: int, rng: random.Random) -> dict:
    """A plausible street line (two or three segments) near ``origin`` (lat, lon)."""
    lat0, lon0 = origin
    row, col = divmod(index, 6)
    lat = lat0 + row * 0.0018 + rng.uniform(-0.0002, 0.0002)
    lon = lon0 + col * 0.0026 + rng.uniform(-0.0002, 0.0002)
    angle = rng.choice([0, 90]) + rng.uniform(-12, 12)
    length = rng.uniform(0.0012, 0.0024)
    points = []
    for step in range(3):
        dx = math.cos(math.radians(angle)) * length * step / 2
        dy = math.sin(math.radians(angle)) * length * step / 2 * 0.62
        points.append([round(lon + dx, 6), round(lat + dy, 6)])
    return {"type": "LineString", "coordinates": points}


def _street_photo(rng: random.Random, label: str, level: str | None, size=(1600, 1200)) -> bytes:
    """A generated street scene: sky, facades, paving, and something amiss, labelled."""
    from PIL import Image, ImageDraw, ImageFilter

    w, h = size
    img = Image.new("RGB", size, (180, 200, 220))
    draw = ImageDraw.Draw(img)
    for y in range(0, int(h * 0.35)):
        shade = int(170 + 60 * y / (h * 0.35))
        draw.line([(0, y), (w, y)], fill=(shade - 40, shade - 20, 235))
    x = 0
    while x < w:
        bw = rng.randint(160, 320)
        colour = rng.choice([(150, 70, 50), (120, 60, 45), (170, 150, 120), (90, 90, 95)])
        top = int(h * rng.uniform(0.12, 0.3))
        draw.rectangle([x, top, x + bw, int(h * 0.62)], fill=colour)
        for wy in range(top + 30, int(h * 0.58), 90):
            for wx in range(x + 20, x + bw - 40, 70):
                draw.rectangle([wx, wy, wx + 40, wy + 55], fill=(60, 70, 90))
        x += bw + 4
    draw.rectangle([0, int(h * 0.62), w, h], fill=(125, 125, 120))
    for ty in range(int(h * 0.62), h, 36):
        for tx in range(0, w, 72):
            draw.rectangle([tx + (ty // 36 % 2) * 36, ty, tx + 70 + (ty // 36 % 2) * 36, ty + 34],
                           outline=(100, 100, 98))
    severity = {"A+": 0, "A": 2, "B": 6, "C": 14, "D": 30}.get(level or "", 5)
    for _ in range(severity):
        cx, cy = rng.randint(0, w), rng.randint(int(h * 0.65), h - 20)
        r = rng.randint(8, 26)
        draw.ellipse([cx - r, cy - r // 2, cx + r, cy + r // 2],
                     fill=rng.choice([(220, 40, 40), (240, 240, 240), (40, 140, 40), (230, 200, 40)]))
    img = img.filter(ImageFilter.GaussianBlur(0.8))
    draw = ImageDraw.Draw(img)
    draw.rectangle([0, h - 70, w, h], fill=(0, 0, 0))
    draw.text((24, h - 58), label, fill=(255, 255, 255), font_size=40)
    out = io.BytesIO()
    img.save(out, "JPEG", quality=82)
    return out.getvalue()


def _pick_level(rng: random.Random, improvement: float) -> Level:
    weights = [0.04 + improvement * 0.03, 0.22 + improvement * 0.08, 0.44, 0.21 - improvement * 0.07,
               0.09 - improvement * 0.04]
    return rng.choices([Level.A_PLUS, Level.A, Level.B, Level.C, Level.D], weights=weights)[0]


def _party_for(element: str, role_hint: str) -> str:
    if role_hint == "sociale-veiligheid":
        return PARTIES["politie"] if "overlast" in element or "hang" in element else PARTIES["gemeente"]
    if any(k in element for k in ("reiniging", "afval", "overlast")):
        return PARTIES["reiniging"]
    return PARTIES["gemeente"]


def build_demo(path: Path, *, photos: int = 40, overwrite: bool = False, seed: int = 2026) -> dict:
    """Make the demo project at ``path``; returns counts."""
    from schouw.photos import prepare_photo

    path = Path(path)
    if overwrite and path.exists():
        for suffix in ("", "-wal", "-shm"):
            candidate = path.with_name(path.name + suffix)
            if candidate.exists():
                candidate.unlink()
    rng = random.Random(seed)
    crow = find_form("crow-beeldkwaliteit")
    social = find_form("sociale-veiligheid")
    profile = default_profile().model_copy(update={"municipality": MUNICIPALITY})
    stats = {"rounds": 0, "findings": 0, "photos": 0, "streets": 0}
    with create_project(path, name="Demo wijkschouw Vogelwijk", municipality=MUNICIPALITY) as project:
        project.forms.save_profile(profile)
        with project.atomic():
            wijk = project.areas.add_wijk(Wijk(name="Vogelwijk", code="WK0412"))
            vogel = project.areas.add_buurt(Buurt(wijk_id=wijk.id, name="Vogelbuurt", code="BU04120", area_type="woongebied"))
            haven = project.areas.add_buurt(Buurt(wijk_id=wijk.id, name="Havenkwartier", code="BU04121", area_type="centrum"))
            streets = {}
            for buurt, names, origin in ((vogel, VOGELBUURT, (52.3840, 4.6290)), (haven, HAVENKWARTIER, (52.3780, 4.6420))):
                rows = [Street(buurt_id=buurt.id, name=n, woonplaats="Voorbeeldstad", position=i,
                               geometry=_line(origin, i, rng), house_numbers=f"1-{rng.randint(20, 90)}",
                               area_type="centrum" if n in ("Stationsplein", "Havenstraat") else None)
                        for i, n in enumerate(names)]
                project.areas.add_streets(rows)
                streets[buurt.id] = project.areas.streets(buurt.id)
            stats["streets"] = sum(len(s) for s in streets.values())

        plan = [
            (vogel, crow, date(2025, 10, 14), 62, 0.0, "Nulmeting Vogelbuurt"),
            (vogel, crow, date(2026, 10, 13), 70, 1.0, "Jaarschouw Vogelbuurt"),
            (haven, social, date(2026, 6, 3), 22, 0.0, "Veilige Buurten-schouw Havenkwartier"),
        ]
        photo_budget = photos
        crow_items = [(e, a) for e, a in crow.items() if a.has_level]
        statuses_old = [ActionStatus.DONE] * 6 + [ActionStatus.REJECTED, ActionStatus.REOPENED]
        statuses_new = [ActionStatus.OPEN] * 4 + [ActionStatus.FORWARDED, ActionStatus.SCHEDULED,
                                                  ActionStatus.IN_PROGRESS, ActionStatus.DONE]
        for buurt, form, when, count, improvement, title in plan:
            round_ = create_round(project, buurt=buurt.name, wijk=wijk.name, form_id=form.id, when=when, title=title)
            stats["rounds"] += 1
            for name, org, role in rng.sample(TEAM, 5) + [TEAM[5]]:
                project.rounds.add_participant(Participant(round_id=round_.id, name=name, organisation=org, role=role))
            street_rows = streets[buurt.id]
            items = crow_items if form is crow else list(form.items())
            for n in range(count):
                street = street_rows[n % len(street_rows)] if n < len(street_rows) else rng.choice(street_rows)
                element, aspect = rng.choice(items)
                level = None
                choice = None
                not_applicable = False
                if aspect.has_level:
                    if rng.random() < 0.05:
                        not_applicable = True
                    else:
                        level = _pick_level(rng, improvement)
                    text = aspect.level_help(level) if level else "Niet aanwezig in deze straat."
                elif aspect.scale == "choice":
                    choice = rng.choice(aspect.choices)
                    text = rng.choice(SV_TEXTS)
                else:
                    text = rng.choice(SV_TEXTS)
                spot = rng.choice(SPOTS)
                geometry = street.geometry or {"coordinates": [[4.63, 52.38]]}
                lon, lat = geometry["coordinates"][rng.randrange(len(geometry["coordinates"]))]
                finding = Finding(
                    round_id=round_.id, street_id=street.id, element=element.id, aspect=aspect.id,
                    level=level, not_applicable=not_applicable, choice=choice,
                    house_number=str(rng.randint(1, 80)) + rng.choice(["", "", "", "a", "b"]),
                    spot=spot, description=text, lat=lat + rng.uniform(-0.0001, 0.0001),
                    lon=lon + rng.uniform(-0.0001, 0.0001),
                    priority=rng.choices(["laag", "normaal", "hoog", "spoed"], [2, 6, 2, 0.5])[0],
                    time_of_day=rng.choice(["", "avond", "nacht"]) if aspect.time_of_day else "",
                    observed_at=f"{when.isoformat()}T{rng.randint(9, 15):02d}:{rng.randint(0, 59):02d}:00",
                )
                needs_action = (level is not None and level <= Level.C) or (choice not in (None, "in orde", "nee"))
                action = None
                if needs_action:
                    pool = statuses_old if when.year == 2025 else statuses_new
                    status = pool[n % len(pool)]
                    action = Action(finding_id=finding.id, party=_party_for(element.id, form.kind),
                                    due_date=when + timedelta(days=rng.choice([14, 28, 42, 90])),
                                    status=status,
                                    status_reason="Valt buiten het onderhoudsbudget van dit jaar." if status == ActionStatus.REJECTED
                                    else "Opnieuw gemeld door bewoners." if status == ActionStatus.REOPENED else "")
                records = []
                if photo_budget > 0 and (needs_action or rng.random() < 0.15):
                    label = f"{street.name} {finding.house_number} - {aspect.name} {level.value if level else ''}"
                    for k in range(1 if rng.random() < 0.8 else 2):
                        raw = _street_photo(rng, label, level.value if level else None)
                        prepared = prepare_photo(raw, name=f"IMG_{when:%Y%m%d}_{stats['photos'] + 1:04d}.jpg")
                        records.append(photo_record(prepared, finding.id, k))
                        photo_budget -= 1
                        stats["photos"] += 1
                project.findings.add(finding, action, records)
                stats["findings"] += 1
            done = {s.id for s in street_rows} if when.year == 2025 else {s.id for s in street_rows[:-3]}
            for street_id in done:
                project.rounds.set_street_done(round_.id, street_id, True)
    return stats
