namespace Busetting.Planning.Tables;

/// <summary>The municipality tables of the application: one definition each, shared by the page and its exports.</summary>
public static class Tables
{
    /// <summary>Published figures (public table, downloads).</summary>
    public static IReadOnlyList<Column<PublicRow>> Public { get; } =
    [
        new("folketal", "Innbyggere", "Innbyggjarar", r => r.Population),
        new("oppmoda", "Anmodet", "Oppmoda", r => r.Requested),
        new("em", "Herav EM", "Av dei EM", r => r.RequestedEm),
        new("plantal", "Plantall neste år", "Plantal neste år", r => r.PlanNextYear),
        new("vedteke", "Vedtatt", "Vedteke", r => r.Decided),
        new("vedteke_em", "Vedtatt EM", "Vedteke EM", r => r.DecidedEm),
        new("busett", "Bosatt", "Busett", r => r.Settled),
    ];

    /// <summary>
    /// A year's published figures as the public table and its downloads show them: after a revision, the original
    /// request beside the adjusted one and the change (issue 16, item 10).
    /// </summary>
    public static TableData<PublicRow> PublicFor(PublicYear y)
    {
        if (y.Original is not { } original)
        {
            return new(y.Rows, Public);
        }
        int? First(PublicRow r) => original.TryGetValue(r.Kommunenummer, out var n) ? n : null;
        return new(y.Rows,
        [
            Public[0],
            new("opphavleg", "Opprinnelig anmodet", "Opphavleg oppmoda", r => First(r)),
            new("oppmoda", "Justert anmodet", "Justert oppmoda", r => r.Requested),
            new("endring", "Endring", "Endring", r => r.Requested - First(r)),
            .. Public.Skip(2),
        ], r => r.Requested != First(r));
    }

    /// <param name="Before">A revision run's published request it revises (0 where none was published); null for other runs.</param>
    public sealed record RunRow(string Kommunenummer, string Name, string CountyNumber, string County, int Requested, int RequestedEm, int PlanNextYear, int? Before = null)
        : IMunicipalityRow;

    /// <summary>
    /// One allocation run; a county reviewer sees its own county's rows only. A revision run shows the published request
    /// it revises beside the adjusted one and the change (issue 16, item 10); "only changed" keeps those that moved.
    /// </summary>
    public static TableData<RunRow> Run(AllocationRun run, ReferenceStore reference, Actor me)
    {
        var revision = StoredRun.Revision(run);
        var rows = run.Lines.Select(l => reference.ByNumber[l.Kommunenummer] is var m
                ? new RunRow(l.Kommunenummer.Value, m.Name, m.County.Value, m.CountyName, l.Requested, l.RequestedEm, l.PlanNextYear,
                    revision?.Requests.GetValueOrDefault(l.Kommunenummer.Value))
                : throw new InvalidOperationException())
            .Where(r => me.Role != Role.County || r.CountyNumber == me.Fylkesnummer?.Value).ToList();
        if (revision is null)
        {
            return new(rows,
            [
                new("oppmoda", "Anmodet", "Oppmoda", r => r.Requested),
                new("em", "Herav EM", "Av dei EM", r => r.RequestedEm),
                new("plantal", "Plantall", "Plantal", r => r.PlanNextYear),
            ]);
        }
        return new(rows,
        [
            new("publisert", "Publisert anmodet", "Publisert oppmoda", r => r.Before),
            new("oppmoda", "Justert anmodet", "Justert oppmoda", r => r.Requested),
            new("endring", "Endring", "Endring", r => r.Requested - r.Before),
            new("em", "Herav EM", "Av dei EM", r => r.RequestedEm),
            new("plantal", "Plantall", "Plantal", r => r.PlanNextYear),
        ], r => r.Requested != r.Before);
    }

    public sealed record CompareRow(string Kommunenummer, string Name, string CountyNumber, string County, int A, int B) : IMunicipalityRow
    {
        public int Change => B - A;
    }

