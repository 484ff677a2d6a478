"""`schouw demo FILE`: a realistic demo project, also the source of test fixtures.

One wijk with two buurten and 34 streets (with line geometry), the default quality
profile, two CROW rounds of the same buurt a year apart (so there is a trend), a
sociale-veiligheid walk in the other buurt, ~150 findings over many elements and all
levels, generated street photos, a team from several organisations and actions in
every status, and a beeldkwaliteitsmeting of the Vogelbuurt (100 random schouwpunten,
the 12 aspects of the meting form judged at each), and a stratenaanpak in the
Havenkwartier: its Veilige Buurten-schouw followed by two more walks of the same form (a
series of three for the verloop). Seeded, so the same call always makes the same project.
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
from schouw.domain.norms import area_type_of, is_below_norm
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

#: What residents and partners wrote down on the sociale-veiligheid walk, per aspect:
#: remarks for an item found in order, and for one that needs attention. Every remark is
#: used at most once in a round (a coordinator notices the same sentence twice).
SV_REMARKS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "donkere-plekken": (
        ("Brandgang goed verlicht sinds de nieuwe ledlampen.",),
        ("Lantaarnpaal brandt niet; het pad is na zonsondergang aardedonker.",
         "Twee lampen achter elkaar defect, de stoep ligt 's avonds in het donker.",
         "Verlichting bij de fietsenstalling valt geregeld uit, al drie keer gemeld.",
         "Boomkruinen houden het licht van de lantaarns tegen, onder de bomen is het donker."),
    ),
    "zichtlijnen": (
        ("Vanaf de straat goed zicht op het pleintje en de speelplek.",),
        ("Schutting van twee meter blokkeert het zicht vanaf de woningen op het pad.",
         "Bocht in het pad met een hoge muur: je ziet niet wie er aankomt.",
         "Geparkeerde bestelbussen ontnemen het zicht op de oversteek.",
         "Vanuit de woningen is het achterpad nergens te zien."),
    ),
    "onoverzichtelijk-groen": (
        ("Heesters zijn onlangs gesnoeid, het plantsoen is weer overzichtelijk.",),
        ("Hoge struiken ontnemen het zicht op de voordeuren van de portiekflats.",
         "Dichte haag langs het fietspad, bewoners lopen er 's avonds liever omheen.",
         "Verwilderd groen naast de garageboxen, er liggen lege flessen tussen.",
         "Struikgewas bij de bushalte is zo hoog dat wachtenden niet te zien zijn."),
    ),
    "zicht-op-entrees": (
        ("Portiekentree goed zichtbaar vanaf straat en overburen.",),
        ("Entree van de flat ligt verscholen achter de bergingen.",
         "Portiekdeur sluit niet en is vanaf de straat niet te zien.",
         "Achteringang van het winkelcentrum is een verborgen nis."),
    ),
    "looproutes": (
        ("Doorgaande route naar het station is breed en goed verlicht.",),
        ("Kortste route naar school loopt door een donkere onderdoorgang.",
         "Olifantenpaadje door het park wordt 's avonds veel gebruikt, zonder verlichting.",
         "Stoep versperd door containers, voetgangers moeten de rijbaan op."),
    ),
    "verkeersonveilig": (
        ("Nieuwe drempel heeft de snelheid in de straat zichtbaar verlaagd.",),
        ("Oversteekplaats onoverzichtelijk door geparkeerde auto's tot op de hoek.",
         "Er wordt hard gereden richting de school, vooral 's ochtends.",
         "Fietsers rijden op de stoep bij de bushalte, bewoners schrikken ervan."),
    ),
    "hangplekken": (
        ("Geen hangplek gezien; het bankje wordt overdag door ouderen gebruikt.",),
        ("Groep jongeren hangt 's avonds bij het bankje, bewoners voelen zich onprettig.",
         "Bij de ingang van de parkeergarage wordt 's avonds in auto's gehangen.",
         "Hangplek achter de supermarkt, veel blikjes en lachgaspatronen."),
    ),
    "jeugdoverlast": (
        ("Geen overlast gemeld; het jongerenwerk is hier 's woensdags actief.",),
        ("Bewoners melden brommers die 's avonds rondjes rijden door de straat.",
         "Balspelen tegen de gevels tot laat in de avond, volgens de bewoners.",
         "Geluidsoverlast van een groep jongeren op het pleintje in het weekend."),
    ),
    "drugsoverlast": (
        ("Geen signalen van drugshandel volgens de wijkagent.",),
        ("Bewoner meldt drugsoverlast bij de garageboxen rond 22.00 uur.",
         "Opvallend veel korte bezoekjes aan een auto die hier 's avonds staat.",
         "Spuiten en zakjes gevonden in de bosjes naast het pad."),
    ),
    "inbraakgevoeligheid": (
        ("Achterpaden zijn afgesloten met een poort die goed sluit.",),
        ("Achterpad zonder verlichting, poortjes staan open: inbraakgevoelig.",
         "Containers staan tegen de schutting en dienen als opstapje.",
         "Bergingen met oude sloten, bewoners melden eerdere inbraken."),
    ),
    "leegstand": (
        ("Het voormalige buurthuis is weer in gebruik door een kinderopvang.",),
        ("Leegstaand winkelpand met dichtgetimmerde ramen en graffiti.",
         "Woning staat al maanden leeg, de tuin is verwilderd en er ligt post.",
         "Verpauperd bedrijfspand, ruiten ingegooid."),
    ),
    "gevoel-veiligheid": (
        ("Bewoners voelen zich hier overdag en 's avonds veilig.",),
        ("Oudere bewoners lopen hier na donker liever niet alleen.",
         "Moeders met kinderen mijden het pleintje als de groep er staat.",
         "Onveilig gevoel door de donkere onderdoorgang naar de bushalte."),
    ),
    "opmerking-bewoner": (
        (),
        ("Bewoner vraagt of er een extra prullenbak bij het speeltuintje kan komen.",
         "Bewoners willen graag meedenken over de herinrichting van het plein.",
         "Bewonerscommissie vraagt om terugkoppeling over de vorige schouw.",
         "Een bewoner biedt aan het plantsoen mee te onderhouden."),
    ),
}

#: Remarks an inspector adds to a CROW finding below the norm, beyond the beeldmeetlat's
#: own description (which the first such finding of an aspect and level gets).
CROW_REMARKS = (
    "Al eerder gemeld door bewoners, sindsdien niet verbeterd.",
    "Vooral rond de ingang van het portiek; de rest van de straat is beter.",
    "Over een lengte van ongeveer twintig meter.",
    "Aandachtspunt voor de volgende ronde: staat er dan nog.",
    "Volgens de bewonerscommissie na de markt elke week zo.",
    "Struikelgevaar voor ouderen en kinderwagens.",
    "Waarschijnlijk na werkzaamheden aan de kabels niet hersteld.",
    "Bewoners ergeren zich hieraan, meermaals genoemd tijdens de schouw.",
    "Lijkt op structureel achterstallig onderhoud.",
    "Op de hoek met de zijstraat het ergst.",
)


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


def _levels(rng: random.Random, count: int, improvement: float) -> list[Level]:
    """``count`` levels in the proportions of a buurt at this stage, shuffled. Drawn as
    a quota rather than one by one, so the jaarschouw really scores better than the
    nulmeting (the trend the demo is there to show) instead of by luck of the seed."""
    weights = [0.04 + improvement * 0.03, 0.22 + improvement * 0.08, 0.44, 0.21 - improvement * 0.07,
               0.09 - improvement * 0.04]
    levels = [Level.A_PLUS, Level.A, Level.B, Level.C, Level.D]
    quota = [lv for lv, w in zip(levels, weights, strict=True) for _ in range(round(w * count))]
    quota += rng.choices(levels, weights=weights, k=max(0, count - len(quota)))
    rng.shuffle(quota)
    return quota[:count]


def _party_for(element: str, role_hint: str) -> str:
    if role_hint == "sociale-veiligheid":
        if "overlast" in element or "hang" in element:
            return PARTIES["politie"]
        # portieken, bergingen and achterpaden of rented homes are the corporation's
        return PARTIES["corporatie"] if element == "woningen" else PARTIES["gemeente"]
    if any(k in element for k in ("reiniging", "afval", "overlast")):
        return PARTIES["reiniging"]
    return PARTIES["gemeente"]


def _last_number(street: Street) -> int:
    """The highest house number of ``street`` ("1-64" -> 64): a finding at number 80 of
    a street that ends at 64 is the kind of slip a coordinator spots at once."""
    try:
        return max(1, int(street.house_numbers.rsplit("-", 1)[-1]))
    except ValueError:
        return 20


def _priority(rng: random.Random, level: Level | None, not_applicable: bool, needs_action: bool) -> str:
    """A priority that fits the finding: n.v.t. keeps the default (it has nothing to
    act on), a good level is never urgent, a D often is."""
    if not_applicable:
        return "normaal"
    if level is Level.D:
        return rng.choices(["normaal", "hoog", "spoed"], [3, 4, 1])[0]
    if needs_action:
        return rng.choices(["laag", "normaal", "hoog"], [1, 6, 2])[0]
    return rng.choices(["laag", "normaal"], [2, 5])[0]


class _Remarks:
    """The remarks of one round, each used at most once: a finding whose remark would
    repeat another's gets none (as an inspector would not write it twice)."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def first(self, text: str) -> str:
        if not text or text in self.used:
            return ""
        self.used.add(text)
        return text

    def pick(self, texts: tuple[str, ...]) -> str:
        fresh = [t for t in texts if t not in self.used]
        return self.first(self.rng.choice(fresh)) if fresh else ""

    def crow(self, help_text: str, *, below: bool) -> str:
        """The beeldmeetlat's description the first time; for a finding below the norm
        later, a remark of the inspector's own; otherwise nothing."""
        if help_text and help_text not in self.used:
            return self.first(help_text)
        return self.pick(CROW_REMARKS) if below else ""


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
        photos_left = photos
        findings_left = sum(step[3] for step in plan)
        crow_items = [(e, a) for e, a in crow.items() if a.has_level]
        statuses_old = [ActionStatus.DONE] * 6 + [ActionStatus.REJECTED, ActionStatus.REOPENED]
        statuses_new = [ActionStatus.OPEN] * 4 + [ActionStatus.FORWARDED, ActionStatus.SCHEDULED,
                                                  ActionStatus.IN_PROGRESS, ActionStatus.DONE]
        for buurt, form, when, count, improvement, title in plan:
            round_ = create_round(project, buurt=buurt.name, wijk=wijk.name, form_id=form.id, when=when, title=title)
            stats["rounds"] += 1
            # the bewonerscommissie (TEAM[5]) always walks along; four others vary
            for name, org, role in rng.sample(TEAM[:5] + TEAM[6:], 5) + [TEAM[5]]:
                project.rounds.add_participant(Participant(round_id=round_.id, name=name, organisation=org, role=role))
            street_rows = streets[buurt.id]
            # The last three streets of the jaarschouw were not walked yet: no findings there.
            walked = street_rows if when.year == 2025 else street_rows[:-3]
            items = crow_items if form is crow else list(form.items())
            remarks = _Remarks(rng)
            # each round gets its share of the photos, so every report has some
            photo_budget = round(photos_left * count / findings_left)
            findings_left -= count
            levels = _levels(rng, count, improvement)
            for n in range(count):
                street = walked[n % len(walked)] if n < len(walked) else rng.choice(walked)
                element, aspect = rng.choice(items)
                level = None
                choice = None
                not_applicable = False
                below = False
                if aspect.has_level:
                    if rng.random() < 0.05:
                        not_applicable = True
                        text = remarks.first(f"Geen {element.name.lower()} in dit deel van de straat.")
                    else:
                        level = levels.pop()
                        # the profile's rule: below the norm of this aspect in this street's area type
                        below = is_below_norm(profile, element.id, aspect.id, level, False,
                                              area_type_of(street.area_type, buurt.area_type))
                        text = remarks.crow(aspect.level_help(level), below=below)
                else:
                    ok_texts, problem_texts = SV_REMARKS.get(aspect.id, ((), ()))
                    if aspect.scale == "choice":
                        choice = rng.choice(aspect.choices)
                        in_order = choice == aspect.choices[0]
                    else:
                        in_order = False
                    text = remarks.pick(ok_texts if in_order else problem_texts)
                spot = rng.choice(SPOTS)
                geometry = street.geometry or {"coordinates": [[4.63, 52.38]]}
                lon, lat = geometry["coordinates"][rng.randrange(len(geometry["coordinates"]))]
                if aspect.has_level:
                    needs_action = below  # every point below the norm goes to its party
                elif aspect.scale == "choice":
                    needs_action = choice != aspect.choices[0]  # the first answer is "all is well"
                else:
                    needs_action = bool(text)
                finding = Finding(
                    round_id=round_.id, street_id=street.id, element=element.id, aspect=aspect.id,
                    level=level, not_applicable=not_applicable, choice=choice,
                    house_number=str(rng.randint(1, _last_number(street))) + rng.choice(["", "", "", "a", "b"]),
                    spot=spot, description=text, lat=lat + rng.uniform(-0.0001, 0.0001),
                    lon=lon + rng.uniform(-0.0001, 0.0001),
                    priority=_priority(rng, level, not_applicable, needs_action),
                    time_of_day=rng.choice(["", "avond", "nacht"]) if aspect.time_of_day else "",
                    observed_at=f"{when.isoformat()}T{rng.randint(9, 15):02d}:{rng.randint(0, 59):02d}:00",
                )
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
                    for k in range(min(photo_budget, 1 if rng.random() < 0.8 else 2)):
                        raw = _street_photo(rng, label, level.value if level else None)
                        prepared = prepare_photo(raw, name=f"IMG_{when:%Y%m%d}_{stats['photos'] + 1:04d}.jpg")
                        records.append(photo_record(prepared, finding.id, k))
                        photo_budget -= 1
                        photos_left -= 1
                        stats["photos"] += 1
                project.findings.add(finding, action, records)
                stats["findings"] += 1
            for street in walked:
                project.rounds.set_street_done(round_.id, street.id, True)
        _follow_up_by_hand(project)
        _demo_herschouw(project, rng, vogel, wijk, stats)
        _demo_meting(project, vogel, wijk, stats)
        _demo_indicators(project, vogel, wijk)
        _demo_verloop(project, haven, wijk, stats)
        _demo_boundaries(project, (vogel, haven))
        _demo_cycles(project, haven)
        _demo_history(project, wijk, profile, crow, stats)
    return stats


