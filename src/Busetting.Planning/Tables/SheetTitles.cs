namespace Busetting.Planning.Tables;

/// <summary>
/// The title and lines above each table, in the reader's written standard: what it is, which revision, when it was
/// published or computed, and where the numbers come from. The page shows the lines above its table (and in print);
/// the XLSX writes them above the header.
/// </summary>
public static class SheetTitles
{
    /// <summary>A year's published figures: revision, publication date and sources (data/SOURCES.md).</summary>
    public static SheetTitle Public(PublicYear y, WrittenStandard lang)
    {
        var nn = lang == WrittenStandard.Nn;
        var title = (nn ? "Oppmoding, vedtak og busette " : "Anmodning, vedtak og bosatte ") + Number(y.Year);
        if (y.Source == PublicSource.Imdi)
        {
            return new(title, [nn
                ? "Kjelde: IMDi, publiserte nøkkeltal og busetjingsstatistikk (levert med Busetting); innbyggjarar: SSB, tabell 07459"
                : "Kilde: IMDi, publiserte nøkkeltall og bosettingsstatistikk (levert med Busetting); innbyggere: SSB, tabell 07459"]);
        }
        List<string> lines =
        [
            y.Revision > 0 ? "Revisjon " + Number(y.Revision) : nn ? "Opphavleg publisering" : "Opprinnelig publisering",
        ];
        if (y.PublishedAt is { } at)
        {
            lines.Add("Publisert " + Ui.Date(DateOnly.FromDateTime(NorwegianTime.FromUtc(at))));
        }
        lines.Add(nn
            ? "Kjelde: IMDi (oppmodingar publiserte i Busetting), kommunane (vedtak), IMDi (busette), SSB tabell 07459 (innbyggjarar)"
            : "Kilde: IMDi (anmodninger publisert i Busetting), kommunene (vedtak), IMDi (bosatte), SSB tabell 07459 (innbyggere)");
        return new(title, lines);
    }

    /// <summary>One allocation run: what it distributed, whether it revised another run, when and by whom, its checksum.</summary>
    public static SheetTitle Run(AllocationRun run, WrittenStandard lang)
    {
        var nn = lang == WrittenStandard.Nn;
        List<string> lines = [$"{Ui.Number(run.Persons)} {(nn ? "personar" : "personer")}, {Ui.Number(run.Em)} EM"];
        if (StoredRun.Revision(run) is { } revision)
        {
            lines.Add((nn ? "Revisjon av køyring #" : "Revisjon av kjøring #") + Number(revision.BaseRunId));
        }
        lines.Add($"{(nn ? "Køyrd" : "Kjørt")} {Ui.Time(run.At)} av {run.By}");
        lines.Add(Source(lang, run));
        return new($"Fordeling #{Number(run.Id)}, {Number(run.Year.Value)}", lines);
    }

    /// <summary>Two runs side by side.</summary>
    public static SheetTitle Compare(AllocationRun a, AllocationRun b, WrittenStandard lang)
    {
        var nn = lang == WrittenStandard.Nn;
        return new($"{(nn ? "Køyring" : "Kjøring")} #{Number(a.Id)} mot #{Number(b.Id)}, {Number(b.Year.Value)}",
            [$"#{Number(a.Id)}: {Ui.Time(a.At)}, {a.By}", $"#{Number(b.Id)}: {Ui.Time(b.At)}, {b.By}", Source(lang, b)]);
    }

    /// <summary>The decision dashboard: the run its requests come from.</summary>
    public static SheetTitle Decisions(AllocationRun run, WrittenStandard lang)
    {
        var nn = lang == WrittenStandard.Nn;
        return new($"Vedtak {Number(run.Year.Value)}",
        [
            $"{(nn ? "Oppmodingar frå køyring" : "Anmodninger fra kjøring")} #{Number(run.Id)}",
            nn ? "Kjelde: vedtak registrerte av kommunane i Busetting; busette: IMDi" : "Kilde: vedtak registrert av kommunene i Busetting; bosatte: IMDi",
        ]);
    }

    /// <summary>A year's letters.</summary>
    public static SheetTitle Letters(int year, WrittenStandard lang) =>
        new($"Brev {Number(year)}", [lang == WrittenStandard.Nn ? "Kjelde: Busetting, brev laga og sende" : "Kilde: Busetting, brev laget og sendt"]);

    /// <summary>The audit trail, of a year or of all years.</summary>
    public static SheetTitle Audit(int? year, WrittenStandard lang) =>
        new(year is { } y ? $"Revisjonsspor {Number(y)}" : "Revisjonsspor", [lang == WrittenStandard.Nn ? "Kjelde: Busetting, revisjonssporet" : "Kilde: Busetting, revisjonssporet"]);

    private static string Source(WrittenStandard lang, AllocationRun run) =>
        $"{(lang == WrittenStandard.Nn ? "Kjelde" : "Kilde")}: Busetting, {(lang == WrittenStandard.Nn ? "køyring" : "kjøring")} #{Number(run.Id)} (kontrollsum {run.ResultHash[..Math.Min(12, run.ResultHash.Length)]})";

    /// <summary>A year or an id: digits only, never grouped.</summary>
    private static string Number(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