    /// <summary>Two runs side by side; "only changed" keeps the municipalities whose number differs.</summary>
    public static TableData<CompareRow> Compare(AllocationRun a, AllocationRun b, ReferenceStore reference, Actor me)
    {
        var before = a.Lines.ToDictionary(l => l.Kommunenummer, l => l.Requested);
        var rows = b.Lines.Select(l => reference.ByNumber[l.Kommunenummer] is var m
                ? new CompareRow(l.Kommunenummer.Value, m.Name, m.County.Value, m.CountyName, before.GetValueOrDefault(l.Kommunenummer), l.Requested)
                : throw new InvalidOperationException())
            .Where(r => me.Role != Role.County || r.CountyNumber == me.Fylkesnummer?.Value).ToList();
        return new(rows,
        [
            new("a", $"#{a.Id}", $"#{a.Id}", r => r.A),
            new("b", $"#{b.Id}", $"#{b.Id}", r => r.B),
            new("endring", "Endring", "Endring", r => r.Change),
        ], r => r.A != r.B);
    }

    public sealed record DecisionRow(string Kommunenummer, string Name, string CountyNumber, string County, int Requested, int? Decided, int? DecidedEm, int? Extra, int? Settled)
        : IMunicipalityRow;

    /// <summary>The run the decision dashboard follows: the published one, else the approved one, else what this user may see.</summary>
    public static async Task<AllocationRun?> DashboardRun(RunHandler runs, Actor me, PlanningYear year) =>
        (year.PublishedRunId ?? year.ApprovedRunId) is { } id ? await runs.Run(id) : await runs.VisibleRun(me, year.Year);

    /// <summary>Requested, decided and settled per municipality; the filter keeps those asked that have not answered.</summary>
    public static TableData<DecisionRow> Decisions(AllocationRun run, IReadOnlyDictionary<MunicipalityNumber, Decision> decisions, ReferenceStore reference, Actor me) => new(
        run.Lines.Select(l => (Line: l, M: reference.ByNumber[l.Kommunenummer], D: decisions.GetValueOrDefault(l.Kommunenummer)))
            .Where(x => me.Role != Role.County || x.M.County == me.Fylkesnummer)
            .Select(x => new DecisionRow(x.Line.Kommunenummer.Value, x.M.Name, x.M.County.Value, x.M.CountyName, x.Line.Requested,
                x.D?.Persons, x.D?.Em, x.D?.AdditionalCapacity, reference.Settled(x.Line.Kommunenummer, run.Year.Value)))
            .ToList(),
        [
            new("oppmoda", "Anmodet", "Oppmoda", r => r.Requested),
            new("vedteke", "Vedtatt", "Vedteke", r => r.Decided),
            new("vedteke_em", "Vedtatt EM", "Vedteke EM", r => r.DecidedEm),
            new("fleire", "Kan ta flere", "Kan ta fleire", r => r.Extra),
            new("busett", "Bosatt", "Busett", r => r.Settled),
        ],
        r => r.Requested > 0 && r.Decided is null, new Words("Bare de som ikke har svart", "Berre dei som ikkje har svart"));

    public sealed record UnansweredRow(string Kommunenummer, string Name, string CountyNumber, string County, int Requested, int RequestedEm) : IMunicipalityRow;

    /// <summary>The municipalities asked that have not registered a decision ("Ikke svart"); one no longer in the
    /// reference data keeps its number as its name.</summary>
    public static TableData<UnansweredRow> Unanswered(IEnumerable<Unanswered> missing, ReferenceStore reference) => new(
        missing.Select(m => reference.Find(m.Kommunenummer) is { } found
                ? new UnansweredRow(m.Kommunenummer.Value, found.Name, found.County.Value, found.CountyName, m.Requested, m.RequestedEm)
                : new UnansweredRow(m.Kommunenummer.Value, m.Kommunenummer.Value, "", "", m.Requested, m.RequestedEm))
            .ToList(),
        [
            new("oppmoda", "Anmodet", "Oppmoda", r => r.Requested),
            new("em", "Herav EM", "Av dei EM", r => r.RequestedEm),
        ]);

    public sealed record RevisionRow(string Kommunenummer, string Name, string CountyNumber, string County, IReadOnlyList<int> Requested) : IMunicipalityRow
    {
        public int Change => Requested[^1] - Requested[0];
    }

