"""The message catalogue for everything that is not a Qt widget.

Errors a user can cause end in one clear sentence, Dutch by default. Domain, store,
photos, report and exchange code raise :class:`SchouwError` with a message key and
parameters; whoever shows the error (CLI, GUI) renders it in the user's language.
Keeping the texts here, not at the raise sites, lets the GUI and the CLI say exactly
the same thing and keeps translation in one place.
"""

from __future__ import annotations

import os
import string

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
        "nl": "Projectbestand {path} bestaat niet.{hint}",
        "en": "Project file {path} does not exist.{hint}",
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
        "nl": "Niveau '{level}' past niet bij {item} (kies uit {allowed}).",
        "en": "Level '{level}' does not fit {item} (choose from {allowed}).",
    },
    "item_has_no_level": {
        "nl": "{item} is een waarneming zonder niveau; laat het niveau weg.",
        "en": "{item} is an observation without a level; leave the level out.",
    },
    "bad_choice": {
        "nl": "Keuze '{choice}' past niet bij {item} (kies uit {allowed}).",
        "en": "Choice '{choice}' does not fit {item} (choose from {allowed}).",
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
        "nl": "In {path} ontbreekt: {missing} (gevonden kolommen: {found}).",
        "en": "{path} lacks: {missing} (columns found: {found}).",
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
        "nl": "{path}: in orde ({rounds:round}, {findings:finding}, {photos:photo}).",
        "en": "{path}: OK ({rounds:round}, {findings:finding}, {photos:photo}).",
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
    "report_folder_missing": {
        "nl": "De map {folder} bestaat niet; kies een andere plek voor het rapport.",
        "en": "Folder {folder} does not exist; choose another place for the report.",
    },
    "report_write_failed": {
        "nl": "Het rapport kan niet worden opgeslagen als {path} ({detail}). Is het bestand nog geopend in een PDF-viewer?",
        "en": "The report cannot be saved as {path} ({detail}). Is the file still open in a PDF viewer?",
    },
    # -- the command line (clicmd): usage errors, success lines, hints, plurals --------------
    "usage_error": {
        "nl": "{prog}: {message} (meer uitleg: {prog} --help)",
        "en": "{prog}: {message} (more help: {prog} --help)",
    },
    "hint_did_you_mean": {
        "nl": " Bedoelde u {names}?",
        "en": " Did you mean {names}?",
    },
    "hint_known": {
        "nl": " Bekend: {names}.",
        "en": " Known: {names}.",
    },
    "hint_no_buurten": {
        "nl": " Het project heeft nog geen buurten.",
        "en": " The project has no buurten yet.",
    },
    "level_nvt": {
        "nl": "n.v.t.",
        "en": "n/a",
    },
    "integrity_reference": {
        "nl": "verwijzing in {table} (rij {row}) naar ontbrekende {parent}",
        "en": "reference in {table} (row {row}) to missing {parent}",
    },
    "integrity_checksum": {
        "nl": "foto {id} ({kind}): controlesom klopt niet",
        "en": "photo {id} ({kind}): checksum does not match",
    },
    "integrity_no_image": {
        "nl": "foto {id}: de afbeelding zelf ontbreekt",
        "en": "photo {id}: the image itself is missing",
    },
    "integrity_no_form": {
        "nl": "formulier {form} ontbreekt in het project",
        "en": "form {form} is missing from the project",
    },
    "value_yes": {"nl": "ja", "en": "yes"},
    "value_no": {"nl": "nee", "en": "no"},
    "outbox_sent_waiting": {"nl": "verzonden, wacht op nummer", "en": "sent, waiting for a number"},
    "outbox_sent": {"nl": "verzonden ({remote})", "en": "sent ({remote})"},
    "outbox_failed": {"nl": "mislukt: {error}", "en": "failed: {error}"},
    "outbox_failed_plain": {"nl": "mislukt", "en": "failed"},
    "outbox_unknown": {"nl": "onbekend, wordt nagekeken", "en": "unknown, being checked"},
    "outbox_queued": {"nl": "wachtrij", "en": "queued"},
    "cli_demo_made": {
        "nl": "Demoproject gemaakt: {path} ({rounds:round}, {findings:finding}, {photos:photo}, {streets:street}).",
        "en": "Demo project made: {path} ({rounds:round}, {findings:finding}, {photos:photo}, {streets:street}).",
    },
    "cli_profile_ok": {
        "nl": "{file}: in orde — kwaliteitsprofiel {name} ({id}).",
        "en": "{file}: OK — quality profile {name} ({id}).",
    },
    "cli_form_ok": {
        "nl": "{file}: in orde — {title} ({form_key}), {elements:element}, {items:aspect}.",
        "en": "{file}: OK — {title} ({form_key}), {elements:element}, {items:aspect}.",
    },
    "cli_streets_imported": {
        "nl": "{read:street} gelezen; {added} nieuw en {updated} aangevuld in buurt {buurt} (wijk {wijk}).",
        "en": "{read:street} read; {added} new and {updated} completed in buurt {buurt} (wijk {wijk}).",
    },
    "cli_no_rounds": {"nl": "Nog geen rondes.", "en": "No rounds yet."},
    "cli_no_findings": {"nl": "Geen bevindingen.", "en": "No findings."},
    "cli_no_conflicts": {"nl": "Geen conflicten.", "en": "No conflicts."},
    "cli_package_made": {
        "nl": "Pakket gemaakt: {path} ({findings:finding}, {photos:photo}{incremental}).",
        "en": "Package made: {path} ({findings:finding}, {photos:photo}{incremental}).",
    },
    "cli_only_changes": {"nl": ", alleen wijzigingen", "en": ", changes only"},
    "cli_conflict_line": {
        "nl": "{id}  {kind} {what}: bewaard uit {kept_side} ({kept_at}), opzij: {other_at}{flips}",
        "en": "{id}  {kind} {what}: kept from {kept_side} ({kept_at}), set aside: {other_at}{flips}",
    },
    "cli_conflict_flips": {"nl": ", {n}x omgedraaid", "en": ", flipped {n}x"},
    "cli_conflict_field": {
        "nl": "    {field}: {kept} (bewaard) / {other} (opzij)",
        "en": "    {field}: {kept} (kept) / {other} (set aside)",
    },
    "side_local": {"nl": "dit project", "en": "this project"},
    "side_package": {"nl": "het pakket", "en": "the package"},
    "cli_report_made": {
        "nl": "Rapport gemaakt: {path} ({pages:page}, {findings:finding}, {photos:photo}, {actions:action}).",
        "en": "Report made: {path} ({pages:page}, {findings:finding}, {photos:photo}, {actions:action}).",
    },
    "cli_secret_prompt": {
        "nl": "API-sleutel of client secret (wordt niet getoond): ",
        "en": "API key or client secret (not shown): ",
    },
    "sync_dry_run": {
        "nl": "Proefdraai voor {profile}, er zou verstuurd worden: {n:report}.",
        "en": "Dry run for {profile}, to be sent: {n:report}.",
    },
    "sync_plan_line": {
        "nl": "  {id}  {title}  [{code}]  {photos:photo}",
        "en": "  {id}  {title}  [{code}]  {photos:photo}",
    },
    "sync_no_service_code": {"nl": "GEEN service_code", "en": "NO service_code"},
    "sync_package_line": {"nl": "  pakket {file}: {state}", "en": "  package {file}: {state}"},
    "sync_run": {
        "nl": "{profile}: {sent} verzonden, {failed} mislukt, {unknown} onbekend, {retrying} later opnieuw, "
              "{statuses:status_change}, {photos:photo}.",
        "en": "{profile}: {sent} sent, {failed} failed, {unknown} unknown, {retrying} to retry later, "
              "{statuses:status_change}, {photos:photo}.",
    },
    "sync_sent_line": {"nl": "  verzonden  {id}  {remote}", "en": "  sent       {id}  {remote}"},
    "sync_waiting_number": {"nl": "wacht op nummer", "en": "waiting for a number"},
    "sync_failed_line": {"nl": "  mislukt    {id}  {message}", "en": "  failed     {id}  {message}"},
    "sync_unknown_line": {"nl": "  onbekend   {id}  {message}", "en": "  unknown    {id}  {message}"},
    "sync_later_line": {"nl": "  later      {id}  {message}", "en": "  later      {id}  {message}"},
    "sync_offline": {"nl": "Niet bereikbaar: {detail}", "en": "Not reachable: {detail}"},
    "sync_cancelled": {
        "nl": "Afgebroken; wat al verstuurd was staat vast.",
        "en": "Cancelled; what was already sent stays sent.",
    },
    "sync_packages_error": {"nl": "Pakketten: {detail}", "en": "Packages: {detail}"},
    "sync_outbox": {
        "nl": "Uitgaand: {queued} in de wachtrij, {sent} verzonden, {failed} mislukt, {unknown} onbekend.",
        "en": "Outgoing: {queued} queued, {sent} sent, {failed} failed, {unknown} unknown.",
    },
    "sync_outbox_line": {
        "nl": "{id}  {street} {number}  {item}  {label}  ({attempts:attempt})",
        "en": "{id}  {street} {number}  {item}  {label}  ({attempts:attempt})",
    },
    "sync_no_outgoing": {"nl": "Geen uitgaande meldingen.", "en": "No outgoing reports."},
    "import_already": {
        "nl": "Dit pakket was al geïmporteerd; er is niets veranderd.",
        "en": "This package was imported before; nothing was changed.",
    },
    "import_summary": {
        "nl": "Geïmporteerd: {added} nieuw, {updated} bijgewerkt, {deleted} verwijderd, {photos:photo}{conflicts}.",
        "en": "Imported: {added} new, {updated} updated, {deleted} deleted, {photos:photo}{conflicts}.",
    },
    "import_conflicts": {
        "nl": "; {n:conflict} — bekijk ze met '{review}'",
        "en": "; {n:conflict} — review them with '{review}'",
    },
    # -- finding rules (clicmd): n.v.t. takes no priority and no action -------------------
    "bad_priority": {
        "nl": "Prioriteit '{priority}' bestaat niet (kies uit {allowed}).",
        "en": "Priority '{priority}' does not exist (choose from {allowed}).",
    },
    "nvt_has_action": {
        "nl": "{item} kan niet n.v.t. zijn zolang er een actiepunt is: haal eerst het actiepunt weg.",
        "en": "{item} cannot be n/a while it has an action: remove the action first.",
    },
    "nvt_no_action": {
        "nl": "Een bevinding die n.v.t. is krijgt geen actiepunt; kies eerst een niveau.",
        "en": "A finding that is n/a gets no action; choose a level first.",
    },
    "nvt_priority": {
        "nl": "Een bevinding die n.v.t. is heeft geen prioriteit; laat prioriteit '{priority}' weg.",
        "en": "A finding that is n/a has no priority; leave out priority '{priority}'.",
    },
    # -- action parties (clicmd): one matching rule for report, sync and actions ---------
    "unknown_party": {
        "nl": "Actiehouder '{party}' komt niet voor; geef de hele naam (hoofdletters maken niet uit). Actiehouders: {parties}.",
        "en": "Party '{party}' does not occur; give the whole name (case does not matter). Parties: {parties}.",
    },
    # -- the team and the walked streets from the command line (clicmd) ------------------
    "bad_role": {
        "nl": "Rol '{role}' bestaat niet (kies uit {allowed}).",
        "en": "Role '{role}' does not exist (choose from {allowed}).",
    },
    "participant_no_name": {
        "nl": "Geef de naam van de deelnemer.",
        "en": "Give the participant's name.",
    },
    "participant_exists": {
        "nl": "{name} staat al in het team van deze ronde.",
        "en": "{name} is already on the team of this round.",
    },
    "participant_unknown": {
        "nl": "'{name}' staat niet in het team van deze ronde. Team: {team}.",
        "en": "'{name}' is not on the team of this round. Team: {team}.",
    },
    "participant_ambiguous": {
        "nl": "Er zijn meerdere deelnemers '{name}' (van {organisations}); geef ook --organisation op.",
        "en": "There are several participants '{name}' (of {organisations}); give --organisation as well.",
    },
    "cli_participant_added": {
        "nl": "{name} toegevoegd; het team telt nu {n:participant}.",
        "en": "{name} added; the team now has {n:participant}.",
    },
    "cli_participant_removed": {
        "nl": "{name} uit het team gehaald; het team telt nu {n:participant}.",
        "en": "{name} taken off the team; the team now has {n:participant}.",
    },
    "cli_no_participants": {"nl": "Nog geen deelnemers.", "en": "No participants yet."},
    "cli_street_walked": {
        "nl": "{street} is gelopen; {done} van {total:street} gelopen.",
        "en": "{street} is walked; {done} of {total:street} walked.",
    },
    "cli_street_unwalked": {
        "nl": "{street} is niet meer gelopen; {done} van {total:street} gelopen.",
        "en": "{street} is no longer walked; {done} of {total:street} walked.",
    },
    "sync_unknown_parties": {
        "nl": "Let op: geen actiepunt in dit project heeft actiehouder {parties} uit het profiel (een actiehouder telt "
              "alleen met zijn hele naam). Actiehouders in dit project: {known}.",
        "en": "Note: no action in this project has party {parties} from the profile (a party counts only by its "
              "whole name). Parties in this project: {known}.",
    },
    # -- report: the logo and the output path (engineer "report") --------------------------
    "report_logo_missing": {
        "nl": "Logo {path} bestaat niet; kies een bestaand PNG- of JPEG-bestand.",
        "en": "Logo {path} does not exist; choose an existing PNG or JPEG file.",
    },
    "report_logo_invalid": {
        "nl": "Logo {path} is geen leesbare afbeelding; kies een PNG- of JPEG-bestand.",
        "en": "Logo {path} is not a readable image; choose a PNG or JPEG file.",
    },
    "report_logo_left_out": {
        "nl": "Rapport zonder logo gemaakt: {reason} (projectinstelling logo_path)",
        "en": "Report made without a logo: {reason} (project setting logo_path)",
    },
    "report_out_is_folder": {
        "nl": "{path} is een map; geef de naam van het PDF-bestand, bijvoorbeeld {example}.",
        "en": "{path} is a folder; give the name of the PDF file, for example {example}.",
    },
    # -- privacy masks (schouw photo mask, the mask editor) --------------------------------
    "mask_unknown_photo": {
        "nl": "Foto '{id}' bestaat niet in dit project (of de eerste tekens passen bij meer dan één foto).",
        "en": "Photo '{id}' does not exist in this project (or its first characters fit more than one photo).",
    },
    "mask_bad_rect": {
        "nl": "'{rect}' is geen masker: geef X,Y,B,H als vier getallen tussen 0 en 1, bijvoorbeeld 0.1,0.2,0.3,0.15.",
        "en": "'{rect}' is not a mask: give X,Y,W,H as four numbers between 0 and 1, e.g. 0.1,0.2,0.3,0.15.",
    },
    "mask_empty": {
        "nl": "Masker {rect} heeft geen oppervlak: breedte en hoogte moeten groter dan 0 zijn.",
        "en": "Mask {rect} has no area: width and height must be greater than 0.",
    },
    "mask_outside": {
        "nl": "Masker {rect} valt buiten de foto: X+B en Y+H mogen niet groter zijn dan 1, X en Y niet kleiner dan 0.",
        "en": "Mask {rect} lies outside the photo: X+W and Y+H may not exceed 1, X and Y may not be below 0.",
    },
    "mask_too_many": {
        "nl": "{count} maskers op één foto is te veel (hoogstens {limit}).",
        "en": "{count} masks on one photo is too many (at most {limit}).",
    },
    "cli_photo_masks": {
        "nl": "Foto {id}, maskers: {n}",
        "en": "Photo {id}, masks: {n}",
    },
    "cli_photo_line": {
        "nl": "{id}  {street} {number}  {item}  {width}x{height}  maskers: {n}  {name}",
        "en": "{id}  {street} {number}  {item}  {width}x{height}  masks: {n}  {name}",
    },
    "cli_no_photos": {"nl": "Geen foto's.", "en": "No photos."},
    "mask_shape_rect": {"nl": "rechthoek", "en": "rectangle"},
    "mask_shape_ellipse": {"nl": "ellips", "en": "ellipse"},
    "mask_nothing": {
        "nl": "Geef --rect X,Y,B,H om een masker toe te voegen, of --clear om alle maskers weg te halen.",
        "en": "Give --rect X,Y,W,H to add a mask, or --clear to remove all masks.",
    },
    # -- exchange: first week (issue #16: same-day rounds, control characters, disk full) --
    "merge_into_mismatch": {
        "nl": "Ronde '{id}' is geen andere ronde van dezelfde buurt op {date}; samenvoegen kan alleen daarmee. Er is niets veranderd.",
        "en": "Round '{id}' is not another round of the same buurt on {date}; a package can only be merged into such a round. Nothing was changed.",
    },
    "merge_into_separate": {
        "nl": "De ronde van dit pakket staat al als aparte ronde ({id}) in dit project; samenvoegen kan alleen bij de eerste import. Er is niets veranderd.",
        "en": "This package's round is already in this project as a separate round ({id}); it can only be merged on its first import. Nothing was changed.",
    },
    "same_day_round_note": {
        "nl": "Let op: dit project had al een andere ronde van {buurt} op {date} ({ids}); het pakket is als aparte ronde {id} geïmporteerd. Is het dezelfde schouw, importeer zulke pakketten dan met --merge-into {first} (bevindingen worden gepaard op straat, onderdeel en plek).",
        "en": "Note: this project already had another round of {buurt} on {date} ({ids}); the package was imported as a separate round {id}. If it is the same schouw, import such packages with --merge-into {first} (findings are paired by street, item and spot).",
    },
    "merged_into_note": {
        "nl": "Samengevoegd met ronde {id}; gepaard op straat, onderdeel en plek: {paired}.",
        "en": "Merged into round {id}; paired by street, item and spot: {paired}.",
    },
    "control_characters": {
        "nl": "{what} bevat een stuurteken ({char}) dat niet in tekst hoort; haal het weg (vaak meegekopieerd uit een ander programma).",
        "en": "{what} contains a control character ({char}) that does not belong in text; remove it (often copied along from another program).",
    },
    "pkg_control_characters": {
        "nl": "{what} {id} bevat in '{field}' een stuurteken ({char})",
        "en": "{what} {id} holds a control character ({char}) in '{field}'",
    },
    "disk_full": {
        "nl": "De schijf is vol: in {folder} was {needed} nodig en is {free} vrij. Maak ruimte of kies een andere map; er is niets half geschreven.",
        "en": "The disk is full: {folder} needed {needed} and has {free} free. Free some space or choose another folder; nothing was left half-written.",
    },

    # -- starting the app without a screen (schouw/gui_check.py) ------------------------------
    "gui_no_display": {
        "nl": "Geen beeldscherm: {variable} is niet gezet (Qt-platform '{platform}'). Start Schouw in een "
              "grafische sessie, of gebruik QT_QPA_PLATFORM=offscreen om zonder scherm te testen.",
        "en": "No display: {variable} is not set (Qt platform '{platform}'). Start Schouw in a graphical "
              "session, or use QT_QPA_PLATFORM=offscreen to test without a screen.",
    },
    "gui_missing_libraries": {
        "nl": "Het venster kan niet open, er ontbreekt: {libraries} (Qt-platform '{platform}'). "
              "Installeer: sudo apt-get install {packages}",
        "en": "The window cannot open, missing: {libraries} (Qt platform '{platform}'). "
              "Install: sudo apt-get install {packages}",
    },
    # -- store: opening projects (new, missing, read-only, waiting for the lock) --
    "project_missing_near": {
        "nl": " Bedoelt u {near}?",
        "en": " Did you mean {near}?",
    },
    "project_busy": {
        "nl": "{path} is na {seconds} s wachten nog steeds in gebruik door een ander schouw-venster of -proces; probeer het later opnieuw.",
        "en": "{path} is still in use by another schouw window or process after waiting {seconds} s; try again later.",
    },
    "project_waiting": {
        "nl": "Wacht op {path}: het project is in gebruik door een ander schouw-venster of -proces (hoogstens {seconds} s)…",
        "en": "Waiting for {path}: the project is in use by another schouw window or process (at most {seconds} s)…",
    },
    "project_opened_readonly": {
        "nl": "{path} is alleen-lezen geopend; er kan niets in worden veranderd.",
        "en": "{path} is open read-only; nothing can be changed in it.",
    },
    "project_readonly_medium": {
        "nl": "Let op: {path} staat op een alleen-lezen medium en is alleen-lezen geopend.",
        "en": "Note: {path} is on a read-only medium and has been opened read-only.",
    },
    "project_created": {
        "nl": "Nieuw project gemaakt: {path}",
        "en": "New project made: {path}",
    },
    "project_exists": {
        "nl": "{path} bestaat al; kies een andere bestandsnaam.",
        "en": "{path} already exists; choose another file name.",
    },
    "bad_lock_timeout": {
        "nl": "SCHOUW_LOCK_TIMEOUT moet een aantal seconden zijn (0 of meer), niet '{value}'.",
        "en": "SCHOUW_LOCK_TIMEOUT must be a number of seconds (0 or more), not '{value}'.",
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
    # -- actions followed by hand (schouw actions, schouw action set, the Actiepunten view) --
    "action_status_unknown": {
        "nl": "Onbekende status '{status}'. Kies uit: {statuses}.",
        "en": "Unknown status '{status}'. Choose from: {statuses}.",
    },
    "action_mor_owned": {
        "nl": "Dit actiepunt is naar de gemeente (MOR) gestuurd: de status komt van de gemeente.",
        "en": "This action was sent to the municipality (MOR): its status comes from there.",
    },
    "action_date_before_round": {
        "nl": "De datum {date} ligt voor de ronde ({round_date}).",
        "en": "The date {date} is before the round ({round_date}).",
    },
    "action_none": {
        "nl": "Bevinding {id} heeft geen actiepunt.",
        "en": "Finding {id} has no action.",
    },
    "action_date_bad": {
        "nl": "Ongeldige datum '{date}': gebruik JJJJ-MM-DD.",
        "en": "Invalid date '{date}': use YYYY-MM-DD.",
    },
    "cli_action_set": {
        "nl": "Actiepunt {id}: {from_status} → {to_status}.",
        "en": "Action {id}: {from_status} → {to_status}.",
    },
    "cli_actions_none": {"nl": "Geen actiepunten.", "en": "No actions."},
    "cli_actions_total": {"nl": "{n:action}, waarvan {overdue} verlopen.",
                          "en": "{n:action}, {overdue} of them overdue."},
    "cli_action_overdue": {"nl": "verlopen", "en": "overdue"},
    "action_undo_note": {"nl": "ongedaan gemaakt", "en": "undone"},
    # -- re-inspection (herschouw, issue #15 point 3) ------------------------------------------
    "recheck_bad_result": {"nl": "Onbekende uitkomst '{result}'; kies uit: {allowed}.",
                           "en": "Unknown result '{result}'; choose from: {allowed}."},
    "recheck_level_on_observation": {
        "nl": "'{item}' is een waarneming zonder niveau: geef geen --level.",
        "en": "'{item}' is an observation without a level: give no --level."},
    "recheck_level_on_solved": {"nl": "Een opgelost punt krijgt geen niveau.",
                                "en": "A solved point takes no level."},
    "recheck_worse_needs_level": {"nl": "Erger vraagt het nieuwe niveau van '{item}' (--level).",
                                  "en": "Worse needs the new level of '{item}' (--level)."},
    "recheck_not_worse": {"nl": "Niveau {level} is niet slechter dan het vorige niveau {old}.",
                          "en": "Level {level} is not worse than the previous level {old}."},
    "recheck_unknown": {"nl": "Geen te controleren punt '{id}'.", "en": "No point to re-inspect '{id}'."},
    "recheck_already": {"nl": "Dit punt is al gecontroleerd ({result}).",
                        "en": "This point has already been checked ({result})."},
    "recheck_undone_note": {"nl": "herschouw ongedaan gemaakt", "en": "re-inspection undone"},
    "recheck_solved_note": {"nl": "opgelost bij herschouw {date}", "en": "solved at re-inspection {date}"},
    "cli_recheck_marked": {"nl": "{street}: {item} {result}.", "en": "{street}: {item} {result}."},
    "cli_rechecks_none": {"nl": "Geen te controleren punten.", "en": "No points to re-inspect."},
    "cli_rechecks_unchecked": {"nl": "nog niet gecontroleerd", "en": "not yet checked"},
    "recheck_result_opgelost": {"nl": "opgelost", "en": "solved"},
    "recheck_result_aanwezig": {"nl": "nog aanwezig", "en": "still present"},
    "recheck_result_erger": {"nl": "erger", "en": "worse"},
    # -- terugkoppeling voor bewoners (feedback) ------------------------------------------
    "report_csv_only_feedback": {
        "nl": "Alleen de terugkoppeling (--kind terugkoppeling) kan als CSV; kies voor dit rapport --format pdf.",
        "en": "Only the feedback (--kind terugkoppeling) can be written as CSV; use --format pdf for this report.",
    },
    "cli_feedback_made": {
        "nl": "Terugkoppeling gemaakt: {path} ({pages:page}, {findings:point}, {photos:photo}).",
        "en": "Feedback made: {path} ({pages:page}, {findings:point}, {photos:photo}).",
    },
    "cli_feedback_csv_made": {
        "nl": "Terugkoppeling gemaakt: {path} ({findings:point}).",
        "en": "Feedback made: {path} ({findings:point}).",
    },
    "cli_finding_publishable": {
        "nl": "De opmerking van bevinding {id} mag naar bewoners (terugkoppeling).",
        "en": "The remark of finding {id} may go to residents (feedback).",
    },
    "cli_finding_not_publishable": {
        "nl": "De opmerking van bevinding {id} blijft uit de terugkoppeling.",
        "en": "The remark of finding {id} stays out of the feedback.",
    },
    # -- map view (issue 18, mapview): placing a finding on the map
    "map_bad_position": {
        "nl": "Geen geldige plaats: breedte {lat}, lengte {lon} (beide of geen van beide, in graden WGS84).",
        "en": "Not a valid position: latitude {lat}, longitude {lon} (both or neither, in WGS84 degrees).",
    },
    # -- the map: buurt boundaries, the tile cache, schouw map (mapdata) ------------------
    "field_boundary": {"nl": "buurtgrens", "en": "boundary"},
    "boundary_missing": {"nl": "Bestand {path} bestaat niet.", "en": "File {path} does not exist."},
    "boundary_bad_file": {"nl": "{path} is geen leesbare GeoPackage: {detail}",
                          "en": "{path} is not a readable GeoPackage: {detail}"},
    "boundary_not_geo": {
        "nl": "{path} is geen GeoJSON (FeatureCollection) en geen GeoPackage; lees de CBS wijk- en buurtkaart "
              "in een van die vormen in.",
        "en": "{path} is neither GeoJSON (a FeatureCollection) nor a GeoPackage; import the CBS wijk- en "
              "buurtkaart in one of those formats.",
    },
    "boundary_bad_geometry": {"nl": "{path}: de geometrie van buurt {code} is onleesbaar: {detail}",
                              "en": "{path}: the geometry of buurt {code} cannot be read: {detail}"},
    "boundary_bad_crs": {"nl": "{path}: onbekend coördinatenstelsel {crs}; er is niets veranderd.",
                         "en": "{path}: unknown coordinate reference system {crs}; nothing was changed."},
    "boundary_no_crs": {
        "nl": "{path} noemt geen coördinatenstelsel en de coördinaten ({bounds}) zijn geen WGS84-graden en geen "
              "RD-meters in Nederland; sla het bestand op met een CRS (bijv. EPSG:28992). Er is niets veranderd.",
        "en": "{path} names no coordinate reference system and its coordinates ({bounds}) are neither WGS84 "
              "degrees nor RD metres in the Netherlands; save the file with a CRS (e.g. EPSG:28992). Nothing "
              "was changed.",
    },
    "boundary_not_in_nl": {
        "nl": "{path}: in coördinatenstelsel {crs} liggen de buurten niet in Nederland ({bounds}); klopt het CRS "
              "van het bestand, of zijn x en y verwisseld? Er is niets veranderd.",
        "en": "{path}: in coordinate reference system {crs} the buurten do not lie in the Netherlands ({bounds}); "
              "is the file's CRS right, or are x and y swapped? Nothing was changed.",
    },
    "boundary_no_codes": {
        "nl": "{path} bevat geen buurtcodes (BU_CODE of buurtcode, BU…); is dit de buurtenlaag van de CBS wijk- "
              "en buurtkaart?",
        "en": "{path} holds no buurt codes (BU_CODE or buurtcode, BU…); is this the buurt layer of the CBS "
              "wijk- en buurtkaart?",
    },
    "boundary_no_match": {
        "nl": "Geen buurt van het project staat in {path} (buurtcodes van het project: {codes}); er is niets "
              "veranderd.",
        "en": "None of the project's buurten is in {path} (the project's buurt codes: {codes}); nothing was "
              "changed.",
    },
    "boundary_all_empty": {"nl": "De buurten {codes} staan in {path}, maar zonder geometrie; er is niets veranderd.",
                           "en": "The buurten {codes} are in {path}, but without geometry; nothing was changed."},
    "cli_boundaries_imported": {
        "nl": "Buurtgrenzen uit {path} ({crs}, {in_file} buurten in het bestand): {names} bijgewerkt.",
        "en": "Buurt boundaries from {path} ({crs}, {in_file} buurten in the file): {names} updated.",
    },
    "cli_boundaries_not_found": {"nl": "Niet in het bestand: {names}.", "en": "Not in the file: {names}."},
    "cli_boundaries_without_code": {"nl": "Zonder buurtcode (niet te koppelen): {names}.",
                                    "en": "Without a buurt code (cannot be matched): {names}."},
    "cli_boundaries_repaired": {
        "nl": "Hersteld (de grens sneed zichzelf; opgelost met make_valid, niets van het gebied weggelaten): {codes}.",
        "en": "Repaired (the boundary crossed itself; fixed with make_valid, no part of the area left out): {codes}.",
    },
    "cli_boundaries_empty": {"nl": "Lege geometrie in het bestand (grens niet veranderd): {codes}.",
                             "en": "Empty geometry in the file (boundary left as it was): {codes}."},
    "map_bad_out": {"nl": "Kies een uitvoerbestand dat eindigt op .png of .pdf (niet {path}).",
                    "en": "Choose an output file ending in .png or .pdf (not {path})."},
    "map_bad_width": {"nl": "--width moet tussen 200 en 10000 pixels liggen (niet {width}).",
                      "en": "--width must be between 200 and 10000 pixels (not {width})."},
    "map_empty": {"nl": "Ronde {round} heeft geen kaart: de straten en bevindingen hebben geen coördinaten.",
                  "en": "Round {round} has no map: its streets and findings have no coordinates."},
    "cli_map_written": {
        "nl": "Kaart geschreven naar {path}: {markers:finding} op de kaart, {unlocated} zonder locatie.",
        "en": "Map written to {path}: {markers:finding} on the map, {unlocated} without a location.",
    },
    "tiles_bad_zoom": {"nl": "Ongeldige zoomniveaus '{zoom}': geef bijvoorbeeld 12-16 (0 tot en met {max}).",
                       "en": "Invalid zoom levels '{zoom}': give e.g. 12-16 (0 to {max})."},
    "tiles_nothing_to_cover": {
        "nl": "Buurt {buurt} heeft geen grens en geen straten met ligging; er valt geen kaart voor te downloaden.",
        "en": "Buurt {buurt} has no boundary and no streets with geometry; there is no map to download for it.",
    },
    "tiles_too_many": {"nl": "{n} tegels is te veel voor één keer (hoogstens {max}); kies minder zoomniveaus.",
                       "en": "{n} tiles is too many at once (at most {max}); choose fewer zoom levels."},
    "tiles_estimate": {
        "nl": "{n} tegels voor buurt {buurt} op zoomniveau {zooms}, ongeveer {size}; {cached} al in de cache, "
              "{missing} op te halen van {host}.",
        "en": "{n} tiles for buurt {buurt} at zoom {zooms}, about {size}; {cached} already cached, {missing} to "
              "fetch from {host}.",
    },
    "tiles_confirm": {"nl": "Downloaden? [j/n] ", "en": "Download? [y/n] "},
    "tiles_not_confirmed": {"nl": "Niets gedownload.", "en": "Nothing downloaded."},
    "tiles_need_yes": {"nl": "Bevestig met --yes: er is geen terminal om het te vragen. Er is niets gedownload.",
                       "en": "Confirm with --yes: there is no terminal to ask. Nothing was downloaded."},
    "tiles_done": {
        "nl": "{fetched} tegels opgehaald; de tegelcache {path} heeft nu {total} tegels ({size}).",
        "en": "{fetched} tiles fetched; the tile cache {path} now holds {total} tiles ({size}).",
    },
    "tiles_unavailable": {
        "nl": "Kaart niet beschikbaar: {failed} van {missing} tegels kwamen niet binnen ({reason}); wat wel "
              "binnenkwam is bewaard en een volgende keer wordt alleen de rest opgehaald. De kaart zonder "
              "achtergrond werkt gewoon.",
        "en": "Map not available: {failed} of {missing} tiles did not arrive ({reason}); what did arrive is kept "
              "and a next run fetches only the rest. The map without background works as before.",
    },
    "tiles_cancelled": {"nl": "Download gestopt; {fetched} tegels zijn bewaard.",
                        "en": "Download stopped; {fetched} tiles were kept."},
    "tiles_corrupt": {
        "nl": "Het tegelbestand {path} is beschadigd ({detail}); de kaart werkt zonder achtergrond. Verwijder het "
              "bestand en download de kaart opnieuw.",
        "en": "The tile file {path} is damaged ({detail}); the map works without a background. Delete the file "
              "and download the map again.",
    },
    "tiles_readonly": {
        "nl": "Het tegelbestand {path} kan niet worden geschreven (alleen-lezen schijf of map); de kaart werkt "
              "zonder nieuwe tegels. Kies een beschrijfbare plek voor het project.",
        "en": "The tile file {path} cannot be written (read-only disk or folder); the map works without new "
              "tiles. Put the project somewhere writable.",
    },
    "tiles_bad_url": {"nl": "Ongeldig tegeladres {url}: het moet met http:// of https:// beginnen.",
                      "en": "Invalid tile address {url}: it must start with http:// or https://."},
    "tiles_need_buurt": {"nl": "Geef met --buurt aan voor welke buurt de achtergrondkaart wordt gedownload.",
                         "en": "Say with --buurt for which buurt to download the background map."},
    "map_need_out": {"nl": "Geef met --out het uitvoerbestand (.pdf of .png).",
                     "en": "Give the output file with --out (.pdf or .png)."},
    # -- meting: two kinds of round, schouwpunten, scores (issue #17 point 1) -------------------
    "round_bad_kind": {"nl": "Onbekend soort ronde '{kind}'; kies uit: {allowed}.",
                       "en": "Unknown kind of round '{kind}'; choose from: {allowed}."},
    "sample_too_small": {"nl": "Een meting vraagt minstens 1 schouwpunt (gegeven: {n}).",
                         "en": "A meting needs at least 1 point (given: {n})."},
    "sample_too_large": {
        "nl": "Er kunnen in deze buurt hoogstens {available:schouwpunt} getrokken worden, geen {n}.",
        "en": "At most {available:schouwpunt} can be drawn in this buurt, not {n}."},
    "meting_needs_levels": {
        "nl": "Formulier '{form}' heeft geen aspecten met een niveau (A+ t/m D); een meting "
              "beoordeelt elk aspect op die schaal. Kies een beeldkwaliteitsformulier, bijv. crow-meting.",
        "en": "Form '{form}' has no aspects with a level (A+ to D); a meting judges every aspect on "
              "that scale. Choose a beeldkwaliteit form, e.g. crow-meting."},
    "points_only_meting": {
        "nl": "Ronde '{title}' is een knelpuntenschouw en heeft geen schouwpunten.",
        "en": "Round '{title}' is a knelpuntenschouw and has no schouwpunten."},
    "score_not_meting": {
        "nl": "Ronde '{title}' is een knelpuntenschouw: die telt knelpunten en geeft geen aandeel op norm.",
        "en": "Round '{title}' is a knelpuntenschouw: it counts problems and gives no share at norm."},
    "point_unknown": {"nl": "Geen schouwpunt '{id}' in deze ronde.",
                      "en": "No schouwpunt '{id}' in this round."},
    "point_not_judged": {
        "nl": "Schouwpunt {n} is nog niet af: nog te beoordelen {missing}.",
        "en": "Schouwpunt {n} is not finished: still to judge {missing}."},
    "point_item_not_on_form": {
        "nl": "'{item}' is een waarneming zonder niveau; een meting beoordeelt op een punt alleen aspecten met een niveau.",
        "en": "'{item}' is an observation without a level; a meting judges only aspects with a level at a point."},
    "round_points_open": {
        "nl": "Meting niet gesloten: {count:schouwpunt} nog niet af (eerste: {first}).",
        "en": "Meting not closed: {count:schouwpunt} not finished (first: {first})."},
    "round_closed": {"nl": "Ronde '{title}' is gesloten op {date}.",
                     "en": "Round '{title}' was closed on {date}."},
    "round_kind_knelpunten": {"nl": "knelpuntenschouw", "en": "knelpuntenschouw (problem walk)"},
    "round_kind_meting": {"nl": "meting", "en": "meting (measurement)"},
    "score_too_few": {"nl": "te weinig punten om conclusies te trekken",
                      "en": "too few points to draw conclusions"},
    "score_overall": {"nl": "totaal", "en": "overall"},
    "cli_round_closed": {"nl": "Ronde '{title}' is gesloten.", "en": "Round '{title}' is closed."},
    # meting in the app (issue #17, meting-ui): the new-round dialog's seed field
    "round_bad_seed": {"nl": "Startgetal '{seed}' is geen geheel getal; laat het leeg voor een willekeurig startgetal.",
                       "en": "Seed '{seed}' is not a whole number; leave it empty for a random seed."},
    "cli_point_done": {"nl": "af", "en": "finished"},
    "cli_point_open": {"nl": "{judged} van {required} beoordeeld", "en": "{judged} of {required} judged"},
    "cli_point_bad_judgement": {
        "nl": "'{value}' is geen oordeel; schrijf ELEMENT.ASPECT=NIVEAU, bijv. elementen.onkruid=B.",
        "en": "'{value}' is not a judgement; write ELEMENT.ASPECT=LEVEL, e.g. elementen.onkruid=B."},
    "cli_score_meting": {
        "nl": "Meting '{title}': {done} van {total} schouwpunten af; profiel: {profile}.",
        "en": "Meting '{title}': {done} of {total} points finished; profile: {profile}."},
    "cli_score_share": {"nl": "  {label}: {share} op of boven norm (n = {n}, 95 %-interval {low}–{high})",
                        "en": "  {label}: {share} at or above norm (n = {n}, 95 % interval {low}–{high})"},
    "cli_score_share_none": {"nl": "  {label}: niets beoordeeld", "en": "  {label}: nothing judged"},
    "cli_score_knelpunten": {
        "nl": "Knelpuntenschouw '{title}': {findings:finding}, waarvan {below} onder de norm "
              "(een knelpuntenschouw telt problemen en geeft geen aandeel op norm).",
        "en": "Knelpuntenschouw '{title}': {findings:finding}, {below} of them below norm "
              "(a knelpuntenschouw counts problems and gives no share at norm)."},
    "cli_score_below": {"nl": "{n} onder norm", "en": "{n} below norm"},
    # -- indicators (issue #17) --
    "indicator_no_name": {"nl": "Een indicator heeft een naam nodig.", "en": "An indicator needs a name."},
    "indicator_target_before_baseline": {
        "nl": "Het jaar van de streefwaarde ({target}) ligt vóór het jaar van de nulmeting ({baseline}).",
        "en": "The target year ({target}) is before the baseline year ({baseline})."},
    "indicator_bad_direction": {"nl": "Richting '{value}' bestaat niet; kies up (hoger is beter) of down (lager is beter).",
                                "en": "Direction '{value}' does not exist; choose up (higher is better) or down (lower is better)."},
    "indicator_bad_group": {"nl": "Aspectgroep '{value}' bestaat niet; kies schoon of heel (of niets: totaal).",
                            "en": "Aspect group '{value}' does not exist; choose schoon or heel (or none: overall)."},
    "indicator_bad_year": {"nl": "Jaar {year} is geen geldig jaar.", "en": "{year} is not a valid year."},
    "indicator_unknown_area": {"nl": "Geen wijk of buurt '{area}' in dit project (bekend: {known}).",
                               "en": "No wijk or buurt '{area}' in this project (known: {known})."},
    "indicator_unknown": {"nl": "Geen indicator '{name}' (bekend: {known}).", "en": "No indicator '{name}' (known: {known})."},
    "indicator_ambiguous": {"nl": "Meer dan één indicator heet '{name}'; gebruik het id.",
                            "en": "More than one indicator is called '{name}'; use the id."},
    "indicator_exists": {"nl": "Er is al een indicator '{name}'.", "en": "There already is an indicator '{name}'."},
    "indicator_round_not_meting": {
        "nl": "Ronde '{title}' is een knelpuntenschouw: die geeft geen eerlijk aandeel op norm en voedt geen indicator.",
        "en": "Round '{title}' is a knelpuntenschouw: it gives no honest share at norm and feeds no indicator."},
    "indicator_round_outside_area": {
        "nl": "Ronde '{title}' ligt niet in {area}, het gebied van indicator '{name}'.",
        "en": "Round '{title}' is not in {area}, the area of indicator '{name}'."},
    "indicator_unknown_aspect": {"nl": "Het formulier van ronde '{title}' heeft geen aspect '{aspect}'.",
                                 "en": "The form of round '{title}' has no aspect '{aspect}'."},
    "indicator_round_nothing_judged": {"nl": "In ronde '{title}' is voor deze indicator niets beoordeeld.",
                                       "en": "Nothing was judged for this indicator in round '{title}'."},
    "indicator_value_needs_year": {"nl": "Geef bij --value ook --year: het jaar van de waarde.",
                                   "en": "Give --year with --value: the year of the value."},
    "cli_indicator_deleted": {"nl": "Indicator '{name}' is verwijderd.", "en": "Indicator '{name}' was deleted."},
    "cli_indicator_none": {"nl": "Nog geen indicatoren.", "en": "No indicators yet."},
    "indicator_on_course": {"nl": "op koers", "en": "on course"},
    "indicator_off_course": {"nl": "niet op koers", "en": "not on course"},
    "indicator_not_measured": {"nl": "nog niet gemeten", "en": "not measured yet"},
    "indicator_target_met": {"nl": "streefwaarde gehaald", "en": "target met"},
}

#: Names of the columns two versions of a row can differ in, as the coordinator reads
#: them in the conflict review (app and CLI): ``field_<column>`` in the catalogue.
_FIELD_LABELS: dict[str, tuple[str, str]] = {
    "level": ("niveau", "level"), "not_applicable": ("n.v.t.", "n/a"), "choice": ("oordeel", "judgement"),
    "description": ("omschrijving", "description"), "house_number": ("huisnummer", "house number"),
    "spot": ("plek", "spot"), "priority": ("prioriteit", "priority"), "element": ("onderdeel", "element"),
    "aspect": ("aspect", "aspect"), "street_id": ("straat", "street"), "lat": ("breedtegraad", "latitude"),
    "lon": ("lengtegraad", "longitude"), "observed_at": ("waargenomen", "observed"),
    "time_of_day": ("dagdeel", "time of day"), "deleted_at": ("verwijderd", "deleted"),
    "publishable": ("opmerking mag naar bewoners", "remark may go to residents"),
    "party": ("actiehouder", "responsible party"), "due_date": ("uiterste datum", "due date"),
    "status": ("status", "status"), "status_reason": ("toelichting", "reason"),
    "mor_id": ("meldingsnummer", "report number"), "mor_status": ("status bij de gemeente", "status at the municipality"),
    "mor_status_text": ("bericht van de gemeente", "message from the municipality"), "date": ("datum", "date"),
    "title": ("titel", "title"), "notes": ("notities", "notes"), "name": ("naam", "name"),
    "organisation": ("organisatie", "organisation"), "role": ("rol", "role"), "email": ("e-mail", "e-mail"),
    "phone": ("telefoon", "phone"), "done_at": ("gelopen", "walked"), "woonplaats": ("woonplaats", "town"),
    "area_type": ("gebiedstype", "area type"), "house_numbers": ("huisnummers", "house numbers"),
    "geometry": ("ligging", "geometry"), "code": ("code", "code"), "definition": ("inhoud", "content"),
    "buurt_id": ("buurt", "buurt"), "wijk_id": ("wijk", "wijk"), "round_id": ("ronde", "round"),
    "finding_id": ("bevinding", "finding"), "form_key": ("formulier", "form"),
    "profile_id": ("kwaliteitsprofiel", "quality profile"), "position": ("volgorde", "order"),
    "created_at": ("aangemaakt", "created"), "updated_at": ("gewijzigd", "changed"),
    "updated_by": ("gewijzigd door", "changed by"), "id": ("id", "id"),
}
CATALOGUE.update({f"field_{column}": {"nl": nl, "en": en} for column, (nl, en) in _FIELD_LABELS.items()})
_TABLE_LABELS: dict[str, tuple[str, str]] = {
    "wijken": ("wijk", "wijk"), "buurten": ("buurt", "buurt"), "streets": ("straat", "street"),
    "profiles": ("kwaliteitsprofiel", "quality profile"), "rounds": ("ronde", "round"),
    "participants": ("deelnemer", "participant"), "round_streets": ("straatvoortgang", "street progress"),
    "findings": ("bevinding", "finding"), "actions": ("actiepunt", "action"),
    "action_events": ("actiegeschiedenis", "action history"), "photos": ("foto", "photo"),
}
CATALOGUE.update({f"table_{table}": {"nl": nl, "en": en} for table, (nl, en) in _TABLE_LABELS.items()})
# meting (issue #17): the new table and columns, for the conflict review.
CATALOGUE.update({f"table_{k}": {"nl": nl, "en": en} for k, (nl, en) in {
    "schouwpunten": ("schouwpunt", "schouwpunt")}.items()})
CATALOGUE.update({f"field_{k}": {"nl": nl, "en": en} for k, (nl, en) in {
    "kind": ("soort ronde", "kind of round"), "points_n": ("aantal schouwpunten", "number of points"),
    "seed": ("startgetal trekking", "seed of the draw"), "closed_at": ("gesloten", "closed"),
    "point_id": ("schouwpunt", "point"), "n": ("nummer", "number"),
    "stretch": ("straatdeel", "stretch")}.items()})
# cycles (issue #19): the rules of a Veilige Buurten cycle (traject), schouw/domain/cycles.py.
CATALOGUE.update({
    "cycle_bad_weeks": {"nl": "Een traject duurt minstens één week, niet {weeks}.",
                        "en": "A cycle lasts at least one week, not {weeks}."},
    "cycle_bad_start": {"nl": "Ongeldige startdatum '{start}'; gebruik JJJJ-MM-DD.",
                        "en": "Invalid start date '{start}'; use YYYY-MM-DD."},
    "cycle_open_exists": {"nl": "Buurt {buurt} heeft al een lopend traject ('{title}'); sluit dat eerst af.",
                          "en": "Buurt {buurt} already has an open cycle ('{title}'); close that first."},
    "cycle_not_open": {"nl": "Traject '{title}' is al geëvalueerd; het kan niet nog eens.",
                       "en": "Cycle '{title}' has already been evaluated; it cannot be done again."},
    "cycle_rank_taken": {"nl": "Rang {rank} is al bezet door '{title}'.",
                         "en": "Rank {rank} is already taken by '{title}'."},
    "cycle_bad_rank": {"nl": "Een rang is een geheel getal vanaf 1, niet {rank}.",
                       "en": "A rank is a whole number from 1, not {rank}."},
    "cycle_bad_outcome": {"nl": "Onbekende uitkomst '{outcome}'; kies uit: {allowed}.",
                          "en": "Unknown outcome '{outcome}'; choose from: {allowed}."},
    "cycle_unscored": {"nl": "Prioriteit '{title}' heeft nog geen uitkomst; evalueer alle prioriteiten.",
                       "en": "Priority '{title}' has no outcome yet; evaluate every priority."},
    "cycle_no_priorities": {"nl": "Traject '{title}' heeft geen prioriteiten om te evalueren.",
                            "en": "Cycle '{title}' has no priorities to evaluate."},
    "cycle_unknown": {"nl": "Onbekend traject '{title}'. Bekend: {known}.",
                      "en": "Unknown cycle '{title}'. Known: {known}."},
    "cycle_ambiguous": {"nl": "Meer dan één traject heet '{title}'; gebruik het id.",
                        "en": "More than one cycle is called '{title}'; use its id."},
    "cycle_unknown_priority": {"nl": "Traject '{title}' heeft geen prioriteit '{priority}'. Prioriteiten: {known}.",
                               "en": "Cycle '{title}' has no priority '{priority}'. Priorities: {known}."},
    "cycle_priority_no_title": {"nl": "Geef de prioriteit een titel.", "en": "Give the priority a title."},
    "cycle_priority_no_findings": {"nl": "Vink minstens één bevinding aan, of kies een thema of onderdeel.",
                                   "en": "Tick at least one finding, or choose a theme or item."},
    "cycle_unknown_aspect": {"nl": "Onbekend aspect '{aspect}'; gebruik ELEMENT.ASPECT van het formulier, bijv. {known}.",
                             "en": "Unknown aspect '{aspect}'; use ELEMENT.ASPECT of the form, e.g. {known}."},
    "cycle_finding_other_buurt": {"nl": "Bevinding {id} ligt niet in de buurt van traject '{title}'.",
                                  "en": "Finding {id} is not in the buurt of cycle '{title}'."},
    "cycle_unknown_action": {"nl": "Onbekend actiepunt '{id}' (geef het id van het actiepunt of van zijn bevinding).",
                             "en": "Unknown action '{id}' (give the id of the action or of its finding)."},
    "cli_cycle_none": {"nl": "Geen trajecten.", "en": "No cycles."},
    "mon_bad_year": {"nl": "Jaar {year} kan niet; geef een jaar als 2026.", "en": "Year {year} is not possible; give a year such as 2026."},
    "mon_no_output": {"nl": "Geef met --out (PDF) en/of --xlsx aan waar de monitor heen moet.",
                      "en": "Give --out (PDF) and/or --xlsx for where the monitor goes."},
    "mon_needs_wijk": {"nl": "Een monitor is voor één wijk: geef --wijk NAAM.", "en": "A monitor is for one wijk: give --wijk NAME."},
    "report_needs_round": {"nl": "Geef de ronde (RONDE) voor dit soort rapport.", "en": "Give the round (RONDE) for this kind of report."},
    "cli_monitor_made": {"nl": "Monitor {wijk} {year}: {files} ({buurten} buurten, {lagging} blijven achter).",
                         "en": "Monitor {wijk} {year}: {files} ({buurten} buurten, {lagging} lagging)."},
    "cycle_state_evaluated": {"nl": "geëvalueerd", "en": "evaluated"},
    "cycle_state_week": {"nl": "week {week} van {weeks}", "en": "week {week} of {weeks}"},
    "cycle_state_overdue": {"nl": "evaluatie te laat", "en": "evaluation overdue"},
    "cycle_due_this_week": {"nl": "{n:action} gereed deze week.", "en": "{n:action} due this week."},
    "cycle_late": {"nl": "{n:action} te laat.", "en": "{n:action} late."},
    "cli_cycle_started": {"nl": "Traject '{title}' gestart in {buurt}: {start} t/m {end} ({weeks} weken); overgenomen prioriteiten: {carried}.",
                          "en": "Cycle '{title}' started in {buurt}: {start} to {end} ({weeks} weeks); priorities carried over: {carried}."},
    "cli_cycle_priority_added": {"nl": "Prioriteit {rank}. {title} toegevoegd.", "en": "Priority {rank}. {title} added."},
    "cli_cycle_priority_removed": {"nl": "Prioriteit verwijderd.", "en": "Priority removed."},
    "cli_cycle_linked": {"nl": "Gekoppeld.", "en": "Linked."},
    "cli_cycle_already_linked": {"nl": "Was al gekoppeld; niets gewijzigd.", "en": "Already linked; nothing changed."},
    "cli_cycle_evaluated": {"nl": "Prioriteit {rank}. {title}: {outcome}.", "en": "Priority {rank}. {title}: {outcome}."},
    "cli_cycle_closed": {"nl": "Traject '{title}' afgesloten: {achieved} bereikt, {partly} deels, {not_} niet.",
                         "en": "Cycle '{title}' closed: {achieved} achieved, {partly} partly, {not_} not."},
    "cli_cycle_pdf": {"nl": "Evaluatie geschreven naar {path} ({pages} blz.).",
                      "en": "Evaluation written to {path} ({pages} p.)."},
})


def set_language(lang: str) -> None:
    """Choose the language for messages rendered from now on (``nl`` or ``en``)."""
    global _current
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
    _current = lang


def language() -> str:
    return _current


#: Nouns that are counted in messages: ``{n:round}`` in a template renders as "1 ronde" or
#: "3 rondes" (see :func:`count`), so no message says "1 rondes" or "ronde(s)".
NOUNS: dict[str, dict[str, tuple[str, str]]] = {
    "round": {"nl": ("ronde", "rondes"), "en": ("round", "rounds")},
    "finding": {"nl": ("bevinding", "bevindingen"), "en": ("finding", "findings")},
    "photo": {"nl": ("foto", "foto's"), "en": ("photo", "photos")},
    "street": {"nl": ("straat", "straten"), "en": ("street", "streets")},
    "action": {"nl": ("actiepunt", "actiepunten"), "en": ("action", "actions")},
    "page": {"nl": ("pagina", "pagina's"), "en": ("page", "pages")},
    "conflict": {"nl": ("conflict", "conflicten"), "en": ("conflict", "conflicts")},
    "problem": {"nl": ("probleem", "problemen"), "en": ("problem", "problems")},
    "report": {"nl": ("melding", "meldingen"), "en": ("report", "reports")},
    "status_change": {"nl": ("statuswijziging", "statuswijzigingen"), "en": ("status change", "status changes")},
    "attempt": {"nl": ("poging", "pogingen"), "en": ("attempt", "attempts")},
    "element": {"nl": ("element", "elementen"), "en": ("element", "elements")},
    "aspect": {"nl": ("aspect", "aspecten"), "en": ("aspect", "aspects")},
    "participant": {"nl": ("deelnemer", "deelnemers"), "en": ("participant", "participants")},
    "point": {"nl": ("punt", "punten"), "en": ("point", "points")},
    "schouwpunt": {"nl": ("schouwpunt", "schouwpunten"), "en": ("point", "points")},
}


def count(n: int, noun: str, lang: str | None = None) -> str:
    """``n`` with the noun in its singular or plural form: "1 ronde", "0 rondes"."""
    one, many = NOUNS[noun][lang or _current]
    return f"{n} {one if n == 1 else many}"


class Text:
    """A message used inside another (a hint, a reason), rendered in the same language
    as the message around it, whenever and in whichever language that is shown."""

    def __init__(self, key: str, **params: object) -> None:
        self.key = key
        self.params = params

    def render(self, lang: str | None = None) -> str:
        return render(self.key, lang, **self.params)

    def __str__(self) -> str:
        return self.render()


class _Formatter(string.Formatter):
    """``str.format`` that knows the language: ``{n:photo}`` counts a noun, and a
    :class:`Text` parameter is rendered in the message's language."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def format_field(self, value: object, format_spec: str) -> str:
        if isinstance(value, Text):
            return value.render(self.lang)
        if format_spec in NOUNS and isinstance(value, int):
            return count(value, format_spec, self.lang)
        return super().format_field(value, format_spec)


def render(key: str, lang: str | None = None, **params: object) -> str:
    """The text of message ``key`` in ``lang`` (default: the current language)."""
    texts = CATALOGUE.get(key)
    if texts is None:
        return key + (" " + repr(params) if params else "")
    lang = lang or _current
    template = texts.get(lang) or texts["nl"]
    try:
        return _Formatter(lang).format(template, **params)
    except (KeyError, IndexError, ValueError):
        return template


#: User errors that mean "try again later" rather than "fix what you typed": the command
#: line exits 3 for these (the project is locked by the app; the municipality's server is
#: unreachable or went away mid-way), 2 for every other SchouwError.
RETRY_LATER = frozenset({"project_busy", "publish_unreachable", "publish_lost"})


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

# The walk pack (looproute) and the key-in of paper forms (cli_paper.py, ui/paper_entry.py).
CATALOGUE.update({
    "report_out_missing": {"nl": "Geef met --out aan waar het rapport heen moet (alleen bij --kind looproute mag "
                                 "het weg: dan komt het naast het project).",
                           "en": "Say with --out where the report goes (only --kind looproute may leave it out: "
                                 "then it goes beside the project)."},
    "cli_walk_pack_made": {"nl": "Looproute gemaakt: {path} ({pages} pagina's, {streets} straten, {items} onderdelen)",
                           "en": "Walk pack made: {path} ({pages} pages, {streets} streets, {items} items)"},
    "paper_bad_number": {"nl": "Onbekend nummer {text}: typ straat.onderdeel zoals op het formulier, bijv. 3.12",
                         "en": "Unknown number {text}: type street.item as on the form, e.g. 3.12"},
    "paper_bad_level": {"nl": "Niveau {text} hoort niet bij dit onderdeel (kies uit {levels} of n)",
                        "en": "Level {text} is not on this item (choose from {levels} or n)"},
})
# indicators in export packages (issue #17): table and column names for the conflict review.
CATALOGUE.update({f"table_{k}": {"nl": nl, "en": en} for k, (nl, en) in {
    "indicators": ("indicator", "indicator"), "indicator_values": ("indicatorwaarde", "indicator value")}.items()})
CATALOGUE.update({f"field_{k}": {"nl": nl, "en": en} for k, (nl, en) in {
    "unit": ("eenheid", "unit"), "area_kind": ("soort gebied", "kind of area"), "area_id": ("gebied", "area"),
    "direction": ("richting", "direction"), "baseline_value": ("nulmeting", "baseline"),
    "baseline_year": ("jaar nulmeting", "baseline year"), "baseline_source": ("bron nulmeting", "baseline source"),
    "target_value": ("streefwaarde", "target"), "target_year": ("jaar streefwaarde", "target year"),
    "aspect_group": ("aspectgroep", "aspect group"), "aspect": ("aspect", "aspect"),
    "indicator_id": ("indicator", "indicator"), "year": ("jaar", "year"), "value": ("waarde", "value"),
    "source": ("bron", "source")}.items()
    if f"field_{k}" not in CATALOGUE})

# The overview across rounds and places and its hotspots (issue #19: cli_overview.py, ui/overview*.py).
CATALOGUE.update({
    "overview_bad_date": {"nl": "{option} '{value}' is geen datum; schrijf JJJJ-MM-DD, bijv. 2026-01-31.",
                          "en": "{option} '{value}' is not a date; write YYYY-MM-DD, e.g. 2026-01-31."},
    "overview_from_after_to": {"nl": "De begindatum {start} ligt na de einddatum {end}.",
                               "en": "The start date {start} is after the end date {end}."},
    "overview_unknown_wijk": {"nl": "Geen wijk '{name}' in dit project (bekend: {known}).",
                              "en": "No wijk '{name}' in this project (known: {known})."},
    "overview_unknown_buurt": {"nl": "Geen buurt '{name}' in dit project (bekend: {known}).",
                               "en": "No buurt '{name}' in this project (known: {known})."},
    "overview_title": {"nl": "Overzicht {start} t/m {end} (trend tegen {prev_start} t/m {prev_end})",
                       "en": "Overview {start} to {end} (trend against {prev_start} to {prev_end})"},
    "overview_columns": {"nl": "wijk / buurt|rondes|bevindingen|onder norm|meting (n)|acties open/te laat/klaar"
                               "|herschouw opgelost|trend",
                         "en": "wijk / buurt|rounds|findings|below norm|meting (n)|actions open/overdue/done"
                               "|re-inspection solved|trend"},
    "overview_indicators": {"nl": "Indicatoren:", "en": "Indicators:"},
    "overview_trend_beter": {"nl": "beter", "en": "better"},
    "overview_trend_slechter": {"nl": "slechter", "en": "worse"},
    "overview_trend_gelijk": {"nl": "gelijk", "en": "no clear change"},
    "overview_trend_onbekend": {"nl": "geen vergelijking", "en": "no comparison"},
    "overview_basis_meting": {"nl": "meting", "en": "meting"},
    "overview_basis_knelpunten": {"nl": "onder norm per ronde", "en": "below norm per round"},
    "hotspots_none": {"nl": "Geen plekken waar bevindingen onder de norm terugkomen.",
                      "en": "No places where below-norm findings recur."},
    "hotspots_columns": {"nl": "Plekken waar bevindingen onder de norm terugkomen (binnen 50 m), meest terugkerend eerst:",
                         "en": "Places where below-norm findings recur (within 50 m), most recurring first:"},
    "hotspots_line": {"nl": "{rounds} rondes, {findings} bevindingen, ergste {worst}; {items}",
                      "en": "{rounds} rounds, {findings} findings, worst {worst}; {items}"},
    "hotspots_bad_limit": {"nl": "--limit {value} kan niet: geef een aantal van 1 of meer.",
                           "en": "--limit {value} is not possible: give a number of 1 or more."},
    "hottimes_none": {"nl": "Geen bevindingen met een tijdstip in deze periode.",
                      "en": "No findings with a time of day in this period."},
    "hottimes_title": {"nl": "Wanneer: {n} bevindingen met een tijdstip (aantallen, geen aandelen: een "
                             "knelpuntenschouw is geen steekproef)",
                       "en": "When: {n} findings with a time of day (counts, not shares: a knelpuntenschouw "
                             "is not a sample)"},
    "hottimes_by_part": {"nl": "Per dagdeel:", "en": "Per part of day:"},
    "hottimes_by_weekday": {"nl": "Per weekdag (van de schouw):", "en": "Per weekday (of the schouw):"},
    "hottimes_by_month": {"nl": "Per maand (van de schouw):", "en": "Per month (of the schouw):"},
    "hottimes_months": {"nl": "jan|feb|mrt|apr|mei|jun|jul|aug|sep|okt|nov|dec",
                        "en": "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"},
    "hottimes_weekdays": {"nl": "ma|di|wo|do|vr|za|zo", "en": "Mon|Tue|Wed|Thu|Fri|Sat|Sun"},
})

# The verloop of a series of rounds (issue #17.3: schouw trend, report --kind verloop, the Verloop view).
CATALOGUE.update({
    "verloop_no_series": {
        "nl": "Buurt '{buurt}' heeft nog geen reeks: er zijn geen twee rondes met hetzelfde formulier.",
        "en": "Buurt '{buurt}' has no series yet: there are no two rounds with the same form."},
    "verloop_unknown_form": {
        "nl": "Buurt '{buurt}' heeft geen rondes met formulier '{form}' (wel: {known}).",
        "en": "Buurt '{buurt}' has no rounds with form '{form}' (it has: {known})."},
    "verloop_choose_form": {
        "nl": "Buurt '{buurt}' heeft meer dan één reeks ({known}); kies er een met --form.",
        "en": "Buurt '{buurt}' has more than one series ({known}); choose one with --form."},
    "verloop_too_few": {
        "nl": "Buurt '{buurt}' heeft maar één ronde met formulier '{form}': een verloop vraagt er minstens twee.",
        "en": "Buurt '{buurt}' has only one round with form '{form}': a verloop needs at least two."},
    "verloop_title_none": {
        "nl": "Buurt '{buurt}' heeft geen rondes met '{title}' in de titel.",
        "en": "Buurt '{buurt}' has no rounds with '{title}' in their title."},
    "verloop_title_too_few": {
        "nl": "Buurt '{buurt}' heeft maar één ronde met formulier '{form}' en '{title}' in de titel: "
              "een verloop vraagt er minstens twee.",
        "en": "Buurt '{buurt}' has only one round with form '{form}' and '{title}' in its title: "
              "a verloop needs at least two."},
    "verloop_round_title": {
        "nl": "Ronde '{title}' heeft '{text}' niet in de titel, dus hoort niet bij die reeks.",
        "en": "Round '{title}' does not have '{text}' in its title, so it is not part of that series."},
    "verloop_single_round": {
        "nl": "Ronde '{title}' is de enige ronde met formulier '{form}' in {buurt}: er is nog geen verloop.",
        "en": "Round '{title}' is the only round with form '{form}' in {buurt}: there is no verloop yet."},
    "verloop_better": {"nl": "beter", "en": "better"},
    "verloop_worse": {"nl": "slechter", "en": "worse"},
    "verloop_same": {"nl": "gelijk", "en": "unchanged"},
    "verloop_unknown": {"nl": "niet te vergelijken", "en": "cannot compare"},
    "verloop_not_walked": {"nl": "niet gelopen", "en": "not walked"},
    "verloop_inconclusive": {"nl": "te weinig punten", "en": "too few points"},
    "cli_trend_head": {
        "nl": "Verloop {buurt} — {form} ({kind}), {n:round}; maat: {measure}; profiel: {profile}",
        "en": "Verloop {buurt} — {form} ({kind}), {n:round}; measure: {measure}; profile: {profile}"},
    "cli_trend_summary": {
        "nl": "{better} straten beter, {worse} slechter, {same} gelijk, {unknown} niet te vergelijken.",
        "en": "{better} streets better, {worse} worse, {same} unchanged, {unknown} cannot compare."},
    "verloop_measure_below_norm": {"nl": "bevindingen onder de norm (minder is beter)",
                                   "en": "findings below norm (fewer is better)"},
    "verloop_measure_findings": {"nl": "bevindingen (minder is beter)", "en": "findings (fewer is better)"},
    "verloop_measure_share": {"nl": "aandeel op of boven de norm (hoger is beter)",
                              "en": "share at or above norm (higher is better)"},
    "cli_verloop_made": {"nl": "Verloop gemaakt: {path} ({pages} pagina's, {rounds} rondes, {streets} straten)",
                         "en": "Verloop made: {path} ({pages} pages, {rounds} rounds, {streets} streets)"},
})

# Publishing to the municipality's PostgreSQL/PostGIS (schouw/publish, cli_publish.py, #21).
CATALOGUE.update({
    "publish_photos_twice": {"nl": "Kies één plek voor de foto's: --photos-to MAP of --photos-in-db, niet allebei.",
                             "en": "Choose one place for the photos: --photos-to FOLDER or --photos-in-db, not both."},
    "publish_bad_url": {"nl": "Geen PostgreSQL-adres: {url} (verwacht postgresql://gebruiker@host/database)",
                        "en": "Not a PostgreSQL address: {url} (expected postgresql://user@host/database)"},
    "publish_bad_schema": {"nl": "Ongeldige schemanaam {schema}: alleen kleine letters, cijfers en _",
                           "en": "Invalid schema name {schema}: only lower-case letters, digits and _"},
    "publish_no_driver": {"nl": "Publiceren vraagt het pakket psycopg (pip install 'schouw[publish]').",
                          "en": "Publishing needs the psycopg package (pip install 'schouw[publish]')."},
    "publish_wrong_password": {"nl": "De database {url} weigert de aanmelding: gebruikersnaam of wachtwoord klopt niet.",
                               "en": "The database {url} refuses the login: wrong user name or password."},
    "publish_unreachable": {"nl": "De database {url} is niet bereikbaar; probeer het later opnieuw.",
                            "en": "The database {url} cannot be reached; try again later."},
    "publish_refused": {"nl": "De database {url} weigert de verbinding: {detail}",
                        "en": "The database {url} refuses the connection: {detail}"},
    "publish_no_postgis": {"nl": "De database {url} heeft geen PostGIS; vraag de beheerder om CREATE EXTENSION postgis.",
                           "en": "The database {url} has no PostGIS; ask its administrator for CREATE EXTENSION postgis."},
    "publish_schema_newer": {"nl": "Schema {schema} is gemaakt door een nieuwere schouw (versie {found}, deze kent "
                                   "t/m {known}); werk schouw bij.",
                             "en": "Schema {schema} was made by a newer schouw (version {found}, this one knows up "
                                   "to {known}); update schouw."},
    "publish_lost": {"nl": "De verbinding met {url} viel weg tijdens het publiceren; wat verstuurd is blijft staan, "
                           "publiceer later opnieuw om af te maken.",
                     "en": "The connection to {url} was lost while publishing; what was sent stays, publish again "
                           "later to finish."},
    "publish_photos_dir": {"nl": "Fotomap {path} bestaat niet of is geen map.",
                           "en": "Photo folder {path} does not exist or is not a folder."},
    "publish_done": {"nl": "Gepubliceerd naar {url} schema {schema}: {changed} rijen nieuw of gewijzigd, "
                           "{skipped} ongewijzigd, {photos} foto's weggeschreven.",
                     "en": "Published to {url} schema {schema}: {changed} rows new or changed, {skipped} unchanged, "
                           "{photos} photos written."},
    "publish_round_and_all": {"nl": "Kies --round of --all, niet allebei.",
                              "en": "Choose --round or --all, not both."},
})

# Pulling a buurt back from the central store (schouw/publish/pull.py, #21).
CATALOGUE.update({
    "pull_no_schema": {"nl": "In {url} staat geen schouw-schema {schema}; publiceer eerst.",
                       "en": "{url} holds no schouw schema {schema}; publish first."},
    "pull_unknown_buurt": {"nl": "Buurt {buurt} staat niet in {url} (zoek op naam, buurtcode of id).",
                           "en": "Buurt {buurt} is not in {url} (looked up by name, buurt code or id)."},
    "pull_done": {"nl": "Opgehaald uit {url}: buurt {buurt}, {rounds} rondes; {added} rijen toegevoegd, {updated} "
                        "bijgewerkt, {unchanged} al gelijk, {conflicts} conflicten.",
                  "en": "Pulled from {url}: buurt {buurt}, {rounds} rounds; {added} rows added, {updated} updated, "
                        "{unchanged} already the same, {conflicts} conflicts."},
})