BLOEMENBUURT = ("Rozenstraat", "Tulpstraat", "Lelieplein", "Anjerstraat", "Irislaan", "Dahliastraat",
                "Narcishof", "Violierstraat")
BOMENBUURT = ("Eikenlaan", "Beukenstraat", "Lindeplein", "Essenweg", "Wilgenhof", "Populierstraat",
              "Kastanjelaan", "Berkenstraat")
#: (buurt, its code, streets, origin, below-norm findings per year 2024-2026, how this
#: year's actions stand): one getting better with its partners on time, one getting worse
HISTORY = (("Bloemenbuurt", "BU04122", BLOEMENBUURT, (52.3905, 4.6250), (9, 6, 4),
            (ActionStatus.DONE, ActionStatus.DONE, ActionStatus.SCHEDULED)),
           ("Bomenbuurt", "BU04123", BOMENBUURT, (52.3900, 4.6420), (3, 5, 8),
            (ActionStatus.OPEN, ActionStatus.OPEN, ActionStatus.FORWARDED, ActionStatus.DONE)))


def _demo_history(project, wijk: Wijk, profile, crow, stats: dict) -> None:
    """Three years of jaarschouwen (2024-2026) in two more buurten of the wijk (issue #19):
    the Overzicht and the monitor then have a history, a buurt getting better and one
    getting worse. In the Bloemenbuurt the same corner of the Rozenstraat (zwerfafval and
    onkruid, C and D) comes back every year: the demo's recurring hotspot. Its own Random,
    so everything made before stays exactly as it was; no photos (the other rounds have
    them), so the demo stays quick to build."""
    rng = random.Random(4120)
    items = [(e, a) for e, a in crow.items() if a.has_level and e.id in (
        "elementen", "asfalt", "gazon", "beplanting", "afvalbakken", "verlichting", "speelvoorzieningen")]
    spot_items = [(e, a) for e, a in crow.items() if (e.id, a.id) in (
        ("elementen", "zwerfafval"), ("elementen", "onkruid"), ("gazon", "zwerfafval"))]
    old = [ActionStatus.DONE] * 5 + [ActionStatus.REJECTED]
    for name, code, street_names, origin, below_per_year, new in HISTORY:
        with project.atomic():
            buurt = project.areas.add_buurt(Buurt(wijk_id=wijk.id, name=name, code=code, area_type="woongebied"))
            project.areas.add_streets([Street(buurt_id=buurt.id, name=n, woonplaats="Voorbeeldstad", position=i,
                                              geometry=_line(origin, i, rng), house_numbers=f"1-{rng.randint(20, 70)}")
                                       for i, n in enumerate(street_names)])
        streets = project.areas.streets(buurt.id)
        stats["streets"] += len(streets)
        hotspot = streets[0].geometry["coordinates"][1]
        for year, below_n in zip((2024, 2025, 2026), below_per_year, strict=True):
            when = date(year, 9, 10 + 7 * (year - 2024))
            round_ = create_round(project, buurt=name, wijk=wijk.name, form_id=crow.id, when=when,
                                  title=f"Jaarschouw {name} {year}")
            stats["rounds"] += 1
            for person in rng.sample(TEAM, 3):
                project.rounds.add_participant(Participant(round_id=round_.id, name=person[0], organisation=person[1],
                                                           role=person[2]))
            remarks = _Remarks(rng)
            # below_n findings at C or D (below the woongebied norm), the rest at A+ to B
            levels = rng.choices([Level.C, Level.D], k=below_n)
            levels += rng.choices([Level.A_PLUS, Level.A, Level.B], k=12 - below_n)
            for n, level in enumerate(levels):
                at_spot = name == "Bloemenbuurt" and n < 2  # the Rozenstraat corner, every year
                street = streets[0] if at_spot else streets[rng.randrange(len(streets))]
                element, aspect = spot_items[n % len(spot_items)] if at_spot else rng.choice(items)
                below = is_below_norm(profile, element.id, aspect.id, level, False,
                                      area_type_of(street.area_type, buurt.area_type))
                lon, lat = hotspot if at_spot else street.geometry["coordinates"][rng.randrange(3)]
                finding = Finding(
                    round_id=round_.id, street_id=street.id, element=element.id, aspect=aspect.id, level=level,
                    house_number=str(rng.randint(1, _last_number(street))), spot=rng.choice(SPOTS),
                    description=("Weer zwerfafval op de hoek bij de containers.",
                                 "Onkruid tussen de tegels bij de containers, net als vorig jaar.")[n] if at_spot
                    else remarks.crow(aspect.level_help(level), below=below),
                    lat=lat + rng.uniform(-0.00008, 0.00008), lon=lon + rng.uniform(-0.00008, 0.00008),
                    priority=_priority(rng, level, False, below),
                    observed_at=f"{when.isoformat()}T{rng.randint(9, 15):02d}:{rng.randint(0, 59):02d}:00")
                action = None
                if below:
                    status = rng.choice(old if year < 2026 else list(new))
                    action = Action(finding_id=finding.id, party=_party_for(element.id, crow.kind),
                                    due_date=when + timedelta(days=rng.choice([14, 28, 42])), status=status)
                project.findings.add(finding, action, [])
                stats["findings"] += 1
            for street in streets:
                project.rounds.set_street_done(round_.id, street.id, True)


