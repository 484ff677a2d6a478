<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="nl_NL">
<context>
    <name>AboutDialog</name>
    <message>
        <source>Over Schouw</source>
        <translation>About Schouw</translation>
    </message>
    <message>
        <source>Schouw {version}</source>
        <translation>Schouw {version}</translation>
    </message>
    <message>
        <source>Versie</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Wijkschouw en beeldkwaliteit (CROW A+ t/m D), straat voor straat, offline, in één projectbestand.
Vrije software onder de licentie {licence}.</source>
        <translation>Neighbourhood inspections and visual quality (CROW A+ to D), street by street, offline, in one project file.
Free software under the {licence} licence.</translation>
    </message>
    <message>
        <source>Gegevensmap</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <source>Instellingen</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Reservekopieën</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>Logbestanden</source>
        <translation>Log files</translation>
    </message>
    <message>
        <source>Eigen formulieren</source>
        <translation>Own forms</translation>
    </message>
    <message>
        <source>Draagbaar:</source>
        <translation>Portable:</translation>
    </message>
    <message>
        <source>ja (schouw.ini naast het programma)</source>
        <translation>yes (schouw.ini beside the program)</translation>
    </message>
    <message>
        <source>Draagbaar</source>
        <translation>Portable</translation>
    </message>
    <message>
        <source>Software van anderen in Schouw:</source>
        <translation>Third-party software in Schouw:</translation>
    </message>
    <message>
        <source>Software van anderen en hun licenties</source>
        <translation>Third-party software and its licences</translation>
    </message>
    <message>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Licentie</source>
        <translation>Licence</translation>
    </message>
    <message>
        <source>Sluiten</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ActionStatusPanel</name>
    <message>
        <source>Status van het actiepunt</source>
        <translation>Status of the action</translation>
    </message>
    <message>
        <source>Huidige status</source>
        <translation>Current status</translation>
    </message>
    <message>
        <source>Nieuwe status</source>
        <translation>New status</translation>
    </message>
    <message>
        <source>Datum van de wijziging</source>
        <translation>Date of the change</translation>
    </message>
    <message>
        <source>Toelichting bij de status</source>
        <translation>Note on the status</translation>
    </message>
    <message>
        <source>toelichting (verplicht bij afgewezen)</source>
        <translation>note (required when rejecting)</translation>
    </message>
    <message>
        <source>Status zetten</source>
        <translation>Set status</translation>
    </message>
    <message>
        <source>Zet de gekozen status; Ctrl+Z maakt het ongedaan</source>
        <translation>Set the chosen status; Ctrl+Z undoes it</translation>
    </message>
    <message>
        <source>Geschiedenis van het actiepunt</source>
        <translation>History of the action</translation>
    </message>
    <message>
        <source>Status: {status}</source>
        <translation>Status: {status}</translation>
    </message>
    <message>
        <source>(verlopen)</source>
        <translation>(overdue)</translation>
    </message>
    <message>
        <source>status komt van de gemeente</source>
        <translation>status comes from the municipality</translation>
    </message>
    <message>
        <source>Status actiepunt: {status}</source>
        <translation>Action status: {status}</translation>
    </message>
</context>
<context>
    <name>ActionsDialog</name>
    <message>
        <source>Actiepunten</source>
        <translation>Actions</translation>
    </message>
    <message>
        <source>Welke actiepunten</source>
        <translation>Which actions</translation>
    </message>
    <message>
        <source>Deze ronde</source>
        <translation>This round</translation>
    </message>
    <message>
        <source>Hele project</source>
        <translation>Whole project</translation>
    </message>
    <message>
        <source>Actiehouder</source>
        <translation>Responsible party</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Alle statussen</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>Alleen verlopen</source>
        <translation>Overdue only</translation>
    </message>
    <message>
        <source>Alleen verlopen actiepunten</source>
        <translation>Only overdue actions</translation>
    </message>
    <message>
        <source>Lijst van actiepunten</source>
        <translation>List of actions</translation>
    </message>
    <message>
        <source>Aantal actiepunten</source>
        <translation>Number of actions</translation>
    </message>
    <message>
        <source>Alle actiehouders</source>
        <translation>All responsible parties</translation>
    </message>
    <message numerus="yes">
        <source>%n actiepunten</source>
        <translation>
            <numerusform>%n action</numerusform>
            <numerusform>%n actions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>waarvan %n verlopen</source>
        <translation>
            <numerusform>%n of them overdue</numerusform>
            <numerusform>%n of them overdue</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ActionsModel</name>
    <message>
        <source>Straat</source>
        <translation>Street</translation>
    </message>
    <message>
        <source>Onderdeel</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Actiehouder</source>
        <translation>Responsible party</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Uiterlijk</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Melding gemeente</source>
        <translation>Municipality report</translation>
    </message>
    <message>
        <source>verlopen</source>
        <translation>overdue</translation>
    </message>
</context>
<context>
    <name>AreasModel</name>
    <message>
        <source>Wijk / buurt</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>Wijk</source>
        <translation>District</translation>
    </message>
    <message>
        <source>Rondes</source>
        <translation>Rounds</translation>
    </message>
    <message>
        <source>Bevindingen</source>
        <translation>Findings</translation>
    </message>
    <message>
        <source>Onder norm</source>
        <translation>Below norm</translation>
    </message>
    <message>
        <source>Meting</source>
        <translation>Meting</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Te laat</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Opgelost</source>
        <translation>Solved</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>Trend</translation>
    </message>
    <message>
        <source>Bevindingen van knelpuntenschouwen; de oordelen van een meting tellen in haar aandeel</source>
        <translation>Findings of knelpuntenschouwen; the judgements of a meting count in its share</translation>
    </message>
    <message>
        <source>Bevindingen onder hun norm (geteld, geen score)</source>
        <translation>Findings below their norm (counted, not a score)</translation>
    </message>
    <message>
        <source>Aandeel op of boven de norm in de laatste meting, met het aantal oordelen</source>
        <translation>Share at or above the norm in the latest meting, with the number of judgements</translation>
    </message>
    <message>
        <source>Actiepunten die nog open staan</source>
        <translation>Actions still open</translation>
    </message>
    <message>
        <source>Open actiepunten over hun uiterlijke datum</source>
        <translation>Open actions past their due date</translation>
    </message>
    <message>
        <source>Herschouw: aandeel van de gecontroleerde punten dat opgelost is</source>
        <translation>Re-inspection: share of the checked points found solved</translation>
    </message>
    <message>
        <source>Tegen de vorige periode van gelijke lengte</source>
        <translation>Against the previous period of equal length</translation>
    </message>
    <message>
        <source>beter</source>
        <translation>better</translation>
    </message>
    <message>
        <source>slechter</source>
        <translation>worse</translation>
    </message>
    <message>
        <source>gelijk</source>
        <translation>no clear change</translation>
    </message>
    <message>
        <source>geen vergelijking</source>
        <translation>no comparison</translation>
    </message>
    <message>
        <source>(meting)</source>
        <translation>(meting)</translation>
    </message>
    <message>
        <source>(onder norm per ronde)</source>
        <translation>(below norm per round)</translation>
    </message>
    <message>
        <source>{title} ({date}): {share} op of boven de norm, 95 %-interval {low}–{high}</source>
        <translation>{title} ({date}): {share} at or above the norm, 95 % interval {low}–{high}</translation>
    </message>
</context>
<context>
    <name>CameraDialog</name>
    <message>
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <source>Foto maken</source>
        <translation>Take photo</translation>
    </message>
    <message>
        <source>Camerabeeld</source>
        <translation>Camera view</translation>
    </message>
    <message>
        <source>Klaar</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Camera sluiten</source>
        <translation>Close camera</translation>
    </message>
</context>
<context>
    <name>CloseCycleDialog</name>
    <message>
        <source>Traject afsluiten</source>
        <translation>Close the cycle</translation>
    </message>
    <message>
        <source>Na het afsluiten kan de evaluatie niet meer veranderen. Wat niet of deels is bereikt, komt terug in het volgende traject.</source>
        <translation>After closing, the evaluation can no longer change. What was not or only partly achieved comes back in the next cycle.</translation>
    </message>
    <message>
        <source>Evaluatie van het traject</source>
        <translation>Evaluation of the cycle</translation>
    </message>
    <message>
        <source>Evaluatie</source>
        <translation>Evaluation</translation>
    </message>
</context>
<context>
    <name>CloseRoundDialog</name>
    <message>
        <source>Ronde afsluiten</source>
        <translation>Close round</translation>
    </message>
    <message numerus="yes">
        <source>Nog niet gecontroleerd: %n punt(en) van de vorige ronde.</source>
        <translation>
            <numerusform>Not checked yet: %n point of the previous round.</numerusform>
            <numerusform>Not checked yet: %n points of the previous round.</numerusform>
        </translation>
    </message>
    <message>
        <source>Alle punten van de vorige ronde zijn gecontroleerd.</source>
        <translation>All points of the previous round have been checked.</translation>
    </message>
    <message>
        <source>Nog niet gecontroleerde punten</source>
        <translation>Points not checked yet</translation>
    </message>
    <message>
        <source>Straat</source>
        <translation>Street</translation>
    </message>
    <message>
        <source>Onderdeel</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Was</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Verder schouwen</source>
        <translation>Continue inspecting</translation>
    </message>
</context>
<context>
    <name>ConflictModel</name>
    <message>
        <source>Soort</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Wat</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Bewaard uit</source>
        <translation>Kept from</translation>
    </message>
    <message>
        <source>Bewaard (tijd)</source>
        <translation>Kept (time)</translation>
    </message>
    <message>
        <source>Opzij (tijd)</source>
        <translation>Set aside (time)</translation>
    </message>
    <message>
        <source>Omgedraaid</source>
        <translation>Swapped</translation>
    </message>
    <message>
        <source>dit project</source>
        <translation>this project</translation>
    </message>
    <message>
        <source>het pakket</source>
        <translation>the package</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Conflicten</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>Conflicten na samenvoegen</source>
        <translation>Conflicts after merging</translation>
    </message>
    <message>
        <source>Hier zijn beide kanten dezelfde rij gaan wijzigen sinds ze elkaar laatst zagen. De nieuwste versie is bewaard; met ‘Omdraaien’ zet u de andere terug.</source>
        <translation>Here both sides changed the same row since they last met. The newest version was kept; ‘Swap’ restores the other one.</translation>
    </message>
    <message>
        <source>Verschillen</source>
        <translation>Differences</translation>
    </message>
    <message>
        <source>Geen conflicten.</source>
        <translation>No conflicts.</translation>
    </message>
    <message>
        <source>Omdraaien</source>
        <translation>Swap</translation>
    </message>
    <message>
        <source>Andere versie terugzetten</source>
        <translation>Restore the other version</translation>
    </message>
    <message>
        <source>Sluiten</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>dit project</source>
        <translation>this project</translation>
    </message>
    <message>
        <source>het pakket</source>
        <translation>the package</translation>
    </message>
    <message>
        <source>Bewaard: de versie uit {side} ({who}, {when})</source>
        <translation>Kept: the version from {side} ({who}, {when})</translation>
    </message>
    <message>
        <source>Opzij: de versie uit {side} ({who}, {when})</source>
        <translation>Set aside: the version from {side} ({who}, {when})</translation>
    </message>
    <message>
        <source>opzij</source>
        <translation>set aside</translation>
    </message>
