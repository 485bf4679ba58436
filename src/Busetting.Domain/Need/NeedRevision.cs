namespace Busetting.Domain.Need;

/// <summary>
/// A revised need compared with the one the requests were based on.
/// The committee recommends a new distribution when the total or the EM need changes by more than ±10 %.
/// </summary>
public sealed record NeedRevision(NationalNeed Previous, NationalNeed Revised, decimal TriggerThreshold = 0.10m)
{
    /// <summary>Relative change of the total need, e.g. −0.33 for a cut from 18 900 to 12 640.</summary>
    public decimal PersonsChange => Change(Previous.Persons, Revised.Persons);

    /// <summary>Relative change of the EM need; null when the previous EM need was zero.</summary>
    public decimal? EmChange => Previous.Em == 0 ? null : Change(Previous.Em, Revised.Em);

    public bool PersonsTriggers => Math.Abs(PersonsChange) > TriggerThreshold;

    /// <summary>EM from zero to a positive number is a change beyond any threshold.</summary>
    public bool EmTriggers => EmChange is { } change ? Math.Abs(change) > TriggerThreshold : Revised.Em > 0;

    /// <summary>True when a new distribution (adjusted requests) is recommended.</summary>
    public bool RedistributionRecommended => PersonsTriggers || EmTriggers;

    private static decimal Change(int previous, int revised) => (revised - previous) / (decimal)previous;
}