def _demo_cycles(project, buurt: Buurt, today: date | None = None) -> None:
    """Two Veilige Buurten trajecten in the Havenkwartier (issue #19): one in spring,
    evaluated (one priority achieved, one partly, one not), and the one running now, six
    weeks in, whose first priorities are what spring did not achieve (the intake), with
    a new one. Priorities point at the sociale-veiligheid round's findings and actions.
    The running one starts relative to today so the demo always shows a traject in
    progress."""
    from schouw.domain.models import RoundKind
    from schouw.services import cycles as C

    today = today or date.today()
    round_ = next(r for r in project.rounds.rounds_of_buurt(buurt.id) if r.kind != RoundKind.METING)
    findings = {f.id: f for f in project.findings.models(round_.id)}
    by_aspect: dict[str, list[str]] = {}
    for f in findings.values():
        by_aspect.setdefault(f"{f.element}.{f.aspect}", []).append(f.id)
    acted = project.cycles.actions_of_findings(list(findings))

    def with_action(prefix: str) -> list[str]:
        """Findings with an action about ``prefix``; else (the demo's draw left none) two
        of the round's actions, so the priority shows what linking looks like."""
        found = sorted(fid for fid in acted if f"{findings[fid].element}.{findings[fid].aspect}".startswith(prefix))
        return found or sorted(acted)[:2]

    spring, _ = C.start_cycle(project, buurt=buurt.name, start=round_.date - timedelta(days=round_.date.weekday()),
                              weeks=10, title="Veilig Havenkwartier voorjaar 2026")
    dark = by_aspect.get("licht.donkere-plekken", [])[:3]
    C.add_priority(project, spring.id, title="Donkere plekken langs de kades", findings=dark)
    C.add_priority(project, spring.id, title="Drugsoverlast bij de Veerhaven", aspect="overlast.drugsoverlast")
    C.add_priority(project, spring.id, title="Zicht op portieken en entrees", findings=by_aspect.get(
        "zicht.zicht-op-entrees", [])[:2])
    for action_finding in with_action("overlast."):
        C.link(project, spring.id, 2, action=action_finding)
    C.evaluate(project, spring.id, 1, "deels", "Drie lampen vervangen; aan de IJsselkade is het nog donker.")
    C.evaluate(project, spring.id, 2, "niet", "Minder meldingen bij de Veerhaven, maar de overlast is verschoven "
                                              "naar het Havenpark.")
    C.evaluate(project, spring.id, 3, "bereikt", "Struiken gesnoeid door de corporatie; bewoners zijn tevreden.")
    C.close_cycle(project, spring.id, "Goede opkomst op de bewonersavond (32 bewoners). Politie en corporatie "
                                      "willen het traject in het najaar voortzetten.")
    now_start = today - timedelta(days=today.weekday() + 5 * 7)
    autumn, _ = C.start_cycle(project, buurt=buurt.name, start=now_start, weeks=10,
                              title="Veilig Havenkwartier najaar 2026")
    C.add_priority(project, autumn.id, title="Inbraakpreventie in de portiekflats", aspect="woningen.inbraakgevoeligheid")
    for action_finding in with_action("woningen."):
        C.link(project, autumn.id, 3, action=action_finding)
    C.add_priority(project, autumn.id, title="Fietsen en scooters op de stoep", theme="parkeeroverlast")


