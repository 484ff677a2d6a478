"""Report texts in Dutch (the default) and English, and locale-free formatting.

Reports must not depend on the machine's locale (a Dutch report made on an English
Windows stays Dutch), so month names, decimal commas and percentages are done here.
Domain terms stay Dutch in the English report too (schoon, heel, nulmeting,
streefwaarde), with a gloss where a reader might need one: that is how the people at
the wijkoverleg speak.
"""

from __future__ import annotations

from datetime import date, datetime

LANGUAGES = ("nl", "en")

MONTHS = {
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}

TEXTS: dict[str, dict[str, str]] = {
    # cover
    "wijkschouw": {"nl": "Wijkschouw", "en": "Wijkschouw (neighbourhood inspection)"},
    "wijkschouw_short": {"nl": "Wijkschouw", "en": "Wijkschouw"},
    "round_report": {"nl": "Rapport van de schouwronde", "en": "Round report"},
    "actions_report": {"nl": "Actielijst", "en": "Action list"},
    "actions_for": {"nl": "Actielijst voor {party}", "en": "Action list for {party}"},
    "wijk": {"nl": "Wijk", "en": "Wijk (district)"},
    "buurt": {"nl": "Buurt", "en": "Buurt (neighbourhood)"},
    "date": {"nl": "Datum", "en": "Date"},
    "area_type": {"nl": "Gebiedstype", "en": "Area type"},
    "form": {"nl": "Schouwformulier", "en": "Inspection form"},
    "profile": {"nl": "Kwaliteitsprofiel", "en": "Quality profile"},
    "team": {"nl": "Schouwteam", "en": "Team"},
    "made_on": {"nl": "Opgesteld op {date} met schouw {version}",
                "en": "Compiled on {date} with schouw {version}"},
    "cover_score": {"nl": "{share} van de metingen voldoet aan de norm (streefwaarde {target})",
                    "en": "{share} of the measurements meet the norm (streefwaarde/target {target})"},
    "cover_no_norm": {"nl": "Het kwaliteitsprofiel geeft geen normen voor deze metingen; er is geen score.",
                      "en": "The quality profile sets no norms for these measurements; there is no score."},
    "cover_no_score": {"nl": "Deze ronde heeft geen metingen op de CROW-schaal.",
                       "en": "This round has no measurements on the CROW scale."},
    # document
    "page_of": {"nl": "pagina {page} van", "en": "page {page} of"},
    "subject_round": {"nl": "Wijkschouw {buurt}, {date}: bevindingen, beeldkwaliteit en acties",
                      "en": "Wijkschouw {buurt}, {date}: findings, image quality and actions"},
    "subject_actions": {"nl": "Actiepunten uit de wijkschouw {buurt}, {date}",
                        "en": "Actions from the wijkschouw {buurt}, {date}"},
    # summary
    "summary": {"nl": "Samenvatting", "en": "Summary"},
    "summary_intro": {
        "nl": "Op {date} schouwde een team van {people} de {buurt}: {done} van de {streets} straten. "
              "Er zijn {findings} bevindingen vastgelegd, waarvan {judged} met een beeldkwaliteitsniveau.",
        "en": "On {date} a team of {people} inspected {buurt}: {done} of its {streets} streets. "
              "{findings} findings were recorded, {judged} of them with an image-quality level.",
    },
    "summary_score": {
        "nl": "Van die metingen voldoet {share} aan de norm uit het kwaliteitsprofiel; de streefwaarde is {target}.",
        "en": "Of those measurements {share} meet the norm of the quality profile; the target (streefwaarde) is {target}.",
    },
    "people": {"nl": "{n} deelnemers", "en": "{n} people"},
    "person": {"nl": "1 deelnemer", "en": "1 person"},
    "totaal": {"nl": "Totaal", "en": "Totaal (overall)"},
    "schoon": {"nl": "Schoon", "en": "Schoon (clean)"},
    "heel": {"nl": "Heel", "en": "Heel (intact)"},
    "at_norm": {"nl": "op of boven de norm", "en": "at or above the norm"},
    "target": {"nl": "Streefwaarde", "en": "Target (streefwaarde)"},
    "baseline": {"nl": "Nulmeting", "en": "Baseline (nulmeting)"},
    "previous": {"nl": "Vorige ronde", "en": "Previous round"},
    "this_is_baseline": {"nl": "Deze ronde is de nulmeting.", "en": "This round is the baseline (nulmeting)."},
    "trend": {"nl": "Trend", "en": "Trend"},
    "better": {"nl": "beter", "en": "better"},
    "same": {"nl": "gelijk", "en": "same"},
    "worse": {"nl": "slechter", "en": "worse"},
    "no_trend": {"nl": "geen vergelijking", "en": "no comparison"},
    "points": {"nl": "{delta} procentpunt", "en": "{delta} points"},
    "measured": {"nl": "{n} metingen", "en": "{n} measurements"},
    "measured_one": {"nl": "1 meting", "en": "1 measurement"},
    "spread": {"nl": "Spreiding over de niveaus", "en": "Spread over the levels"},
    "chart_title": {"nl": "Aandeel op of boven de norm per element",
                    "en": "Share at or above the norm per element"},
    "chart_target": {"nl": "streefwaarde {target}", "en": "target {target}"},
    "per_element": {"nl": "Beeldkwaliteit per element", "en": "Image quality per element"},
    "element": {"nl": "Element", "en": "Element"},
    "count_n": {"nl": "Metingen", "en": "Count"},
    "previous_short": {"nl": "Vorige ronde", "en": "Last round"},
    "stat_findings": {"nl": "bevindingen", "en": "findings"},
    "stat_streets": {"nl": "van {total} straten geschouwd", "en": "of {total} streets inspected"},
    "stat_actions": {"nl": "actiepunten", "en": "actions"},
    "stat_photos": {"nl": "foto's", "en": "photos"},
    "norm": {"nl": "Norm", "en": "Norm"},
    "share_short": {"nl": "≥ norm", "en": "≥ norm"},
    "elements_without": {"nl": "Niet gemeten in deze ronde: {names}.",
                         "en": "Not measured in this round: {names}."},
    "history": {"nl": "Verloop over de rondes", "en": "Rounds compared"},
    "round": {"nl": "Ronde", "en": "Round"},
    "current_marker": {"nl": "deze ronde", "en": "this round"},
    "baseline_marker": {"nl": "nulmeting", "en": "baseline"},
    "per_street": {"nl": "Beeldkwaliteit per straat", "en": "Image quality per street"},
    "street": {"nl": "Straat", "en": "Street"},
    "streets": {"nl": "Straten", "en": "Streets"},
    "findings_n": {"nl": "Bevindingen", "en": "Findings"},
    "status": {"nl": "Status", "en": "Status"},
    "done": {"nl": "geschouwd", "en": "inspected"},
    "not_done": {"nl": "nog niet geschouwd", "en": "not inspected yet"},
    "notes": {"nl": "Toelichting bij de cijfers", "en": "About the figures"},
    "note_method": {
        "nl": "Elke bevinding met een niveau (A+ t/m D) is één meting. De score is het aandeel metingen "
              "op of boven de norm die het kwaliteitsprofiel voor dat aspect en gebiedstype geeft; "
              "een straat met een eigen gebiedstype krijgt de norm van dat gebiedstype.",
        "en": "Every finding with a level (A+ to D) is one measurement. The score is the share of "
              "measurements at or above the norm the quality profile sets for that aspect and area type; "
              "a street with its own area type gets that area type's norm.",
    },
    "note_excluded": {"nl": "Niet meegeteld: {parts}.", "en": "Left out: {parts}."},
    "ex_nvt": {"nl": "{n} × n.v.t.", "en": "{n} × n.v.t. (not applicable)"},
    "ex_without": {"nl": "{n} waarnemingen zonder niveau", "en": "{n} observations without a level",
                   "nl1": "1 waarneming zonder niveau", "en1": "1 observation without a level"},
    "ex_unjudged": {"nl": "{n} bevindingen nog zonder oordeel", "en": "{n} findings not judged yet",
                    "nl1": "1 bevinding nog zonder oordeel", "en1": "1 finding not judged yet"},
    "ex_unknown": {"nl": "{n} bevindingen op onderdelen die niet op het formulier staan",
                   "en": "{n} findings on items not on the form",
                   "nl1": "1 bevinding op een onderdeel dat niet op het formulier staat",
                   "en1": "1 finding on an item not on the form"},
    "note_no_norm": {
        "nl": "Zonder norm in het profiel (wel in de spreiding, niet in het aandeel): {items}.",
        "en": "No norm in the profile (counted in the spread, not in the share): {items}.",
    },
    "note_trend": {
        "nl": "Trend: vergeleken met de vorige ronde; een verschil van hooguit {tol} procentpunt geldt als gelijk.",
        "en": "Trend: compared with the previous round; a difference of at most {tol} points counts as the same.",
    },
    "note_trend_profile": {
        "nl": "Deze ronde, de nulmeting en eerdere rondes zijn alle berekend met hetzelfde kwaliteitsprofiel: {profile}.",
        "en": "This round, the baseline and earlier rounds are all scored under the same quality profile: {profile}.",
    },
    "profile_at_round": {"nl": "{name}, zoals geldend op {date}", "en": "{name}, as in force on {date}"},
    "profile_current": {"nl": "{name}, zoals het nu geldt", "en": "{name}, as it is now"},
    "profile_chosen": {"nl": "{name} (gekozen voor dit rapport)", "en": "{name} (chosen for this report)"},
    "note_streets": {"nl": "{n} straten zijn in deze ronde nog niet geschouwd.",
                     "en": "{n} streets have not been inspected in this round yet.",
                     "nl1": "1 straat is in deze ronde nog niet geschouwd.",
                     "en1": "1 street has not been inspected in this round yet."},
    # re-inspection (herschouw)
    "recheck": {"nl": "Herschouw", "en": "Re-inspection (herschouw)"},
    "recheck_intro": {"nl": "De open punten van de vorige ronde ({date}) zijn in deze ronde opnieuw bekeken.",
                      "en": "The open points of the previous round ({date}) were checked again in this round."},
    "recheck_solved": {"nl": "{x} van {y} punten opgelost", "en": "{x} of {y} points solved",
                       "nl1": "{x} van 1 punt opgelost", "en1": "{x} of 1 point solved"},
    "recheck_points": {"nl": "Per punt", "en": "Per point"},
    "recheck_item": {"nl": "Onderdeel", "en": "Item"},
    "recheck_spot": {"nl": "Plek", "en": "Spot"},
    "recheck_was": {"nl": "Was", "en": "Was"},
    "recheck_result": {"nl": "Uitkomst", "en": "Result"},
    "recheck_opgelost": {"nl": "opgelost", "en": "solved"},
    "recheck_aanwezig": {"nl": "nog aanwezig", "en": "still present"},
    "recheck_erger": {"nl": "erger", "en": "worse"},
    "recheck_unchecked": {"nl": "niet gecontroleerd", "en": "not checked"},
    # findings
    "findings": {"nl": "Bevindingen per straat", "en": "Findings per street"},
    "continued": {"nl": "{title} (vervolg)", "en": "{title} (continued)"},
    "street_meta_findings": {"nl": "{n} bevindingen", "en": "{n} findings"},
    "street_meta_finding": {"nl": "1 bevinding", "en": "1 finding"},
    "street_score": {"nl": "{share} op of boven de norm", "en": "{share} at or above the norm"},
    "no_findings": {"nl": "Geen bevindingen in deze straat.", "en": "No findings in this street."},
    "not_done_yet": {"nl": "Deze straat is in deze ronde nog niet geschouwd.",
                     "en": "This street has not been inspected in this round yet."},
    "house_numbers": {"nl": "huisnummers {range}", "en": "house numbers {range}"},
    "norm_meets": {"nl": "Norm {norm} ({area}): voldoet", "en": "Norm {norm} ({area}): meets"},
    "norm_fails": {"nl": "Norm {norm} ({area}): voldoet niet", "en": "Norm {norm} ({area}): below the norm"},
    "norm_none": {"nl": "Geen norm in het profiel", "en": "No norm in the profile"},
    "nvt": {"nl": "n.v.t.", "en": "n.v.t."},
    "nvt_long": {"nl": "Niet van toepassing", "en": "Not applicable (n.v.t.)"},
    "observation": {"nl": "Waarneming", "en": "Observation"},
    "assessment": {"nl": "Oordeel", "en": "Assessment"},
    "observations": {"nl": "Waarnemingen zonder niveau", "en": "Observations without a level"},
    "observations_intro": {
        "nl": "Onderdelen die niet op de CROW-schaal worden beoordeeld (zoals sociale veiligheid en overlast), "
              "met hoe vaak elk oordeel is gegeven.",
        "en": "Items that are not judged on the CROW scale (such as social safety and nuisance), "
              "with how often each assessment was given.",
    },
    "item": {"nl": "Onderdeel", "en": "Item"},
    "spread_choices": {"nl": "Oordelen", "en": "Assessments"},
    "priority": {"nl": "prioriteit {p}", "en": "priority {p}"},
    "time_of_day": {"nl": "tijdstip: {t}", "en": "time of day: {t}"},
    "action_line": {"nl": "Actie", "en": "Action"},
    "due": {"nl": "uiterlijk {date}", "en": "due {date}"},
    "mor": {"nl": "MOR {id}", "en": "MOR {id}"},
    "photo_missing": {"nl": "foto niet beschikbaar", "en": "photo not available"},
    "photos_n": {"nl": "{n} foto's", "en": "{n} photos"},
    # action list
    "actions": {"nl": "Actielijst", "en": "Action list"},
    "actions_intro": {
        "nl": "{n} actiepunten uit de wijkschouw van {date}, per actiehouder, op volgorde van de uiterste datum.",
        "en": "{n} actions from the wijkschouw of {date}, per responsible party, by due date.",
        "nl1": "1 actiepunt uit de wijkschouw van {date}.",
        "en1": "1 action from the wijkschouw of {date}.",
    },
    "actions_party_intro": {
        "nl": "Dit zijn de {n} actiepunten voor {party} uit de wijkschouw {buurt} van {date}. "
              "Wilt u de status doorgeven aan de coördinator van de wijkschouw?",
        "en": "These are the {n} actions for {party} from the wijkschouw {buurt} of {date}. "
              "Please report their status to the coordinator of the wijkschouw.",
        "nl1": "Dit is het actiepunt voor {party} uit de wijkschouw {buurt} van {date}. "
               "Wilt u de status doorgeven aan de coördinator van de wijkschouw?",
        "en1": "This is the action for {party} from the wijkschouw {buurt} of {date}. "
               "Please report its status to the coordinator of the wijkschouw.",
    },
    "no_actions": {"nl": "Er zijn geen actiepunten in deze ronde.", "en": "There are no actions in this round."},
    "no_party": {"nl": "(geen actiehouder)", "en": "(no responsible party)"},
    "nr": {"nl": "Nr.", "en": "No."},
    "location": {"nl": "Locatie", "en": "Location"},
    "finding": {"nl": "Bevinding", "en": "Finding"},
    "due_col": {"nl": "Uiterlijk", "en": "Due"},
    "mor_col": {"nl": "MOR", "en": "MOR"},
    "overdue": {"nl": "verlopen", "en": "overdue"},
    "overdue_count": {"nl": "{n} actiepunten zijn verlopen: de uiterste datum is voorbij en ze zijn niet "
                            "afgehandeld of afgewezen (rood gemarkeerd).",
                      "en": "{n} actions are overdue: the due date has passed and they are neither done nor "
                            "rejected (marked in red).",
                      "nl1": "1 actiepunt is verlopen: de uiterste datum is voorbij en het is niet afgehandeld "
                             "of afgewezen (rood gemarkeerd).",
                      "en1": "1 action is overdue: the due date has passed and it is neither done nor "
                             "rejected (marked in red)."},
    "party_count": {"nl": "{n} actiepunten, {open} nog open", "en": "{n} actions, {open} still open",
                    "nl1": "1 actiepunt, {open} nog open", "en1": "1 action, {open} still open"},
    # participants
    "participants": {"nl": "Deelnemers", "en": "Participants"},
    "name": {"nl": "Naam", "en": "Name"},
    "organisation": {"nl": "Organisatie", "en": "Organisation"},
    "role": {"nl": "Rol", "en": "Role"},
    "no_participants": {"nl": "Er zijn geen deelnemers vastgelegd.", "en": "No participants were recorded."},
    # the map page (mapdata)
    "map_title": {"nl": "Kaart van de buurt", "en": "Map of the buurt"},
    "map_intro": {"nl": "De nummers op de kaart zijn de nummers van de bevindingen in dit rapport.",
                  "en": "The numbers on the map are the numbers of the findings in this report."},
    "map_walked": {"nl": "gelopen", "en": "walked"},
    "map_not_walked": {"nl": "niet gelopen", "en": "not walked"},
    "map_route": {"nl": "looproute", "en": "walking route"},
    "map_boundary": {"nl": "buurtgrens", "en": "buurt boundary"},
    "map_below": {"nl": "onder de norm", "en": "below norm"},
    "map_no_level": {"nl": "geen niveau", "en": "no level"},
    "map_outside": {"nl": "buiten de buurt", "en": "outside the buurt"},
    "map_north": {"nl": "N", "en": "N"},
    "map_unlocated": {"nl": "{n} bevindingen hebben geen locatie en staan niet op de kaart.",
                      "en": "{n} findings have no location and are not on the map.",
                      "nl1": "1 bevinding heeft geen locatie en staat niet op de kaart.",
                      "en1": "1 finding has no location and is not on the map."},
    "map_outside_count": {"nl": "{n} bevindingen liggen buiten de buurtgrens (omcirkeld).",
                          "en": "{n} findings lie outside the buurt boundary (circled).",
                          "nl1": "1 bevinding ligt buiten de buurtgrens (omcirkeld).",
                          "en1": "1 finding lies outside the buurt boundary (circled)."},
    "map_empty": {"nl": "Geen kaart: de straten en bevindingen van deze ronde hebben geen coördinaten.",
                  "en": "No map: the streets and findings of this round have no coordinates."},
    # -- two kinds of round (issue #17): knelpuntenschouw counts, meting measures ---------------
    "kind": {"nl": "Soort ronde", "en": "Kind of round"},
    "count_short": {"nl": "Aantal", "en": "Count"},
    "stat_judgements": {"nl": "oordelen", "en": "judgements"},
    "stat_points": {"nl": "van {total} schouwpunten beoordeeld", "en": "of {total} points judged"},
    "kind_knelpunten": {"nl": "Knelpuntenschouw", "en": "Knelpuntenschouw (problem walk)"},
    "kind_meting": {"nl": "Beeldkwaliteitsmeting", "en": "Meting (image-quality measurement)"},
    "cover_knelpunten": {
        "nl": "{below} bevindingen onder de norm. Een knelpuntenschouw legt vast wat er mis is waar het team "
              "loopt: hij telt problemen en geeft geen aandeel op norm voor de buurt.",
        "en": "{below} findings below the norm. A knelpuntenschouw records what is wrong where the team walks: "
              "it counts problems and gives no share at norm for the buurt."},
    "below_norm_label": {"nl": "onder de norm", "en": "below the norm"},
    "knelpunten_explain": {
        "nl": "Dit is een knelpuntenschouw: het team legt vast wat er mis is. Een aandeel ‘op norm’ over deze "
              "bevindingen zou de buurt slechter voorstellen dan ze is, daarom telt dit rapport de problemen: "
              "per element, aspect, straat, niveau en actiehouder. Een eerlijke score van de buurt geeft een "
              "meting (willekeurige schouwpunten).",
        "en": "This is a knelpuntenschouw: the team records what is wrong. A share ‘at norm’ over these findings "
              "would make the buurt look worse than it is, so this report counts the problems: per element, "
              "aspect, street, level and party. An honest score of the buurt comes from a meting (random points)."},
    "kpi_below": {"nl": "onder de norm", "en": "below the norm"},
    "kpi_with_level": {"nl": "{n} met een niveau", "en": "{n} with a level"},
    "kpi_previous_below": {"nl": "Vorige ronde: {n} onder de norm", "en": "Previous round: {n} below the norm"},
    "below_short": {"nl": "< norm", "en": "< norm"},
    "previous_below": {"nl": "Vorige", "en": "Previous"},
    "per_element_counts": {"nl": "Bevindingen per element", "en": "Findings per element"},
    "per_aspect_counts": {"nl": "Bevindingen per aspect", "en": "Findings per aspect"},
    "per_party_counts": {"nl": "Bevindingen per actiehouder", "en": "Findings per party"},
    "per_street_counts": {"nl": "Bevindingen per straat", "en": "Findings per street"},
    "no_action_party": {"nl": "(geen actie)", "en": "(no action)"},
    "aspect": {"nl": "Aspect", "en": "Aspect"},
    "party": {"nl": "Actiehouder", "en": "Party"},
    "spread_counts": {"nl": "Bevindingen per niveau", "en": "Findings per level"},
    "history_counts": {"nl": "Eerdere knelpuntenschouwen van de buurt", "en": "Earlier knelpuntenschouwen of the buurt"},
    "street_below": {"nl": "{n} onder de norm", "en": "{n} below the norm"},
    "note_knelpunten": {
        "nl": "Een bevinding is onder de norm als haar niveau lager is dan de norm die het kwaliteitsprofiel "
              "voor dat aspect en gebiedstype geeft. De aantallen zeggen waar te handelen, niet hoe de buurt "
              "als geheel ervoor staat; vergelijk rondes daarom op aantallen, niet op percentages.",
        "en": "A finding is below the norm when its level is lower than the norm the quality profile sets for "
              "that aspect and area type. The counts say where to act, not how the buurt as a whole is doing; "
              "compare rounds on counts, not on percentages."},
    "meting_intro": {
        "nl": "Op {date} is de {buurt} gemeten: op {total} willekeurig getrokken schouwpunten (startgetal {seed}) "
              "is elk aspect van het formulier beoordeeld; {done} van de {total} punten zijn af.",
        "en": "On {date} {buurt} was measured: every aspect of the form was judged at {total} randomly drawn "
              "points (seed {seed}); {done} of the {total} points are finished."},
    "meting_score": {
        "nl": "{share} van de oordelen is op of boven de norm (95 %-interval {low}–{high}, n = {n}).",
        "en": "{share} of the judgements are at or above the norm (95 % interval {low}–{high}, n = {n})."},
    "cover_meting": {
        "nl": "{share} op of boven de norm (95 %-interval {low}–{high}, n = {n}); streefwaarde {target}. "
              "{done} van de {total} schouwpunten beoordeeld.",
        "en": "{share} at or above the norm (95 % interval {low}–{high}, n = {n}); target {target}. "
              "{done} of the {total} points judged."},
    "too_few": {"nl": "te weinig punten om conclusies te trekken", "en": "too few points to draw conclusions"},
    "interval": {"nl": "95 %-interval {low}–{high}", "en": "95 % interval {low}–{high}"},
    "n_judged": {"nl": "n = {n}", "en": "n = {n}"},
    "per_aspect_meting": {"nl": "Aandeel op of boven de norm per aspect", "en": "Share at or above the norm per aspect"},
    "at_or_above_short": {"nl": "≥ norm", "en": "≥ norm"},
    "share_col": {"nl": "Aandeel", "en": "Share"},
    "interval_col": {"nl": "95 %-interval", "en": "95 % interval"},
    "history_meting": {"nl": "Metingen van de buurt", "en": "Metingen of the buurt"},
    "points_table": {"nl": "Oordelen per schouwpunt", "en": "Judgements per point"},
    "points_intro": {
        "nl": "Elk getrokken punt met het oordeel per aspect (– = n.v.t.); een oordeel onder de norm is rood.",
        "en": "Every drawn point with the judgement per aspect (– = n/a); a judgement below the norm is red."},
    "point_n": {"nl": "Punt", "en": "Point"},
    "note_meting": {
        "nl": "De schouwpunten zijn willekeurig getrokken uit stukken straat van 10 m, naar lengte gewogen, "
              "reproduceerbaar met het startgetal. Het interval is het 95 %-Wilson-interval; onder de 30 oordelen "
              "zegt een aandeel te weinig om conclusies te trekken. N.v.t. telt niet mee. De normen komen uit {profile}.",
        "en": "The points were drawn at random from 10 m stretches of street, weighted by length, reproducible "
              "from the seed. The interval is the 95 % Wilson interval; below 30 judgements a share says too "
              "little to draw conclusions. N/a does not count. The norms come from {profile}."},
    # walk pack (looproute): the paper forms of a round
    "pack_title": {"nl": "Looproute", "en": "Walk pack"},
    "pack_cover": {"nl": "Buurt {buurt}, {date}. Formulier: {form}. {streets} straten, {items} onderdelen per straat.",
                   "en": "Buurt {buurt}, {date}. Form: {form}. {streets} streets, {items} items per street."},
    "pack_how": {"nl": "Kruis per onderdeel het niveau aan (of n.v.t.). Het omlijnde, grijze, vette vakje is de norm "
                       "in die straat. Elk onderdeel heeft een nummer: 3.12 = straat 3, onderdeel 12. Dat nummer typt u "
                       "later in bij Invoeren van papier.",
                 "en": "Tick the level of each item (or n/a). The framed, shaded, bold box is the norm in that "
                       "street. Every item has a number: 3.12 = street 3, item 12. Type that number later in "
                       "Key in from paper."},
    "pack_route": {"nl": "Route", "en": "Route"},
    "pack_streets": {"nl": "Straten in looprichting", "en": "Streets in walking order"},
    "pack_legend": {"nl": "Onderdelen (nummers op elk straatformulier)", "en": "Items (numbers on every street form)"},
    "pack_no": {"nl": "Nr.", "en": "No."},
    "pack_item": {"nl": "Onderdeel", "en": "Item"},
    "pack_na": {"nl": "n.v.t.", "en": "n/a"},
    "pack_remarks": {"nl": "Huisnr. / opmerking", "en": "House no. / remark"},
    "pack_open": {"nl": "Open herschouwpunten in deze straat", "en": "Open re-inspection points in this street"},
    "pack_photos": {"nl": "Fotonummers: ______________________________________________",
                    "en": "Photo numbers: ______________________________________________"},
    "pack_notes": {"nl": "Opmerkingen: ______________________________________________",
                   "en": "Remarks: ______________________________________________"},
    # the council's monitor of a wijk over a year (report/monitor_report.py, monitor_sheet.py)
    "mon_title": {"nl": "Monitor wijkschouw — {wijk}, {year}", "en": "Wijkschouw monitor — {wijk}, {year}"},
    "mon_subject": {"nl": "Monitor van de wijkschouw in {wijk} over {year}", "en": "Monitor of the wijkschouw in {wijk}, {year}"},
    "mon_intro": {"nl": "Wat de schouwrondes in deze wijk van {start} tot en met {end} lieten zien, per buurt, met de "
                        "trend tegen {prev_start} tot en met {prev_end}. Een knelpuntenschouw telt problemen; alleen "
                        "een meting (willekeurige schouwpunten) geeft een aandeel op of boven de norm.",
                  "en": "What the inspection rounds in this wijk showed from {start} to {end}, per buurt, with the "
                        "trend against {prev_start} to {prev_end}. A knelpuntenschouw counts problems; only a meting "
                        "(random points) gives a share at or above the norm."},
    "mon_fig_buurten": {"nl": "buurten", "en": "buurten"},
    "mon_fig_rounds": {"nl": "schouwrondes", "en": "rounds"},
    "mon_fig_findings": {"nl": "bevindingen", "en": "findings"},
    "mon_fig_below": {"nl": "onder de norm", "en": "below the norm"},
    "mon_fig_overdue": {"nl": "actiepunten te laat", "en": "actions overdue"},
    "mon_lagging": {"nl": "Buurten waar de resultaten achterblijven", "en": "Buurten where results lag"},
    "mon_lagging_intro": {"nl": "Een buurt staat hier als het slechter gaat dan vorig jaar, als veel actiepunten te "
                                "laat zijn, of als weinig herschouwde punten zijn opgelost.",
                          "en": "A buurt is listed when it is worse than the year before, when many actions are "
                                "overdue, or when few re-inspected points were solved."},
    "mon_lagging_none": {"nl": "Geen buurt blijft achter.", "en": "No buurt lags behind."},
    "mon_lag_trend_meting": {"nl": "de meting is slechter dan vorig jaar (de intervallen overlappen niet)",
                             "en": "the meting is worse than the year before (the intervals do not overlap)"},
    "mon_lag_trend_knelpunten": {"nl": "meer bevindingen onder de norm per ronde dan vorig jaar",
                                 "en": "more below-norm findings per round than the year before"},
    "mon_lag_overdue": {"nl": "{n} van {open} open actiepunten te laat", "en": "{n} of {open} open actions overdue"},
    "mon_lag_rechecks": {"nl": "maar {solved} van {checked} herschouwde punten opgelost",
                         "en": "only {solved} of {checked} re-inspected points solved"},
    "mon_note_kinds": {"nl": "Aandelen komen alleen uit metingen, met het 95%-interval; onder 30 punten staat er "
                             "'te weinig punten'. Oude rondes zijn beoordeeld onder het kwaliteitsprofiel van nu.",
                       "en": "Shares come from metingen only, with the 95 % interval; below 30 points it says "
                             "'too few points'. Old rounds are judged under today's quality profile."},
    "mon_per_buurt": {"nl": "Per buurt", "en": "Per buurt"},
    "mon_too_few": {"nl": "te weinig punten", "en": "too few points"},
    "mon_kind_knelpunten": {"nl": "knelpunten", "en": "knelpunten"},
    "mon_kind_meting": {"nl": "meting", "en": "meting"},
    "mon_actions_cell": {"nl": "{open} open, {overdue} te laat", "en": "{open} open, {overdue} overdue"},
    "mon_trend_beter": {"nl": "beter", "en": "better"},
    "mon_trend_slechter": {"nl": "slechter", "en": "worse"},
    "mon_trend_gelijk": {"nl": "gelijk", "en": "no clear change"},
    "mon_trend_onbekend": {"nl": "geen vergelijking", "en": "no comparison"},
    "mon_col_rounds": {"nl": "Rondes", "en": "Rounds"},
    "mon_col_findings": {"nl": "Bevindingen", "en": "Findings"},
    "mon_col_below": {"nl": "Onder norm", "en": "Below norm"},
    "mon_col_meting": {"nl": "Meting: op of boven norm", "en": "Meting: at or above norm"},
    "mon_col_actions": {"nl": "Actiepunten", "en": "Actions"},
    "mon_col_rechecks": {"nl": "Herschouw opgelost", "en": "Re-inspection solved"},
    "mon_col_trend": {"nl": "Trend", "en": "Trend"},
    "mon_parties": {"nl": "Actiepunten per actiehouder", "en": "Actions per party"},
    "mon_col_party": {"nl": "Actiehouder", "en": "Party"},
    "mon_col_open": {"nl": "Open", "en": "Open"},
    "mon_col_overdue": {"nl": "Te laat", "en": "Overdue"},
    "mon_col_done": {"nl": "Afgehandeld", "en": "Done"},
    "mon_col_rejected": {"nl": "Afgewezen", "en": "Rejected"},
    "mon_col_days": {"nl": "Mediaan dagen tot afhandeling", "en": "Median days to close"},
    "mon_hotspots": {"nl": "Hotspots", "en": "Hotspots"},
    "mon_hotspots_intro": {"nl": "Plekken (binnen 50 m) waar bevindingen onder de norm in meer rondes terugkomen, "
                                 "gerangschikt naar het aantal rondes en de ernst.",
                           "en": "Places (within 50 m) where below-norm findings recur over rounds, ranked by the "
                                 "number of rounds and the severity."},
    "mon_hotspots_none": {"nl": "Geen plekken waar bevindingen onder de norm terugkomen.",
                          "en": "No places where below-norm findings recur."},
    "mon_col_street": {"nl": "Straat", "en": "Street"},
    "mon_col_rounds_n": {"nl": "Rondes", "en": "Rounds"},
    "mon_col_worst": {"nl": "Ergste", "en": "Worst"},
    "mon_col_items": {"nl": "Onderdelen", "en": "Items"},
    "mon_cycles": {"nl": "Trajecten Veilige Buurten", "en": "Veilige Buurten cycles"},
    "mon_cycles_none": {"nl": "Geen trajecten in dit jaar.", "en": "No cycles this year."},
    "mon_col_cycle": {"nl": "Traject", "en": "Cycle"},
    "mon_col_period": {"nl": "Periode", "en": "Period"},
    "mon_col_state": {"nl": "Stand", "en": "State"},
    "mon_col_outcomes": {"nl": "Uitkomsten", "en": "Outcomes"},
    "mon_cycle_evaluated": {"nl": "geëvalueerd", "en": "evaluated"},
    "mon_cycle_week": {"nl": "week {week} van {weeks}", "en": "week {week} of {weeks}"},
    "mon_cycle_outcomes": {"nl": "{n} prioriteiten: {achieved} bereikt, {partly} deels, {not_} niet",
                           "en": "{n} priorities: {achieved} achieved, {partly} partly, {not_} not"},
    "mon_sheet_buurten": {"nl": "Buurten", "en": "Buurten"},
    "mon_sheet_aspects": {"nl": "Onderdelen", "en": "Items"},
    "mon_sheet_parties": {"nl": "Actiehouders", "en": "Parties"},
    "mon_sheet_lagging": {"nl": "Achterblijvers", "en": "Lagging"},
    "mon_sheet_cycles": {"nl": "Trajecten", "en": "Cycles"},
    "mon_col_knelpunten": {"nl": "Knelpuntenschouwen", "en": "Knelpuntenschouwen"},
    "mon_col_metingen": {"nl": "Metingen", "en": "Metingen"},
    "mon_col_share": {"nl": "Aandeel op of boven norm", "en": "Share at or above norm"},
    "mon_col_low": {"nl": "Interval laag", "en": "Interval low"},
    "mon_col_high": {"nl": "Interval hoog", "en": "Interval high"},
    "mon_col_rechecked": {"nl": "Herschouwd", "en": "Re-inspected"},
    "mon_col_solved": {"nl": "Aandeel opgelost", "en": "Share solved"},
    "mon_col_item": {"nl": "Onderdeel", "en": "Item"},
    "mon_col_unit": {"nl": "Eenheid", "en": "Unit"},
    "mon_col_direction": {"nl": "Richting", "en": "Direction"},
    "mon_col_year": {"nl": "Jaar", "en": "Year"},
    "mon_col_start": {"nl": "Start", "en": "Start"},
    "mon_col_end": {"nl": "Einde", "en": "End"},
    "mon_col_reasons": {"nl": "Waarom", "en": "Why"},
    # the evaluation of a Veilige Buurten traject (report/cycle_report.py)
    "cyc_title": {"nl": "Evaluatie traject Veilige Buurten — {buurt}", "en": "Veilige Buurten cycle evaluation — {buurt}"},
    "cyc_subject": {"nl": "Evaluatie van het traject in {buurt}", "en": "Evaluation of the cycle in {buurt}"},
    "cyc_period": {"nl": "Van {start} tot en met {end} ({weeks} weken).", "en": "From {start} to {end} ({weeks} weeks)."},
    "cyc_state_open": {"nl": "Lopend: week {week} van {weeks}. Deze evaluatie is een tussenstand.",
                       "en": "In progress: week {week} of {weeks}. This evaluation is an interim view."},
    "cyc_state_evaluated": {"nl": "Geëvalueerd en afgesloten op {date}.", "en": "Evaluated and closed on {date}."},
    "cyc_note": {"nl": "Evaluatie", "en": "Evaluation"},
    "cyc_priorities": {"nl": "Prioriteiten van bewoners en partners", "en": "Priorities of residents and partners"},
    "cyc_no_priorities": {"nl": "Er zijn (nog) geen prioriteiten vastgelegd.", "en": "No priorities recorded (yet)."},
    "cyc_outcome_bereikt": {"nl": "bereikt", "en": "achieved"},
    "cyc_outcome_deels": {"nl": "deels bereikt", "en": "partly achieved"},
    "cyc_outcome_niet": {"nl": "niet bereikt", "en": "not achieved"},
    "cyc_unscored": {"nl": "nog niet beoordeeld", "en": "not yet evaluated"},
    "cyc_kind_bevinding": {"nl": "Over bevindingen", "en": "About findings"},
    "cyc_kind_aspect": {"nl": "Over een onderdeel van het formulier", "en": "About an item of the form"},
    "cyc_kind_thema": {"nl": "Thema", "en": "Theme"},
    "cyc_action_where": {"nl": "Straat — onderdeel", "en": "Street — item"},
    "cyc_action_party": {"nl": "Actiehouder", "en": "Party"},
    "cyc_action_status": {"nl": "Status", "en": "Status"},
    "cyc_action_due": {"nl": "Gereed op", "en": "Due"},
    "cyc_late": {"nl": "(te laat)", "en": "(late)"},
    "cyc_findings": {"nl": "{n} bevindingen gekoppeld, nog zonder actiepunt.", "nl1": "1 bevinding gekoppeld, nog zonder actiepunt.",
                     "en": "{n} findings linked, no action yet.", "en1": "1 finding linked, no action yet."},
    "cyc_next": {"nl": "Voor het volgende traject", "en": "For the next cycle"},
    "cyc_next_intro": {"nl": "Deze prioriteiten zijn niet of deels bereikt; het volgende traject begint ermee.",
                       "en": "These priorities were not or only partly achieved; the next cycle starts from them."},
    "cyc_next_none": {"nl": "Alle prioriteiten zijn bereikt.", "en": "Every priority was achieved."},
    # indicators fed by a meting (report/indicator_section.py)
    "ind_title": {"nl": "Indicatoren", "en": "Indicators"},
    "ind_intro": {
        "nl": "Deze meting levert een waarde voor de indicatoren hieronder (aandeel op of boven norm, berekend "
              "onder het kwaliteitsprofiel van vandaag). Op koers: de laatste waarde ligt op of aan de goede kant "
              "van de rechte lijn van nulmeting naar streefwaarde in dat jaar.",
        "en": "This meting provides a value for the indicators below (share at or above the norm, computed under "
              "today's quality profile). On course: the latest value is on or on the good side of the straight "
              "line from nulmeting (baseline) to streefwaarde (target) in that year."},
    "ind_name": {"nl": "Indicator", "en": "Indicator"},
    "ind_area": {"nl": "Gebied", "en": "Area"},
    "ind_baseline": {"nl": "Nulmeting", "en": "Nulmeting (baseline)"},
    "ind_target": {"nl": "Streefwaarde", "en": "Streefwaarde (target)"},
    "ind_this_round": {"nl": "Deze meting", "en": "This meting"},
    "ind_latest": {"nl": "Laatste", "en": "Latest"},
    "ind_course": {"nl": "Op koers?", "en": "On course?"},
    "ind_on_course": {"nl": "op koers", "en": "on course"},
    "ind_off_course": {"nl": "niet op koers", "en": "not on course"},
    "ind_target_met": {"nl": "streefwaarde gehaald", "en": "target met"},
    "ind_not_measured": {"nl": "nog niet gemeten", "en": "not measured yet"},
    "ind_up": {"nl": "hoger is beter", "en": "higher is better"},
    "ind_down": {"nl": "lager is beter", "en": "lower is better"},
}

