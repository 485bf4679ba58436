namespace Busetting.Cli;

/// <summary>
/// The help texts in Nynorsk, for `--help --lang nn`: each Bokmål description (as written beside its option) with its
/// Nynorsk form. A test walks every command, option and argument and fails when one has no Nynorsk form here.
/// </summary>
public static class NynorskHelp
{
    public static string? For(string bokmal) =>
        Texts.TryGetValue(bokmal, out var nynorsk) ? nynorsk
        : bokmal.StartsWith("Utdataformat: ", StringComparison.Ordinal) ? bokmal // the same words in both
        : null;

    private static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        ["Busetting: fordel bosettingen av flyktninger på kommunene etter departementets kriterier, med hvert tall forklart."] =
            "Busetting: fordel busetjinga av flyktningar på kommunane etter kriteria frå departementet, med kvart tal forklart.",
        ["Vis hjelp og bruk"] = "Vis hjelp og bruk",
        ["Vis versjonen"] = "Vis versjonen",
        // Commands.
        ["Fordel det nasjonale behovet på kommunene etter årets kriterier"] = "Fordel det nasjonale behovet på kommunane etter kriteria for året",
        ["Forklar anmodningen til én kommune: indikatorer, bidrag fra kriteriene, bindende regler"] = "Forklar oppmodinga til éin kommune: indikatorar, bidrag frå kriteria, bindande reglar",
        ["Regn ut det nasjonale behovet fra prognoser og sjekk grensen på ±10 % for revisjon"] = "Rekn ut det nasjonale behovet frå prognosar og sjekk grensa på ±10 % for revisjon",
        ["Kontroller og importer en indikatorfil (CSV), en JSON-stat-tabell fra SSB eller en nøkkeltallstabell fra IMDi"] = "Kontroller og importer ei indikatorfil (CSV), ein JSON-stat-tabell frå SSB eller ein nøkkeltalstabell frå IMDi",
        ["Fordel et tidligere år og sammenlign med de faktiske anmodningene (eller bosettingene) og to grunnlinjer"] = "Fordel eit tidlegare år og samanlikn med dei faktiske oppmodingane (eller busetjingane) og to grunnlinjer",
        ["Velg modellens globale parametere på de leverte dataene, hver mot det den skal forutsi, og skriv kurvene"] = "Vel dei globale parametrane i modellen på dei leverte dataa, kvar mot det han skal føreseie, og skriv kurvene",
        ["Lag brevene (PDF) for et godkjent år, på hver kommunes målform"] = "Lag breva (PDF) for eit godkjent år, på målforma til kvar kommune",
        ["Revider en publisert fordeling for et nytt behov: avtaler skaleres, beholdes eller droppes; full ny beregning mot minst mulig endring"] =
            "Revider ei publisert fordeling for eit nytt behov: avtalar blir skalerte, haldne ved lag eller droppa; full ny utrekning mot minst mogleg endring",
        // Options shared by several commands.
        ["Bosettingsår (brevene skrives høsten før)"] = "Busetjingsår (breva blir skrivne hausten før)",
        ["Bosettingsår"] = "Busetjingsår",
        ["Bosettingsåret"] = "Busetjingsåret",
        ["Nasjonalt behov i personer, EM medregnet"] = "Nasjonalt behov i personar, EM medrekna",
        ["Nasjonalt behov i personer, EM medregnet (standard: målets egen sum — Σ anmodninger eller Σ bosatte)"] = "Nasjonalt behov i personar, EM medrekna (standard: summen til målet — Σ oppmodingar eller Σ busette)",
        ["Herav enslige mindreårige (EM)"] = "Av dette einslege mindreårige (EM)",
        ["Behovet som legges til grunn for neste års plantall (standard: --need)"] = "Behovet som blir lagt til grunn for plantalet neste år (standard: --need)",
        ["Kunnskapsdato (åååå-mm-dd): bare tall som var kjent da, brukes (standard: 15. november før året, når brevene skrives)"] =
            "Kunnskapsdato (åååå-mm-dd): berre tal som var kjende då, blir brukte (standard: 15. november før året, når breva blir skrivne)",
        ["Datamappe ordnet som den leverte data/ (standard: den leverte)"] = "Datamappe ordna som den leverte data/ (standard: den leverte)",
        ["Datamappe (standard: den leverte data/)"] = "Datamappe (standard: den leverte data/)",
        ["Datamappen (standard: den leverte data/)"] = "Datamappa (standard: den leverte data/)",
        ["Datamappen det importeres til (standard: den leverte)"] = "Datamappa det blir importert til (standard: den leverte)",
        ["Målform for utskriften: nb (bokmål, standard) eller nn (nynorsk)"] = "Målform for utskrifta: nb (bokmål, standard) eller nn (nynorsk)",
        ["Skriv resultatet til denne filen i stedet for til standard utdata"] = "Skriv resultatet til denne fila i staden for til standard utdata",
        ["Vis reglenes kodenavn i tabellen (som CSV og JSON gjør) i stedet for de norske navnene"] = "Vis kodenamna til reglane i tabellen (slik CSV og JSON gjer) i staden for dei norske namna",
        // explain
        ["Kommunenummer med fire sifre, for eksempel 4601"] = "Kommunenummer med fire siffer, til dømes 4601",
        ["Målform: nb (bokmål) eller nn (nynorsk); standard: kommunens offisielle målform"] = "Målform: nb (bokmål) eller nn (nynorsk); standard: den offisielle målforma til kommunen",
        // need
        ["Forventede asylsøkere"] = "Venta asylsøkjarar",
        ["Forventede EM-asylsøkere"] = "Venta EM-asylsøkjarar",
        ["Forventet andel asylsøkere som får tillatelse (0–1)"] = "Venta del asylsøkjarar som får løyve (0–1)",
        ["Forventet andel EM som får tillatelse (0–1)"] = "Venta del EM som får løyve (0–1)",
        ["Overføringsflyktninger (Stortingets kvote)"] = "Overføringsflyktningar (kvoten frå Stortinget)",
        ["Flyktninger med tillatelse som fortsatt bor i mottak ved årets start"] = "Flyktningar med løyve som framleis bur i mottak når året tek til",
        ["EM med tillatelse i mottak"] = "EM med løyve i mottak",
        ["Familiegjenforente (vises, regnes aldri med)"] = "Familiesameinte (blir viste, blir aldri rekna med)",
        ["Behovet oppgitt direkte (personer, EM medregnet)"] = "Behovet oppgitt direkte (personar, EM medrekna)",
        ["EM oppgitt direkte (med --persons)"] = "EM oppgitt direkte (med --persons)",
        ["Behovet de gjeldende anmodningene bygde på"] = "Behovet dei gjeldande oppmodingane bygde på",
        ["EM-behovet de gjeldende anmodningene bygde på"] = "EM-behovet dei gjeldande oppmodingane bygde på",
        // import
        ["Filen som skal importeres"] = "Fila som skal importerast",
        ["indicator (CSV), jsonstat (SSB-tabell i JSON-stat 2.0) eller nokkeltall (IMDis nøkkeltall)"] = "indicator (CSV), jsonstat (SSB-tabell i JSON-stat 2.0) eller nokkeltall (nøkkeltal frå IMDi)",
        ["For jsonstat: indikatoren tabellens verdier gjelder (for eksempel folketal)"] = "For jsonstat: indikatoren verdiane i tabellen gjeld (til dømes folketal)",
        ["For jsonstat: kategorien som skal tas fra en dimensjon med flere"] = "For jsonstat: kategorien som skal takast frå ein dimensjon med fleire",
        ["Bare kontroller; lagre ingenting"] = "Berre kontroller; lagre ingenting",
        // backtest
        ["IMDis nøkkeltallstabell med årets faktiske anmodninger (standard: datamappens tabell for året)"] = "Nøkkeltalstabellen frå IMDi med dei faktiske oppmodingane for året (standard: tabellen for året i datamappa)",
        ["requests (IMDis anmodninger), settled (årets bosettinger i dataene: et pseudo-år) eller both side om side, hver med sin egen sum"] =
            "requests (oppmodingane frå IMDi), settled (busetjingane for året i dataa: eit pseudoår) eller both side om side, kvar med sin eigen sum",
        ["Skriv per kommune: faktisk, modell, hver grunnlinje, bindende regler (CSV)"] = "Skriv per kommune: faktisk, modell, kvar grunnlinje, bindande reglar (CSV)",
        // calibrate
        ["Vis parameternes kodenavn i kriteriefilen etter de norske navnene"] = "Vis kodenamna til parametrane i kriteriefila etter dei norske namna",
        // letters
        ["Brevtype: request (anmodning, standard), adjusted (justert anmodning) eller postponement (utsettelse)"] = "Brevtype: request (oppmoding, standard), adjusted (justert oppmoding) eller postponement (utsetjing)",
        ["Begrunnelse på bokmål (justerte brev og utsettelser)"] = "Grunngjevinga på bokmål (justerte brev og utsetjingar)",
        ["Den samme begrunnelsen på nynorsk (påkrevd sammen med --reason; brev til kommuner som skriver nynorsk, viser den)"] = "Den same grunngjevinga på nynorsk (påkravd saman med --reason; brev til kommunar som skriv nynorsk, viser henne)",
        ["Ny vedtaksfrist, åååå-mm-dd (påkrevd for justerte brev; ikke tilbake i tid)"] = "Ny vedtaksfrist, åååå-mm-dd (påkravd for justerte brev; ikkje tilbake i tid)",
        ["SQLite-fil (standard: webapplikasjonens egen fil i src/Busetting.Web) eller, med --provider postgres, en tilkoblingsstreng"] =
            "SQLite-fil (standard: den eigne fila til webapplikasjonen i src/Busetting.Web) eller, med --provider postgres, ein tilkoplingsstreng",
        ["Database: sqlite (standard) eller postgres"] = "Database: sqlite (standard) eller postgres",
        ["Send de nye brevene som brevsiden gjør: til webapplikasjonens utboks, med e-post til saksbehandlerne"] = "Send dei nye breva slik brevsida gjer: til utboksen til webapplikasjonen, med e-post til saksbehandlarane",
        ["En annen utboksmappe for --send (standard: webapplikasjonens egen utboks)"] = "Ei anna utboksmappe for --send (standard: den eigne utboksen til webapplikasjonen)",
        ["Webapplikasjonens innstillinger, for utboksen og e-postserveren (standard: src/Busetting.Web/appsettings.json)"] = "Innstillingane til webapplikasjonen, for utboksen og e-posttenaren (standard: src/Busetting.Web/appsettings.json)",
        ["Skriv også alle de nyeste brevene av typen til denne ZIP-filen"] = "Skriv òg alle dei nyaste breva av typen til denne ZIP-fila",
        // revise
        ["Behovet i den publiserte runden"] = "Behovet i den publiserte runden",
        ["EM-behovet i den publiserte runden (standard 0)"] = "EM-behovet i den publiserte runden (standard 0)",
        ["Det reviderte behovet"] = "Det reviderte behovet",
        ["Det reviderte EM-behovet (standard 0)"] = "Det reviderte EM-behovet (standard 0)",
        ["Avtalene: scale (skaleres, standard), keep (beholdes) eller drop (droppes)"] = "Avtalane: scale (blir skalerte, standard), keep (blir haldne ved lag) eller drop (blir droppa)",
        ["En avtale fra den publiserte runden, KOMMUNENUMMER=PERSONER (kan gjentas)"] = "Ein avtale frå den publiserte runden, KOMMUNENUMMER=PERSONAR (kan gjentakast)",
        ["EM i en --agree-avtale, KOMMUNENUMMER=EM (kan gjentas)"] = "EM i ein --agree-avtale, KOMMUNENUMMER=EM (kan gjentakast)",
        ["Et kommunestyrevedtak om den publiserte anmodningen, KOMMUNENUMMER=PERSONER (kan gjentas)"] = "Eit kommunestyrevedtak om den publiserte oppmodinga, KOMMUNENUMMER=PERSONAR (kan gjentakast)",
        ["Kommunenumre som skrives ut linje for linje"] = "Kommunenummer som blir skrivne ut linje for linje",
    };
}