def _demo_boundaries(project, buurten) -> None:
    """Buurt boundaries for the demo's two buurten (as a CBS import would give them):
    an irregular outline around each buurt's streets, so the map page shows the buurt.
    Its own Random, so everything made before stays exactly as it was."""
    import shapely
    from shapely.geometry import MultiPoint, mapping

    from schouw import geo
    from schouw.domain.mapscene import geojson_lines

    rng = random.Random(4812)
    boundaries = {}
    for buurt in buurten:
        points = [p for s in project.areas.streets(buurt.id) for line in geojson_lines(s.geometry) for p in line]
        hull = MultiPoint(geo.lonlat_to_rd(points)).convex_hull.buffer(70, quad_segs=2)
        ring = [(x + rng.uniform(-12, 12), y + rng.uniform(-12, 12)) for x, y in hull.exterior.coords[:-1]]
        outline = shapely.Polygon(geo.rd_to_lonlat(ring))
        boundaries[buurt.id] = mapping(shapely.set_precision(outline, 1e-7))
    project.areas.set_boundaries({k: {"type": v["type"], "coordinates": [[list(p) for p in ring]
                                                                          for ring in v["coordinates"]]}
                                  for k, v in boundaries.items()})


# -- actions followed by hand (issue #15.1) ---------------------------------------------------
#: What happened to the open actions of the corporation and the police, which MOR never
#: closes: (days after the round, status, note), step by step through the history.
FOLLOW_UPS: list[list[tuple[int, ActionStatus, str]]] = [
    [(7, ActionStatus.SCHEDULED, "Ingepland bij de aannemer"),
     (21, ActionStatus.DONE, "Opgeruimd en schoongemaakt")],
    [(10, ActionStatus.REJECTED, "Geen taak van deze partij: doorverwezen naar de gemeente")],
    [(5, ActionStatus.IN_PROGRESS, "Wijkagent houdt de plek in de gaten")],
    [(14, ActionStatus.SCHEDULED, "Gepland in het onderhoudsprogramma")],
    [],  # still open: overdue once its due date has passed
]


