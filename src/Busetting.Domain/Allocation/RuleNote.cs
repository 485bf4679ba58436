namespace Busetting.Domain.Allocation;

/// <summary>The rules that can bound or decide a municipality's number; each has a text in both written standards.</summary>
public enum RuleId
{
    Floor,
    FloorException,
    CapacityCap,
    ImmigrantShareCap,
    ImmigrantShareExcluded,
    ContinuityFloor,
    ContinuityCap,
    ReceptionCentre,
    NotSeparateMunicipality,
    ExceptionExcluded,
    ExceptionMax,
    ExceptionAlwaysAsk,
    CapBelowFloor,
    NotAskedSmallTarget,
    /// <summary>Asked only because its landsdel needs one more asked municipality (value: the minimum, detail: the landsdel).</summary>
    SpreadLandsdel,
    /// <summary>Asked only because its size class needs one more asked municipality (value: the minimum, size range).</summary>
    SpreadSizeClass,
    EmNotEligible,
    EmEligibleByHistory,
    EmEligibleByIndicator,
    EmEligibilityUnknown,
    /// <summary>A number agreed in the dialogue with KS and the counties, fixed when re-solving.</summary>
    AgreedChange,
    /// <summary>At most a factor × last year's council decision, scaled by the change in the national need.</summary>
    DecisionCapacity,
    /// <summary>Immigrant share above the threshold: the criteria part of the target is reduced (never a bound).</summary>
    ImmigrantShareConsidered,
    /// <summary>EM-capable: IMDi paid an EM settlement grant in the latest known year.</summary>
    EmEligibleByGrant,
    /// <summary>EM-capable, but its EM target is too small for a viable unit, so no EM is asked.</summary>
    EmBelowMinimum,
    /// <summary>An earlier agreed number scaled with the need in a revision (agreed × new need ÷ need when agreed).</summary>
    AgreedChangeScaled,
    /// <summary>A minimum-change revision kept the number as close as the rules allow to the earlier request or decision.</summary>
    MinimumChangeRevision,
    /// <summary>The revised request is above what the municipal council decided; shown, never silent.</summary>
    AboveCouncilDecision,
}

/// <summary>
/// A rule that applies to a municipality: the number it sets, any free text (an exception's reason, a landsdel's name),
/// and the figures it was worked out from. Numbers stay numbers here; only the text layer formats them.
/// </summary>
public sealed record RuleNote(RuleId Rule, decimal? Value = null, string? Detail = null)
{
    /// <summary>
    /// The figure the rule starts from: the immigrant share in per cent (cap, considered), last year's request
    /// (continuity), last year's council decision (decision capacity), or the EM grant in kroner.
    /// </summary>
    public decimal? Basis { get; init; }

    /// <summary>A size class's lowest population (spread rule).</summary>
    public int? SizeFrom { get; init; }

    /// <summary>A size class's highest population; null for the open top class (spread rule).</summary>
    public int? SizeTo { get; init; }
}
