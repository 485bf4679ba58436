using Busetting.Domain.Allocation;
using Busetting.Domain.Criteria;
using Busetting.Domain.Municipalities;
using Busetting.Domain.Primitives;

namespace Busetting.TestKit;

/// <summary>Small hand-checkable municipalities and criteria sets.</summary>
public static class Fixtures
{
    public static Municipality Municipality(string number, string landsdel = "Vestlandet") =>
        new(MunicipalityNumber.Parse(number), "K" + number, "K" + number, CountyNumber.Parse(number[..2]), "Fylke " + number[..2], landsdel, LanguageForm.Bokmal, null, null);

    public static MunicipalityProfile Profile(string number, int population, string landsdel = "Vestlandet",
        IEnumerable<IndicatorValue>? indicators = null, int? receptionResidents = null, bool? emCapable = null,
        IReadOnlyList<HistoryPoint>? history = null, string? notSeparate = null) =>
        new(Municipality(number, landsdel), population, 2024,
            (indicators ?? []).ToDictionary(i => i.IndicatorId),
            receptionResidents is { } r ? new IndicatorValue(IndicatorIds.ReceptionCentreResidents, r, 2024, "test") : null,
            emCapable, history ?? [], notSeparate);

    public static IndicatorValue Indicator(string id, decimal value) => new(id, value, 2023, "test");

    public static CriterionDefinition Criterion(string id, decimal weight, CriterionKind kind, string? indicator = null,
        IndicatorDirection direction = IndicatorDirection.HigherIsBetter, int group = 1, params string[] moveTo) =>
        new(id, id, id, group, weight, kind, indicator, direction, moveTo, "test rule");

    public static AllocationRules Rules(int floor = 10, decimal capacityMultiple = 100m, IReadOnlyList<MunicipalityException>? exceptions = null,
        ContinuityBand? continuity = null, ImmigrantShareMode mode = ImmigrantShareMode.Cap, int minPerLandsdel = 0, int minPerSizeClass = 0) =>
        new(floor, exceptions ?? [], true, new SpreadRule(minPerLandsdel, [0, 2000, 10000], minPerSizeClass), capacityMultiple, continuity,
            new ImmigrantShareRule(30m, mode, 0.5m), new EmRule(3, 0.5m));

    public static CriteriaSet CriteriaOf(AllocationRules? rules = null, decimal elasticity = 1m, params CriterionDefinition[] criteria) =>
        new(2025, "test", "test", elasticity, 2m, 3,
            criteria.Length > 0 ? criteria : [Criterion("size", 1m, CriterionKind.Size)],
            rules ?? Rules());
}