def _follow_up_by_hand(project) -> None:
    """Some actions of other parties than the municipality moved on by hand, with a
    history (who, when, from, to, note): afgehandeld, afgewezen with a reason, ingepland."""
    from schouw.services.actions import list_actions, set_status

    coordinator = TEAM[0][0]
    others = {PARTIES["corporatie"], PARTIES["politie"], PARTIES["welzijn"]}
    rows = [r for r in list_actions(project) if r.party in others and r.status is ActionStatus.OPEN]
    for n, row in enumerate(rows):
        for days, status, note in FOLLOW_UPS[n % len(FOLLOW_UPS)]:
            set_status(project, row.finding_id, status, note=note, by=coordinator,
                       on_date=row.round_date + timedelta(days=days))


def _demo_herschouw(project, rng: random.Random, buurt: Buurt, wijk: Wijk, stats: dict) -> None:
    """Re-inspection in the demo (issue #15): the jaarschouw re-inspected the nulmeting's
    open points on the streets it walked, and six weeks later a herschouw of the buurt
    checks the jaarschouw's open points again, with a realistic mix of results and one
    street not walked yet (its points are still *te controleren*)."""
    from schouw.domain.levels import ALL_LEVELS
    from schouw.domain.norms import as_level
    from schouw.domain.rechecks import RecheckResult
    from schouw.services.rechecks import mark, points

    def check(round_id: str, walked: set[str], pick) -> None:
        for point in points(project, round_id):
            if point["street_id"] not in walked:
                continue
            old = as_level(point["previous_level"])
            result = pick(point)
            level = None
            if result is RecheckResult.WORSE:
                if old is None or old is Level.D:
                    result = RecheckResult.PRESENT
                else:
                    level = ALL_LEVELS[ALL_LEVELS.index(old) + 1].value
            mark(project, point["id"], result, level, today=project.rounds.get(round_id).date)

    jaarschouw = next(r for r in project.rounds.rounds_of_buurt(buurt.id) if r.date == date(2026, 10, 13))
    done_actions = {ActionStatus.DONE.value}
    check(jaarschouw.id, project.rounds.done_streets(jaarschouw.id),
          lambda p: RecheckResult.SOLVED if p["action_status"] in done_actions else RecheckResult.PRESENT)

    when = date(2026, 11, 24)
    herschouw = create_round(project, buurt=buurt.name, wijk=wijk.name, form_id="crow-beeldkwaliteit",
                             when=when, title="Herschouw Vogelbuurt")
    stats["rounds"] += 1
    for name, org, role in (TEAM[0], TEAM[5]):
        project.rounds.add_participant(Participant(round_id=herschouw.id, name=name, organisation=org, role=role))
    with_points = list(dict.fromkeys(p["street_id"] for p in points(project, herschouw.id)))
    walked = set(with_points[:-1])  # the last street with points is for next week
    weights = [(RecheckResult.SOLVED, 0.5), (RecheckResult.PRESENT, 0.35), (RecheckResult.WORSE, 0.15)]
    check(herschouw.id, walked,
          lambda p: rng.choices([r for r, _ in weights], [w for _, w in weights])[0])
    for street_id in walked:
        project.rounds.set_street_done(herschouw.id, street_id, True)
    stats["findings"] += len(project.findings.models(herschouw.id))


