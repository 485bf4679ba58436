using System.Globalization;

namespace Busetting.Domain.Allocation;

/// <summary>
/// A note about the data a run used (a source missing or stale, a criterion without data, the knowledge date, the history
/// used): one of a closed set of kinds, each with its facts. The words are in the text layer (<c>DataNoteTexts</c>,
/// Bokmål and Nynorsk); <see cref="Technical"/> is the English line the engine always wrote, kept for "Teknisk".
/// </summary>
public abstract record DataNote
{
    /// <summary>The note in the engine's own words (English), for the technical disclosure and logs.</summary>
    public abstract string Technical { get; }

    public sealed override string ToString() => Technical;

    /// <summary>Whether the note is about the criteria (a criterion without data, an indicator old or partial, the anchor, the weights, the set in use): the criteria page and the what-if show these.</summary>
    public static bool AboutCriteria(DataNote note) => note is WeightMovedNote or IndicatorPartialNote or IndicatorOldNote or PriorityGroupLowNote
        or CriteriaFallbackNote or AnchorUnusedNote or AnchorOlderPatternNote;

    private protected static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private protected static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>A criterion named in a note, with the names the criteria set gives it.</summary>
public sealed record NoteCriterion(string Id, string NameNb, string NameNn)
{
    public static NoteCriterion Of(Criteria.CriterionDefinition c) => new(c.Id, c.NameNb, c.NameNn);
}

/// <summary>Why a criterion has no data: its indicator was never imported, or there is no history.</summary>
public enum MissingData { Other, Indicator, History }

/// <summary>A criterion without data: its weight went to <see cref="To"/> (its named proxies, or every criterion with data).</summary>
public sealed record WeightMovedNote(NoteCriterion Criterion, MissingData Missing, string? IndicatorId, IReadOnlyList<NoteCriterion> To, decimal Weight, bool SpreadOverAll) : DataNote
{
    public override string Technical
    {
        get
        {
            var what = Missing switch
            {
                MissingData.Indicator => $" (indicator '{IndicatorId}' not imported for any year before the allocation year)",
                MissingData.History => " (no requests or settlements of earlier years in the data)",
                MissingData.Other => "",
            };
            return SpreadOverAll
                ? Inv($"criterion '{Criterion.Id}' has no data{what} and none of its named proxies has data; its weight {Weight:0.###} was spread over all criteria with data")
                : Inv($"criterion '{Criterion.Id}' has no data{what}; its weight {Weight:0.###} was moved to {string.Join(", ", To.Select(p => $"'{p.Id}'"))}");
        }
    }
}

/// <summary>Only figures known on the knowledge date are used.</summary>
public sealed record KnowledgeDateNote(DateOnly Date) : DataNote
{
    public override string Technical => $"knowledge date {Iso(Date)}: only figures known by then are used";
}

/// <summary>The population used: 1 January of <see cref="Year"/>, from <see cref="Source"/>.</summary>
public sealed record PopulationNote(int Year, string Source) : DataNote
{
    public override string Technical => Inv($"population: 1 January {Year} ({Source})");
}

/// <summary>What kind of history figure a source gives.</summary>
public enum HistoryKind { RequestsAndDecisions, SettledKeyFigures, Settled, EmSettled, EmGrants }

/// <summary>One history source of one year, known from a date (settled figures delivered mid-year: up to <see cref="Until"/>).</summary>
public sealed record HistorySource(HistoryKind Kind, int Year, DateOnly KnownFrom, DateOnly? Until = null)
{
    public string Technical
    {
        get
        {
            var until = Until is { } u ? $" up to {u.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}" : "";
            var from = KnownFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var year = Year.ToString(CultureInfo.InvariantCulture);
            return Kind switch
            {
                HistoryKind.RequestsAndDecisions => $"requests and decisions {year} (known from {from})",
                HistoryKind.SettledKeyFigures => $"settled {year}, IMDi key figures (known from {from})",
                HistoryKind.Settled => $"settled {year}{until} (known from {from})",
                HistoryKind.EmSettled => $"EM settled {year}{until} (known from {from})",
                HistoryKind.EmGrants => $"EM grants {year} (known from {from})",
            };
        }
    }
}

/// <summary>The history figures the run used.</summary>
public sealed record HistoryUsedNote(IReadOnlyList<HistorySource> Sources) : DataNote
{
    public override string Technical => $"history used: {string.Join("; ", Sources.Select(s => s.Technical))}";
}

/// <summary>History figures in the data that were not yet known on the knowledge date.</summary>
public sealed record HistoryNotYetKnownNote(DateOnly Date, IReadOnlyList<HistorySource> Sources) : DataNote
{
    public override string Technical => $"not used (not yet known on {Iso(Date)}): {string.Join("; ", Sources.Select(s => s.Technical))}";
}

/// <summary>No request, decision or settlement was known on the knowledge date.</summary>
public sealed record NoHistoryNote(DateOnly Date) : DataNote
{
    public override string Technical => $"no requests, decisions or settlements known on {Iso(Date)}: continuity and EM history cannot be used";
}

/// <summary>Requests and settlements of the settlement year or later are in the data but never used.</summary>
public sealed record HistoryIgnoredNote(IReadOnlyList<int> Years) : DataNote
{
    public override string Technical => Inv($"not used (the settlement year or later): requests and settlements of {string.Join(", ", Years)}");
}

/// <summary>An indicator dated after the year's letters were written is not used.</summary>
public sealed record IndicatorAfterLettersNote(string IndicatorId, int IndicatorYear, int Year) : DataNote
{
    public override string Technical => Inv($"not used (dated {IndicatorYear}, after the letters for {Year} were written): '{IndicatorId}'");
}

/// <summary>Indicator values imported from a file in the data folder.</summary>
public sealed record IndicatorsImportedNote(string File, int Count) : DataNote
{
    public override string Technical => Inv($"imported indicators from {File}: {Count} values");
}

/// <summary>The EM grants file is missing: EM capability rests on EM settled and imported capacity.</summary>
public sealed record NoEmGrantsFileNote(string File) : DataNote
{
    public override string Technical => $"no EM grants file ({File}): EM capability rests on EM settled and imported capacity only";
}

/// <summary>A municipality split off another, and no year gives both a population: earlier figures stay with the parent.</summary>
public sealed record SplitNotSharedNote(string Municipality, string Parent, DateOnly Date) : DataNote
{
    public override string Technical => $"{Municipality} split from {Parent} on {Iso(Date)}, but no year gives both a population: earlier figures stay with {Parent}";
}

/// <summary>A municipality split off another: figures from before the split shared by population on 1 January <see cref="PopulationYear"/>.</summary>
public sealed record SplitSharedNote(string Municipality, string Parent, DateOnly Date, int PopulationYear, double Share) : DataNote
{
    public override string Technical =>
        Inv($"{Municipality} split from {Parent} on {Iso(Date)}: figures from before the split shared by population on 1 January {PopulationYear} ({Share:P1} to {Municipality})");
}

/// <summary>No criteria set for the year: the newest earlier one is used.</summary>
public sealed record CriteriaFallbackNote(int Year, string File, string Version) : DataNote
{
    public override string Technical => Inv($"no criteria set for {Year}; using {File} (version {Version}) until the ministry's criteria for {Year} are entered");
}

/// <summary>Priority group 1 weighs less than the ministry's minimum.</summary>
public sealed record PriorityGroupLowNote(decimal Weight, decimal Minimum) : DataNote
{
    public override string Technical =>
        Inv($"priority group 1 (introduction results, work, upper-secondary capacity) weighs {Weight:P0}, below the ministry's minimum of {Minimum:P0}");
}

/// <summary>The continuity anchor is set but no earlier requests or settlements were known: the criteria carry the whole need.</summary>
public sealed record AnchorUnusedNote(decimal Share, int Year) : DataNote
{
    public override string Technical =>
        Inv($"continuity anchor ({Share:0.##} of the need) not used: no requests or settlements before {Year} were known at the knowledge date; the criteria carry the whole need");
}

/// <summary>The continuity anchor follows an older year's pattern because <see cref="MissingYear"/> was not known.</summary>
public sealed record AnchorOlderPatternNote(int MissingYear, int PatternYear) : DataNote
{
    public override string Technical =>
        Inv($"continuity anchor: no requests or settlements of {MissingYear} known at the knowledge date; the pattern is from {PatternYear}");
}

/// <summary>No requests of <see cref="Year"/> known: the continuity band does not apply.</summary>
public sealed record NoContinuityRequestsNote(int Year) : DataNote
{
    public override string Technical => Inv($"no requests of {Year} known at the knowledge date: the continuity band does not apply");
}

/// <summary>No council decisions of <see cref="Year"/> known: the capacity-from-decisions rule does not apply.</summary>
public sealed record NoDecisionsNote(int Year) : DataNote
{
    public override string Technical => Inv($"no council decisions of {Year} known at the knowledge date: the capacity-from-decisions rule does not apply");
}

/// <summary>Some municipalities have no value for a criterion's indicator and count as the national mean.</summary>
public sealed record IndicatorPartialNote(NoteCriterion Criterion, string IndicatorId, int Missing) : DataNote
{
    public override string Technical => Inv($"criterion '{Criterion.Id}': {Missing} municipalities have no value for '{IndicatorId}' and count as the national mean");
}

/// <summary>A criterion's indicator is old: from <see cref="IndicatorYear"/>, <see cref="Age"/> years before the allocation year.</summary>
public sealed record IndicatorOldNote(NoteCriterion Criterion, string IndicatorId, int IndicatorYear, int Age) : DataNote
{
    public override string Technical =>
        Inv($"criterion '{Criterion.Id}': indicator '{IndicatorId}' is from {IndicatorYear}, {Age} years before the allocation year; import a newer one");
}

/// <summary>The solve without the spread rule failed, so the explanations cannot say who was asked only because of it.</summary>
public sealed record SpreadUncheckedNote : DataNote
{
    public override string Technical =>
        "could not check which municipalities are asked only because of the spread rule (the solve without it failed); their explanations name the floor";
}

/// <summary>Nothing tells which municipalities can receive EM in <see cref="From"/>–<see cref="To"/>: every asked one counts as able.</summary>
public sealed record NoEmEvidenceNote(int From, int To, string IndicatorId) : DataNote
{
    public override string Technical =>
        Inv($"no EM capability data, no EM grants and no EM settlements in {From}–{To} known: every asked municipality is treated as able to receive EM; import '{IndicatorId}' to restrict");
}

/// <summary>A municipality asked for more than its council decided.</summary>
public sealed record AboveDecisionLine(string Municipality, string Name, int Requested, int Decided);

/// <summary>Municipalities asked for more than their council decided (a revision): IMDi must take it up with them.</summary>
public sealed record AboveCouncilDecisionNote(IReadOnlyList<AboveDecisionLine> Lines) : DataNote
{
    public override string Technical =>
        Inv($"{Lines.Count} municipalities are asked for more than their council decided: {string.Join(", ", Lines.Select(l => Inv($"{l.Municipality} {l.Name} {l.Requested} (decided {l.Decided})")))}");
}

/// <summary>A note stored as English text by a run made before notes were typed; shown as it was, under "Teknisk".</summary>
public sealed record StoredTextNote(string Text) : DataNote
{
    public override string Technical => Text;
}
