<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL" sourcelanguage="nl_NL">
<context>
    <name>ActionsDialog</name>
    <message numerus="yes">
        <source>%n actiepunten</source>
        <translation>
            <numerusform>%n actiepunt</numerusform>
            <numerusform>%n actiepunten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>waarvan %n verlopen</source>
        <translation>
            <numerusform>waarvan %n verlopen</numerusform>
            <numerusform>waarvan %n verlopen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CloseRoundDialog</name>
    <message numerus="yes">
        <source>Nog niet gecontroleerd: %n punt(en) van de vorige ronde.</source>
        <translation>
            <numerusform>Nog niet gecontroleerd: %n punt van de vorige ronde.</numerusform>
            <numerusform>Nog niet gecontroleerd: %n punten van de vorige ronde.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CyclesDialog</name>
    <message numerus="yes">
        <source>%n actiepunt(en) gereed deze week</source>
        <translation>
            <numerusform>%n actiepunt gereed deze week</numerusform>
            <numerusform>%n actiepunten gereed deze week</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n te laat</source>
        <translation>
            <numerusform>%n te laat</numerusform>
            <numerusform>%n te laat</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <source>%n bevindingen</source>
        <translation>
            <numerusform>%n bevinding</numerusform>
            <numerusform>%n bevindingen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n foto&apos;s</source>
        <translation>
            <numerusform>%n foto</numerusform>
            <numerusform>%n foto&apos;s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindingEditor</name>
    <message numerus="yes">
        <source>Import geannuleerd; %n foto&apos;s bewaard.</source>
        <translation>
            <numerusform>Import geannuleerd; %n foto bewaard.</numerusform>
            <numerusform>Import geannuleerd; %n foto&apos;s bewaard.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n foto&apos;s toegevoegd.</source>
        <translation>
            <numerusform>%n foto toegevoegd.</numerusform>
            <numerusform>%n foto&apos;s toegevoegd.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message numerus="yes">
        <source>%n bevindingen</source>
        <translation>
            <numerusform>%n bevinding</numerusform>
            <numerusform>%n bevindingen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <source>Samenvoegen met {title} (%n bevindingen)</source>
        <translation>
            <numerusform>Samenvoegen met {title} (%n bevinding)</numerusform>
            <numerusform>Samenvoegen met {title} (%n bevindingen)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n foto&apos;s</source>
        <translation>
            <numerusform>%n foto</numerusform>
            <numerusform>%n foto&apos;s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n conflicten — bekijk ze met ‘Conflicten bekijken’</source>
        <translation>
            <numerusform>; %n conflict — bekijk het met ‘Conflicten bekijken’</numerusform>
            <numerusform>; %n conflicten — bekijk ze met ‘Conflicten bekijken’</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IndicatorsDialog</name>
    <message numerus="yes">
        <source>%n indicatoren</source>
        <translation>
            <numerusform>%n indicator</numerusform>
            <numerusform>%n indicatoren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Indicator &apos;{name}&apos; en zijn %n waarden verwijderen?</source>
        <translation>
            <numerusform>Indicator &apos;{name}&apos; en zijn %n waarde verwijderen?</numerusform>
            <numerusform>Indicator &apos;{name}&apos; en zijn %n waarden verwijderen?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n actiepunten verlopen</source>
        <translation>
            <numerusform>%n actiepunt verlopen</numerusform>
            <numerusform>%n actiepunten verlopen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MapDownloadDialog</name>
    <message numerus="yes">
        <source>Gestopt: %n tegel(s) opgehaald en bewaard.</source>
        <translation>
            <numerusform>Gestopt: %n tegel opgehaald en bewaard.</numerusform>
            <numerusform>Gestopt: %n tegels opgehaald en bewaard.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tegel(s) opgehaald</source>
        <translation>
            <numerusform>%n tegel opgehaald</numerusform>
            <numerusform>%n tegels opgehaald</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mislukt ({reason}). Nog eens downloaden haalt alleen wat ontbreekt; de kaart werkt ook zonder.</source>
        <translation>
            <numerusform>%n mislukt ({reason}). Nog eens downloaden haalt alleen wat ontbreekt; de kaart werkt ook zonder.</numerusform>
            <numerusform>%n mislukt ({reason}). Nog eens downloaden haalt alleen wat ontbreekt; de kaart werkt ook zonder.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Klaar: %n tegel(s) opgehaald.</source>
        <translation>
            <numerusform>Klaar: %n tegel opgehaald.</numerusform>
            <numerusform>Klaar: %n tegels opgehaald.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MapPanel</name>
    <message numerus="yes">
        <source>%n hotspot(s) in deze buurt</source>
        <extracomment>where &quot;Kaart downloaden…&quot; fetches tiles (None: PDOK; tests use a local server)</extracomment>
        <translation>
            <numerusform>%n hotspot in deze buurt</numerusform>
            <numerusform>%n hotspots in deze buurt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bevinding(en) zonder plaats: kies er een en klik op de kaart (of P, pijltjes, Enter).</source>
        <translation>
            <numerusform>%n bevinding zonder plaats: kies haar en klik op de kaart (of P, pijltjes, Enter).</numerusform>
            <numerusform>%n bevindingen zonder plaats: kies er een en klik op de kaart (of P, pijltjes, Enter).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OverviewDialog</name>
    <message numerus="yes">
        <source>Hotspots: %n plekken waar bevindingen onder de norm terugkomen (binnen 50 m, over rondes)</source>
        <translation>
            <numerusform>Hotspots: %n plek waar bevindingen onder de norm terugkomen (binnen 50 m, over rondes)</numerusform>
            <numerusform>Hotspots: %n plekken waar bevindingen onder de norm terugkomen (binnen 50 m, over rondes)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wanneer: %n bevindingen met een tijdstip (aantallen, geen aandelen)</source>
        <translation>
            <numerusform>Wanneer: %n bevinding met een tijdstip (aantallen, geen aandelen)</numerusform>
            <numerusform>Wanneer: %n bevindingen met een tijdstip (aantallen, geen aandelen)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RoundDialog</name>
    <message numerus="yes">
        <source>{label} (%n straten)</source>
        <translation>
            <numerusform>{label} (%n straat)</numerusform>
            <numerusform>{label} (%n straten)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message numerus="yes">
        <source>%n foto&apos;s</source>
        <translation>
            <numerusform>%n foto</numerusform>
            <numerusform>%n foto&apos;s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StreetImportDialog</name>
    <message numerus="yes">
        <source>%n straten toegevoegd en {updated} aangevuld in {buurt}.</source>
        <translation>
            <numerusform>%n straat toegevoegd en {updated} aangevuld in {buurt}.</numerusform>
            <numerusform>%n straten toegevoegd en {updated} aangevuld in {buurt}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StreetModel</name>
    <message numerus="yes">
        <source>%n bevindingen, {below} onder de norm</source>
        <translation>
            <numerusform>%n bevinding, {below} onder de norm</numerusform>
            <numerusform>%n bevindingen, {below} onder de norm</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{name}, %n bevindingen, {below} onder de norm, {state}</source>
        <translation>
            <numerusform>{name}, %n bevinding, {below} onder de norm, {state}</numerusform>
            <numerusform>{name}, %n bevindingen, {below} onder de norm, {state}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message numerus="yes">
        <source>%n meldingen terug in de wachtrij.</source>
        <translation>
            <numerusform>%n melding terug in de wachtrij.</numerusform>
            <numerusform>%n meldingen terug in de wachtrij.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n statuswijzigingen</source>
        <translation>
            <numerusform>%n statuswijziging</numerusform>
            <numerusform>%n statuswijzigingen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pakketten naar de gedeelde map.</source>
        <translation>
            <numerusform>%n pakket naar de gedeelde map.</numerusform>
            <numerusform>%n pakketten naar de gedeelde map.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncProfileDialog</name>
    <message numerus="yes">
        <source>%n subcategorieën opgehaald. Dubbelklik in de kolom Dienst om te koppelen.</source>
        <translation>
            <numerusform>%n subcategorie opgehaald. Dubbelklik in de kolom Dienst om te koppelen.</numerusform>
            <numerusform>%n subcategorieën opgehaald. Dubbelklik in de kolom Dienst om te koppelen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n diensten opgehaald. Dubbelklik in de kolom Dienst om te koppelen.</source>
        <translation>
            <numerusform>%n dienst opgehaald. Dubbelklik in de kolom Dienst om te koppelen.</numerusform>
            <numerusform>%n diensten opgehaald. Dubbelklik in de kolom Dienst om te koppelen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VerloopDialog</name>
    <message numerus="yes">
        <source>%1 (%2), %n rondes</source>
        <translation>
            <numerusform>%1 (%2), %n ronde</numerusform>
            <numerusform>%1 (%2), %n rondes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n straten beter</source>
        <translation>
            <numerusform>%n straat beter</numerusform>
            <numerusform>%n straten beter</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n slechter</source>
        <translation>
            <numerusform>%n slechter</numerusform>
            <numerusform>%n slechter</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n gelijk</source>
        <translation>
            <numerusform>%n gelijk</numerusform>
            <numerusform>%n gelijk</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n niet te vergelijken</source>
        <translation>
            <numerusform>%n niet te vergelijken</numerusform>
            <numerusform>%n niet te vergelijken</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rapport gemaakt: %1 (%n pagina&apos;s)</source>
        <translation>
            <numerusform>Rapport gemaakt: %1 (%n pagina)</numerusform>
            <numerusform>Rapport gemaakt: %1 (%n pagina&apos;s)</numerusform>
        </translation>
    </message>
</context>
</TS>