# -- a meting: random schouwpunten, every aspect judged (issue #17.1) -------------------------
#: Per element: the share of points where it occurs at all (elsewhere: n.v.t.). Every
#: point has paving; a bench or a litter bin stands at only some of them.
MEETING_PRESENCE = {"elementen": 1.0, "gras": 0.55, "beplanting": 0.65, "banken": 0.3,
                    "afvalbakken": 0.25, "reiniging": 1.0}
#: Per aspect: the chance a point is at or above its norm (weeds on paving and dog dirt
#: are the usual weak spots of a residential buurt).
MEETING_QUALITY = {"elementen.onkruid": 0.72, "elementen.zwerfafval": 0.86, "elementen.oneffenheden": 0.9,
                   "elementen.schade": 0.93, "gras.hoogte": 0.8, "gras.zwerfafval": 0.84,
                   "beplanting.onkruid": 0.76, "banken.schade": 0.9, "banken.vervuiling": 0.85,
                   "afvalbakken.vulgraad": 0.8, "reiniging.hondenpoep": 0.82, "reiniging.graffiti": 0.94}


def _demo_meting(project, buurt: Buurt, wijk: Wijk, stats: dict) -> None:
    """A beeldkwaliteitsmeting of the Vogelbuurt on 2026-09-15: 100 schouwpunten drawn
    with a fixed seed, every aspect of the 12-aspect meting form judged at each (n.v.t.
    where the element is not there), every point finished and the round closed. Its own
    Random, so the rounds above stay exactly as they were."""
    from schouw.domain.levels import ALL_LEVELS
    from schouw.domain.models import RoundKind
    from schouw.domain.norms import norm_for
    from schouw.services.points import required_items

    rng = random.Random(20260915)
    when = date(2026, 9, 15)
    round_ = create_round(project, buurt=buurt.name, wijk=wijk.name, form_id="crow-meting", when=when,
                          title="Beeldkwaliteitsmeting Vogelbuurt", kind=RoundKind.METING, points=100,
                          seed=20260915)
    stats["rounds"] += 1
    profile = project.forms.profile(round_.profile_id)
    form = project.forms.get(round_.form_key)
    area = {s.id: area_type_of(s.area_type, buurt.area_type) for s in project.areas.streets(buurt.id)}
    with project.atomic():
        for name, org, role in (TEAM[1], ("Jeroen Visser", "Ingenieursbureau Beeldmeting", "overig")):
            project.rounds.add_participant(Participant(round_id=round_.id, name=name, organisation=org, role=role))
        for point in project.points.list(round_.id):
            minute = 9 * 60 + 4 * point.n  # the walk takes the day, about 4 minutes a point
            observed = f"{when.isoformat()}T{minute // 60:02d}:{minute % 60:02d}:00"
            present = {e: rng.random() < p for e, p in MEETING_PRESENCE.items()}
            for element, aspect in required_items(form):
                level: Level | None = None
                if present.get(element, True):
                    norm = norm_for(profile, element, aspect, area[point.street_id]) or Level.B
                    k = ALL_LEVELS.index(norm)
                    meets, below = ALL_LEVELS[:k + 1], ALL_LEVELS[k + 1:]
                    if not below or rng.random() < MEETING_QUALITY.get(f"{element}.{aspect}", 0.85):
                        level = rng.choices(meets, [1 + i * 2 for i in range(len(meets))])[0]
                    else:
                        level = rng.choices(below, [3, 1, 0.5, 0.25][:len(below)])[0]
                project.findings.add(Finding(
                    round_id=round_.id, street_id=point.street_id, element=element, aspect=aspect, level=level,
                    not_applicable=level is None, spot=f"schouwpunt {point.n}", lat=point.lat, lon=point.lon,
                    observed_at=observed, point_id=point.id))
                stats["findings"] += 1
            project.points.set_done(point.id, True)
        project.rounds.update(round_.id, closed_at=f"{when.isoformat()}T16:30:00.000Z")


