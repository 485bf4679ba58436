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
    SpreadLandsdel,
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

/// <summary>A rule that applies to a municipality, with the number it sets and any free text (an exception's reason).</summary>
public sealed record RuleNote(RuleId Rule, decimal? Value = null, string? Detail = null);