#: Action statuses (values of ActionStatus) as the report shows them.
STATUS = {
    "open": {"nl": "open", "en": "open"},
    "doorgezet": {"nl": "doorgezet", "en": "forwarded"},
    "ingepland": {"nl": "ingepland", "en": "scheduled"},
    "in_behandeling": {"nl": "in behandeling", "en": "in progress"},
    "afgehandeld": {"nl": "afgehandeld", "en": "done"},
    "afgewezen": {"nl": "afgewezen", "en": "rejected"},
    "heropend": {"nl": "heropend", "en": "reopened"},
}

ROLES = {
    "gemeente": {"nl": "Gemeente", "en": "Municipality"},
    "corporatie": {"nl": "Woningcorporatie", "en": "Housing association"},
    "politie": {"nl": "Politie", "en": "Police"},
    "welzijn": {"nl": "Welzijn", "en": "Welfare"},
    "bewoner": {"nl": "Bewoner", "en": "Resident"},
    "overig": {"nl": "Overig", "en": "Other"},
}

AREA_TYPES = {
    "centrum": {"nl": "centrum", "en": "centre"},
    "woongebied": {"nl": "woongebied", "en": "residential"},
    "hoofdinfra": {"nl": "hoofdinfrastructuur", "en": "main infrastructure"},
    "bedrijventerrein": {"nl": "bedrijventerrein", "en": "business park"},
    "recreatie": {"nl": "recreatie / buitengebied", "en": "recreation / rural"},
}

