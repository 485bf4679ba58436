using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Busetting.Domain.Allocation;

namespace Busetting.Application;

/// <summary>
/// A run's data notes as stored with it (JSON): each note an object with its kind, its facts and its English text
/// ("technical", for a reader of the raw JSON). Runs stored before notes were typed hold plain English strings; those still
/// read, as <see cref="StoredTextNote"/>s, so an old database keeps displaying (under "Teknisk").
/// </summary>
public static class DataNoteJson
{
    /// <summary>Each kind's stored name; a new kind is added here and in <see cref="DataNoteTexts"/>.</summary>
    public static readonly IReadOnlyList<(Type Type, string Kind)> Kinds =
    [
        (typeof(WeightMovedNote), "weight-moved"), (typeof(KnowledgeDateNote), "knowledge-date"), (typeof(PopulationNote), "population"),
        (typeof(HistoryUsedNote), "history-used"), (typeof(HistoryNotYetKnownNote), "history-not-yet-known"), (typeof(NoHistoryNote), "no-history"),
        (typeof(HistoryIgnoredNote), "history-ignored"), (typeof(IndicatorAfterLettersNote), "indicator-after-letters"),
        (typeof(IndicatorsImportedNote), "indicators-imported"), (typeof(NoEmGrantsFileNote), "no-em-grants-file"),
        (typeof(SplitNotSharedNote), "split-not-shared"), (typeof(SplitSharedNote), "split-shared"), (typeof(CriteriaFallbackNote), "criteria-fallback"),
        (typeof(PriorityGroupLowNote), "priority-group-low"), (typeof(AnchorUnusedNote), "anchor-unused"), (typeof(AnchorOlderPatternNote), "anchor-older-pattern"),
        (typeof(NoContinuityRequestsNote), "no-continuity-requests"), (typeof(NoDecisionsNote), "no-decisions"),
        (typeof(IndicatorPartialNote), "indicator-partial"), (typeof(IndicatorOldNote), "indicator-old"), (typeof(SpreadUncheckedNote), "spread-unchecked"),
        (typeof(NoEmEvidenceNote), "no-em-evidence"), (typeof(AboveCouncilDecisionNote), "above-council-decision"), (typeof(StoredTextNote), "text"),
    ];

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { Polymorphic } },
    };

    public static string Serialize(IReadOnlyList<DataNote> notes) => JsonSerializer.Serialize(notes, Options);

    /// <summary>The stored notes; an element that is a plain string (a run stored before notes were typed) becomes a <see cref="StoredTextNote"/>.</summary>
    public static IReadOnlyList<DataNote> Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray()
            .Select(e => e.ValueKind == JsonValueKind.String
                ? new StoredTextNote(e.GetString() ?? "")
                : e.Deserialize<DataNote>(Options) ?? new StoredTextNote(e.GetRawText()))
            .ToList();
    }

    /// <summary>The note hierarchy is closed and lives in the domain (no serializer attributes there): its kinds are named here.</summary>
    private static void Polymorphic(JsonTypeInfo info)
    {
        if (info.Type != typeof(DataNote))
        {
            return;
        }
        info.PolymorphismOptions = new JsonPolymorphismOptions { TypeDiscriminatorPropertyName = "kind" };
        foreach (var (type, kind) in Kinds)
        {
            info.PolymorphismOptions.DerivedTypes.Add(new JsonDerivedType(type, kind));
        }
    }
}