def _demo_indicators(project, buurt: Buurt, wijk: Wijk) -> None:
    """Three policy indicators with nulmeting and streefwaarde: one computed from the
    meting above (its schoon share, under today's profile), two entered by hand from
    outside sources as a wijkteam would (one on course, one not), so the Indicatoren
    view and the meting's report show both verdicts."""
    from schouw.domain.models import RoundKind
    from schouw.services import indicators as S

    meting = next(r for r in project.rounds.rounds_of_buurt(buurt.id) if r.kind == RoundKind.METING)
    S.add_indicator(project, name="Aandeel schouwpunten schoon op of boven norm", unit="%",
                    area=f"buurt:{buurt.name}", direction="up", baseline=78, baseline_year=2025,
                    baseline_source="Nulmeting beeldkwaliteit 2025 (gemeente)", target=90, target_year=2028,
                    aspect_group="schoon")
    S.value_from_round(project, "Aandeel schouwpunten schoon op of boven norm", meting.id)
    S.add_indicator(project, name="% inwoners dat zich onveilig voelt in de buurt", unit="%",
                    area=f"wijk:{wijk.name}", direction="down", baseline=19, baseline_year=2022,
                    baseline_source="Veiligheidsmonitor 2022", target=15, target_year=2026)
    S.set_value(project, "% inwoners dat zich onveilig voelt in de buurt", year=2024, value=17.8,
                source="Veiligheidsmonitor 2024")
    S.add_indicator(project, name="Meldingen zwerfafval per 1.000 inwoners", unit="per 1.000",
                    area=f"wijk:{wijk.name}", direction="down", baseline=42, baseline_year=2023,
                    baseline_source="MOR-meldingen gemeente 2023", target=30, target_year=2027)
    for year, value in ((2024, 39.0), (2025, 35.0)):
        S.set_value(project, "Meldingen zwerfafval per 1.000 inwoners", year=year, value=value,
                    source=f"MOR-meldingen gemeente {year}")