PRIORITY = {
    "laag": {"nl": "laag", "en": "low"},
    "normaal": {"nl": "normaal", "en": "normal"},
    "hoog": {"nl": "hoog", "en": "high"},
    "spoed": {"nl": "spoed", "en": "urgent"},
}

#: English for the default Dutch level labels; a profile's own labels are shown as they are.
LEVEL_LABELS_EN = {"zeer hoog": "very high", "hoog": "high", "basis": "basic", "laag": "low", "zeer laag": "very low"}


def format_date(value: date | datetime | str | None, lang: str = "nl", *, table: bool = False) -> str:
    """The one way a report writes a date: '4 december 2026' in text, '04-12-2026' in
    tables. Why one helper: a report that mixed '2026-12-04', '4-12-26' and '4 dec.'
    reads as careless, and a reader must never wonder which number is the month.
    ISO strings (a date or a timestamp) are accepted; anything else is shown as it is."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value[:10])
        except ValueError:
            return value
    if table:
        return f"{value.day:02d}-{value.month:02d}-{value.year:04d}"
    return f"{value.day} {MONTHS.get(lang, MONTHS['nl'])[value.month - 1]} {value.year}"


class Texts:
    """The report strings and formats for one language."""

    def __init__(self, lang: str = "nl"):
        if lang not in LANGUAGES:
            raise ValueError(f"unknown language {lang!r}")
        self.lang = lang

    def __call__(self, key: str, **params: object) -> str:
        entry = TEXTS.get(key)
        if entry is None:
            return key
        # "nl1"/"en1": the singular, used when n == 1
        text = (params.get("n") == 1 and entry.get(self.lang + "1")) or entry.get(self.lang) or entry["nl"]
        return text.format(**params) if params else text

    def _pick(self, table: dict[str, dict[str, str]], key: str) -> str:
        entry = table.get(key)
        return entry.get(self.lang, entry["nl"]) if entry else key

    def status(self, value: str) -> str:
        return self._pick(STATUS, value)

    def role(self, value: str) -> str:
        return self._pick(ROLES, value)

    def area_type(self, value: str) -> str:
        return self._pick(AREA_TYPES, value)

    def priority(self, value: str) -> str:
        return self._pick(PRIORITY, value)

    def level_label(self, label: str) -> str:
        return LEVEL_LABELS_EN.get(label, label) if self.lang == "en" else label

    # -- formats ------------------------------------------------------------------------
    def date(self, value: date | datetime | str | None) -> str:
        """'13 oktober 2026' / '13 October 2026': dates in running text."""
        return format_date(value, self.lang)

    def short_date(self, value: date | datetime | str | None) -> str:
        """'03-10-2026' (dd-mm-jjjj, both languages): dates in table cells."""
        return format_date(value, self.lang, table=True)

    def number(self, value: float, decimals: int = 1) -> str:
        text = f"{value:,.{decimals}f}"
        if self.lang == "nl":
            text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
        return text

    def percent(self, share: float | None, decimals: int = 0) -> str:
        """0.7083 -> '71%' (or '70,8%' with one decimal); None -> '–'."""
        if share is None:
            return "–"
        return self.number(share * 100, decimals) + "%"

    def points(self, delta: float | None) -> str:
        """A change in share as signed percentage points: '+4,2'."""
        if delta is None:
            return "–"
        value = delta * 100
        sign = "+" if value > 0.05 else "−" if value < -0.05 else "±"
        return sign + self.number(abs(value), 1)

    def count(self, n: int, one: str, many: str) -> str:
        return self(one) if n == 1 else self(many, n=n)


# The verloop report of a series of rounds (report/verloop_report.py, issue #17.3).
TEXTS.update({
    "vl_title": {"nl": "Verloop", "en": "Verloop (trend over rounds)"},
    "vl_subject": {"nl": "Verloop van {n} schouwrondes in {buurt}: per straat en aspect beter of slechter",
                   "en": "Trend over {n} rounds in {buurt}: per street and aspect better or worse"},
    "vl_cover_sub": {"nl": "{n} rondes, {first} tot en met {last}", "en": "{n} rounds, {first} to {last}"},
    "vl_measure": {"nl": "Maat", "en": "Measure"},
    "vl_measure_below_norm": {"nl": "bevindingen onder de norm (minder is beter)",
                              "en": "findings below the norm (fewer is better)"},
    "vl_measure_findings": {"nl": "bevindingen (minder is beter; dit formulier kent geen normen)",
                            "en": "findings (fewer is better; this form has no norms)"},
    "vl_measure_share": {"nl": "aandeel op of boven de norm, met n (hoger is beter)",
                         "en": "share at or above the norm, with n (higher is better)"},
    "vl_profile": {"nl": "{name} (alle rondes gescoord met dezelfde normen)",
                   "en": "{name} (every round scored with the same norms)"},
    "vl_rounds": {"nl": "Rondes van de reeks", "en": "Rounds of the series"},
    "vl_nr": {"nl": "Nr.", "en": "No."},
    "vl_round": {"nl": "Ronde", "en": "Round"},
    "vl_streets_better": {"nl": "straten beter", "nl1": "straat beter", "en": "streets better", "en1": "street better"},
    "vl_streets_worse": {"nl": "straten slechter", "nl1": "straat slechter", "en": "streets worse",
                         "en1": "street worse"},
    "vl_streets_same": {"nl": "straten gelijk", "nl1": "straat gelijk", "en": "streets unchanged",
                        "en1": "street unchanged"},
    "vl_streets_unknown": {"nl": "niet te vergelijken (één keer of nooit gelopen)",
                           "en": "cannot compare (walked once or never)"},
    "vl_per_street": {"nl": "Verloop per straat", "en": "Trend per street"},
    "vl_per_aspect": {"nl": "Verloop per aspect", "en": "Trend per aspect"},
    "vl_intro_below_norm": {
        "nl": "Per straat het aantal bevindingen onder de norm in elke ronde. Een knelpuntenschouw telt wat er mis "
              "is waar het team liep; daarom staan hier aantallen en geen aandeel op norm.",
        "en": "Per street the number of findings below the norm in each round. A knelpuntenschouw counts what is "
              "wrong where the team walked; so this shows counts, not a share at norm."},
    "vl_intro_findings": {
        "nl": "Per straat het aantal bevindingen in elke ronde (het formulier kent geen normen).",
        "en": "Per street the number of findings in each round (the form has no norms)."},
    "vl_intro_share": {
        "nl": "Per straat het aandeel oordelen op of boven de norm in elke meting, met het aantal oordelen n. "
              "Onder de 30 oordelen zegt een verschil weinig: dan staat er 'te weinig punten'.",
        "en": "Per street the share of judgements at or above the norm in each meting, with the number of "
              "judgements n. Below 30 judgements a difference says little: it then reads 'too few points'."},
    "vl_how": {
        "nl": "Verloop: de eerste ronde waarin de straat gelopen is tegen de laatste. Straten die beter of slechter "
              "werden staan bovenaan. 'Niet gelopen' is geen 0: daar heeft niemand gekeken.",
        "en": "Trend: the first round in which the street was walked against the last. Streets that got better or "
              "worse come first. 'Not walked' is not 0: nobody looked there."},
    "vl_street": {"nl": "Straat", "en": "Street"},
    "vl_aspect": {"nl": "Aspect", "en": "Aspect"},
    "vl_move": {"nl": "Verloop", "en": "Trend"},
    "vl_better": {"nl": "beter", "en": "better"},
    "vl_worse": {"nl": "slechter", "en": "worse"},
    "vl_same": {"nl": "gelijk", "en": "unchanged"},
    "vl_unknown": {"nl": "niet te vergelijken", "en": "cannot compare"},
    "vl_inconclusive": {"nl": "te weinig punten", "en": "too few points"},
    "vl_not_walked": {"nl": "niet gelopen", "en": "not walked"},
    "vl_moved": {"nl": "Wat veranderde er in de straten", "en": "What changed in the streets"},
    "vl_moved_intro": {
        "nl": "Per straat die beter of slechter werd: de aspecten die beter of slechter werden, met dezelfde maat.",
        "en": "Per street that got better or worse: the aspects that got better or worse, with the same measure."},
    "vl_moved_left_out": {"nl": "Alleen de eerste 30 straten; {n} andere staan in de tabel per straat.",
                          "en": "Only the first 30 streets; {n} others are in the table per street."},
    "vl_aspects_more": {"nl": "En nog {n} aspecten.", "nl1": "En nog 1 aspect.", "en": "And {n} more aspects.",
                        "en1": "And 1 more aspect."},
    "vl_aspects_left_out": {"nl": "{n} aspecten zonder bevindingen in alle rondes zijn weggelaten.",
                            "nl1": "1 aspect zonder bevindingen in alle rondes is weggelaten.",
                            "en": "{n} aspects without findings in every round are left out.",
                            "en1": "1 aspect without findings in every round is left out."},
})