    /// <summary>The public revision history: one column per publication (named and dated), then the change from the
    /// first to the last; only the municipalities whose request changed. The change column's total is the national change
    /// (the others are unchanged), the publications' columns have no total (the rows are not the whole country).</summary>
    public static TableData<RevisionRow> Revisions(IReadOnlyList<PublicationHandler.Publication> publications,
        IReadOnlyDictionary<int, Dictionary<MunicipalityNumber, (int Requested, int Em)>> lines, ReferenceStore reference)
    {
        int Requested(PublicationHandler.Publication p, MunicipalityNumber code) => lines[p.RunId].GetValueOrDefault(code).Requested;
        string Dated(string name, PublicationHandler.Publication p) =>
            p.At is { } at ? $"{name} ({Ui.Date(DateOnly.FromDateTime(NorwegianTime.FromUtc(at)))})" : name;
        var rows = lines.Values.SelectMany(l => l.Keys).Distinct()
            .Where(code => publications.Select(p => Requested(p, code)).Distinct().Count() > 1)
            .Order()
            .Select(code => (Code: code, M: reference.Find(code)))
            .Select(x => new RevisionRow(x.Code.Value, x.M?.Name ?? x.Code.Value, x.M?.County.Value ?? "", x.M?.CountyName ?? "",
                publications.Select(p => Requested(p, x.Code)).ToList()))
            .ToList();
        var columns = publications.Select((p, i) => new Column<RevisionRow>($"r{p.Revision}",
                Dated(p.Revision == 0 ? "Opprinnelig" : $"Revisjon {p.Revision}", p), Dated(p.Revision == 0 ? "Opphavleg" : $"Revisjon {p.Revision}", p),
                r => r.Requested[i], Sum: false))
            .Append(new Column<RevisionRow>("endring", "Endring", "Endring", r => r.Change))
            .ToList();
        return new(rows, columns);
    }

    public sealed record LetterRow(string Kommunenummer, string Name, string CountyNumber, string County, int Id, string Kind, int Version,
        string Language, int Requested, int RequestedEm, string Reference, int RunId, string Hash, DateTime? SentAt, string? Channel) : IMunicipalityRow;

    /// <summary>Every letter version of a year; "not sent" keeps those still waiting in the outbox.</summary>
    public static TableData<LetterRow> Letters(IEnumerable<Letter> letters, ReferenceStore reference, WrittenStandard lang) => new(
        letters.Select(l =>
            {
                // A letter to a municipality no longer in the reference data keeps its number as its name.
                var m = reference.Find(l.Kommunenummer);
                return new LetterRow(l.Kommunenummer.Value, m?.Name ?? l.Kommunenummer.Value, m?.County.Value ?? "", m?.CountyName ?? "", l.Id, Ui.LetterKind(lang, l.Kind),
                    l.Version, LanguageName(l.Language), l.Requested, l.RequestedEm, l.Reference, l.RunId, l.ContentHash, l.SentAt, l.Channel);
            })
            .ToList(),
        [
            new("type", "Type", "Type", r => r.Kind, Numeric: false),
            new("versjon", "Versjon", "Versjon", r => r.Version, Sum: false),
            new("maalform", "Målform", "Målform", r => r.Language, Numeric: false),
            new("oppmoda", "Anmodet", "Oppmoda", r => r.Requested),
            new("em", "Herav EM", "Av dei EM", r => r.RequestedEm),
            new("referanse", "Referanse", "Referanse", r => r.Reference, Numeric: false),
            new("kjoring", "Fra kjøring", "Frå køyring", r => r.RunId, Sum: false),
            new("sha256", "Innhold (SHA-256)", "Innhald (SHA-256)", r => r.Hash[..12], Numeric: false),
            new("sendt", "Sendt", "Sendt", r => r.SentAt, Numeric: false),
        ],
        r => r.SentAt is null, new Words("Bare usendte", "Berre usende"));

    private static string LanguageName(WrittenStandard standard) => standard == WrittenStandard.Nn ? "Nynorsk" : "Bokmål";
}
