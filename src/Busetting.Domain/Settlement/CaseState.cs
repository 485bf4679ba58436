using System.Collections.Immutable;
using Busetting.Domain.Primitives;

namespace Busetting.Domain.Settlement;

/// <summary>
/// Where a case stands. Registered → Ready → Proposed → Accepted → Decided → DateAgreed → Settled; a refused, expired
/// or withdrawn proposal returns it to Ready; SelfSettled and Closed end it outside the flow.
/// </summary>
public enum CaseStatus
{
    Registered,
    Ready,
    Proposed,
    Accepted,
    Decided,
    DateAgreed,
    Settled,
    SelfSettled,
    Closed,
}

/// <summary>Why a municipality says no to a proposed case (the municipality's coded answer).</summary>
public enum RefusalReason
{
    NoSuitableDwelling,
    NoCapacityNow,
    ServicesNotAvailable,
    Other,
}

/// <summary>Why an IMDi officer proposes a case against a rule that would stop it (recorded with the proposal).</summary>
public enum OverrideReason
{
    /// <summary>The municipality refused before; circumstances changed (a dwelling found, a family tie).</summary>
    CircumstancesChanged,
    /// <summary>The municipality agreed outside the system (a phone call recorded in the case).</summary>
    AgreedWithMunicipality,
}

/// <summary>
/// A case and what has happened to it: the municipality it is with (proposed, accepted, decided or settled), the open
/// proposal's dates, the agreement date, each member's settlement date, the municipalities that refused it, and the day
/// of its last event (events never go back in time).
/// </summary>
public sealed record CaseState(
    Household Household,
    CaseStatus Status,
    MunicipalityNumber? Municipality,
    DateOnly? ProposedOn,
    DateOnly? Deadline,
    DateOnly? AgreedOn,
    ImmutableDictionary<PersonId, DateOnly> Dates,
    ImmutableHashSet<MunicipalityNumber> RefusedBy,
    DateOnly LastOn)
{
    /// <summary>A new case, registered on the permit date (nothing happens to it before that day).</summary>
    public static CaseState Registered(Household household) =>
        new(household, CaseStatus.Registered, null, null, null, null, ImmutableDictionary<PersonId, DateOnly>.Empty, [], household.PermitDate);

    public CaseId Id => Household.Id;

    /// <summary>The case holds places in <see cref="Municipality"/>: an open proposal, acceptance, decision, agreement or settlement.</summary>
    public bool HoldsPlaces => Status is CaseStatus.Proposed or CaseStatus.Accepted or CaseStatus.Decided or CaseStatus.DateAgreed
        or CaseStatus.Settled or CaseStatus.SelfSettled;

    /// <summary>The day the case counts as settled: the last member's date (or the self-settlement's).</summary>
    public DateOnly? SettledOn => Status is CaseStatus.Settled or CaseStatus.SelfSettled && Dates.Count > 0 ? Dates.Values.Max() : null;
}