</context>
<context>
    <name>CyclesDialog</name>
    <message>
        <source>Trajecten Veilige Buurten</source>
        <translation>Veilige Buurten cycles</translation>
    </message>
    <message>
        <source>Buurt</source>
        <translation>Buurt</translation>
    </message>
    <message>
        <source>Traject</source>
        <translation>Cycle</translation>
    </message>
    <message>
        <source>Nieuw traject…</source>
        <translation>New cycle…</translation>
    </message>
    <message>
        <source>Stand van het traject</source>
        <translation>State of the cycle</translation>
    </message>
    <message>
        <source>Deze week</source>
        <translation>This week</translation>
    </message>
    <message>
        <source>Prioriteiten</source>
        <translation>Priorities</translation>
    </message>
    <message>
        <source>Rang</source>
        <translation>Rank</translation>
    </message>
    <message>
        <source>Prioriteit</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>Over</source>
        <translation>About</translation>
    </message>
    <message>
        <source>Actiepunten</source>
        <translation>Actions</translation>
    </message>
    <message>
        <source>Uitkomst</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Actiepunten van de prioriteit</source>
        <translation>Actions of the priority</translation>
    </message>
    <message>
        <source>Straat</source>
        <translation>Street</translation>
    </message>
    <message>
        <source>Onderdeel</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Actiehouder</source>
        <translation>Party</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Uiterlijk</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Prioriteit toevoegen…</source>
        <translation>Add priority…</translation>
    </message>
    <message>
        <source>Hoger</source>
        <translation>Up</translation>
    </message>
    <message>
        <source>Lager</source>
        <translation>Down</translation>
    </message>
    <message>
        <source>Verwijderen</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Uitkomst…</source>
        <translation>Outcome…</translation>
    </message>
    <message>
        <source>Traject afsluiten…</source>
        <translation>Close the cycle…</translation>
    </message>
    <message>
        <source>Evaluatie als PDF…</source>
        <translation>Evaluation as PDF…</translation>
    </message>
    <message>
        <source>geëvalueerd</source>
        <translation>evaluated</translation>
    </message>
    <message>
        <source>week %1 van %2</source>
        <translation>week %1 of %2</translation>
    </message>
    <message>
        <source>Deze buurt heeft nog geen traject. Begin er een met ‘Nieuw traject…’.</source>
        <translation>This buurt has no cycle yet. Start one with ‘New cycle…’.</translation>
    </message>
    <message>
        <source>de evaluatie is te laat</source>
        <translation>the evaluation is overdue</translation>
    </message>
    <message>
        <source>geëvalueerd op %1</source>
        <translation>evaluated on %1</translation>
    </message>
    <message numerus="yes">
        <source>%n actiepunt(en) gereed deze week</source>
        <translation>
            <numerusform>%n action due this week</numerusform>
            <numerusform>%n actions due this week</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n te laat</source>
        <translation>
            <numerusform>%n late</numerusform>
            <numerusform>%n late</numerusform>
        </translation>
    </message>
    <message>
        <source>uitkomsten: %1 bereikt, %2 deels, %3 niet</source>
        <translation>outcomes: %1 achieved, %2 partly, %3 not</translation>
    </message>
    <message>
        <source>bereikt</source>
        <translation>achieved</translation>
    </message>
    <message>
        <source>deels bereikt</source>
        <translation>partly achieved</translation>
    </message>
    <message>
        <source>niet bereikt</source>
        <translation>not achieved</translation>
    </message>
    <message>
        <source>nog niet beoordeeld</source>
        <translation>not yet evaluated</translation>
    </message>
    <message>
        <source>verlopen</source>
        <translation>overdue</translation>
    </message>
    <message>
        <source>Evaluatie opslaan</source>
        <translation>Save the evaluation</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Exportpakket maken</source>
        <translation>Make export package</translation>
    </message>
    <message>
        <source>Een ZIP met de hele ronde: bevindingen (JSON, CSV voor Excel, GeoJSON voor GIS), actiepunten en foto&apos;s met afgeschermde gezichten en kentekens.</source>
        <translation>A ZIP with the whole round: findings (JSON, CSV for Excel, GeoJSON for GIS), actions and photos with faces and number plates masked.</translation>
    </message>
    <message>
        <source>Ronde</source>
        <translation>Round</translation>
    </message>
    <message>
        <source>Pakketbestand</source>
        <translation>Package file</translation>
    </message>
    <message>
        <source>Bladeren…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Pakketbestand kiezen</source>
        <translation>Choose package file</translation>
    </message>
    <message>
        <source>Opslaan als</source>
        <translation>Save as</translation>
    </message>
    <message>
        <source>Alleen wijzigingen sinds</source>
        <translation>Only changes since</translation>
    </message>
    <message>
        <source>leeg: alles; of een eerder pakket of een datum (JJJJ-MM-DD)</source>
        <translation>empty: everything; or an earlier package or a date (YYYY-MM-DD)</translation>
    </message>
    <message>
        <source>Pakket…</source>
        <translation>Package…</translation>
    </message>
    <message>
        <source>Eerder pakket kiezen</source>
        <translation>Choose earlier package</translation>
    </message>
    <message>
        <source>Zonder persoonsgegevens (geen namen en contactgegevens van deelnemers)</source>
        <translation>Without personal data (no names and contact details of participants)</translation>
    </message>
    <message>
        <source>Zonder persoonsgegevens</source>
        <translation>Without personal data</translation>
    </message>
    <message>
        <source>Ook een Excel-werkmap (.xlsx) met de actielijst</source>
        <translation>Also an Excel workbook (.xlsx) with the action list</translation>
    </message>
    <message>
        <source>Ook een Excel-werkmap</source>
        <translation>Also an Excel workbook</translation>
    </message>
    <message>
        <source>Exporteren</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Pakket opslaan</source>
        <translation>Save package</translation>
    </message>
    <message>
        <source>ZIP-pakket (*.zip)</source>
        <translation>ZIP package (*.zip)</translation>
    </message>
    <message>
        <source>Eerder pakket</source>
        <translation>Earlier package</translation>
    </message>
    <message>
        <source>Kies een ronde en een bestandsnaam.</source>
        <translation>Choose a round and a file name.</translation>
    </message>
    <message>
        <source>Niet geëxporteerd: kies een andere bestandsnaam.</source>
        <translation>Not exported: choose another file name.</translation>
    </message>
    <message>
        <source>Bestand bestaat al</source>
        <translation>File already exists</translation>
    </message>
    <message>
        <source>{name} bestaat al. Wilt u het vervangen door het nieuwe pakket?</source>
        <translation>{name} already exists. Do you want to replace it with the new package?</translation>
    </message>
    <message>
        <source>Pakket gemaakt: {path} ({findings}, {photos}).</source>
        <translation>Package made: {path} ({findings}, {photos}).</translation>
    </message>
    <message numerus="yes">
        <source>%n bevindingen</source>
        <translation>
            <numerusform>%n finding</numerusform>
            <numerusform>%n findings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n foto&apos;s</source>
        <translation>
            <numerusform>%n photo</numerusform>
            <numerusform>%n photos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindingEditor</name>
    <message>
        <source>Bevinding bewerken</source>
        <extracomment>whether typed text is waiting to be saved something to tell the user (text, is_error) a photo import finished (finding id, number of photos added) the user wants this finding deleted something changed in the MOR outbox (queued, taken out, retried)</extracomment>
        <translation>Edit finding</translation>
    </message>
    <message>
        <source>Kies links een bevinding, of druk op Ctrl+N voor een nieuwe.</source>
        <translation>Choose a finding on the left, or press Ctrl+N for a new one.</translation>
    </message>
    <message>
        <source>Bevinding</source>
        <translation>Finding</translation>
    </message>
    <message>
        <source>Verwijderen</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Bevinding verwijderen</source>
        <translation>Delete finding</translation>
    </message>
    <message>
        <source>Bevinding verwijderen (Ctrl+Delete); Ctrl+Z haalt haar terug</source>
        <translation>Delete finding (Ctrl+Delete); Ctrl+Z brings it back</translation>
    </message>
    <message>
        <source>Onderdeel</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Element</source>
        <translation>Element</translation>
    </message>
    <message>
        <source>Aspect</source>
        <translation>Aspect</translation>
    </message>
    <message>
        <source>Niveau</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Alle niveaus beschrijven</source>
        <translation>Describe all levels</translation>
    </message>
    <message>
        <source>Alle niveaus</source>
        <translation>All levels</translation>
    </message>
    <message>
        <source>De CROW-beschrijving van elk niveau tonen of verbergen</source>
        <translation>Show or hide the CROW description of every level</translation>
    </message>
    <message>
        <source>Keuze</source>
        <translation>Choice</translation>
    </message>
    <message>
        <source>Waarneming zonder niveau: beschrijf wat u ziet.</source>
        <translation>Observation without a level: describe what you see.</translation>
    </message>
    <message>
        <source>Huisnummer</source>
        <translation>House number</translation>
    </message>
    <message>
        <source>bijv. 12a</source>
        <translation>e.g. 12a</translation>
    </message>
    <message>
        <source>Plek</source>
        <translation>Spot</translation>
    </message>
    <message>
        <source>bijv. bij de speeltuin</source>
        <translation>e.g. by the playground</translation>
    </message>
    <message>
        <source>Huisnr.</source>
        <translation>House no.</translation>
    </message>
    <message>
        <source>Tijdstip</source>
        <translation>Time of day</translation>
    </message>
    <message>
        <source>Omschrijving</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Wat ziet u, en wat moet er gebeuren?</source>
        <translation>What do you see, and what needs to happen?</translation>
    </message>
    <message>
        <source>Prioriteit</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>Prioriteit {p}</source>
        <translation>Priority {p}</translation>
    </message>
    <message>
        <source>Actiepunt</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Actiehouder</source>
        <translation>Responsible party</translation>
    </message>
    <message>
        <source>wie pakt het op?</source>
        <translation>who takes it on?</translation>
    </message>
    <message>
        <source>Uiterlijk klaar op</source>
        <translation>Due by</translation>
    </message>
    <message>
        <source>geen datum</source>
        <translation>no date</translation>
    </message>
    <message>
        <source>Foto&apos;s</source>
        <translation>Photos</translation>
    </message>
    <message>
        <source>Foto&apos;s van deze bevinding</source>
        <translation>Photos of this finding</translation>
    </message>
    <message>
        <source>Sleep foto&apos;s hierheen, plak ze (Ctrl+Shift+V) of kies een bestand.</source>
        <translation>Drag photos here, paste them (Ctrl+Shift+V) or choose a file.</translation>
    </message>
    <message>
        <source>Foto toevoegen…</source>
        <translation>Add photo…</translation>
    </message>
    <message>
        <source>Foto toevoegen uit bestand</source>
        <translation>Add photo from file</translation>
    </message>
    <message>
        <source>Plakken</source>
        <translation>Paste</translation>
    </message>
    <message>
        <source>Foto plakken van het klembord</source>
        <translation>Paste photo from the clipboard</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <source>Foto maken met de camera</source>
        <translation>Take a photo with the camera</translation>
    </message>
    <message>
        <source>Foto weg</source>
        <translation>Remove photo</translation>
    </message>
    <message>
        <source>Gekozen foto verwijderen</source>
        <translation>Remove the selected photo</translation>
    </message>
    <message>
        <source>Maskeren…</source>
        <translation>Mask…</translation>
    </message>
    <message>
        <source>Gezichten en kentekens op de gekozen foto bedekken</source>
        <translation>Cover faces and number plates on the chosen photo</translation>
    </message>
    <message>
        <source>Voortgang foto-import</source>
        <translation>Photo import progress</translation>
    </message>
    <message>
        <source>Foto %v van %m</source>
        <translation>Photo %v of %m</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Foto-import annuleren</source>
        <translation>Cancel photo import</translation>
    </message>
    <message>
        <source>Opmerking mag naar bewoners</source>
        <translation>Remark may go to residents</translation>
    </message>
    <message>
        <source>De omschrijving komt in de terugkoppeling voor bewoners</source>
        <translation>The description goes into the feedback for residents</translation>
    </message>
    <message>
        <source>uiterlijk</source>
        <translation>due</translation>
    </message>
    <message>
        <source>Melding aan de gemeente</source>
        <translation>Report to the municipality</translation>
    </message>
    <message>
        <source>Naar de gemeente sturen</source>
        <translation>Send to the municipality</translation>
    </message>
    <message>
        <source>Zet deze bevinding in de wachtrij voor het meldsysteem van de gemeente</source>
        <translation>Queue this finding for the municipality&apos;s reporting system</translation>
    </message>
    <message>
        <source>Status bij de gemeente</source>
        <translation>Status at the municipality</translation>
    </message>
    <message>
        <source>Opnieuw proberen</source>
        <translation>Try again</translation>
    </message>
    <message>
        <source>Opnieuw proberen te versturen</source>
        <translation>Try sending again</translation>
    </message>
    <message>
        <source>Zet de mislukte melding terug in de wachtrij</source>
        <translation>Put the failed report back in the queue</translation>
    </message>
    <message>
        <source>Toelichting bij de melding</source>
        <translation>Details of the report</translation>
    </message>
    <message>
        <source>Niveau {level}, {label}</source>
        <translation>Level {level}, {label}</translation>
    </message>
    <message>
        <source>Niet van toepassing</source>
        <translation>Not applicable</translation>
    </message>
    <message>
        <source>{level}: {label} (toets {key})</source>
        <translation>{level}: {label} (key {key})</translation>
    </message>
    <message>
        <source>Niet van toepassing (toets 0)</source>
        <translation>Not applicable (key 0)</translation>
    </message>
    <message>
        <source>Bevinding in {street}</source>
        <translation>Finding in {street}</translation>
    </message>
    <message>
        <source>Keuze {c}</source>
        <translation>Choice {c}</translation>
    </message>
    <message>
        <source>norm {level} ({area})</source>
        <translation>norm {level} ({area})</translation>
    </message>
    <message>
        <source>De norm voor dit aspect in gebiedstype „{area}”: {level} – {label}</source>
        <translation>The norm for this aspect in area type “{area}”: {level} – {label}</translation>
    </message>
    <message>
        <source>Niet bij n.v.t.: er is niets om voorrang te geven of uit te zetten.</source>
        <translation>Not with n/a: there is nothing to prioritise or to act on.</translation>
    </message>
    <message>
        <source>Foto {n}</source>
        <translation>Photo {n}</translation>
    </message>
    <message>
        <source>Foto {n}: {name}</source>
        <translation>Photo {n}: {name}</translation>
    </message>
    <message>
        <source>Foto&apos;s ({n})</source>
        <translation>Photos ({n})</translation>
    </message>
    <message>
        <source>Onderdeel wijzigen</source>
        <translation>Change item</translation>
    </message>
    <message>
        <source>Aspect wijzigen</source>
        <translation>Change aspect</translation>
    </message>
    <message>
        <source>Niveau {level}</source>
        <translation>Level {level}</translation>
    </message>
    <message>
        <source>Prioriteit wijzigen</source>
        <translation>Change priority</translation>
    </message>
    <message>
        <source>Opmerking voor bewoners wijzigen</source>
        <translation>Change remark for residents</translation>
    </message>
    <message>
        <source>Huisnummer wijzigen</source>
        <translation>Change house number</translation>
    </message>
    <message>
        <source>Plek wijzigen</source>
        <translation>Change spot</translation>
    </message>
    <message>
        <source>Omschrijving wijzigen</source>
        <translation>Change description</translation>
    </message>
    <message>
        <source>Tijdstip wijzigen</source>
        <translation>Change time of day</translation>
    </message>
    <message>
        <source>Actiepunt wijzigen</source>
        <translation>Change action</translation>
    </message>
    <message>
        <source>Het profiel „{name}” stuurt deze bevinding naar de gemeente.</source>
        <translation>The profile “{name}” sends this finding to the municipality.</translation>
    </message>
    <message>
        <source>Zet deze bevinding in de wachtrij; ze gaat bij de volgende synchronisatie naar het meldsysteem van de gemeente.</source>
        <translation>Queue this finding; it goes to the municipality&apos;s reporting system with the next synchronisation.</translation>
    </message>
    <message>
        <source>Het synchronisatieprofiel kiest deze bevinding (onder de norm, actie bij de gemeente). Wijzig de actiehouder om dat te veranderen.</source>
        <translation>The sync profile picks this finding (below the norm, action with the municipality). Change the action holder to change that.</translation>
    </message>
    <message>
        <source>Uitvinken haalt de bevinding uit de wachtrij.</source>
        <translation>Unticking takes the finding out of the queue.</translation>
    </message>
    <message>
        <source>Er is al een verzendpoging gedaan; de melding kan niet meer worden teruggehaald.</source>
        <translation>An attempt to send it has been made; the report can no longer be taken back.</translation>
    </message>
    <message>
        <source>In de wachtrij</source>
        <translation>Queued</translation>
    </message>
    <message>
        <source>Gekozen door het profiel „{name}”.</source>
        <translation>Picked by the profile “{name}”.</translation>
    </message>
    <message>
        <source>Met de hand gemarkeerd.</source>
        <translation>Marked by hand.</translation>
    </message>
    <message>
        <source>Vorige poging: {message}</source>
        <translation>Last attempt: {message}</translation>
    </message>
    <message>
        <source>Verzonden als {id}</source>
        <translation>Sent as {id}</translation>
    </message>
    <message>
        <source>Verzonden; wacht op een nummer van de gemeente</source>
        <translation>Sent; waiting for a number from the municipality</translation>
    </message>
    <message>
        <source>Mislukt: {message}</source>
        <translation>Failed: {message}</translation>
    </message>
    <message>
        <source>Onbekend — wordt bij de volgende synchronisatie gecontroleerd</source>
        <translation>Unknown — checked with the next synchronisation</translation>
    </message>
    <message>
        <source>Het synchronisatieprofiel is ongeldig: {problem}</source>
        <translation>The sync profile is invalid: {problem}</translation>
    </message>
    <message>
        <source>Nog geen synchronisatieprofiel gekozen (Bestand › Instellingen).</source>
        <translation>No sync profile chosen yet (File › Settings).</translation>
    </message>
    <message>
        <source>Het gekozen profiel „{name}” verstuurt geen meldingen.</source>
        <translation>The chosen profile “{name}” sends no reports.</translation>
    </message>
    <message>
        <source>Niet naar de gemeente sturen</source>
        <translation>Do not send to the municipality</translation>
    </message>
    <message>
        <source>Weer in de wachtrij; de melding gaat bij de volgende synchronisatie.</source>
        <translation>Queued again; the report goes with the next synchronisation.</translation>
    </message>
    <message>
        <source>Foto&apos;s kiezen</source>
        <translation>Choose photos</translation>
    </message>
    <message>
        <source>Foto&apos;s (*.jpg *.jpeg *.png *.webp *.heic *.heif *.tif *.tiff);;Alle bestanden (*)</source>
        <translation>Photos (*.jpg *.jpeg *.png *.webp *.heic *.heif *.tif *.tiff);;All files (*)</translation>
    </message>
    <message>
        <source>Foto&apos;s toevoegen</source>
        <translation>Add photos</translation>
    </message>
    <message>
        <source>Foto toevoegen</source>
        <translation>Add photo</translation>
    </message>
    <message>
        <source>Al bij deze bevinding: {names}</source>
        <translation>Already with this finding: {names}</translation>
    </message>
    <message numerus="yes">
        <source>Import geannuleerd; %n foto&apos;s bewaard.</source>
        <translation>
            <numerusform>Import cancelled; %n photo kept.</numerusform>
            <numerusform>Import cancelled; %n photos kept.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n foto&apos;s toegevoegd.</source>
        <translation>
            <numerusform>%n photo added.</numerusform>
            <numerusform>%n photos added.</numerusform>
        </translation>
    </message>
    <message>
        <source>Foto&apos;s toevoegen mislukte: {detail}</source>
        <translation>Adding photos failed: {detail}</translation>
    </message>
    <message>
        <source>Het klembord bevat geen foto.</source>
        <translation>The clipboard holds no photo.</translation>
    </message>
    <message>
        <source>Foto verwijderen</source>
        <translation>Remove photo</translation>
    </message>
