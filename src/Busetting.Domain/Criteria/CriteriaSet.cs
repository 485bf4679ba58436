using Busetting.Domain.Errors;
using Busetting.Domain.Primitives;

namespace Busetting.Domain.Criteria;

/// <summary>A year's versioned criteria: weights, indicators and rules. Loaded from data/criteria/&lt;year&gt;.json.</summary>
/// <param name="SizeElasticity">Exponent on population in size shares; below 1 means capacity grows less than population.</param>
/// <param name="IndicatorClip">Indicator factors are held within [1/clip, clip] so one figure cannot dominate.</param>
/// <param name="Anchor">How much of the need follows each municipality's recent pattern; null = none (criteria only).</param>
/// <param name="Ministry">The ministry that set the year's criteria (the request letters name it); null where the data does not say.</param>
public sealed record CriteriaSet(
    int Year,
    string Version,
    string Source,
    decimal SizeElasticity,
    decimal IndicatorClip,
    int HistoryYears,
    IReadOnlyList<CriterionDefinition> Criteria,
    AllocationRules Rules,
    ContinuityAnchor? Anchor = null,
    Ministry? Ministry = null)
{
    /// <summary>The ministry's rule: introduction results, work and upper-secondary capacity weigh at least 60 %.</summary>
    public const decimal MinimumTopGroupWeight = 0.60m;

    public decimal TopGroupWeight => Criteria.Where(c => c.PriorityGroup == 1).Sum(c => c.Weight);

    /// <summary>Checks the set is internally consistent; every problem is reported, not just the first.</summary>
    public IReadOnlyList<Error> Validate(string location)
    {
        var errors = new List<Error>();
        void Add(string message) => errors.Add(Error.Invalid("criteria.invalid", message, location));
        void AddValues(string code, string message, Dictionary<string, object> values) => errors.Add(Error.Invalid(code, message, location) with { Values = values });

        if (Criteria.Count == 0)
        {
            AddValues("criteria.empty", "the criteria set has no criteria", []);
        }
        foreach (var duplicate in Criteria.GroupBy(c => c.Id).Where(g => g.Count() > 1))
        {
            Add($"criterion id '{duplicate.Key}' appears {duplicate.Count()} times");
        }
        foreach (var criterion in Criteria)
        {
            if (criterion.Weight < 0)
            {
                AddValues("criteria.weight-negative", $"criterion '{criterion.Id}': weight {criterion.Weight} is negative", new() { ["criterion"] = criterion.Id, ["weight"] = criterion.Weight });
            }
            if (criterion.PriorityGroup < 1)
            {
                Add($"criterion '{criterion.Id}': priority group must be 1 or more");
            }
            if (criterion.Kind == CriterionKind.SizeScaledIndicator && string.IsNullOrWhiteSpace(criterion.IndicatorId))
            {
                Add($"criterion '{criterion.Id}': an indicator criterion needs an indicator id");
            }
            foreach (var target in criterion.WhenMissingMoveTo.Where(t => Criteria.All(c => c.Id != t)))
            {
                Add($"criterion '{criterion.Id}': whenMissing names unknown criterion '{target}'");
            }
        }
        var sum = Criteria.Sum(c => c.Weight);
        if (Math.Abs(sum - 1m) > 0.000001m)
        {
            AddValues("criteria.weights-sum", $"weights sum to {sum}; they must sum to 1", new() { ["sum"] = sum });
        }
        if (SizeElasticity is <= 0 or > 1)
        {
            Add($"sizeElasticity {SizeElasticity} must be in (0, 1]");
        }
        if (IndicatorClip < 1)
        {
            Add($"indicatorClip {IndicatorClip} must be 1 or more");
        }
        if (HistoryYears < 1)
        {
            Add($"historyYears {HistoryYears} must be 1 or more");
        }
        if (Anchor is { } anchor && (anchor.Share is < 0 or > 1 || anchor.RequestWeight is < 0 or > 1))
        {
            Add($"continuityAnchor: share {anchor.Share} and requestWeight {anchor.RequestWeight} must be in [0, 1]");
        }
        ValidateRules(Rules, Add);
        return errors;
    }

    private static void ValidateRules(AllocationRules rules, Action<string> add)
    {
        if (rules.Floor < 0)
        {
            add($"rules.floor {rules.Floor} must be zero or more");
        }
        if (rules.CapacityMaxMultipleOfNationalRate is <= 0)
        {
            add("rules.capacityMaxMultipleOfNationalRate must be positive (or left out for no such cap)");
        }
        if (rules.DecisionCapacity is { MaxFactor: <= 0 })
        {
            add("rules.decisionCapacity.maxFactor must be positive");
        }
        if (rules.ImmigrantShare.ConsiderFactor is < 0 or > 1)
        {
            add("rules.immigrantShare.considerFactor must be in [0, 1]");
        }
        if (rules.Em.MinimumPerMunicipality < 1)
        {
            add("rules.em.minimumPerMunicipality must be 1 or more");
        }
        if (rules.ImmigrantShare.ThresholdPercent is <= 0 or > 100)
        {
            add("rules.immigrantShare.thresholdPercent must be in (0, 100]");
        }
        if (rules.ImmigrantShare.CapFactorOfNationalRate < 0)
        {
            add("rules.immigrantShare.capFactorOfNationalRate must be zero or more");
        }
        if (rules.Continuity is { } band && (band.MaxDecrease is < 0 or > 1 || band.MaxIncrease < 0))
        {
            add("rules.continuity: maxDecrease must be in [0, 1] and maxIncrease zero or more");
        }
        if (rules.Em.HistoryWeight is < 0 or > 1)
        {
            add("rules.em.historyWeight must be in [0, 1]");
        }
        var bounds = rules.Spread.SizeClassLowerBounds;
        if (bounds.Count == 0 || bounds[0] != 0 || bounds.Zip(bounds.Skip(1)).Any(p => p.First >= p.Second))
        {
            add("rules.spread.sizeClassLowerBounds must start at 0 and increase");
        }
        foreach (var duplicate in rules.Exceptions.GroupBy(e => e.Municipality).Where(g => g.Count() > 1))
        {
            add($"rules.exceptions: municipality {duplicate.Key} has {duplicate.Count()} exceptions; merge them into one");
        }
        foreach (var exception in rules.Exceptions.Where(e => string.IsNullOrWhiteSpace(e.Reason)))
        {
            add($"rules.exceptions: the exception for {exception.Municipality} needs a reason");
        }
    }
}

/// <summary>
/// The continuity anchor: <see cref="Share"/> of the need is distributed by each municipality's recent pattern (its
/// share of the latest known year's requests and settlements), the rest by the ministry's criteria. In plain words: how
/// slowly requests move from last year's pattern towards what the criteria say.
/// </summary>
/// <param name="RequestWeight">Within the pattern, the weight of the requests (with the council's decisions) against the settled.</param>
public sealed record ContinuityAnchor(decimal Share, decimal RequestWeight)
{
    /// <summary>
    /// The request weight used while the data holds no year to choose it on: equal weights of last year's requests and
    /// settled. The weight predicts requests, so it may only be chosen against requests, on a year whose year before has
    /// both requests and settled figures; the shipped data has requests for 2022 only, and no year before it.
    /// </summary>
    public const decimal RequestWeightPrior = 0.5m;
}

/// <summary>A ministry by its name in Bokmål and Nynorsk: which one sets the criteria is per-year data (integration moved
/// from Kunnskapsdepartementet to Arbeids- og inkluderingsdepartementet from 2022).</summary>
public sealed record Ministry(string NameNb, string NameNn)
{
    public string Name(WrittenStandard language) => language == WrittenStandard.Nn ? NameNn : NameNb;
}
