using System.Text.Json;
using Busetting.Data.Criteria;
using Busetting.Domain.Allocation;
using Busetting.Domain.Criteria;

namespace Busetting.Planning;

/// <summary>
/// What a stored run and a criteria version keep as JSON, read in one place: pages and handlers ask here and never
/// parse stored JSON themselves.
/// </summary>
public static class StoredRun
{
    /// <summary>The solver's and the rules' notes of the run.</summary>
    /// <summary>The run's data notes; a run stored before notes were typed gives its English lines as <see cref="StoredTextNote"/>s.</summary>
    public static IReadOnlyList<DataNote> Warnings(AllocationRun run) => DataNoteJson.Parse(run.WarningsJson);

    /// <summary>The agreed changes the run was solved with (after a revision's treatment).</summary>
    public static List<RunHandler.AgreedChangeRecord> Agreed(AllocationRun run) =>
        JsonSerializer.Deserialize<List<RunHandler.AgreedChangeRecord>>(run.AgreedChangesJson, StoredExplanation.Json) ?? [];

    /// <summary>The revision's mode and references, for a revision run; null otherwise.</summary>
    public static StoredRevision? Revision(AllocationRun run) => Revision(run.RevisionJson);

    /// <summary>A run's stored revision column (<see cref="AllocationRun.RevisionJson"/>) read alone.</summary>
    public static StoredRevision? Revision(string? revisionJson) =>
        revisionJson is null ? null : JsonSerializer.Deserialize<StoredRevision>(revisionJson, StoredExplanation.Json);

    /// <summary>One municipality's explanation as stored with its line.</summary>
    public static StoredExplanation Explanation(RunLine line) => StoredExplanation.Parse(line.ExplanationJson);

    /// <summary>A stored criteria version as a criteria set (stored versions were validated when saved).</summary>
    public static CriteriaSet Criteria(CriteriaEntry entry) => CriteriaJson.Parse(entry.Json, "criteria").Value;

    /// <summary>A stored criteria version as a criteria set, or null if it cannot be read (shown as nothing, not an error).</summary>
    public static CriteriaSet? TryCriteria(CriteriaEntry entry) =>
        CriteriaJson.Parse(entry.Json, "criteria") is { IsSuccess: true } parsed ? parsed.Value : null;
}