</context>
<context>
    <name>FindingModel</name>
    <message>
        <source>Niveau</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Bevinding</source>
        <translation>Finding</translation>
    </message>
    <message>
        <source>Prio</source>
        <translation>Prio</translation>
    </message>
    <message>
        <source>Foto&apos;s</source>
        <translation>Photos</translation>
    </message>
    <message>
        <source>Actiehouder</source>
        <translation>Action by</translation>
    </message>
    <message>
        <source>nr. {n}</source>
        <translation>no. {n}</translation>
    </message>
    <message>
        <source>verlopen</source>
        <translation>overdue</translation>
    </message>
    <message>
        <source>geen niveau</source>
        <translation>no level</translation>
    </message>
    <message>
        <source>onder de norm {norm}</source>
        <translation>below norm {norm}</translation>
    </message>
    <message>
        <source>Onder de norm: {level} is lager dan norm {norm}</source>
        <translation>Below the norm: {level} is lower than norm {norm}</translation>
    </message>
    <message>
        <source>Voldoet aan norm {norm}</source>
        <translation>Meets norm {norm}</translation>
    </message>
    <message>
        <source>Actiepunt: {party}, status {status}, uiterlijk {due}</source>
        <translation>Action: {party}, status {status}, due {due}</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <source>Bevindingen in de straat</source>
        <translation>Findings in the street</translation>
    </message>
    <message>
        <source>Kies een straat</source>
        <translation>Choose a street</translation>
    </message>
    <message>
        <source>+ Nieuwe bevinding</source>
        <translation>+ New finding</translation>
    </message>
    <message>
        <source>Nieuwe bevinding</source>
        <translation>New finding</translation>
    </message>
    <message>
        <source>Nieuwe bevinding in deze straat (Ctrl+N)</source>
        <translation>New finding in this street (Ctrl+N)</translation>
    </message>
    <message>
        <source>Straat gelopen</source>
        <translation>Street walked</translation>
    </message>
    <message>
        <source>Markeer deze straat als gelopen (Ctrl+D)</source>
        <translation>Mark this street as walked (Ctrl+D)</translation>
    </message>
    <message>
        <source>Klaar, volgende straat ›</source>
        <translation>Done, next street ›</translation>
    </message>
    <message>
        <source>Straat gelopen, naar de volgende straat</source>
        <translation>Street walked, go to the next street</translation>
    </message>
    <message>
        <source>Markeer als gelopen en ga naar de volgende open straat (Ctrl+Enter)</source>
        <translation>Mark as walked and go to the next open street (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Bevindingen</source>
        <translation>Findings</translation>
    </message>
    <message>
        <source>Nog geen bevindingen in deze straat. Druk op Ctrl+N of ‘+ Nieuwe bevinding’, of markeer de straat als gelopen.</source>
        <translation>No findings in this street yet. Press Ctrl+N or ‘+ New finding’, or mark the street as walked.</translation>
    </message>
    <message>
        <source>nrs. {n}</source>
        <translation>nos. {n}</translation>
    </message>
    <message numerus="yes">
        <source>%n bevindingen</source>
        <translation>
            <numerusform>%n finding</numerusform>
            <numerusform>%n findings</numerusform>
        </translation>
    </message>
    <message>
        <source>{below} van {judged} onder de norm</source>
        <translation>{below} of {judged} below the norm</translation>
    </message>
    <message>
        <source>✓ Gelopen</source>
        <translation>✓ Walked</translation>
    </message>
</context>
<context>
    <name>HotspotsModel</name>
    <message>
        <source>Straat</source>
        <translation>Street</translation>
    </message>
    <message>
        <source>Buurt</source>
        <translation>Neighbourhood</translation>
    </message>
    <message>
        <source>Rondes</source>
        <translation>Rounds</translation>
    </message>
    <message>
        <source>Bevindingen</source>
        <translation>Findings</translation>
    </message>
    <message>
        <source>Ergste niveau</source>
        <translation>Worst level</translation>
    </message>
    <message>
        <source>Onderdelen</source>
        <translation>Items</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Pakket importeren</source>
        <translation>Import package</translation>
    </message>
    <message>
        <source>Voeg het pakket van een team of een eerder exportpakket samen met dit project. Het pakket wordt eerst helemaal gecontroleerd; een pakket dat niet klopt, verandert niets.</source>
        <translation>Merge a team&apos;s package or an earlier export package into this project. The package is checked completely first; a package that is not right changes nothing.</translation>
    </message>
    <message>
        <source>Pakketbestand</source>
        <translation>Package file</translation>
    </message>
    <message>
        <source>Bladeren…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Pakketbestand kiezen</source>
        <translation>Choose package file</translation>
    </message>
    <message>
        <source>Pakket</source>
        <translation>Package</translation>
    </message>
    <message>
        <source>Conflicten bekijken…</source>
        <translation>View conflicts…</translation>
    </message>
    <message>
        <source>Conflicten bekijken</source>
        <translation>View conflicts</translation>
    </message>
    <message>
        <source>Importeren</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Pakket kiezen</source>
        <translation>Choose package</translation>
    </message>
    <message>
        <source>ZIP-pakket (*.zip)</source>
        <translation>ZIP package (*.zip)</translation>
    </message>
    <message>
        <source>Kies een pakketbestand.</source>
        <translation>Choose a package file.</translation>
    </message>
    <message>
        <source>Niet geïmporteerd; er is niets veranderd.</source>
        <translation>Not imported; nothing was changed.</translation>
    </message>
    <message>
        <source>Ronde bestaat al</source>
        <translation>Round already exists</translation>
    </message>
    <message>
        <source>Dit project heeft al een ronde van {buurt} op {date}. Is het pakket dezelfde schouw?</source>
        <translation>This project already has a round of {buurt} on {date}. Is the package the same schouw?</translation>
    </message>
    <message>
        <source>Samenvoegen koppelt bevindingen op dezelfde straat, hetzelfde onderdeel en dezelfde plek aan elkaar; de rest wordt toegevoegd. Een aparte ronde laat beide rondes naast elkaar staan.</source>
        <translation>Merging pairs findings on the same street, item and spot; the rest is added. A separate round keeps both rounds side by side.</translation>
    </message>
    <message numerus="yes">
        <source>Samenvoegen met {title} (%n bevindingen)</source>
        <translation>
            <numerusform>Merge into {title} (%n finding)</numerusform>
            <numerusform>Merge into {title} (%n findings)</numerusform>
        </translation>
    </message>
    <message>
        <source>Als aparte ronde</source>
        <translation>As a separate round</translation>
    </message>
    <message>
        <source>Als aparte ronde importeren</source>
        <translation>Import as a separate round</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Niet importeren</source>
        <translation>Do not import</translation>
    </message>
    <message>
        <source>Dit pakket was al geïmporteerd; er is niets veranderd.</source>
        <translation>This package was imported before; nothing changed.</translation>
    </message>
    <message>
        <source>Geïmporteerd: {added} nieuw, {updated} bijgewerkt, {deleted} verwijderd, {photos}</source>
        <translation>Imported: {added} new, {updated} updated, {deleted} deleted, {photos}</translation>
    </message>
    <message numerus="yes">
        <source>%n foto&apos;s</source>
        <translation>
            <numerusform>%n photo</numerusform>
            <numerusform>%n photos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n conflicten — bekijk ze met ‘Conflicten bekijken’</source>
        <translation>
            <numerusform>; %n conflict — review it with ‘Review conflicts’</numerusform>
            <numerusform>; %n conflicts — review them with ‘Review conflicts’</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IndicatorChart</name>
    <message>
        <source>Grafiek van de indicator</source>
        <extracomment>marker colours: the course and its two ends in the accent colour, measured values in ink</extracomment>
        <translation>Chart of the indicator</translation>
    </message>
    <message>
        <source>Kies een indicator</source>
        <translation>Choose an indicator</translation>
    </message>
    <message>
        <source>Jaar</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Koers (nulmeting → streefwaarde)</source>
        <translation>Course (baseline → target)</translation>
    </message>
    <message>
        <source>Gemeten</source>
        <translation>Measured</translation>
    </message>
    <message>
        <source>Nulmeting ({year})</source>
        <translation>Baseline ({year})</translation>
    </message>
    <message>
        <source>Streefwaarde ({year})</source>
        <translation>Target ({year})</translation>
    </message>
    <message>
        <source>Waarde</source>
        <translation>Value</translation>
    </message>
</context>
<context>
    <name>IndicatorDialog</name>
    <message>
        <source>Indicator bewerken</source>
        <translation>Edit indicator</translation>
    </message>
    <message>
        <source>Nieuwe indicator</source>
        <translation>New indicator</translation>
    </message>
    <message>
        <source>Foutmelding</source>
        <translation>Error message</translation>
    </message>
    <message>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>bijv. % inwoners dat zich onveilig voelt</source>
        <translation>e.g. % of residents who feel unsafe</translation>
    </message>
    <message>
        <source>Eenheid</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>bijv. %</source>
        <translation>e.g. %</translation>
    </message>
    <message>
        <source>Gebied</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>Hele project</source>
        <translation>Whole project</translation>
    </message>
    <message>
        <source>Richting</source>
        <translation>Direction</translation>
    </message>
    <message>
        <source>Hoger is beter</source>
        <translation>Higher is better</translation>
    </message>
    <message>
        <source>Lager is beter</source>
        <translation>Lower is better</translation>
    </message>
    <message>
        <source>Waarde van de nulmeting</source>
        <translation>Baseline value</translation>
    </message>
    <message>
        <source>Jaar van de nulmeting</source>
        <translation>Baseline year</translation>
    </message>
    <message>
        <source>Bron van de nulmeting</source>
        <translation>Source of the baseline</translation>
    </message>
    <message>
        <source>bijv. Veiligheidsmonitor 2022</source>
        <translation>e.g. Veiligheidsmonitor 2022</translation>
    </message>
    <message>
        <source>Streefwaarde</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Jaar van de streefwaarde</source>
        <translation>Target year</translation>
    </message>
    <message>
        <source>Aandeel uit een meting</source>
        <translation>Share from a meting</translation>
    </message>
    <message>
        <source>Totaal (alle aspecten)</source>
        <translation>Overall (all aspects)</translation>
    </message>
    <message>
        <source>Schoon</source>
        <translation>Clean (schoon)</translation>
    </message>
    <message>
        <source>Heel</source>
        <translation>Intact (heel)</translation>
    </message>
    <message>
        <source>Eén aspect (element.aspect)</source>
        <translation>One aspect (element.aspect)</translation>
    </message>
    <message>
        <source>leeg: de hele groep</source>
        <translation>empty: the whole group</translation>
    </message>
    <message>
        <source>Nulmeting</source>
        <translation>Baseline</translation>
    </message>
    <message>
        <source>Jaar nulmeting</source>
        <translation>Baseline year</translation>
    </message>
    <message>
        <source>Bron nulmeting</source>
        <translation>Baseline source</translation>
    </message>
    <message>
        <source>Jaar streefwaarde</source>
        <translation>Target year</translation>
    </message>
    <message>
        <source>Uit een meting</source>
        <translation>From a meting</translation>
    </message>
    <message>
        <source>Aspect</source>
        <translation>Aspect</translation>
    </message>
    <message>
        <source>Opslaan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Indicator opslaan</source>
        <translation>Save indicator</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>IndicatorsDialog</name>
    <message>
        <source>Indicatoren</source>
        <translation>Indicators</translation>
    </message>
    <message>
        <source>Nieuwe indicator…</source>
        <translation>New indicator…</translation>
    </message>
    <message>
        <source>Nieuwe indicator</source>
        <translation>New indicator</translation>
    </message>
    <message>
        <source>Bewerken…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Indicator bewerken</source>
        <translation>Edit indicator</translation>
    </message>
    <message>
        <source>Waarde toevoegen…</source>
        <translation>Add value…</translation>
    </message>
    <message>
        <source>Waarde toevoegen</source>
        <translation>Add value</translation>
    </message>
    <message>
        <source>Verwijderen</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Indicator verwijderen</source>
        <translation>Delete indicator</translation>
    </message>
    <message>
        <source>Lijst van indicatoren</source>
        <translation>List of indicators</translation>
    </message>
    <message>
        <source>Waarden per jaar</source>
        <translation>Values per year</translation>
    </message>
    <message>
        <source>Jaar</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Waarde</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Bron</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Herkomst</source>
        <translation>Origin</translation>
    </message>
    <message>
        <source>Stand van de indicator</source>
        <translation>Standing of the indicator</translation>
    </message>
    <message>
        <source>Aantal indicatoren</source>
        <translation>Number of indicators</translation>
    </message>
    <message numerus="yes">
        <source>%n indicatoren</source>
        <translation>
            <numerusform>%n indicator</numerusform>
            <numerusform>%n indicators</numerusform>
        </translation>
    </message>
    <message>
        <source>Nog geen indicatoren: maak er een met Nieuwe indicator…</source>
        <translation>No indicators yet: make one with New indicator…</translation>
    </message>
    <message>
        <source>Nulmeting {value} in {year}</source>
        <translation>Baseline {value} in {year}</translation>
    </message>
    <message>
        <source>streefwaarde {value} in {year}</source>
        <translation>target {value} in {year}</translation>
    </message>
    <message>
        <source>met de hand</source>
        <translation>by hand</translation>
    </message>
    <message>
        <source>berekend uit meting {round}</source>
        <translation>computed from meting {round}</translation>
    </message>
    <message>
        <source>Indicator verwijderen?</source>
        <translation>Delete indicator?</translation>
    </message>
    <message numerus="yes">
        <source>Indicator &apos;{name}&apos; en zijn %n waarden verwijderen?</source>
        <translation>
            <numerusform>Delete indicator &apos;{name}&apos; and its %n value?</numerusform>
            <numerusform>Delete indicator &apos;{name}&apos; and its %n values?</numerusform>
        </translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>IndicatorsModel</name>
    <message>
        <source>Indicator</source>
        <extracomment>verdict key -&gt; (colour, marker shape): the shape differs too, so colour is never the only sign</extracomment>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>Gebied</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>Eenheid</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Richting</source>
        <translation>Direction</translation>
    </message>
    <message>
        <source>Nulmeting</source>
        <translation>Baseline</translation>
    </message>
    <message>
        <source>Streefwaarde</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Laatste waarde</source>
        <translation>Latest value</translation>
    </message>
    <message>
        <source>Stand</source>
        <translation>Standing</translation>
    </message>
    <message>
        <source>streefwaarde gehaald</source>
        <translation>target met</translation>
    </message>
    <message>
        <source>op koers</source>
        <translation>on course</translation>
    </message>
    <message>
        <source>niet op koers</source>
        <translation>not on course</translation>
    </message>
    <message>
        <source>nog niet gemeten</source>
        <translation>not measured yet</translation>
    </message>
    <message>
        <source>hele project</source>
        <translation>whole project</translation>
    </message>
    <message>
        <source>↑ hoger is beter</source>
        <translation>↑ higher is better</translation>
    </message>
    <message>
        <source>↓ lager is beter</source>
        <translation>↓ lower is better</translation>
    </message>
    <message>
        <source>De koers wijst in {year} naar {value}</source>
        <translation>The course points to {value} in {year}</translation>
    </message>
</context>
<context>
    <name>JudgeGrid</name>
    <message>
        <source>Beoordeling per aspect</source>
        <extracomment>the columns, left to right, and the key that picks each (as on the walk screen) a finger on a tablet needs about 9 mm: 48 logical pixels</extracomment>
        <translation>Judgement per aspect</translation>
    </message>
    <message>
        <source>Toetsen 1 tot 5 kiezen A+ tot D, 0 kiest n.v.t.; Ctrl+Enter rondt het punt af</source>
        <translation>Keys 1 to 5 choose A+ to D, 0 chooses n/a; Ctrl+Enter finishes the point</translation>
    </message>
    <message>
        <source>norm {level}</source>
        <translation>norm {level}</translation>
    </message>
    <message>
        <source>geen norm</source>
        <translation>no norm</translation>
    </message>
    <message>
        <source>norm</source>
        <translation>norm</translation>
    </message>
    <message>
        <source>onder norm</source>
        <translation>below norm</translation>
    </message>
    <message>
        <source>gekozen</source>
        <translation>chosen</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Uitgaande meldingen aan de gemeente</source>
        <extracomment>Keys for the levels, best first; letters work too (A, B, C, D, + for A+, N for n.v.t.). Later features put their items in the output section of the Ronde menu (under &quot;Rapport maken…&quot;) by adding a factory here: ``factory(window) -&gt; QAction``. The window calls them whenever it builds its menus (also after a language switch).</extracomment>
        <translation>Outgoing reports to the municipality</translation>
    </message>
    <message>
        <source>Meldingen aan de gemeente; versturen met Ronde › Synchroniseren…</source>
        <translation>Reports to the municipality; send them with Round › Synchronise…</translation>
    </message>
    <message>
        <source>Verlopen actiepunten</source>
        <translation>Overdue actions</translation>
    </message>
    <message>
        <source>Actiepunten waarvan de uiterste datum voorbij is; zie Ronde › Actiepunten…</source>
        <translation>Actions whose due date has passed; see Round › Actions…</translation>
    </message>
    <message>
        <source>Bevindingen of kaart</source>
        <translation>Findings or map</translation>
    </message>
    <message>
        <source>Bevindingen</source>
        <translation>Findings</translation>
    </message>
    <message>
        <source>Kaart</source>
        <translation>Map</translation>
    </message>
    <message>
        <source>&amp;Nieuw project…</source>
        <translation>&amp;New project…</translation>
    </message>
    <message>
        <source>&amp;Openen…</source>
        <translation>&amp;Open…</translation>
    </message>
    <message>
        <source>&amp;Straten importeren…</source>
        <translation>&amp;Import streets…</translation>
    </message>
    <message>
        <source>&amp;Instellingen…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>&amp;Afsluiten</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Ongedaan maken</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>Opnie&amp;uw</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <source>&amp;Nieuwe bevinding</source>
        <translation>&amp;New finding</translation>
    </message>
    <message>
        <source>Bevinding &amp;verwijderen</source>
        <translation>&amp;Delete finding</translation>
    </message>
    <message>
        <source>&amp;Foto toevoegen…</source>
        <translation>Add &amp;photo…</translation>
    </message>
    <message>
        <source>Foto &amp;plakken</source>
        <translation>Pa&amp;ste photo</translation>
    </message>
    <message>
        <source>&amp;Kaart of lijst</source>
        <translation>&amp;Map or list</translation>
    </message>
    <message>
        <source>Straat &amp;zoeken</source>
        <translation>&amp;Find street</translation>
    </message>
    <message>
        <source>&amp;Volgende straat</source>
        <translation>&amp;Next street</translation>
    </message>
    <message>
        <source>Vo&amp;rige straat</source>
        <translation>&amp;Previous street</translation>
    </message>
    <message>
        <source>Straat &amp;gelopen</source>
        <translation>Street &amp;walked</translation>
    </message>
    <message>
        <source>Gelopen, volgende &amp;open straat</source>
        <translation>Walked, next &amp;open street</translation>
    </message>
    <message>
        <source>Straat &amp;toevoegen…</source>
        <translation>&amp;Add street…</translation>
    </message>
    <message>
        <source>&amp;Nieuwe ronde…</source>
        <translation>&amp;New round…</translation>
    </message>
    <message>
        <source>&amp;Team…</source>
        <translation>&amp;Team…</translation>
    </message>
    <message>
        <source>Ronde &amp;afsluiten…</source>
        <translation>&amp;Close round…</translation>
    </message>
    <message>
        <source>&amp;Kwaliteitsprofiel…</source>
        <translation>&amp;Quality profile…</translation>
    </message>
    <message>
        <source>&amp;Actiepunten…</source>
        <translation>&amp;Actions…</translation>
    </message>
    <message>
        <source>O&amp;verzicht per wijk en buurt…</source>
        <translation>O&amp;verview per district and neighbourhood…</translation>
    </message>
    <message>
        <source>Invoeren van &amp;papier…</source>
        <translation>Key in from &amp;paper…</translation>
    </message>
    <message>
        <source>Tra&amp;jecten Veilige Buurten…</source>
        <translation>Veilige Buurten c&amp;ycles…</translation>
    </message>
    <message>
        <source>In&amp;dicatoren…</source>
        <translation>In&amp;dicators…</translation>
    </message>
    <message>
        <source>&amp;Rapport maken…</source>
        <translation>Make &amp;report…</translation>
    </message>
    <message>
        <source>&amp;Terugkoppeling voor bewoners…</source>
        <translation>&amp;Feedback for residents…</translation>
    </message>
    <message>
        <source>&amp;Sneltoetsen</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <source>&amp;Over Schouw</source>
        <translation>&amp;About Schouw</translation>
    </message>
    <message>
        <source>&amp;Controleren op updates</source>
        <translation>&amp;Check for updates</translation>
    </message>
    <message>
        <source>Niveau {level}</source>
        <translation>Level {level}</translation>
    </message>
    <message>
        <source>Niet van toepassing</source>
        <translation>Not applicable</translation>
    </message>
    <message>
        <source>&amp;Exporteren…</source>
        <translation>&amp;Export…</translation>
    </message>
    <message>
        <source>Pakket &amp;importeren…</source>
        <translation>&amp;Import package…</translation>
    </message>
    <message>
        <source>&amp;Synchroniseren…</source>
        <translation>&amp;Synchronise…</translation>
    </message>
    <message>
        <source>&amp;Publiceren naar gemeente…</source>
        <translation>&amp;Publish to the municipality…</translation>
    </message>
    <message>
        <source>Op&amp;halen van gemeente…</source>
        <translation>Pull from the m&amp;unicipality…</translation>
    </message>
    <message>
        <source>&amp;Bestand</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Recent</source>
        <translation>&amp;Recent</translation>
    </message>
    <message>
        <source>Be&amp;werken</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>Ni&amp;veau</source>
        <translation>&amp;Level</translation>
    </message>
    <message>
        <source>&amp;Straat</source>
        <translation>&amp;Street</translation>
    </message>
    <message>
        <source>&amp;Ronde</source>
        <translation>&amp;Round</translation>
    </message>
    <message>
        <source>Ronde &amp;openen</source>
        <translation>&amp;Open round</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message numerus="yes">
        <source>%n actiepunten verlopen</source>
        <translation>
            <numerusform>%n action overdue</numerusform>
            <numerusform>%n actions overdue</numerusform>
        </translation>
    </message>
    <message>
        <source>{n} in wachtrij</source>
        <translation>{n} queued</translation>
    </message>
    <message>
        <source>{n} mislukt</source>
        <translation>{n} failed</translation>
    </message>
    <message>
        <source>{n} onbekend</source>
        <translation>{n} unknown</translation>
    </message>
    <message>
        <source>{n} verzonden</source>
        <translation>{n} sent</translation>
    </message>
    <message>
        <source>wordt opgeslagen…</source>
        <translation>saving…</translation>
    </message>
    <message>
        <source>opgeslagen</source>
        <translation>saved</translation>
    </message>
    <message>
        <source>Wijziging wordt opgeslagen…</source>
        <translation>Saving change…</translation>
    </message>
    <message>
        <source>Alles opgeslagen</source>
        <translation>All saved</translation>
    </message>
    <message>
        <source>Foto&apos;s</source>
        <translation>Photos</translation>
    </message>
    <message>
        <source>wijkschouw.schouw</source>
        <translation>inspection.schouw</translation>
    </message>
    <message>
        <source>Nieuw project</source>
        <translation>New project</translation>
    </message>
    <message>
        <source>Schouw-project (*.schouw)</source>
        <translation>Schouw project (*.schouw)</translation>
    </message>
    <message>
        <source>Project openen</source>
        <translation>Open project</translation>
    </message>
    <message>
        <source>Schouw-project (*.schouw);;Alle bestanden (*)</source>
        <translation>Schouw project (*.schouw);;All files (*)</translation>
    </message>
    <message>
        <source>(nog geen recente projecten)</source>
        <translation>(no recent projects yet)</translation>
    </message>
    <message>
        <source>Ongedaan maken is niet meer mogelijk: geïmporteerde gegevens hebben deze ronde veranderd.</source>
        <translation>Undo is no longer possible: imported data changed this round.</translation>
    </message>
    <message>
        <source>Rapport</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>Rapporten maken kan in deze versie nog niet.</source>
        <translation>This version cannot make reports yet.</translation>
    </message>
    <message>
        <source>Synchroniseren</source>
        <translation>Synchronise</translation>
    </message>
    <message>
        <source>Synchroniseren met het meldingensysteem</source>
        <translation>Synchronise with the reporting system</translation>
    </message>
    <message>
        <source>Sluiten</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Nieuwe bevinding: kies het aspect (↑ ↓), dan het niveau met 1–5 of A–D.</source>
        <translation>New finding: choose the aspect (↑ ↓), then the level with 1–5 or A–D.</translation>
    </message>
    <message>
        <source>Bevinding verwijderen</source>
        <translation>Delete finding</translation>
    </message>
    <message>
        <source>Bevinding verwijderd. Ctrl+Z haalt haar terug.</source>
        <translation>Finding deleted. Ctrl+Z brings it back.</translation>
    </message>
    <message>
        <source>Kies eerst een bevinding met een niveau.</source>
        <translation>First choose a finding that takes a level.</translation>
    </message>
    <message>
        <source>Straat gelopen</source>
        <translation>Street walked</translation>
    </message>
    <message>
        <source>Straat niet gelopen</source>
        <translation>Street not walked</translation>
    </message>
    <message>
        <source>Alle straten verder in de lijst zijn gelopen.</source>
        <translation>All further streets in the list have been walked.</translation>
    </message>
    <message>
        <source>Er is niets om ongedaan te maken.</source>
        <translation>There is nothing to undo.</translation>
    </message>
    <message>
        <source>Ongedaan gemaakt: {what}</source>
        <translation>Undone: {what}</translation>
    </message>
    <message>
        <source>Er is niets om opnieuw te doen.</source>
        <translation>There is nothing to redo.</translation>
    </message>
    <message>
        <source>Opnieuw gedaan: {what}</source>
        <translation>Redone: {what}</translation>
    </message>
    <message>
        <source>nieuwe bevinding in de gekozen straat</source>
        <translation>new finding in the chosen street</translation>
    </message>
    <message>
        <source>niveau A+ A B C D (Ctrl+1..5 werkt ook tijdens typen)</source>
        <translation>level A+ A B C D (Ctrl+1..5 also works while typing)</translation>
    </message>
    <message>
        <source>niet van toepassing</source>
        <translation>not applicable</translation>
    </message>
    <message>
        <source>straat zoeken; ↓ of Enter gaat naar de lijst</source>
        <translation>find street; ↓ or Enter moves to the list</translation>
    </message>
    <message>
        <source>volgende straat</source>
        <translation>next street</translation>
    </message>
    <message>
        <source>vorige straat</source>
        <translation>previous street</translation>
    </message>
    <message>
        <source>straat gelopen aan/uit</source>
        <translation>street walked on/off</translation>
    </message>
    <message>
        <source>straat gelopen en door naar de volgende open straat</source>
        <translation>street walked, on to the next open street</translation>
    </message>
    <message>
        <source>ongedaan maken / opnieuw</source>
        <translation>undo / redo</translation>
    </message>
    <message>
        <source>bevinding verwijderen</source>
        <translation>delete finding</translation>
    </message>
    <message>
        <source>foto toevoegen / foto plakken</source>
        <translation>add photo / paste photo</translation>
    </message>
    <message>
        <source>te controleren punt: opgelost / nog aanwezig</source>
        <translation>point to re-inspect: solved / still present</translation>
    </message>
    <message>
        <source>te controleren punt: erger (kies het nieuwe niveau)</source>
        <translation>point to re-inspect: worse (choose the new level)</translation>
    </message>
    <message>
        <source>kaart of lijst van bevindingen</source>
        <translation>map or list of findings</translation>
    </message>
    <message>
        <source>op de kaart: zoomen, hele buurt, schuiven</source>
        <translation>on the map: zoom, whole neighbourhood, pan</translation>
    </message>
    <message>
        <source>op de kaart: kruisje; de gekozen bevinding daar plaatsen</source>
        <translation>on the map: crosshair; place the chosen finding there</translation>
    </message>
    <message>
        <source>&amp;Verloop…</source>
        <translation>&amp;Trend (verloop)…</translation>
    </message>
</context>
<context>
    <name>MapDownloadDialog</name>
    <message>
        <source>Kaart downloaden</source>
        <extracomment>tiles were stored (the map reads its background again) the WMTS tile URL template (PDOK&apos;s; a test passes a local server)</extracomment>
        <translation>Download map</translation>
    </message>
    <message>
        <source>Kaart downloaden voor {buurt}</source>
        <translation>Download map for {buurt}</translation>
    </message>
    <message>
        <source>Een achtergrondkaart (BRT-Achtergrondkaart van PDOK/Kadaster) voor buurt {buurt}, om ook zonder internet te gebruiken. Alleen nu wordt er iets opgehaald; tijdens de schouw niet.</source>
        <translation>A background map (BRT-Achtergrondkaart by PDOK/Kadaster) for neighbourhood {buurt}, to use without internet as well. Only now is anything fetched; never during the inspection.</translation>
    </message>
    <message>
        <source>Van zoomniveau</source>
        <translation>From zoom level</translation>
    </message>
    <message>
        <source>Tot en met zoomniveau</source>
        <translation>Up to and including zoom level</translation>
    </message>
    <message>
        <source>t/m</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Zoomniveaus</source>
        <translation>Zoom levels</translation>
    </message>
    <message>
        <source>Schatting</source>
        <translation>Estimate</translation>
    </message>
    <message>
        <source>Voortgang</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>Uitkomst</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Downloaden</source>
        <translation>Download</translation>
    </message>
    <message>
        <source>Stoppen</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Sluiten</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Bezig met downloaden…</source>
        <translation>Downloading…</translation>
    </message>
    <message>
        <source>Stoppen…</source>
        <translation>Stopping…</translation>
    </message>
    <message numerus="yes">
        <source>Gestopt: %n tegel(s) opgehaald en bewaard.</source>
        <translation>
            <numerusform>Stopped: %n tile fetched and kept.</numerusform>
            <numerusform>Stopped: %n tiles fetched and kept.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tegel(s) opgehaald</source>
        <translation>
            <numerusform>%n tile fetched</numerusform>
            <numerusform>%n tiles fetched</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mislukt ({reason}). Nog eens downloaden haalt alleen wat ontbreekt; de kaart werkt ook zonder.</source>
        <translation>
            <numerusform>%n failed ({reason}). Downloading again fetches only what is missing; the map works without it too.</numerusform>
            <numerusform>%n failed ({reason}). Downloading again fetches only what is missing; the map works without it too.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Klaar: %n tegel(s) opgehaald.</source>
        <translation>
            <numerusform>Done: %n tile fetched.</numerusform>
            <numerusform>Done: %n tiles fetched.</numerusform>
        </translation>
    </message>
    <message>
        <source>Kaart niet beschikbaar: {reason}</source>
        <translation>Map not available: {reason}</translation>
    </message>
</context>
<context>
    <name>MapLegend</name>
    <message>
        <source>Legenda van de kaart</source>
        <translation>Map legend</translation>
    </message>
    <message>
        <source>A+</source>
        <translation>A+</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>C</source>
        <translation>C</translation>
    </message>
    <message>
        <source>D</source>
        <translation>D</translation>
    </message>
    <message>
        <source>geen niveau</source>
        <translation>no level</translation>
    </message>
    <message>
        <source>onder de norm</source>
        <translation>below norm</translation>
    </message>
    <message>
        <source>groep</source>
        <translation>group</translation>
    </message>
    <message>
        <source>gelopen</source>
        <translation>walked</translation>
    </message>
    <message>
        <source>nog te doen</source>
        <translation>still to do</translation>
    </message>
    <message>
        <source>buiten de buurt</source>
        <translation>outside the neighbourhood</translation>
    </message>
    <message>
        <source>schouwpunt</source>
        <translation>inspection point</translation>
    </message>
</context>
<context>
    <name>MapPanel</name>
    <message>
        <source>Kaart</source>
        <extracomment>the user chose a finding on the map (street id, finding id)</extracomment>
        <translation>Map</translation>
    </message>
    <message>
        <source>Kaartknoppen</source>
        <extracomment>what the map showed of each finding the walk edited (see _finding_edited)</extracomment>
        <translation>Map buttons</translation>
    </message>
    <message>
        <source>Hele buurt</source>
        <translation>Whole area</translation>
    </message>
    <message>
        <source>Toon de hele buurt (0)</source>
        <translation>Show the whole neighbourhood (0)</translation>
    </message>
    <message>
        <source>Inzoomen (+)</source>
        <translation>Zoom in (+)</translation>
    </message>
    <message>
        <source>Inzoomen</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <source>Uitzoomen (−)</source>
        <translation>Zoom out (−)</translation>
    </message>
    <message>
        <source>Uitzoomen</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <source>Plaatsen</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Kruisje aan/uit (P): pijltjes verplaatsen het, Enter zet de gekozen bevinding daar</source>
        <translation>Crosshair on/off (P): the arrows move it, Enter puts the chosen finding there</translation>
    </message>
    <message>
        <source>Mijn locatie</source>
        <translation>My location</translation>
    </message>
    <message>
        <source>Zoek mijn plaats met de locatiebron van deze computer</source>
        <translation>Find my position with this computer&apos;s location source</translation>
    </message>
    <message>
        <source>Kaart downloaden…</source>
        <translation>Download map…</translation>
    </message>
    <message>
        <source>Kaart downloaden voor deze buurt…: een achtergrondkaart, om zonder internet te gebruiken</source>
        <translation>Download map for this neighbourhood…: a background map, to use without internet</translation>
    </message>
    <message>
        <source>Hotspots</source>
        <translation>Hotspots</translation>
    </message>
    <message>
        <source>Toon de plekken waar bevindingen onder de norm terugkomen (binnen 50 m, de drie jaar tot deze ronde)</source>
        <translation>Show the places where below-norm findings recur (within 50 m, the three years up to this round)</translation>
    </message>
    <message>
        <source>Kaartstatus</source>
        <translation>Map status</translation>
    </message>
    <message>
        <source>Achtergrondkaart</source>
        <translation>Background map</translation>
    </message>
    <message numerus="yes">
        <source>%n hotspot(s) in deze buurt</source>
        <extracomment>where &quot;Kaart downloaden…&quot; fetches tiles (None: PDOK; tests use a local server)</extracomment>
        <translation>
            <numerusform>%n hotspot in this buurt</numerusform>
            <numerusform>%n hotspots in this buurt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bevinding(en) zonder plaats: kies er een en klik op de kaart (of P, pijltjes, Enter).</source>
        <translation>
            <numerusform>%n finding without a position: choose it and click on the map (or P, arrows, Enter).</numerusform>
            <numerusform>%n findings without a position: choose one and click on the map (or P, arrows, Enter).</numerusform>
        </translation>
    </message>
    <message>
        <source>Kies eerst een bevinding; dan zet een klik op de kaart haar daar.</source>
        <translation>Choose a finding first; then a click on the map puts it there.</translation>
    </message>
    <message>
        <source>Plaats op de kaart</source>
        <translation>Place on the map</translation>
    </message>
    <message>
        <source>Bevinding verplaatst</source>
        <translation>Finding moved</translation>
    </message>
    <message>
        <source>Die plaats ligt buiten het kaartgebied.</source>
        <translation>That place lies outside the map&apos;s area.</translation>
    </message>
    <message>
        <source>Plaats opgeslagen. Ctrl+Z maakt het ongedaan.</source>
        <translation>Position saved. Ctrl+Z undoes it.</translation>
    </message>
    <message>
        <source>Deze computer heeft geen locatiebron (GPS); zet bevindingen met een klik of het kruisje.</source>
        <translation>This computer has no location source (GPS); place findings with a click or the crosshair.</translation>
    </message>
    <message>
        <source>Plaats zoeken…</source>
        <translation>Finding position…</translation>
    </message>
    <message>
        <source>Geen plaats gevonden (geen GPS-ontvangst of geen toestemming).</source>
        <translation>No position found (no GPS reception or no permission).</translation>
    </message>
    <message>
        <source>Hier bent u (blauwe stip). Enter zet de gekozen bevinding op het kruisje.</source>
        <translation>You are here (blue dot). Enter puts the chosen finding on the crosshair.</translation>
    </message>
    <message>
        <source>Kaarten downloaden kan in deze versie niet; de kaart werkt zonder achtergrond.</source>
        <translation>This version cannot download maps; the map works without a background.</translation>
    </message>
    <message>
        <source>Geen achtergrondkaart: de kaart toont straten en bevindingen.</source>
        <extracomment>decoded tiles kept in memory (256 × 256 × 4 bytes each: 48 MB at most)</extracomment>
        <translation>No background map: the map shows streets and findings.</translation>
    </message>
    <message>
        <source>Achtergrondkaart niet te lezen ({reason}); de kaart werkt zonder.</source>
        <translation>Background map cannot be read ({reason}); the map works without it.</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <source>Kaart van de ronde</source>
        <extracomment>more markers than this in view: draw clusters instead a cluster cell is at least this many pixels wide cell of the finest cluster band (metres); clusters only show with many markers in view a marker is hit within this many pixels of its centre a press that moves less than this is a click, not a drag numbers beside the markers when no more than this many are in view finest and coarsest resolution a user can zoom to (metres per pixel) the user chose a marker (finding id) the user clicked an empty place or pressed Enter on the crosshair (RD x, y) the user dragged a marker to a new place (finding id, RD x, y)</extracomment>
        <translation>Map of the round</translation>
    </message>
    <message>
        <source>Slepen of pijltjes: schuiven; + en − of wieltje: zoomen; 0: hele buurt; P: kruisje om te plaatsen, Enter zet de gekozen bevinding daar.</source>
        <translation>Drag or arrows: pan; + and − or wheel: zoom; 0: whole neighbourhood; P: crosshair for placing, Enter puts the chosen finding there.</translation>
    </message>
    <message>
        <source>Geen ronde open</source>
        <extracomment>draws a background (tiles) under the vector map: fn(painter, view) -&gt; attribution text hotspots drawn under the markers (schouw.domain.mapscene.SceneHotspot), [] when off</extracomment>
        <translation>No round open</translation>
    </message>
</context>
<context>
    <name>MaskCanvas</name>
    <message>
        <source>Masker verwijderen</source>
        <translation>Delete mask</translation>
    </message>
    <message>
        <source>Masker verplaatsen</source>
        <translation>Move mask</translation>
    </message>
    <message>
        <source>Masker tekenen</source>
        <translation>Draw mask</translation>
    </message>
</context>
<context>
    <name>MaskEditor</name>
    <message>
        <source>Maskeren: {name}</source>
        <translation>Masks: {name}</translation>
    </message>
    <message>
        <source>Maskeren</source>
        <translation>Masks</translation>
    </message>
    <message>
        <source>Foto met maskers</source>
        <translation>Photo with masks</translation>
    </message>
    <message>
        <source>Sleep om een masker te tekenen, sleep een masker om het te verplaatsen, Delete haalt het geselecteerde masker weg, pijltjes schuiven het op.</source>
        <translation>Drag to draw a mask, drag a mask to move it, Delete removes the selected mask, the arrow keys nudge it.</translation>
    </message>
    <message>
        <source>Rechthoek</source>
        <translation>Rectangle</translation>
    </message>
    <message>
        <source>Nieuwe maskers als rechthoek</source>
        <translation>New masks as rectangles</translation>
    </message>
    <message>
        <source>Ellips</source>
        <translation>Ellipse</translation>
    </message>
    <message>
        <source>Nieuwe maskers als ellips</source>
        <translation>New masks as ellipses</translation>
    </message>
    <message>
        <source>Masker weg</source>
        <translation>Remove mask</translation>
    </message>
    <message>
        <source>Geselecteerd masker verwijderen</source>
        <translation>Delete the selected mask</translation>
    </message>
    <message>
        <source>Ongedaan maken</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Laatste wijziging ongedaan maken</source>
        <translation>Undo the last change</translation>
    </message>
    <message>
        <source>Opnieuw</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>Ongedaan gemaakte wijziging opnieuw doen</source>
        <translation>Redo the undone change</translation>
    </message>
    <message>
        <source>Klaar</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Maskeren sluiten</source>
        <translation>Close the mask editor</translation>
    </message>
    <message>
        <source>Sleep over gezichten, kentekens en huisnummers om ze te bedekken. De foto op deze laptop blijft zoals hij is; elke kopie die weggaat (export, rapport, melding) krijgt de maskers ingebrand.</source>
        <translation>Drag over faces, number plates and house numbers to cover them. The photo on this laptop stays as it is; every copy that leaves it (export, report, MOR report) has the masks burnt in.</translation>
    </message>
    <message>
        <source>Maskervorm wijzigen</source>
        <translation>Change mask shape</translation>
    </message>
</context>
<context>
    <name>MetingWalk</name>
    <message>
        <source>Meting lopen</source>
        <translation>Walk a meting</translation>
    </message>
    <message>
        <source>Schouwpunten</source>
        <extracomment>the change hub&apos;s notify (other views: the map, an overview)</extracomment>
        <translation>Points</translation>
    </message>
    <message>
        <source>Nr</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Straat</source>
        <translation>Street</translation>
    </message>
    <message>
        <source>Af</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Beoordeeld</source>
        <translation>Judged</translation>
    </message>
    <message>
        <source>Melding bij het schouwpunt</source>
        <translation>Message about the point</translation>
    </message>
    <message>
        <source>Heropenen</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <source>Schouwpunt heropenen</source>
        <translation>Reopen point</translation>
    </message>
    <message>
        <source>Punt afronden (Ctrl+Enter)</source>
        <translation>Finish point (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Schouwpunt afronden</source>
        <translation>Finish point</translation>
    </message>
    <message>
        <source>{done} van {n} schouwpunten af</source>
        <translation>{done} of {n} points finished</translation>
    </message>
    <message>
        <source>geen coördinaten (straat zonder geometrie)</source>
        <translation>no coordinates (street without geometry)</translation>
    </message>
    <message>
        <source>af</source>
        <translation>finished</translation>
    </message>
    <message>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <source>Schouwpunt {n} · {street} · {where} · {state}</source>
        <translation>Point {n} · {street} · {where} · {state}</translation>
    </message>
    <message>
        <source>Schouwpunt {n} af</source>
        <translation>Point {n} finished</translation>
    </message>
    <message>
        <source>Schouwpunt {n} heropend</source>
        <translation>Point {n} reopened</translation>
    </message>
    <message>
        <source>Alle schouwpunten zijn af; de ronde kan worden afgesloten.</source>
        <translation>All points are finished; the round can be closed.</translation>
    </message>
</context>
<context>
    <name>NewCycleDialog</name>
    <message>
        <source>Nieuw traject</source>
        <translation>New cycle</translation>
    </message>
    <message>
        <source>Startdatum</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>Aantal weken</source>
        <translation>Number of weeks</translation>
    </message>
    <message>
        <source>Titel van het traject</source>
        <translation>Title of the cycle</translation>
    </message>
    <message>
        <source>leeg: Traject {buurt} en de startdatum</source>
        <translation>empty: Traject {buurt} and the start date</translation>
    </message>
    <message>
        <source>Niet bereikte prioriteiten van het vorige traject overnemen</source>
        <translation>Carry over the previous cycle&apos;s unachieved priorities</translation>
    </message>
    <message>
        <source>Prioriteiten overnemen</source>
        <translation>Carry over priorities</translation>
    </message>
    <message>
        <source>Buurt</source>
        <translation>Buurt</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Weken</source>
        <translation>Weeks</translation>
    </message>
    <message>
        <source>Titel</source>
        <translation>Title</translation>
    </message>
</context>
<context>
    <name>OutboxModel</name>
    <message>
        <source>Straat</source>
        <translation>Street</translation>
    </message>
    <message>
        <source>Onderdeel</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Pogingen</source>
        <translation>Attempts</translation>
    </message>
    <message>
        <source>Volgende poging</source>
        <translation>Next attempt</translation>
    </message>
    <message>
        <source>verzonden, wacht op nummer</source>
        <translation>sent, waiting for a number</translation>
    </message>
    <message>
        <source>verzonden: %1</source>
        <translation>sent: %1</translation>
    </message>
    <message>
        <source>mislukt: %1</source>
        <translation>failed: %1</translation>
    </message>
    <message>
        <source>onbekend, wordt nagekeken</source>
        <translation>unknown, being checked</translation>
    </message>
    <message>
        <source>wachtrij (%1)</source>
        <translation>queued (%1)</translation>
    </message>
    <message>
        <source>wachtrij</source>
        <translation>queued</translation>
    </message>
</context>
<context>
    <name>OutcomeDialog</name>
    <message>
        <source>Uitkomst van de prioriteit</source>
        <translation>Outcome of the priority</translation>
    </message>
    <message>
        <source>Uitkomst</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Bereikt</source>
        <translation>Achieved</translation>
    </message>
    <message>
        <source>Deels bereikt</source>
        <translation>Partly achieved</translation>
    </message>
    <message>
        <source>Niet bereikt</source>
        <translation>Not achieved</translation>
    </message>
    <message>
        <source>Toelichting bij de uitkomst</source>
        <translation>Note on the outcome</translation>
    </message>
    <message>
        <source>Prioriteit</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>Toelichting</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>OverviewDialog</name>
    <message>
        <source>Overzicht</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>Overzicht per wijk en buurt</source>
        <translation>Overview per district and neighbourhood</translation>
    </message>
    <message>
        <source>Vanaf datum</source>
        <translation>From date</translation>
    </message>
    <message>
        <source>Tot en met datum</source>
        <translation>Up to and including date</translation>
    </message>
    <message>
        <source>Welke wijk</source>
        <translation>Which district</translation>
    </message>
    <message>
        <source>Alle wijken</source>
        <translation>All districts</translation>
    </message>
    <message>
        <source>Van</source>
        <translation>From</translation>
    </message>
    <message>
        <source>t/m</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Bron van het overzicht</source>
        <translation>Source of the overview</translation>
    </message>
    <message>
        <source>Dit project</source>
        <translation>This project</translation>
    </message>
    <message>
        <source>Centrale database (alle teams)</source>
        <translation>Central database (all teams)</translation>
    </message>
    <message>
        <source>Samenvatting van het overzicht</source>
        <translation>Summary of the overview</translation>
    </message>
    <message>
        <source>Hotspots</source>
        <translation>Hotspots</translation>
    </message>
    <message>
        <source>Plekken waar bevindingen onder de norm terugkomen</source>
        <translation>Places where below-norm findings recur</translation>
    </message>
    <message>
        <source>Wanneer</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Bevindingen per dagdeel</source>
        <translation>Findings per part of day</translation>
    </message>
    <message>
        <source>Bevindingen per weekdag</source>
        <translation>Findings per weekday</translation>
    </message>
    <message>
        <source>Het overzicht wordt berekend…</source>
        <translation>Working out the overview…</translation>
    </message>
    <message numerus="yes">
        <source>Hotspots: %n plekken waar bevindingen onder de norm terugkomen (binnen 50 m, over rondes)</source>
        <translation>
            <numerusform>Hotspots: %n place where below-norm findings recur (within 50 m, over rounds)</numerusform>
            <numerusform>Hotspots: %n places where below-norm findings recur (within 50 m, over rounds)</numerusform>
        </translation>
    </message>
    <message>
        <source>{start} t/m {end}: {rounds} rondes, {below} bevindingen onder de norm, {overdue} acties te laat. Trend tegen {prev_start} t/m {prev_end}.</source>
        <translation>{start} to {end}: {rounds} rounds, {below} findings below the norm, {overdue} actions overdue. Trend against {prev_start} to {prev_end}.</translation>
    </message>
    <message>
        <source>Indicatoren: {on} van {all} op koers.</source>
        <translation>Indicators: {on} of {all} on course.</translation>
    </message>
    <message numerus="yes">
        <source>Wanneer: %n bevindingen met een tijdstip (aantallen, geen aandelen)</source>
        <translation>
            <numerusform>When: %n finding with a time of day (counts, not shares)</numerusform>
            <numerusform>When: %n findings with a time of day (counts, not shares)</numerusform>
        </translation>
    </message>
    <message>
        <source>Geen bevindingen met een tijdstip</source>
        <translation>No findings with a time of day</translation>
    </message>
    <message>
        <source>ma</source>
        <translation>Mon</translation>
    </message>
    <message>
        <source>di</source>
        <translation>Tue</translation>
    </message>
    <message>
        <source>wo</source>
        <translation>Wed</translation>
    </message>
    <message>
        <source>do</source>
        <translation>Thu</translation>
    </message>
    <message>
        <source>vr</source>
        <translation>Fri</translation>
    </message>
    <message>
        <source>za</source>
        <translation>Sat</translation>
    </message>
    <message>
        <source>zo</source>
        <translation>Sun</translation>
    </message>
    <message>
        <source>Dit is de centrale database: open de ronde in het project van het team dat hem liep, of haal de buurt op.</source>
        <translation>This is the central database: open the round in the project of the team that walked it, or pull the buurt.</translation>
    </message>
</context>
<context>
    <name>PaperEntryDialog</name>
    <message>
        <source>Invoeren van papier</source>
        <translation>Key in from paper</translation>
    </message>
    <message>
        <source>Typ het nummer van het formulier, het niveau (n = n.v.t.), eventueel huisnummer en opmerking, en Enter. Bijvoorbeeld: 3.12 b 14 kapotte tegel</source>
        <translation>Type the number on the form, the level (n = n/a), optionally house number and remark, and Enter. For example: 3.12 b 14 broken tile</translation>
    </message>
    <message>
        <source>Regel van het papieren formulier</source>
        <translation>Line of the paper form</translation>
    </message>
    <message>
        <source>Melding</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Ingevoerde regels</source>
        <translation>Lines keyed in</translation>
    </message>
    <message>
        <source>Van papier: %1</source>
        <translation>From paper: %1</translation>
    </message>
    <message>
        <source>Van papier</source>
        <translation>From paper</translation>
    </message>
    <message>
        <source>n.v.t.</source>
        <translation>n/a</translation>
    </message>
    <message>
        <source>Opgeslagen: %1</source>
        <translation>Saved: %1</translation>
    </message>
</context>
<context>
    <name>PhotoViewer</name>
    <message>
        <source>Sluiten</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>PriorityDialog</name>
    <message>
        <source>Prioriteit toevoegen</source>
        <translation>Add priority</translation>
    </message>
    <message>
        <source>Titel van de prioriteit</source>
        <translation>Title of the priority</translation>
    </message>
    <message>
        <source>Waar gaat de prioriteit over</source>
        <translation>What the priority is about</translation>
    </message>
    <message>
        <source>Een thema</source>
        <translation>A theme</translation>
    </message>
    <message>
        <source>Een onderdeel van het formulier</source>
        <translation>An item of the form</translation>
    </message>
    <message>
        <source>Bevindingen in de buurt</source>
        <translation>Findings in the buurt</translation>
    </message>
    <message>
        <source>Thema</source>
        <translation>Theme</translation>
    </message>
    <message>
        <source>Onderdeel van het formulier</source>
        <translation>Item of the form</translation>
    </message>
    <message>
        <source>Bevindingen om te koppelen</source>
        <translation>Findings to link</translation>
    </message>
    <message>
        <source>Titel</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Over</source>
        <translation>About</translation>
    </message>
    <message>
        <source>Onderdeel</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Bevindingen</source>
        <translation>Findings</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <source>Norm</source>
        <extracomment>Item data: (scope, name) of the norm a row sets. Text for &quot;no norm of its own here: the more general one applies&quot;.</extracomment>
        <translation>Norm</translation>
    </message>
    <message>
        <source>(overnemen)</source>
        <translation>(inherit)</translation>
    </message>
    <message>
        <source>Kwaliteitsprofiel</source>
        <extracomment>The profile changed (the walk must re-read its norms).</extracomment>
        <translation>Quality profile</translation>
    </message>
    <message>
        <source>Onderdelen van het profiel</source>
        <translation>Parts of the profile</translation>
    </message>
    <message>
        <source>Normen per aspect en gebiedstype</source>
        <translation>Norms per aspect and area type</translation>
    </message>
    <message>
        <source>Kies een cel en druk op F2 om de norm te wijzigen</source>
        <translation>Choose a cell and press F2 to change the norm</translation>
    </message>
    <message>
        <source>Onderdeel</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Vet: een eigen norm. Cursief: overgenomen van het element of de basisnorm. Dubbelklik of F2 om te wijzigen; D is nooit een norm.</source>
        <translation>Bold: a norm of its own. Italic: inherited from the element or the base norm. Double-click or F2 to change; D is never a norm.</translation>
    </message>
    <message>
        <source>Normen</source>
        <translation>Norms</translation>
    </message>
    <message>
        <source>Streefwaarde (algemeen)</source>
        <translation>Target (overall)</translation>
    </message>
    <message>
        <source>Streefwaarde totaal</source>
        <translation>Target total</translation>
    </message>
    <message>
        <source>Streefwaarde schoon</source>
        <translation>Target clean</translation>
    </message>
    <message>
        <source>Streefwaarde heel</source>
        <translation>Target intact</translation>
    </message>
    <message>
        <source>Streefwaarden</source>
        <translation>Targets</translation>
    </message>
    <message>
        <source>Wijzigingen van het profiel</source>
        <translation>Changes of the profile</translation>
    </message>
    <message>
        <source>Wanneer</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Wie</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>Wat</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Gebiedstype</source>
        <translation>Area type</translation>
    </message>
    <message>
        <source>Oud</source>
        <translation>Old</translation>
    </message>
    <message>
        <source>Nieuw</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Wijzigingen</source>
        <translation>Changes</translation>
    </message>
    <message>
        <source>&amp;Importeren…</source>
        <translation>&amp;Import…</translation>
    </message>
    <message>
        <source>Profielbestand importeren</source>
        <translation>Import profile file</translation>
    </message>
    <message>
        <source>&amp;Ongedaan maken</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>Laatste wijziging ongedaan maken</source>
        <translation>Undo the last change</translation>
    </message>
    <message>
        <source>Knoppen</source>
        <translation>Buttons</translation>
    </message>
    <message>
        <source>Sluiten</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>{name} — normen voor {form}</source>
        <translation>{name} — norms for {form}</translation>
    </message>
    <message>
        <source>Eigen norm</source>
        <translation>Own norm</translation>
    </message>
    <message>
        <source>Overgenomen van element of basisnorm</source>
        <translation>Inherited from the element or the base norm</translation>
    </message>
    <message>
        <source>Basisnorm (alle aspecten)</source>
        <translation>Base norm (all aspects)</translation>
    </message>
    <message>
        <source>Gewijzigd buiten dit logboek (oudere versie of pakket)</source>
        <translation>Changed outside this log (older version or package)</translation>
    </message>
    <message>
        <source>Basisnorm</source>
        <translation>Base norm</translation>
    </message>
    <message>
        <source>Streefwaarde {category}</source>
        <translation>Target {category}</translation>
    </message>
    <message>
        <source>{element} (element)</source>
        <translation>{element} (element)</translation>
    </message>
    <message>
        <source>Kwaliteitsprofiel (*.toml)</source>
        <translation>Quality profile (*.toml)</translation>
    </message>
</context>
<context>
    <name>PublishDialog</name>
    <message>
        <source>Publiceren naar gemeente</source>
        <translation>Publish to the municipality</translation>
    </message>
    <message>
        <source>Zet de rondes, bevindingen, actiepunten en herschouwingen van dit project in de PostgreSQL/PostGIS-database van de gemeente. Twee keer publiceren verstuurt niets dubbel; een onderbroken publicatie gaat de volgende keer verder.</source>
        <translation>Puts this project&apos;s rounds, findings, actions and re-inspections into the municipality&apos;s PostgreSQL/PostGIS database. Publishing twice sends nothing twice; an interrupted publish carries on the next time.</translation>
    </message>
    <message>
        <source>Adres van de database</source>
        <translation>Address of the database</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>Schema in de database</source>
        <translation>Schema in the database</translation>
    </message>
    <message>
        <source>Schema</source>
        <translation>Schema</translation>
    </message>
    <message>
        <source>Ook deelnemers (namen en contactgegevens) publiceren</source>
        <translation>Also publish participants (names and contact details)</translation>
    </message>
    <message>
        <source>Ook deelnemers publiceren</source>
        <translation>Also publish participants</translation>
    </message>
    <message>
        <source>Map voor foto&apos;s</source>
        <translation>Folder for photos</translation>
    </message>
    <message>
        <source>leeg: geen foto&apos;s; anders alleen de gemaskeerde kopieën</source>
        <translation>empty: no photos; otherwise only the masked copies</translation>
    </message>
    <message>
        <source>Bladeren…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Map kiezen</source>
        <translation>Choose folder</translation>
    </message>
    <message>
        <source>Foto&apos;s naar</source>
        <translation>Photos to</translation>
    </message>
    <message>
        <source>Of: de gemaskeerde foto&apos;s in de database zelf</source>
        <translation>Or: the masked photos in the database itself</translation>
    </message>
    <message>
        <source>Foto&apos;s in de database</source>
        <translation>Photos in the database</translation>
    </message>
    <message>
        <source>Een wachtwoord in het adres gaat naar de sleutelbos van de computer en wordt nergens anders bewaard.</source>
        <translation>A password in the address goes to the computer&apos;s keyring and is kept nowhere else.</translation>
    </message>
    <message>
        <source>Publiceren</source>
        <translation>Publish</translation>
    </message>
    <message>
        <source>Map voor de gemaskeerde foto&apos;s</source>
        <translation>Folder for the masked photos</translation>
    </message>
    <message>
        <source>Verbinden…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <source>Gepubliceerd naar %1 (schema %2): %3 rijen nieuw of gewijzigd, %4 al gelijk.</source>
        <translation>Published to %1 (schema %2): %3 rows new or changed, %4 already the same.</translation>
    </message>
</context>
<context>
    <name>PullDialog</name>
    <message>
        <source>Ophalen van gemeente</source>
        <translation>Pull from the municipality</translation>
    </message>
    <message>
        <source>Haal de rondes, open actiepunten en herschouwpunten van een buurt uit de centrale database, samengevoegd zoals een pakket: nieuwste wint, conflicten blijven te zien. Foto&apos;s blijven centraal.</source>
        <translation>Brings a buurt&apos;s rounds, open actions and re-inspection points from the central database, merged like a package: newest wins, conflicts stay visible. Photos stay central.</translation>
    </message>
    <message>
        <source>Adres van de database</source>
        <translation>Address of the database</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>Schema in de database</source>
        <translation>Schema in the database</translation>
    </message>
    <message>
        <source>Schema</source>
        <translation>Schema</translation>
    </message>
    <message>
        <source>Buurt: naam, buurtcode of id</source>
        <translation>Buurt: name, buurt code or id</translation>
    </message>
    <message>
        <source>Buurt</source>
        <translation>Buurt</translation>
    </message>
    <message>
        <source>Ophalen</source>
        <translation>Pull</translation>
    </message>
    <message>
        <source>Vul het adres van de database en de buurt in.</source>
        <translation>Fill in the address of the database and the buurt.</translation>
    </message>
    <message>
        <source>Verbinden…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <source>Opgehaald: buurt %1, %2 rondes; %3 rijen nieuw, %4 bijgewerkt, %5 conflicten.</source>
        <translation>Pulled: buurt %1, %2 rounds; %3 rows new, %4 updated, %5 conflicts.</translation>
    </message>
</context>
<context>
    <name>RecheckPanel</name>
    <message>
        <source>Te controleren punten van de vorige ronde</source>
        <translation>Points of the previous round to re-inspect</translation>
    </message>
    <message>
        <source>Te controleren punten</source>
        <translation>Points to re-inspect</translation>
    </message>
    <message>
        <source>Onderdeel</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Plek</source>
        <translation>Spot</translation>
    </message>
    <message>
        <source>Was</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Uitkomst</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Opgelost</source>
        <translation>Solved</translation>
    </message>
    <message>
        <source>Nog aanwezig</source>
        <translation>Still present</translation>
    </message>
    <message>
        <source>Erger…</source>
        <translation>Worse…</translation>
    </message>
    <message>
        <source>{what} ({keys})</source>
        <translation>{what} ({keys})</translation>
    </message>
    <message>
        <source>Het nieuwe niveau</source>
        <translation>The new level</translation>
    </message>
    <message>
        <source>Te controleren van de vorige ronde: {checked} van {total} bekeken, {solved} opgelost</source>
        <extracomment>The share of the findings pane the points may take; past it their table scrolls. Without a limit a street with many points squeezes its findings to one row on a laptop at 125 % (1093×614 logical).</extracomment>
        <translation>To re-inspect from the previous round: {checked} of {total} checked, {solved} solved</translation>
    </message>
    <message>
        <source>Herschouw: {item} {result}</source>
        <translation>Re-inspection: {item} {result}</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Rapport maken</source>
        <translation>Make report</translation>
    </message>
    <message>
        <source>Soort rapport</source>
        <translation>Kind of report</translation>
    </message>
    <message>
        <source>Volledig rapport van de ronde</source>
        <translation>Full report of the round</translation>
    </message>
    <message>
        <source>Actielijst</source>
        <translation>Action list</translation>
    </message>
    <message>
        <source>Terugkoppeling voor bewoners</source>
        <translation>Feedback for residents</translation>
    </message>
    <message>
        <source>Bestandsformaat</source>
        <translation>File format</translation>
    </message>
    <message>
        <source>CSV: voor een nieuwsbrief of website (alleen de terugkoppeling)</source>
        <translation>CSV: for a newsletter or website (feedback only)</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>CSV (puntkomma&apos;s, voor nieuwsbrief of website)</source>
        <translation>CSV (semicolons, for a newsletter or website)</translation>
    </message>
    <message>
        <source>Met foto&apos;s (met privacymaskers)</source>
        <translation>With photos (privacy masks applied)</translation>
    </message>
    <message>
        <source>Foto&apos;s in de terugkoppeling</source>
        <translation>Photos in the feedback</translation>
    </message>
    <message>
        <source>Actiehouder</source>
        <translation>Responsible party</translation>
    </message>
    <message>
        <source>Alle actiehouders</source>
        <translation>All responsible parties</translation>
    </message>
    <message>
        <source>Kwaliteitsprofiel voor de scores</source>
        <translation>Quality profile for the scores</translation>
    </message>
    <message>
        <source>De ronde en alle rondes in de trend worden met hetzelfde profiel berekend</source>
        <translation>The round and every round in the trend are scored under the same profile</translation>
    </message>
    <message>
        <source>Zoals het gold bij de ronde</source>
        <translation>As in force at the round</translation>
    </message>
    <message>
        <source>Zoals het nu is</source>
        <translation>As it is now</translation>
    </message>
    <message>
        <source>Taal van het rapport</source>
        <translation>Language of the report</translation>
    </message>
    <message>
        <source>Opslaan als</source>
        <translation>Save as</translation>
    </message>
    <message>
        <source>Bladeren…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Kies waar het rapport komt</source>
        <translation>Choose where the report goes</translation>
    </message>
    <message>
        <source>Formaat</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Normen</source>
        <translation>Norms</translation>
    </message>
    <message>
        <source>Taal</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Voortgang</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Openen in PDF-viewer</source>
        <translation>Open in PDF viewer</translation>
    </message>
    <message>
        <source>Sluiten</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Annuleren of sluiten</source>
        <translation>Cancel or close</translation>
    </message>
    <message>
        <source>Openen</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>CSV-bestanden (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Rapport opslaan als</source>
        <translation>Save report as</translation>
    </message>
    <message>
        <source>PDF-bestanden (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Ronde: {title} ({kind}) — {buurt}, {date}</source>
        <translation>Round: {title} ({kind}) — {buurt}, {date}</translation>
    </message>
    <message>
        <source>Kies eerst waar het rapport moet komen.</source>
        <translation>First choose where the report should go.</translation>
    </message>
    <message>
        <source>Rapport wordt gemaakt…</source>
        <translation>Making the report…</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Bestand gemaakt: {path} (1 punt).</source>
        <translation>File made: {path} (1 point).</translation>
    </message>
    <message>
        <source>Bestand gemaakt: {path} ({n} punten).</source>
        <translation>File made: {path} ({n} points).</translation>
    </message>
    <message>
        <source>Rapport gemaakt: {path} (1 pagina).</source>
        <translation>Report made: {path} (1 page).</translation>
    </message>
    <message>
        <source>Rapport gemaakt: {path} ({pages} pagina&apos;s).</source>
        <translation>Report made: {path} ({pages} pages).</translation>
    </message>
    <message>
        <source>Afgebroken; er is geen rapport gemaakt.</source>
        <translation>Stopped; no report was made.</translation>
    </message>
    <message>
        <source>Afbreken…</source>
        <translation>Stopping…</translation>
    </message>
</context>
<context>
    <name>RoundDialog</name>
    <message>
        <source>Nieuwe schouwronde</source>
        <translation>New inspection round</translation>
    </message>
    <message>
        <source>Wijk en buurt</source>
        <translation>District and neighbourhood</translation>
    </message>
    <message numerus="yes">
        <source>{label} (%n straten)</source>
        <translation>
            <numerusform>{label} (%n street)</numerusform>
            <numerusform>{label} (%n streets)</numerusform>
        </translation>
    </message>
    <message>
        <source>Schouwformulier</source>
        <translation>Inspection form</translation>
    </message>
    <message>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Titel</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>bijv. Jaarschouw Vogelbuurt (leeg: automatisch)</source>
        <translation>e.g. Annual inspection Vogelbuurt (empty: automatic)</translation>
    </message>
    <message>
        <source>Wijk / buurt</source>
        <translation>District / neighbourhood</translation>
    </message>
    <message>
        <source>Formulier</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Ronde starten</source>
        <translation>Start round</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Soort ronde</source>
        <translation>Kind of round</translation>
    </message>
    <message>
        <source>Knelpuntenschouw (telt problemen)</source>
        <translation>Knelpuntenschouw (counts problems)</translation>
    </message>
    <message>
        <source>Meting (willekeurige schouwpunten, aandeel op norm)</source>
        <translation>Meting (random points, share at norm)</translation>
    </message>
    <message>
        <source>Aantal schouwpunten</source>
        <translation>Number of points</translation>
    </message>
    <message>
        <source>Startgetal van de trekking</source>
        <translation>Seed of the draw</translation>
    </message>
    <message>
        <source>leeg: willekeurig (wordt bewaard bij de ronde)</source>
        <translation>empty: random (stored with the round)</translation>
    </message>
    <message>
        <source>Foutmelding</source>
        <translation>Error message</translation>
    </message>
    <message>
        <source>Soort</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Schouwpunten</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>Startgetal</source>
        <translation>Seed</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Originelen van telefoons zijn meestal 2 tot 5 MB per foto; de bewerkte kopie in het project is veel kleiner.</source>
        <translation>Originals from phones are usually 2 to 5 MB per photo; the edited copy in the project is much smaller.</translation>
    </message>
    <message>
        <source>Dit project: {photos}, samen {stored} in het bestand; {kept} originelen bewaard ({kept_mb}). Alle originelen bewaren kost {missing} extra.</source>
        <translation>This project: {photos}, {stored} together in the file; {kept} originals kept ({kept_mb}). Keeping all originals costs {missing} more.</translation>
    </message>
    <message numerus="yes">
        <source>%n foto&apos;s</source>
        <translation>
            <numerusform>%n photo</numerusform>
            <numerusform>%n photos</numerusform>
        </translation>
    </message>
    <message>
        <source>Instellingen</source>
        <extracomment>what changed in the sync settings when OK was pressed (for the main window)</extracomment>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Taal</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Tekstgrootte</source>
        <translation>Text size</translation>
    </message>
    <message>
        <source>Originele fotobestanden ook bewaren (groter projectbestand)</source>
        <translation>Also keep the original photo files (larger project file)</translation>
    </message>
    <message>
        <source>Originele foto&apos;s bewaren</source>
        <translation>Keep original photos</translation>
    </message>
    <message>
        <source>Taal / language</source>
        <translation>Taal / language</translation>
    </message>
    <message>
        <source>Wat originele foto&apos;s kosten</source>
        <translation>What original photos cost</translation>
    </message>
    <message>
        <source>Instellingen opslaan</source>
        <translation>Save settings</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Meldingen aan de gemeente</source>
        <translation>Reports to the municipality</translation>
    </message>
    <message>
        <source>Synchronisatieprofiel (TOML-bestand)</source>
        <translation>Sync profile (TOML file)</translation>
    </message>
    <message>
        <source>geen profiel gekozen</source>
        <translation>no profile chosen</translation>
    </message>
    <message>
        <source>Kiezen…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Synchronisatieprofiel kiezen</source>
        <translation>Choose sync profile</translation>
    </message>
    <message>
        <source>Bewerken…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Synchronisatieprofiel bewerken</source>
        <translation>Edit sync profile</translation>
    </message>
    <message>
        <source>Nieuw…</source>
        <translation>New…</translation>
    </message>
    <message>
        <source>Nieuw synchronisatieprofiel maken</source>
        <translation>Make a new sync profile</translation>
    </message>
    <message>
        <source>Profiel</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>API-sleutel</source>
        <translation>API key</translation>
    </message>
    <message>
        <source>API-sleutel of client secret</source>
        <translation>API key or client secret</translation>
    </message>
    <message>
        <source>Een opgeslagen sleutel wordt nooit getoond; typ een nieuwe om hem te vervangen</source>
        <translation>A stored key is never shown; type a new one to replace it</translation>
    </message>
    <message>
        <source>Zonder profiel gaan meldingen nergens heen; met de hand gemarkeerde bevindingen wachten in de wachtrij.</source>
        <translation>Without a profile reports go nowhere; findings marked by hand wait in the queue.</translation>
    </message>
    <message>
        <source>gedeelde map</source>
        <translation>shared folder</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>Client secret</translation>
    </message>
    <message>
        <source>opgeslagen</source>
        <translation>stored</translation>
    </message>
    <message>
        <source>nog niet opgeslagen</source>
        <translation>not stored yet</translation>
    </message>
    <message>
        <source>Wordt bewaard in de sleutelbos van het systeem, of anders in een bestand dat alleen u kunt lezen; nooit in het profiel of het project. Leeg laten houdt de opgeslagen sleutel.</source>
        <translation>Kept in the system keyring, or else in a file only you can read; never in the profile or the project. Leave empty to keep the stored key.</translation>
    </message>
    <message>
        <source>Een profiel met alleen een gedeelde map heeft geen sleutel nodig.</source>
        <translation>A profile with only a shared folder needs no key.</translation>
    </message>
    <message>
        <source>Synchronisatieprofiel (*.toml);;Alle bestanden (*)</source>
        <translation>Sync profile (*.toml);;All files (*)</translation>
    </message>
    <message>
        <source>Opgeslagen in {store}.</source>
        <translation>Stored in {store}.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Sneltoetsen</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Toetsen</source>
        <translation>Keys</translation>
    </message>
    <message>
        <source>Wat er gebeurt</source>
        <translation>What it does</translation>
    </message>
    <message>
        <source>Sluiten</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>Startpagina</source>
        <translation>Start page</translation>
    </message>
    <message>
        <source>Schouw</source>
        <translation>Schouw</translation>
    </message>
    <message>
        <source>Leg een wijkschouw straat voor straat vast: bevindingen met niveau A+ t/m D, foto&apos;s en actiepunten, ook zonder netwerk. Alles wordt direct opgeslagen in één projectbestand.</source>
        <translation>Record a neighbourhood inspection street by street: findings with level A+ to D, photos and actions, also without a network. Everything is saved at once in one project file.</translation>
    </message>
    <message>
        <source>Nieuwe ronde…</source>
        <translation>New round…</translation>
    </message>
    <message>
        <source>Nieuwe schouwronde</source>
        <translation>New inspection round</translation>
    </message>
    <message>
        <source>Straten importeren…</source>
        <translation>Import streets…</translation>
    </message>
    <message>
        <source>Straten importeren</source>
        <translation>Import streets</translation>
    </message>
    <message>
        <source>Nieuw project…</source>
        <translation>New project…</translation>
    </message>
    <message>
        <source>Nieuw project</source>
        <translation>New project</translation>
    </message>
    <message>
        <source>Project openen…</source>
        <translation>Open project…</translation>
    </message>
    <message>
        <source>Project openen</source>
        <translation>Open project</translation>
    </message>
    <message>
        <source>Recente projecten</source>
        <translation>Recent projects</translation>
    </message>
    <message>
        <source>Geen project geopend</source>
        <translation>No project open</translation>
    </message>
    <message>
        <source>Maak een nieuw project of open een bestaand projectbestand (.schouw).</source>
        <translation>Make a new project or open an existing project file (.schouw).</translation>
    </message>
    <message>
        <source>Project ‘{name}’ heeft nog geen straten</source>
        <translation>Project ‘{name}’ has no streets yet</translation>
    </message>
    <message>
        <source>Importeer eerst de straten van een buurt (CSV of GeoJSON); daarna kunt u een ronde starten.</source>
        <translation>First import the streets of a neighbourhood (CSV or GeoJSON); then you can start a round.</translation>
    </message>
    <message>
        <source>Project ‘{name}’ heeft nog geen ronde</source>
        <translation>Project ‘{name}’ has no round yet</translation>
    </message>
    <message>
        <source>Start een ronde: kies de buurt, het formulier, de datum en wie er meelopen.</source>
        <translation>Start a round: choose the neighbourhood, the form, the date and who walks along.</translation>
    </message>
</context>
<context>
    <name>StreetImportDialog</name>
    <message>
        <source>Straten importeren</source>
        <translation>Import streets</translation>
    </message>
    <message>
        <source>Kies een CSV-bestand (met een kolom ‘straat’ of ‘naam’) of een GeoJSON-bestand met de straten van één buurt. Bestaande straten blijven staan.</source>
        <translation>Choose a CSV file (with a column ‘straat’ or ‘naam’) or a GeoJSON file with the streets of one neighbourhood. Existing streets stay.</translation>
    </message>
    <message>
        <source>Bestand</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Bladeren…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Bestand kiezen</source>
        <translation>Choose file</translation>
    </message>
    <message>
        <source>Buurt</source>
        <translation>Neighbourhood</translation>
    </message>
    <message>
        <source>Wijk</source>
        <translation>District</translation>
    </message>
    <message>
        <source>leeg: zelfde als de buurt</source>
        <translation>empty: same as the neighbourhood</translation>
    </message>
    <message>
        <source>Woonplaats</source>
        <translation>Town</translation>
    </message>
    <message>
        <source>Gebiedstype</source>
        <translation>Area type</translation>
    </message>
    <message>
        <source>Importeren</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Stratenbestand kiezen</source>
        <translation>Choose street file</translation>
    </message>
    <message>
        <source>Straten (*.csv *.geojson *.json);;Alle bestanden (*)</source>
        <translation>Streets (*.csv *.geojson *.json);;All files (*)</translation>
    </message>
    <message>
        <source>Kies een bestand en vul de naam van de buurt in.</source>
        <translation>Choose a file and fill in the name of the neighbourhood.</translation>
    </message>
    <message numerus="yes">
        <source>%n straten toegevoegd en {updated} aangevuld in {buurt}.</source>
        <translation>
            <numerusform>%n street added and {updated} completed in {buurt}.</numerusform>
            <numerusform>%n streets added and {updated} completed in {buurt}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StreetModel</name>
    <message>
        <source>Straat</source>
        <extracomment>the second, smaller line of a finding: number, spot and description the user ticked or unticked a street&apos;s done box (street id, done)</extracomment>
        <translation>Street</translation>
    </message>
    <message>
        <source>Bev.</source>
        <translation>#</translation>
    </message>
    <message>
        <source>&lt; norm</source>
        <translation>&lt; norm</translation>
    </message>
    <message>
        <source>Straat is gelopen</source>
        <translation>Street has been walked</translation>
    </message>
    <message>
        <source>Straatnaam</source>
        <translation>Street name</translation>
    </message>
    <message>
        <source>Aantal bevindingen</source>
        <translation>Number of findings</translation>
    </message>
    <message>
        <source>Bevindingen onder de norm van het kwaliteitsprofiel</source>
        <translation>Findings below the norm of the quality profile</translation>
    </message>
    <message numerus="yes">
        <source>%n bevindingen, {below} onder de norm</source>
        <translation>
            <numerusform>%n finding, {below} below the norm</numerusform>
            <numerusform>%n findings, {below} below the norm</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{name}, %n bevindingen, {below} onder de norm, {state}</source>
        <translation>
            <numerusform>{name}, %n finding, {below} below the norm, {state}</numerusform>
            <numerusform>{name}, %n findings, {below} below the norm, {state}</numerusform>
        </translation>
    </message>
    <message>
        <source>Gelopen</source>
        <translation>Walked</translation>
    </message>
    <message>
        <source>gelopen</source>
        <translation>walked</translation>
    </message>
    <message>
        <source>niet gelopen</source>
        <translation>not walked</translation>
    </message>
</context>
<context>
    <name>StreetPanel</name>
    <message>
        <source>Straten van de ronde</source>
        <translation>Streets of the round</translation>
    </message>
    <message>
        <source>Schouwronde</source>
        <translation>Inspection round</translation>
    </message>
    <message>
        <source>bevindingen</source>
        <translation>findings</translation>
    </message>
    <message>
        <source>onder norm</source>
        <translation>below norm</translation>
    </message>
    <message>
        <source>straten gelopen</source>
        <translation>streets walked</translation>
    </message>
    <message>
        <source>Straten gelopen</source>
        <translation>Streets walked</translation>
    </message>
    <message>
        <source>%v van %m straten gelopen</source>
        <translation>%v of %m streets walked</translation>
    </message>
    <message>
        <source>Zoek straat</source>
        <translation>Find street</translation>
    </message>
    <message>
        <source>Zoek straat…  (Ctrl+F)</source>
        <translation>Find street…  (Ctrl+F)</translation>
    </message>
    <message>
        <source>Verberg gelopen straten</source>
        <translation>Hide walked streets</translation>
    </message>
    <message>
        <source>Straten</source>
        <translation>Streets</translation>
    </message>
    <message>
        <source>Bev.</source>
        <translation>#</translation>
    </message>
    <message>
        <source>&lt; norm</source>
        <translation>&lt; norm</translation>
    </message>
    <message>
        <source>Straat toevoegen…</source>
        <translation>Add street…</translation>
    </message>
    <message>
        <source>Straat toevoegen die niet in de lijst staat</source>
        <translation>Add a street that is not in the list</translation>
    </message>
    <message>
        <source>{below} van {judged} beoordeelde bevindingen onder de norm ({pct})</source>
        <translation>{below} of {judged} judged findings below the norm ({pct})</translation>
    </message>
    <message>
        <source>Straat gelopen</source>
        <translation>Street walked</translation>
    </message>
    <message>
        <source>Straat niet gelopen</source>
        <translation>Street not walked</translation>
    </message>
    <message>
        <source>Straat toevoegen</source>
        <translation>Add street</translation>
    </message>
    <message>
        <source>Naam van de straat die niet in de lijst staat:</source>
        <translation>Name of the street that is not in the list:</translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <source>Uitgaande meldingen</source>
        <extracomment>After every run: the outcome&apos;s as_dict() (for the main window to refresh). The outbox changed without a run (&quot;Opnieuw proberen&quot;). No profile yet: the user wants to choose a profile file (True: make a new one).</extracomment>
        <translation>Outgoing reports</translation>
    </message>
    <message>
        <source>Uitgaande meldingen per bevinding</source>
        <translation>Outgoing reports per finding</translation>
    </message>
    <message>
        <source>Alles selecteren</source>
        <translation>Select all</translation>
    </message>
    <message>
        <source>Synchroniseren</source>
        <translation>Synchronise</translation>
    </message>
    <message>
        <source>Verstuur de wachtrij en haal de status op</source>
        <translation>Send the queue and fetch the status</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Stop na de melding die nu verstuurd wordt</source>
        <translation>Stop after the report being sent now</translation>
    </message>
    <message>
        <source>Opnieuw proberen</source>
        <translation>Try again</translation>
    </message>
    <message>
        <source>Zet mislukte meldingen terug in de wachtrij</source>
        <translation>Put failed reports back in the queue</translation>
    </message>
    <message>
        <source>Voortgang van de synchronisatie</source>
        <translation>Progress of the synchronisation</translation>
    </message>
    <message>
        <source>Uitkomst van de synchronisatie</source>
        <translation>Outcome of the synchronisation</translation>
    </message>
    <message>
        <source>Er is nog geen synchronisatieprofiel: het bestand dat zegt naar welk meldsysteem van de gemeente (MOR) de meldingen gaan, met welk adres en welke sleutel. Kies het profiel dat u van de gemeente kreeg, of maak er een.</source>
        <translation>There is no sync profile yet: the file that says to which of the municipality&apos;s report systems (MOR) the reports go, at which address and with which key. Choose the profile the municipality gave you, or make one.</translation>
    </message>
    <message>
        <source>Profiel kiezen…</source>
        <translation>Choose profile…</translation>
    </message>
    <message>
        <source>Kies het profielbestand in de instellingen</source>
        <translation>Choose the profile file in the settings</translation>
    </message>
    <message>
        <source>Nieuw profiel maken…</source>
        <translation>Make a new profile…</translation>
    </message>
    <message>
        <source>Maak een nieuw synchronisatieprofiel</source>
        <translation>Make a new sync profile</translation>
    </message>
    <message>
        <source>Bezig met synchroniseren…</source>
        <translation>Synchronising…</translation>
    </message>
    <message>
        <source>Wordt gestopt na de melding die nu verstuurd wordt…</source>
        <translation>Stopping after the report being sent now…</translation>
    </message>
    <message numerus="yes">
        <source>%n meldingen terug in de wachtrij.</source>
        <translation>
            <numerusform>%n report back in the queue.</numerusform>
            <numerusform>%n reports back in the queue.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 verzonden, %2 mislukt, %3 onbekend, %4 later opnieuw, %5.</source>
        <translation>%1 sent, %2 failed, %3 unknown, %4 to retry later, %5.</translation>
    </message>
    <message numerus="yes">
        <source>%n statuswijzigingen</source>
        <translation>
            <numerusform>%n status change</numerusform>
            <numerusform>%n status changes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pakketten naar de gedeelde map.</source>
        <translation>
            <numerusform>%n package to the shared folder.</numerusform>
            <numerusform>%n packages to the shared folder.</numerusform>
        </translation>
    </message>
    <message>
        <source>Gestopt: %1</source>
        <translation>Stopped: %1</translation>
    </message>
    <message>
        <source>Niet bereikbaar: %1</source>
        <translation>Not reachable: %1</translation>
    </message>
    <message>
        <source>Afgebroken; wat al verstuurd was staat vast.</source>
        <translation>Stopped; what was already sent stays sent.</translation>
    </message>
    <message>
        <source>Synchroniseren mislukt: %1</source>
        <translation>Synchronising failed: %1</translation>
    </message>
</context>
<context>
    <name>SyncProfileDialog</name>
    <message>
        <source>Dienst of subcategorie</source>
        <translation>Service or sub-category</translation>
    </message>
    <message>
        <source>(niet gekoppeld)</source>
        <translation>(not mapped)</translation>
    </message>
    <message>
        <source>Synchronisatieprofiel</source>
        <translation>Sync profile</translation>
    </message>
    <message>
        <source>Dit profiel kan niet worden gelezen; opslaan overschrijft het. {problem}</source>
        <translation>This profile cannot be read; saving overwrites it. {problem}</translation>
    </message>
    <message>
        <source>Een synchronisatieprofiel zegt naar welk meldsysteem van de gemeente (MOR) de meldingen gaan: vul de soort en het adres in die u van de gemeente kreeg, en koppel de onderdelen van het formulier aan hun diensten.</source>
        <translation>A sync profile says to which of the municipality&apos;s report systems (MOR) the reports go: fill in the kind and the address the municipality gave you, and link the form&apos;s items to their services.</translation>
    </message>
    <message>
        <source>Meldsysteem</source>
        <translation>Reporting system</translation>
    </message>
    <message>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>bijv. Gemeente Voorbeeldstad</source>
        <translation>e.g. Gemeente Voorbeeldstad</translation>
    </message>
    <message>
        <source>Soort meldsysteem</source>
        <translation>Kind of reporting system</translation>
    </message>
    <message>
        <source>Open311 (GeoReport v2)</source>
        <translation>Open311 (GeoReport v2)</translation>
    </message>
    <message>
        <source>Signalen</source>
        <translation>Signalen</translation>
    </message>
    <message>
        <source>Alleen een gedeelde map</source>
        <translation>A shared folder only</translation>
    </message>
    <message>
        <source>Adres van de API (base URL)</source>
        <translation>Address of the API (base URL)</translation>
    </message>
    <message>
        <source>Jurisdiction-id</source>
        <translation>Jurisdiction id</translation>
    </message>
    <message>
        <source>bijv. voorbeeldstad.nl (mag leeg)</source>
        <translation>e.g. voorbeeldstad.nl (may be empty)</translation>
    </message>
    <message>
        <source>Token-URL (OpenID Connect)</source>
        <translation>Token URL (OpenID Connect)</translation>
    </message>
    <message>
        <source>Client-id</source>
        <translation>Client id</translation>
    </message>
    <message>
        <source>Bron (source) in Signalen</source>
        <translation>Source in Signalen</translation>
    </message>
    <message>
        <source>Time-out per verzoek in seconden</source>
        <translation>Time-out per request in seconds</translation>
    </message>
    <message>
        <source>Eerste foto meesturen (server neemt bestanden aan)</source>
        <translation>Send the first photo (the server takes files)</translation>
    </message>
    <message>
        <source>Foto meesturen</source>
        <translation>Send photo</translation>
    </message>
    <message>
        <source>Soort</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Adres (base URL)</source>
        <translation>Address (base URL)</translation>
    </message>
    <message>
        <source>Token-URL</source>
        <translation>Token URL</translation>
    </message>
    <message>
        <source>Bron</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Time-out</source>
        <translation>Time-out</translation>
    </message>
    <message>
        <source>Foto&apos;s</source>
        <translation>Photos</translation>
    </message>
    <message>
        <source>Welke bevindingen gaan vanzelf</source>
        <translation>Which findings go by themselves</translation>
    </message>
    <message>
        <source>Alleen bevindingen onder de norm</source>
        <translation>Only findings below the norm</translation>
    </message>
    <message>
        <source>Actiehouders, één per regel</source>
        <translation>Action holders, one per line</translation>
    </message>
    <message>
        <source>Gemeente</source>
        <translation>Gemeente</translation>
    </message>
    <message>
        <source>Een bevinding gaat als de actiehouder een van deze namen heeft (de hele naam, hoofdletters maken niet uit); leeg: elke actiehouder.</source>
        <translation>A finding goes when its action holder has one of these names (the whole name, case does not matter); empty: any action holder.</translation>
    </message>
    <message>
        <source>Actiehouder is een van</source>
        <translation>Action holder is one of</translation>
    </message>
    <message>
        <source>Met de hand gemarkeerde bevindingen gaan altijd.</source>
        <translation>Findings marked by hand always go.</translation>
    </message>
    <message>
        <source>Gedeelde map (exportpakketten)</source>
        <translation>Shared folder (export packages)</translation>
    </message>
    <message>
        <source>Gedeelde map</source>
        <translation>Shared folder</translation>
    </message>
    <message>
        <source>leeg: geen pakketten</source>
        <translation>empty: no packages</translation>
    </message>
    <message>
        <source>Kiezen…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Gedeelde map kiezen</source>
        <translation>Choose shared folder</translation>
    </message>
    <message>
        <source>Koppeling: onderdeel → dienst bij de gemeente</source>
        <translation>Mapping: item → service at the municipality</translation>
    </message>
    <message>
        <source>Formulier</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>Formulier waarvan de onderdelen gekoppeld worden</source>
        <translation>Form whose items are mapped</translation>
    </message>
    <message>
        <source>Diensten ophalen</source>
        <translation>Fetch services</translation>
    </message>
    <message>
        <source>Haal de lijst van diensten of subcategorieën op bij de server</source>
        <translation>Fetch the list of services or sub-categories from the server</translation>
    </message>
    <message>
        <source>Stoppen</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Diensten ophalen stoppen</source>
        <translation>Stop fetching services</translation>
    </message>
    <message>
        <source>Diensten worden opgehaald</source>
        <translation>Services are being fetched</translation>
    </message>
    <message>
        <source>Dubbelklik in de kolom Dienst om te koppelen; een onderdeel zonder eigen koppeling volgt zijn element, daarna de standaard.</source>
        <translation>Double-click in the Service column to map; an item without its own mapping follows its element, then the default.</translation>
    </message>
    <message>
        <source>Uitkomst van diensten ophalen</source>
        <translation>Outcome of fetching services</translation>
    </message>
    <message>
        <source>Onderdeel</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Sleutel</source>
        <translation>Key</translation>
    </message>
    <message>
        <source>Dienst / subcategorie</source>
        <translation>Service / sub-category</translation>
    </message>
    <message>
        <source>Koppeling van onderdelen aan diensten</source>
        <translation>Mapping of items to services</translation>
    </message>
    <message>
        <source>Opslaan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Profiel opslaan</source>
        <translation>Save profile</translation>
    </message>
    <message>
        <source>Opslaan als…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <source>Profiel opslaan als nieuw bestand</source>
        <translation>Save profile as a new file</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>nieuw profiel (nog niet opgeslagen)</source>
        <translation>new profile (not saved yet)</translation>
    </message>
    <message>
        <source>Standaard (al het andere)</source>
        <translation>Default (everything else)</translation>
    </message>
    <message>
        <source>Andere sleutels in dit profiel</source>
        <translation>Other keys in this profile</translation>
    </message>
    <message>
        <source>Dienst voor {key}</source>
        <translation>Service for {key}</translation>
    </message>
    <message>
        <source>→ {service} (via element)</source>
        <translation>→ {service} (via element)</translation>
    </message>
    <message>
        <source>→ {service} (standaard)</source>
        <translation>→ {service} (default)</translation>
    </message>
    <message>
        <source>niet gekoppeld</source>
        <translation>not mapped</translation>
    </message>
    <message>
        <source>Vul eerst het adres van de API goed in.</source>
        <translation>First fill in the address of the API correctly.</translation>
    </message>
    <message>
        <source>Diensten ophalen bij {url}…</source>
        <translation>Fetching services from {url}…</translation>
    </message>
    <message>
        <source>Gestopt. U kunt een code ook zelf typen.</source>
        <translation>Stopped. You can also type a code yourself.</translation>
    </message>
    <message numerus="yes">
        <source>%n subcategorieën opgehaald. Dubbelklik in de kolom Dienst om te koppelen.</source>
        <translation>
            <numerusform>%n subcategory fetched. Double-click in the Service column to link.</numerusform>
            <numerusform>%n subcategories fetched. Double-click in the Service column to link.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n diensten opgehaald. Dubbelklik in de kolom Dienst om te koppelen.</source>
        <translation>
            <numerusform>%n service fetched. Double-click in the Service column to link.</numerusform>
            <numerusform>%n services fetched. Double-click in the Service column to link.</numerusform>
        </translation>
    </message>
    <message>
        <source>De server weigert de toegang: {message}. Controleer de sleutel in de instellingen. U kunt een code ook zelf typen.</source>
        <translation>The server refuses access: {message}. Check the key in the settings. You can also type a code yourself.</translation>
    </message>
    <message>
        <source>Diensten ophalen lukte niet: {message}. Is er geen netwerk? U kunt een code ook zelf typen.</source>
        <translation>Fetching services failed: {message}. Is there no network? You can also type a code yourself.</translation>
    </message>
    <message>
        <source>Diensten ophalen lukte niet: {message}. U kunt een code ook zelf typen.</source>
        <translation>Fetching services failed: {message}. You can also type a code yourself.</translation>
    </message>
    <message>
        <source>Het profiel is nog niet in orde.</source>
        <translation>The profile is not right yet.</translation>
    </message>
    <message>
        <source>sync-profiel.toml</source>
        <translation>sync-profile.toml</translation>
    </message>
    <message>
        <source>Synchronisatieprofiel (*.toml)</source>
        <translation>Sync profile (*.toml)</translation>
    </message>
</context>
<context>
    <name>TeamDialog</name>
    <message>
        <source>Team van de ronde</source>
        <translation>Team of the round</translation>
    </message>
    <message>
        <source>Sluiten</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>TeamEditor</name>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Naam deelnemer</source>
        <translation>Participant name</translation>
    </message>
    <message>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Organisatie</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Rol</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Toevoegen</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Deelnemer toevoegen</source>
        <translation>Add participant</translation>
    </message>
    <message>
        <source>Deelnemers</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Weghalen</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Gekozen deelnemer weghalen</source>
        <translation>Remove the selected participant</translation>
    </message>
    <message>
        <source>Eerder meegelopen (dubbelklik om toe te voegen)</source>
        <translation>Walked before (double-click to add)</translation>
    </message>
    <message>
        <source>Eerder meegelopen</source>
        <translation>Walked before</translation>
    </message>
</context>
<context>
    <name>UpdateCheck</name>
    <message>
        <source>Controleren op updates</source>
        <translation>Check for updates</translation>
    </message>
    <message>
        <source>Kon niet controleren op updates: {error}</source>
        <translation>Could not check for updates: {error}</translation>
    </message>
    <message>
        <source>Het antwoord van de updateserver is onleesbaar.</source>
        <translation>The update server&apos;s answer cannot be read.</translation>
    </message>
    <message>
        <source>Er is een nieuwere versie: Schouw {new} (u hebt {current}).</source>
        <translation>A newer version is available: Schouw {new} (you have {current}).</translation>
    </message>
    <message>
        <source>Downloaden: {url}</source>
        <translation>Download: {url}</translation>
    </message>
    <message>
        <source>U hebt de nieuwste versie (Schouw {current}).</source>
        <translation>You have the newest version (Schouw {current}).</translation>
    </message>
</context>
<context>
    <name>ValueDialog</name>
    <message>
        <source>Waarde toevoegen</source>
        <translation>Add value</translation>
    </message>
    <message>
        <source>Waarde toevoegen: {name}</source>
        <translation>Add value: {name}</translation>
    </message>
    <message>
        <source>Foutmelding</source>
        <translation>Error message</translation>
    </message>
    <message>
        <source>Met de hand, met bron</source>
        <translation>By hand, with its source</translation>
    </message>
    <message>
        <source>Waarde met de hand invoeren</source>
        <translation>Enter a value by hand</translation>
    </message>
    <message>
        <source>Berekend uit een meting</source>
        <translation>Computed from a meting</translation>
    </message>
    <message>
        <source>Waarde berekenen uit een meting</source>
        <translation>Compute the value from a meting</translation>
    </message>
    <message>
        <source>Jaar</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Waarde</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Bron</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>bijv. Veiligheidsmonitor, CBS, meldingen</source>
        <translation>e.g. Veiligheidsmonitor, CBS, reports</translation>
    </message>
    <message>
        <source>Meting</source>
        <translation>Meting (measurement)</translation>
    </message>
    <message>
        <source>meting</source>
        <translation>meting</translation>
    </message>
    <message>
        <source>knelpuntenschouw</source>
        <translation>knelpuntenschouw</translation>
    </message>
    <message>
        <source>Uit een meting: het aandeel op of boven de norm van de groep van de indicator, met het kwaliteitsprofiel van vandaag; het jaar is dat van de meting.</source>
        <translation>From a meting: the share at or above the norm of the indicator&apos;s group, under today&apos;s quality profile; the year is the meting&apos;s.</translation>
    </message>
    <message>
        <source>Opslaan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Waarde opslaan</source>
        <translation>Save value</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>VerloopDialog</name>
    <message>
        <source>Verloop</source>
        <translation>Trend</translation>
    </message>
    <message>
        <source>Verloop van een reeks rondes</source>
        <translation>Trend over a series of rounds</translation>
    </message>
    <message>
        <source>Buurt</source>
        <translation>Neighbourhood</translation>
    </message>
    <message>
        <source>Reeks (formulier)</source>
        <translation>Series (form)</translation>
    </message>
    <message>
        <source>&amp;Buurt:</source>
        <translation>&amp;Buurt:</translation>
    </message>
    <message>
        <source>&amp;Reeks:</source>
        <translation>&amp;Series:</translation>
    </message>
    <message>
        <source>Alleen rondes met deze tekst in de titel</source>
        <translation>Only rounds with this text in their title</translation>
    </message>
    <message>
        <source>Titel bevat…</source>
        <translation>Title contains…</translation>
    </message>
    <message>
        <source>Bijvoorbeeld Stratenaanpak: alleen de rondes met die tekst in de titel, als de buurt op hetzelfde formulier ook andere rondes heeft</source>
        <translation>For example Stratenaanpak: only the rounds with that text in their title, when the buurt has other rounds on the same form too</translation>
    </message>
    <message>
        <source>Rapport &amp;maken…</source>
        <translation>&amp;Make report…</translation>
    </message>
    <message>
        <source>Rapport van dit verloop maken</source>
        <translation>Make a report of this trend</translation>
    </message>
    <message>
        <source>Samenvatting van het verloop</source>
        <translation>Summary of the trend</translation>
    </message>
    <message>
        <source>Per straat of per aspect</source>
        <translation>Per street or per aspect</translation>
    </message>
    <message>
        <source>Verloop per straat</source>
        <translation>Trend per street</translation>
    </message>
    <message>
        <source>Verloop per aspect</source>
        <translation>Trend per aspect</translation>
    </message>
    <message>
        <source>Per straat</source>
        <translation>Per street</translation>
    </message>
    <message>
        <source>Per aspect</source>
        <translation>Per aspect</translation>
    </message>
    <message>
        <source>Uitleg bij het verloop</source>
        <translation>About the trend</translation>
    </message>
    <message>
        <source>meting</source>
        <translation>meting</translation>
    </message>
    <message>
        <source>knelpuntenschouw</source>
        <translation>knelpuntenschouw</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2), %n rondes</source>
        <translation>
            <numerusform>%1 (%2), %n round</numerusform>
            <numerusform>%1 (%2), %n rounds</numerusform>
        </translation>
    </message>
    <message>
        <source>Deze buurt heeft nog geen rondes.</source>
        <translation>This buurt has no rounds yet.</translation>
    </message>
    <message numerus="yes">
        <source>%n straten beter</source>
        <translation>
            <numerusform>%n street better</numerusform>
            <numerusform>%n streets better</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n slechter</source>
        <translation>
            <numerusform>%n worse</numerusform>
            <numerusform>%n worse</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n gelijk</source>
        <translation>
            <numerusform>%n unchanged</numerusform>
            <numerusform>%n unchanged</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n niet te vergelijken</source>
        <translation>
            <numerusform>%n cannot compare</numerusform>
            <numerusform>%n cannot compare</numerusform>
        </translation>
    </message>
    <message>
        <source>Aantal bevindingen onder de norm per ronde (minder is beter).</source>
        <translation>Number of findings below the norm per round (fewer is better).</translation>
    </message>
    <message>
        <source>Aantal bevindingen per ronde (minder is beter; dit formulier kent geen normen).</source>
        <translation>Number of findings per round (fewer is better; this form has no norms).</translation>
    </message>
    <message>
        <source>Aandeel op of boven de norm per meting, met n (hoger is beter).</source>
        <translation>Share at or above the norm per meting, with n (higher is better).</translation>
    </message>
    <message>
        <source>Verloop: de eerste ronde waarin de straat gelopen is tegen de laatste. &apos;Niet gelopen&apos; is geen 0: daar heeft niemand gekeken.</source>
        <translation>Trend: the first round in which the street was walked against the last. &apos;Not walked&apos; is not 0: nobody looked there.</translation>
    </message>
    <message>
        <source>Verloop opslaan</source>
        <translation>Save trend</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message numerus="yes">
        <source>Rapport gemaakt: %1 (%n pagina&apos;s)</source>
        <translation>
            <numerusform>Report made: %1 (%n page)</numerusform>
            <numerusform>Report made: %1 (%n pages)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VerloopModel</name>
    <message>
        <source>Aspect</source>
        <translation>Aspect</translation>
    </message>
    <message>
        <source>Straat</source>
        <translation>Street</translation>
    </message>
    <message>
        <source>Verloop</source>
        <translation>Trend</translation>
    </message>
    <message>
        <source>beter</source>
        <translation>better</translation>
    </message>
    <message>
        <source>slechter</source>
        <translation>worse</translation>
    </message>
    <message>
        <source>gelijk</source>
        <translation>unchanged</translation>
    </message>
    <message>
        <source>niet te vergelijken</source>
        <translation>cannot compare</translation>
    </message>
    <message>
        <source>te weinig punten</source>
        <translation>too few points</translation>
    </message>
    <message>
        <source>niet gelopen</source>
        <translation>not walked</translation>
    </message>
</context>
<context>
    <name>_TaskDialog</name>
    <message>
        <source>Voortgang</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Sluiten</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Annuleren of sluiten</source>
        <translation>Cancel or close</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Afbreken…</source>
        <translation>Stopping…</translation>
    </message>
</context>
<context>
    <name>_UseCaseDialog</name>
    <message>
        <source>Foutmelding</source>
        <translation>Error message</translation>
    </message>
</context>
<context>
    <name>dialogs</name>
    <message>
        <source>Dat lukte niet</source>
        <translation>That did not work</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Er ging iets mis</source>
        <translation>Something went wrong</translation>
    </message>
    <message>
        <source>Er ging iets onverwachts mis. Uw werk is opgeslagen; u kunt gewoon verder.</source>
        <translation>Something unexpected went wrong. Your work has been saved; you can carry on.</translation>
    </message>
    <message>
        <source>Technische details staan in {path}. Stuur dat bestand mee als u het probleem meldt.</source>
        <translation>Technical details are in {path}. Please include that file when you report the problem.</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>Gemeente</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Woningcorporatie</source>
        <translation>Housing corporation</translation>
    </message>
    <message>
        <source>Politie</source>
        <translation>Police</translation>
    </message>
    <message>
        <source>Welzijn</source>
        <translation>Welfare</translation>
    </message>
    <message>
        <source>Bewoner</source>
        <translation>Resident</translation>
    </message>
    <message>
        <source>Overig</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>laag</source>
        <translation>low</translation>
    </message>
    <message>
        <source>normaal</source>
        <translation>normal</translation>
    </message>
    <message>
        <source>hoog</source>
        <translation>high</translation>
    </message>
    <message>
        <source>spoed</source>
        <translation>urgent</translation>
    </message>
    <message>
        <source>Centrum</source>
        <translation>Centre</translation>
    </message>
    <message>
        <source>Woongebied</source>
        <translation>Residential</translation>
    </message>
    <message>
        <source>Hoofdinfrastructuur</source>
        <translation>Main infrastructure</translation>
    </message>
    <message>
        <source>Bedrijventerrein</source>
        <translation>Business park</translation>
    </message>
    <message>
        <source>Recreatie / buitengebied</source>
        <translation>Recreation / rural</translation>
    </message>
    <message>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <source>doorgezet</source>
        <translation>forwarded</translation>
    </message>
    <message>
        <source>ingepland</source>
        <translation>scheduled</translation>
    </message>
    <message>
        <source>in behandeling</source>
        <translation>in progress</translation>
    </message>
    <message>
        <source>afgehandeld</source>
        <translation>done</translation>
    </message>
    <message>
        <source>afgewezen</source>
        <translation>rejected</translation>
    </message>
    <message>
        <source>heropend</source>
        <translation>reopened</translation>
    </message>
    <message>
        <source>schoon</source>
        <translation>clean</translation>
    </message>
    <message>
        <source>heel</source>
        <translation>intact</translation>
    </message>
    <message>
        <source>overig</source>
        <translation>other</translation>
    </message>
    <message>
        <source>n.v.t.</source>
        <translation>n/a</translation>
    </message>
    <message>
        <source>zeer hoog</source>
        <translation>very high</translation>
    </message>
    <message>
        <source>basis</source>
        <translation>basic</translation>
    </message>
    <message>
        <source>zeer laag</source>
        <translation>very low</translation>
    </message>
    <message>
        <source>Knelpuntenschouw</source>
        <translation>Knelpuntenschouw (problem walk)</translation>
    </message>
    <message>
        <source>Meting</source>
        <translation>Meting (measurement)</translation>
    </message>
</context>
<context>
    <name>meting</name>
    <message>
        <source>Oordeel {item}: {level}</source>
        <translation>Judgement {item}: {level}</translation>
    </message>
</context>
<context>
    <name>rechecks</name>
    <message>
        <source>opgelost</source>
        <translation>solved</translation>
    </message>
    <message>
        <source>nog aanwezig</source>
        <translation>still present</translation>
    </message>
    <message>
        <source>erger</source>
        <translation>worse</translation>
    </message>
    <message>
        <source>te controleren</source>
        <translation>to re-inspect</translation>
    </message>
</context>
<context>
    <name>undo</name>
    <message>
        <source>Nieuwe bevinding</source>
        <translation>New finding</translation>
    </message>
</context>
</TS>