# -- a stratenaanpak: a series of three rounds (issue #17.3) ----------------------------------
#: Per focus street (by rank of findings in the first walk): the change in findings in the
#: second and third walk. Most get better, one gets worse, two stay as they were.
VERLOOP_STEPS = [(-1, -2), (-2, -3), (-1, -1), (0, -2), (-1, -2), (1, 2), (0, 0), (0, 0)]


def _demo_verloop(project, buurt: Buurt, wijk: Wijk, stats: dict) -> None:
    """The Havenkwartier's Veilige Buurten-schouw gets two follow-up walks of the same
    form (2026-08-26 and 2026-11-11), along its eight focus streets (most findings in
    the first walk): five have fewer problems by the end, one more, two as many, and
    the other streets were not walked again ("niet gelopen" in the verloop). Its own
    Random, so the rounds above stay as they were; findings only, no photos (fast)."""
    from collections import Counter

    rng = random.Random(20260826)
    first = next(r for r in project.rounds.rounds_of_buurt(buurt.id) if r.title.startswith("Veilige Buurten"))
    form = project.forms.get(first.form_key)
    items = [(e, a) for e, a in form.items() if a.scale == "choice" and len(a.choices) > 1]
    streets = {s.id: s for s in project.areas.streets(buurt.id)}
    per_street = Counter(f.street_id for f in project.findings.models(first.id))
    order = {s.id: s.position for s in streets.values()}
    focus = sorted(per_street, key=lambda sid: (-per_street[sid], order.get(sid, 0)))[:len(VERLOOP_STEPS)]
    for step, (when, title) in enumerate(((date(2026, 8, 26), "Veilige Buurten-schouw Havenkwartier, tussenschouw"),
                                          (date(2026, 11, 11), "Veilige Buurten-schouw Havenkwartier, eindschouw"))):
        round_ = create_round(project, buurt=buurt.name, wijk=wijk.name, form_id=form.id, when=when, title=title)
        stats["rounds"] += 1
        with project.atomic():
            for name, org, role in (TEAM[3], TEAM[4], TEAM[5]):
                project.rounds.add_participant(Participant(round_id=round_.id, name=name, organisation=org,
                                                           role=role))
            remarks = _Remarks(rng)
            for street_id, steps in zip(focus, VERLOOP_STEPS, strict=False):
                street = streets[street_id]
                for _ in range(max(0, per_street[street_id] + steps[step])):
                    # an item with a remark not used yet in this walk, while there are any
                    fresh = [(e, a) for e, a in items
                             if set(SV_REMARKS.get(a.id, ((), ()))[1]) - remarks.used] or items
                    element, aspect = rng.choice(fresh)
                    problem = SV_REMARKS.get(aspect.id, ((), ()))[1]
                    finding = Finding(
                        round_id=round_.id, street_id=street_id, element=element.id, aspect=aspect.id,
                        choice=rng.choice(aspect.choices[1:]), spot=rng.choice(SPOTS),
                        house_number=str(rng.randint(1, _last_number(street))),
                        description=remarks.pick(problem), priority=_priority(rng, None, False, True),
                        time_of_day=rng.choice(["", "avond", "nacht"]) if aspect.time_of_day else "",
                        observed_at=f"{when.isoformat()}T{rng.randint(19, 21):02d}:{rng.randint(0, 59):02d}:00")
                    # every answer that is not "in order" goes to a party, as in the first walk
                    action = Action(finding_id=finding.id, party=_party_for(element.id, form.kind),
                                    due_date=when + timedelta(days=rng.choice([14, 28, 42])),
                                    status=rng.choice([ActionStatus.OPEN, ActionStatus.SCHEDULED,
                                                       ActionStatus.IN_PROGRESS]))
                    project.findings.add(finding, action, [])
                    stats["findings"] += 1
                project.rounds.set_street_done(round_.id, street_id, True)
