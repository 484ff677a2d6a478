"""The message catalogue for everything that is not a Qt widget.

Errors a user can cause end in one clear sentence, Dutch by default. Domain, store,
photos, report and exchange code raise :class:`SchouwError` with a message key and
parameters; whoever shows the error (CLI, GUI) renders it in the user's language.
Keeping the texts here, not at the raise sites, lets the GUI and the CLI say exactly
the same thing and keeps translation in one place.
"""

from __future__ import annotations

import os

LANGUAGES = ("nl", "en")

_current = os.environ.get("SCHOUW_LANG", "nl") if os.environ.get("SCHOUW_LANG") in LANGUAGES else "nl"

CATALOGUE: dict[str, dict[str, str]] = {
    "package_refused": {
        "nl": "Pakket {path} is geweigerd: {reason}. Er is niets veranderd.",
        "en": "Package {path} was refused: {reason}. Nothing was changed.",
    },
    "pkg_not_zip": {
        "nl": "het is geen volledig ZIP-bestand (misschien afgebroken tijdens het kopiëren)",
        "en": "it is not a complete ZIP file (perhaps cut off while copying)",
    },
    "pkg_unsafe_path": {
        "nl": "onveilige bestandsnaam '{name}' (met .., een absoluut pad, een stationsletter of een backslash)",
        "en": "unsafe member name '{name}' (with .., an absolute path, a drive letter or a backslash)",
    },
    "pkg_link": {
        "nl": "'{name}' is een snelkoppeling (symlink)",
        "en": "'{name}' is a symbolic link",
    },
    "pkg_duplicate": {
        "nl": "'{name}' komt twee keer voor",
        "en": "'{name}' occurs twice",
    },
    "pkg_encrypted": {
        "nl": "'{name}' is versleuteld",
        "en": "'{name}' is encrypted",
    },
    "pkg_method": {
        "nl": "'{name}' gebruikt een onbekende compressiemethode",
        "en": "'{name}' uses an unknown compression method",
    },
    "pkg_too_many": {
        "nl": "te veel bestanden ({count}; de grens is {limit})",
        "en": "too many members ({count}; the limit is {limit})",
    },
    "pkg_member_too_large": {
        "nl": "'{name}' is te groot ({size} bytes; de grens is {limit})",
        "en": "'{name}' is too large ({size} bytes; the limit is {limit})",
    },
    "pkg_total_too_large": {
        "nl": "uitgepakt is het te groot ({size} bytes; de grens is {limit})",
        "en": "unpacked it is too large ({size} bytes; the limit is {limit})",
    },
    "pkg_ratio": {
        "nl": "'{name}' is verdacht sterk gecomprimeerd (factor {ratio}; de grens is {limit}): mogelijk een zip-bom",
        "en": "'{name}' is suspiciously highly compressed (ratio {ratio}; the limit is {limit}): possibly a zip bomb",
    },
    "pkg_no_manifest": {
        "nl": "manifest.json ontbreekt; dit is geen schouw-exportpakket",
        "en": "manifest.json is missing; this is not a schouw export package",
    },
    "pkg_bad_json": {
        "nl": "'{name}' is geen geldige JSON ({detail})",
        "en": "'{name}' is not valid JSON ({detail})",
    },
    "pkg_not_package": {
        "nl": "'{name}' hoort niet bij een schouw-exportpakket",
        "en": "'{name}' does not belong to a schouw export package",
    },
    "pkg_schema_version": {
        "nl": "schemaversie {found} wordt niet ondersteund (deze versie van schouw leest versie {supported}); werk schouw bij",
        "en": "schema version {found} is not supported (this version of schouw reads version {supported}); update schouw",
    },
    "pkg_invalid": {
        "nl": "'{name}' klopt niet met het schema: {detail}",
        "en": "'{name}' does not match the schema: {detail}",
    },
    "pkg_unlisted": {
        "nl": "'{name}' staat niet in het manifest",
        "en": "'{name}' is not listed in the manifest",
    },
    "pkg_missing_member": {
        "nl": "'{name}' staat in het manifest maar ontbreekt in het pakket",
        "en": "'{name}' is listed in the manifest but missing from the package",
    },
    "pkg_checksum": {
        "nl": "de controlesom van '{name}' klopt niet (beschadigd of gewijzigd)",
        "en": "the checksum of '{name}' does not match (damaged or altered)",
    },
    "pkg_size": {
        "nl": "de grootte van '{name}' klopt niet met het manifest",
        "en": "the size of '{name}' does not match the manifest",
    },
    "pkg_damaged": {
        "nl": "'{name}' is beschadigd ({detail})",
        "en": "'{name}' is damaged ({detail})",
    },
    "pkg_mismatch": {
        "nl": "de inhoud klopt niet met zichzelf ({detail})",
        "en": "its content is inconsistent ({detail})",
    },
    "pkg_reference": {
        "nl": "{what} {id} verwijst naar {target} {ref}, die niet in het pakket en niet in het project staat; importeer eerst het volledige pakket van deze ronde",
        "en": "{what} {id} refers to {target} {ref}, which is neither in the package nor in the project; import the full package of this round first",
    },
    "pkg_bad_data": {
        "nl": "{detail}",
        "en": "{detail}",
    },
    "since_other_round": {
        "nl": "{path} is een pakket van een andere ronde; --since moet een eerder pakket van dezelfde ronde zijn.",
        "en": "{path} is a package of another round; --since must be an earlier package of the same round.",
    },
    "bad_since": {
        "nl": "'{value}' is geen pakket en geen datum; gebruik een eerder .zip-pakket of JJJJ-MM-DD[THH:MM].",
        "en": "'{value}' is neither a package nor a date; use an earlier .zip package or YYYY-MM-DD[THH:MM].",
    },
    "export_photo_failed": {
        "nl": "Foto {id} kon niet veilig (met afgeschermde delen) worden geëxporteerd: {detail}. Er is geen pakket gemaakt.",
        "en": "Photo {id} could not be exported safely (with its masks): {detail}. No package was made.",
    },
    "cancelled": {
        "nl": "Afgebroken; er is niets veranderd.",
        "en": "Cancelled; nothing was changed.",
    },
    "unknown_conflict": {
        "nl": "Conflict '{id}' bestaat niet in dit project.",
        "en": "Conflict '{id}' does not exist in this project.",
    },
    "ambiguous_conflict": {
        "nl": "'{id}' past bij meerdere conflicten; geef meer tekens van het nummer.",
        "en": "'{id}' matches several conflicts; give more characters of the id.",
    },
    "not_a_project": {
        "nl": "{path} is geen schouw-projectbestand.",
        "en": "{path} is not a schouw project file.",
    },
    "project_missing": {
        "nl": "Projectbestand {path} bestaat niet.",
        "en": "Project file {path} does not exist.",
    },
    "project_newer": {
        "nl": "{path} is gemaakt met een nieuwere versie van schouw (schema {found}, deze versie kent tot {known}). Werk schouw bij om het te openen.",
        "en": "{path} was made by a newer version of schouw (schema {found}, this version knows up to {known}). Update schouw to open it.",
    },
    "project_locked": {
        "nl": "{path} is al geopend in een ander schouw-venster of -proces. Sluit dat eerst.",
        "en": "{path} is already open in another schouw window or process. Close that first.",
    },
    "project_damaged": {
        "nl": "{path} is beschadigd: {detail}",
        "en": "{path} is damaged: {detail}",
    },
    "project_readonly": {
        "nl": "{path} kan niet worden geschreven (alleen-lezen of geen schijfruimte): {detail}",
        "en": "{path} cannot be written (read-only or no disk space): {detail}",
    },
    "migration_failed": {
        "nl": "Bijwerken van {path} naar schema {version} is mislukt; er is niets veranderd en de reservekopie staat in {backup}. Oorzaak: {detail}",
        "en": "Upgrading {path} to schema {version} failed; nothing was changed and the backup is at {backup}. Cause: {detail}",
    },
    "unknown_street": {
        "nl": "Straat '{name}' is onbekend in buurt {buurt}.{hint}",
        "en": "Street '{name}' is unknown in buurt {buurt}.{hint}",
    },
    "unknown_buurt": {
        "nl": "Buurt '{name}' bestaat niet in dit project.{hint}",
        "en": "Buurt '{name}' does not exist in this project.{hint}",
    },
    "ambiguous_buurt": {
        "nl": "Er zijn meerdere buurten '{name}' (in wijken {wijken}); geef ook --wijk op.",
        "en": "There are several buurten '{name}' (in wijken {wijken}); give --wijk as well.",
    },
    "unknown_round": {
        "nl": "Schouwronde '{id}' bestaat niet in dit project.",
        "en": "Round '{id}' does not exist in this project.",
    },
    "unknown_finding": {
        "nl": "Bevinding '{id}' bestaat niet in dit project.",
        "en": "Finding '{id}' does not exist in this project.",
    },
    "unknown_form": {
        "nl": "Formulier '{id}' is niet gevonden. Beschikbaar: {available}.",
        "en": "Form '{id}' was not found. Available: {available}.",
    },
    "unknown_item": {
        "nl": "Onderdeel '{item}' staat niet op formulier {form}. Gebruik ELEMENT.ASPECT, bijvoorbeeld {example}.",
        "en": "Item '{item}' is not on form {form}. Use ELEMENT.ASPECT, for example {example}.",
    },
    "bad_level": {
        "nl": "Niveau '{level}' past niet bij {item}: kies uit {allowed}.",
        "en": "Level '{level}' does not fit {item}: choose from {allowed}.",
    },
    "item_has_no_level": {
        "nl": "{item} is een waarneming zonder niveau; laat het niveau weg.",
        "en": "{item} is an observation without a level; leave the level out.",
    },
    "bad_choice": {
        "nl": "Keuze '{choice}' past niet bij {item}: kies uit {allowed}.",
        "en": "Choice '{choice}' does not fit {item}: choose from {allowed}.",
    },
    "bad_date": {
        "nl": "Datum '{value}' is ongeldig; gebruik JJJJ-MM-DD.",
        "en": "Date '{value}' is invalid; use YYYY-MM-DD.",
    },
    "bad_form": {
        "nl": "Formulier {path} is ongeldig: {detail}",
        "en": "Form {path} is invalid: {detail}",
    },
    "bad_profile": {
        "nl": "Kwaliteitsprofiel {path} is ongeldig: {detail}",
        "en": "Quality profile {path} is invalid: {detail}",
    },
    "file_missing": {
        "nl": "Bestand {path} bestaat niet.",
        "en": "File {path} does not exist.",
    },
    "csv_missing_columns": {
        "nl": "{path} mist de kolom(men) {missing}; gevonden: {found}.",
        "en": "{path} lacks the column(s) {missing}; found: {found}.",
    },
    "csv_unreadable": {
        "nl": "{path} is geen leesbaar CSV-bestand: {detail}",
        "en": "{path} is not a readable CSV file: {detail}",
    },
    "geojson_unreadable": {
        "nl": "{path} is geen leesbaar GeoJSON-bestand: {detail}",
        "en": "{path} is not a readable GeoJSON file: {detail}",
    },
    "bad_geometry": {
        "nl": "{path}, regel {row}: de geometrie van '{name}' is ongeldig: {detail}",
        "en": "{path}, row {row}: the geometry of '{name}' is invalid: {detail}",
    },
    "streets_none": {
        "nl": "{path} bevat geen straten met een naam.",
        "en": "{path} holds no named streets.",
    },
    "unknown_file_type": {
        "nl": "{path}: onbekend bestandstype; gebruik .csv, .geojson of .json.",
        "en": "{path}: unknown file type; use .csv, .geojson or .json.",
    },
    "photo_unreadable": {
        "nl": "Foto {name} kan niet worden gelezen: {detail}",
        "en": "Photo {name} cannot be read: {detail}",
    },
    "photo_not_image": {
        "nl": "{name} is geen afbeelding die schouw kent (JPEG, HEIC, PNG of WebP).",
        "en": "{name} is not an image schouw knows (JPEG, HEIC, PNG or WebP).",
    },
    "photo_empty": {
        "nl": "{name} is leeg (0 bytes).",
        "en": "{name} is empty (0 bytes).",
    },
    "photo_too_large": {
        "nl": "{name} is te groot ({pixels} megapixel; de grens is {limit}). Verklein de foto eerst.",
        "en": "{name} is too large ({pixels} megapixels; the limit is {limit}). Shrink the photo first.",
    },
    "photo_truncated": {
        "nl": "{name} is afgebroken of beschadigd (onvolledig bestand).",
        "en": "{name} is truncated or damaged (incomplete file).",
    },
    "photo_damaged": {
        "nl": "{name} is beschadigd: de beeldgegevens kunnen niet worden gelezen.",
        "en": "{name} is damaged: its image data cannot be decoded.",
    },
    "action_transition": {
        "nl": "Een actiepunt met status '{current}' kan niet naar '{target}'.",
        "en": "An action with status '{current}' cannot move to '{target}'.",
    },
    "reason_required": {
        "nl": "Geef een reden op bij '{status}'.",
        "en": "Give a reason for '{status}'.",
    },
    "demo_exists": {
        "nl": "{path} bestaat al; kies een nieuwe bestandsnaam of gebruik --overwrite.",
        "en": "{path} already exists; choose a new file name or use --overwrite.",
    },
    "integrity_ok": {
        "nl": "{path}: in orde ({rounds} rondes, {findings} bevindingen, {photos} foto's).",
        "en": "{path}: OK ({rounds} rounds, {findings} findings, {photos} photos).",
    },
    "bad_sync_profile": {
        "nl": "Synchronisatieprofiel {path} is ongeldig: {detail}",
        "en": "Sync profile {path} is invalid: {detail}",
    },
    "sync_no_profile": {
        "nl": "Er is geen synchronisatieprofiel gekozen. Geef --profile FILE op of zet een profiel in {path}.",
        "en": "No sync profile has been chosen. Give --profile FILE or put a profile at {path}.",
    },
    "sync_aborted": {
        "nl": "Synchronisatie gestopt: {detail}",
        "en": "Sync stopped: {detail}",
    },
    "transport_unavailable": {
        "nl": "Versturen naar een meldsysteem van soort '{kind}' kan deze versie van schouw nog niet.",
        "en": "This version of schouw cannot send to a report system of kind '{kind}' yet.",
    },
    "secret_empty": {
        "nl": "Er is geen sleutel ingevoerd; er is niets opgeslagen.",
        "en": "No key was entered; nothing was stored.",
    },
    "secret_not_needed": {
        "nl": "Een profiel met kind = \"folder\" heeft geen sleutel nodig.",
        "en": "A profile with kind = \"folder\" needs no key.",
    },
    "secret_store_failed": {
        "nl": "De sleutelbos van het systeem ({store}) werkt niet: {detail}. Ontgrendel hem, of zet SCHOUW_SECRET_STORE=file.",
        "en": "The system keyring ({store}) does not work: {detail}. Unlock it, or set SCHOUW_SECRET_STORE=file.",
    },
    "secret_saved": {
        "nl": "Sleutel voor {profile} opgeslagen in {store}.",
        "en": "Key for {profile} stored in {store}.",
    },
    "folder_not_configured": {
        "nl": "Het profiel heeft geen [folder]-blok met een map voor exportpakketten.",
        "en": "The profile has no [folder] block with a folder for export packages.",
    },
    "folder_missing": {
        "nl": "De gedeelde map {path} bestaat niet of is niet gekoppeld; er is niets geschreven.",
        "en": "The shared folder {path} does not exist or is not mounted; nothing was written.",
    },
    "folder_readonly": {
        "nl": "In de gedeelde map {path} mag schouw niet schrijven.",
        "en": "schouw may not write to the shared folder {path}.",
    },
    "folder_export_unavailable": {
        "nl": "Exportpakketten maken kan deze versie van schouw nog niet; er is niets naar de gedeelde map geschreven.",
        "en": "This version of schouw cannot make export packages yet; nothing was written to the shared folder.",
    },
    "unexpected": {
        "nl": "Er ging iets onverwachts mis ({detail}). Er is niets verloren; details staan in {log}.",
        "en": "Something unexpected went wrong ({detail}). Nothing was lost; details are in {log}.",
    },
    "report_cancelled": {
        "nl": "Het rapport is afgebroken; er is geen bestand gemaakt.",
        "en": "The report was cancelled; no file was made.",
    },
    "report_unknown_party": {
        "nl": "Actiehouder '{party}' heeft geen actiepunten in deze ronde. Actiehouders: {parties}.",
        "en": "Party '{party}' has no actions in this round. Parties: {parties}.",
    },
    "report_folder_missing": {
        "nl": "De map {folder} bestaat niet; kies een andere plek voor het rapport.",
        "en": "Folder {folder} does not exist; choose another place for the report.",
    },
    "report_write_failed": {
        "nl": "Het rapport kan niet worden opgeslagen als {path} ({detail}). Is het bestand nog geopend in een PDF-viewer?",
        "en": "The report cannot be saved as {path} ({detail}). Is the file still open in a PDF viewer?",
    },
    # -- quality profiles (schouw profiles, the Kwaliteitsprofiel dialog) --------------
    "profile_unknown": {
        "nl": "Kwaliteitsprofiel '{id}' bestaat niet. Beschikbaar: {available}.",
        "en": "Quality profile '{id}' does not exist. Available: {available}.",
    },
    "profile_unknown_area_type": {
        "nl": "Onbekend gebiedstype '{value}'; kies uit {choices}.",
        "en": "Unknown area type '{value}'; choose from {choices}.",
    },
    "profile_unknown_element": {
        "nl": "Element '{name}' staat op geen enkel formulier; zie 'schouw forms show NAAM'.",
        "en": "Element '{name}' is on no form; see 'schouw forms show NAME'.",
    },
    "profile_unknown_aspect": {
        "nl": "Aspect '{name}' staat op geen enkel formulier (schrijf ELEMENT.ASPECT); zie 'schouw forms show NAAM'.",
        "en": "Aspect '{name}' is on no form (write ELEMENT.ASPECT); see 'schouw forms show NAME'.",
    },
    "profile_bad_level": {
        "nl": "'{value}' is geen norm; kies uit {levels}.",
        "en": "'{value}' is not a norm; choose from {levels}.",
    },
    "profile_norm_d": {
        "nl": "D is nooit een norm: kies A+, A, B of C.",
        "en": "D is never a norm: choose A+, A, B or C.",
    },
    "profile_level_unused": {
        "nl": "Niveau {level} wordt in profiel {profile} niet gebruikt; niveaus: {levels}.",
        "en": "Level {level} is not used in profile {profile}; levels: {levels}.",
    },
    "profile_bad_target": {
        "nl": "'{value}' is geen streefwaarde; geef een aandeel tussen 0 en 1 of een percentage (bijv. 0,9 of 90%).",
        "en": "'{value}' is not a target; give a share between 0 and 1 or a percentage (e.g. 0.9 or 90%).",
    },
    "profile_bad_category": {
        "nl": "Onbekende soort '{value}'; kies uit {choices}.",
        "en": "Unknown category '{value}'; choose from {choices}.",
    },
    "profile_scope_missing": {
        "nl": "Zeg welke norm: --aspect ELEMENT.ASPECT, --element ELEMENT of --default.",
        "en": "Say which norm: --aspect ELEMENT.ASPECT, --element ELEMENT or --default.",
    },
    "cli_profile_changed": {"nl": "Profiel gewijzigd:", "en": "Profile changed:"},
    "cli_profile_unchanged": {"nl": "Niets gewijzigd: het profiel had deze waarde al.",
                              "en": "Nothing changed: the profile already had this value."},
    "cli_profile_no_log": {"nl": "Nog geen wijzigingen.", "en": "No changes yet."},
    "cli_profile_gap": {"nl": "(gewijzigd buiten dit logboek: oudere versie van schouw of een pakket)",
                        "en": "(changed outside this log: an older version of schouw or a package)"},
    "cli_profile_files": {"nl": "Profielbestanden:", "en": "Profile files:"},
    "cli_profile_in_project": {"nl": "In het project:", "en": "In the project:"},
    "cli_profile_file_error": {"nl": "FOUT: {error}", "en": "ERROR: {error}"},
    "cli_profile_change_count": {"nl": "wijzigingen: {n}", "en": "changes: {n}"},
    "cli_profile_origin_shipped": {"nl": "meegeleverd", "en": "shipped"},
    "cli_profile_origin_user": {"nl": "eigen", "en": "own"},
    "cli_profile_levels": {"nl": "niveaus: {levels}", "en": "levels: {levels}"},
    "cli_profile_target": {"nl": "streefwaarde: {targets}", "en": "target: {targets}"},
    "cli_profile_base": {"nl": "basisnorm", "en": "base norm"},
    "cli_form_norms_from": {"nl": "Normen uit kwaliteitsprofiel {name} ({id}); niveaus {levels}",
                            "en": "Norms from quality profile {name} ({id}); levels {levels}"},
    "cli_form_norm_per_area": {"nl": "Norm per gebiedstype: {areas}", "en": "Norm per area type: {areas}"},
    "cli_form_kind_level": {"nl": "niveau", "en": "level"},
    "cli_form_kind_choice": {"nl": "keuze", "en": "choice"},
    "cli_form_kind_observation": {"nl": "waarneming", "en": "observation"},
}


def set_language(lang: str) -> None:
    """Choose the language for messages rendered from now on (``nl`` or ``en``)."""
    global _current
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
    _current = lang


def language() -> str:
    return _current


def render(key: str, lang: str | None = None, **params: object) -> str:
    """The text of message ``key`` in ``lang`` (default: the current language)."""
    texts = CATALOGUE.get(key)
    if texts is None:
        return key + (" " + repr(params) if params else "")
    template = texts.get(lang or _current) or texts["nl"]
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return template


class SchouwError(Exception):
    """An error the user can cause and fix: shown as one sentence, never a traceback."""

    def __init__(self, key: str, **params: object) -> None:
        self.key = key
        self.params = params
        super().__init__(render(key, "en", **params))

    def message(self, lang: str | None = None) -> str:
        return render(self.key, lang, **self.params)

    def __str__(self) -> str:  # the current language, so logs and UIs agree
        return self.message()
