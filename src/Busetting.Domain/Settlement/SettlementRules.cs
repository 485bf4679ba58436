using System.Collections.Immutable;
using System.Globalization;
using Busetting.Domain.Errors;
using Busetting.Domain.Primitives;

namespace Busetting.Domain.Settlement;

/// <summary>
/// The settlement state machine: which event may happen to a case in which state, and what the case is after it. Each
/// rule is a named function returning the error that stops the event (null when it holds); <see cref="Apply"/> runs
/// them in order. Invariants kept: one open proposal per case; no case proposed again to a municipality that refused it
/// without a recorded override; never more places held than the municipality decided (persons, and EM per age band);
/// no case to a municipality it is protected from; settled only when every member has a date; no date before the
/// agreement; no event before the case's last.
/// </summary>
public static class SettlementRules
{
    /// <summary>The days a municipality has to answer a proposal unless IMDi sets another deadline.</summary>
    public const int DefaultAnswerDays = 7;

    /// <summary>The states each event may come from.</summary>
    public static IReadOnlySet<CaseStatus> AllowedFrom(CaseEvent e) => e switch
    {
        CaseEvent.MappingDone => Set(CaseStatus.Registered),
        CaseEvent.Proposed => Set(CaseStatus.Ready),
        CaseEvent.Accepted or CaseEvent.Refused or CaseEvent.Expired => Set(CaseStatus.Proposed),
        CaseEvent.Withdrawn => Set(CaseStatus.Proposed, CaseStatus.Accepted, CaseStatus.Decided),
        CaseEvent.Decided => Set(CaseStatus.Accepted),
        CaseEvent.DateAgreed => Set(CaseStatus.Decided),
        CaseEvent.DateRegistered => Set(CaseStatus.DateAgreed),
        CaseEvent.SelfSettled or CaseEvent.Closed => Set(CaseStatus.Registered, CaseStatus.Ready),
        _ => Set(),
    };

    public static Error? CheckTransition(CaseState state, CaseEvent e) =>
        AllowedFrom(e).Contains(state.Status) ? null
            : Rule("settlement.state", $"case {state.Id}: {Name(e)} cannot follow {state.Status}", ErrorKind.Conflict, ("case", state.Id.Value), ("event", Name(e)), ("status", state.Status));

    /// <summary>Events are recorded in the order they happened: none before the case's last event (or its permit).</summary>
    public static Error? CheckChronology(CaseState state, CaseEvent e) =>
        e.On >= state.LastOn ? null
            : Rule("settlement.date-order", $"case {state.Id}: {Name(e)} on {Day(e.On)} is before the case's last event ({Day(state.LastOn)})", ErrorKind.InvalidInput,
                ("case", state.Id.Value), ("on", e.On), ("last", state.LastOn));

    /// <summary>Only the municipality the case is with may answer, agree and register dates for it.</summary>
    public static Error? CheckMunicipality(CaseState state, MunicipalityNumber by) =>
        state.Municipality == by ? null
            : Error.Forbidden($"case {state.Id} is not with {by}") with { Code = "settlement.municipality", Values = Values(("case", state.Id.Value), ("municipality", by.Value)) };

    /// <summary>A municipality that refused the case is not asked again unless the officer records why.</summary>
    public static Error? CheckNotRefusedBefore(CaseState state, MunicipalityNumber municipality, OverrideReason? reason) =>
        !state.RefusedBy.Contains(municipality) || reason is not null ? null
            : Rule("settlement.refused-before", $"{municipality} refused case {state.Id} before; record an override to ask again", ErrorKind.Conflict,
                ("case", state.Id.Value), ("municipality", municipality.Value));

    /// <summary>A case never goes to a municipality it is protected from (no override).</summary>
    public static Error? CheckNotProtected(Household household, MunicipalityNumber municipality) =>
        household.Protections.All(p => p.Municipality != municipality) ? null
            : Rule("settlement.protected", $"case {household.Id} must not be settled in {municipality}", ErrorKind.InvalidInput,
                ("case", household.Id.Value), ("municipality", municipality.Value));

    /// <summary>The municipality can meet every need of the case, unless the officer records why it may all the same.</summary>
    public static Error? CheckCapabilities(Household household, MunicipalCapacity capacity, OverrideReason? reason)
    {
        var missing = household.Needs.Where(n => !capacity.Capabilities.Contains(n)).Order().ToList();
        return missing.Count == 0 || reason is not null ? null
            : Rule("settlement.needs", $"{capacity.Municipality} has not registered that it can meet {string.Join(", ", missing)}", ErrorKind.InvalidInput,
                ("case", household.Id.Value), ("municipality", capacity.Municipality.Value), ("needs", missing));
    }

    /// <summary>
    /// The case fits in what the municipality decided, counting every place held (open proposals, accepted, decided,
    /// agreed, settled); an EM case also needs a free EM place in its age band.
    /// </summary>
    public static Error? CheckRoom(Household household, MunicipalCapacity? capacity, PlacesHeld held)
    {
        var municipality = capacity?.Municipality;
        if (capacity is null)
        {
            return Rule("settlement.no-decision", $"case {household.Id}: the municipality has no council decision this year", ErrorKind.Conflict, ("case", household.Id.Value));
        }
        if (held.Persons + household.Persons > capacity.Persons)
        {
            return Rule("settlement.capacity", $"{municipality} has {capacity.Persons - held.Persons} free places of {capacity.Persons}; case {household.Id} has {household.Persons} persons",
                ErrorKind.Conflict, ("case", household.Id.Value), ("municipality", capacity.Municipality.Value), ("free", capacity.Persons - held.Persons), ("decided", capacity.Persons), ("persons", household.Persons));
        }
        if (household.Band is { } band && held.Em(band) + household.EmPersons > capacity.EmPlaces(band))
        {
            return Rule("settlement.em-capacity", $"{municipality} has {capacity.EmPlaces(band) - held.Em(band)} free EM places ({band}); case {household.Id} needs {household.EmPersons}",
                ErrorKind.Conflict, ("case", household.Id.Value), ("municipality", capacity.Municipality.Value), ("band", band), ("free", capacity.EmPlaces(band) - held.Em(band)));
        }
        return null;
    }

    /// <summary>A proposal's deadline lies after the day it is made.</summary>
    public static Error? CheckDeadline(DateOnly on, DateOnly deadline) =>
        deadline > on ? null
            : Rule("settlement.deadline", $"the answer deadline {Day(deadline)} must be after {Day(on)}", ErrorKind.InvalidInput, ("deadline", deadline), ("on", on));

    /// <summary>A municipality answers on or before the deadline; after it the proposal expires instead.</summary>
    public static Error? CheckAnswerInTime(CaseState state, DateOnly on) =>
        state.Deadline is not { } deadline || on <= deadline ? null
            : Rule("settlement.late", $"case {state.Id}: the deadline {Day(deadline)} has passed", ErrorKind.Conflict, ("case", state.Id.Value), ("deadline", deadline));

    /// <summary>A proposal expires only after its deadline.</summary>
    public static Error? CheckExpiry(CaseState state, DateOnly on) =>
        state.Deadline is { } deadline && on > deadline ? null
            : Rule("settlement.not-expired", $"case {state.Id}: the proposal is open until {Day(state.Deadline ?? on)}", ErrorKind.Conflict, ("case", state.Id.Value));

    /// <summary>Each member's date is registered once, for a member of the case, and never before the agreement.</summary>
    public static Error? CheckSettlementDate(CaseState state, PersonId person, DateOnly date)
    {
        if (state.Household.Members.All(m => m.Id != person))
        {
            return Rule("settlement.person", $"person {person} is not in case {state.Id}", ErrorKind.InvalidInput, ("case", state.Id.Value), ("person", person.Value));
        }
        if (state.Dates.ContainsKey(person))
        {
            return Rule("settlement.person-dated", $"person {person} in case {state.Id} already has a settlement date", ErrorKind.Conflict, ("case", state.Id.Value), ("person", person.Value));
        }
        return state.AgreedOn is { } agreed && date >= agreed ? null
            : Rule("settlement.before-agreement", $"the settlement date {Day(date)} is before the agreement ({Day(state.AgreedOn ?? date)})", ErrorKind.InvalidInput,
                ("case", state.Id.Value), ("date", date), ("agreed", state.AgreedOn ?? date));
    }

    /// <summary>
    /// The case after <paramref name="e"/>, or why it may not happen. <paramref name="capacity"/> and <paramref name="held"/>
    /// are those of the municipality the event places the case in (a proposal or a self-settlement); ignored otherwise.
    /// </summary>
    public static Result<CaseState> Apply(CaseState state, CaseEvent e, MunicipalCapacity? capacity = null, PlacesHeld held = default)
    {
        if (e.Case != state.Id)
        {
            return Rule("settlement.case", $"event for case {e.Case} applied to case {state.Id}", ErrorKind.InvalidInput, ("case", state.Id.Value))!;
        }
        var first = CheckTransition(state, e) ?? CheckChronology(state, e);
        if (first is not null)
        {
            return first;
        }
        var at = state with { LastOn = e.On };
        var household = state.Household;
        return e switch
        {
            CaseEvent.MappingDone => at with { Status = CaseStatus.Ready },
            CaseEvent.Proposed p => Fail(CheckNotProtected(household, p.Municipality), CheckNotRefusedBefore(state, p.Municipality, p.Override),
                    CheckDeadline(p.On, p.Deadline), CheckRoom(household, capacity, held), capacity is null ? null : CheckCapabilities(household, capacity, p.Override))
                ?? Result<CaseState>.Ok(at with { Status = CaseStatus.Proposed, Municipality = p.Municipality, ProposedOn = p.On, Deadline = p.Deadline }),
            CaseEvent.Accepted a => Fail(CheckMunicipality(state, a.By), CheckAnswerInTime(state, a.On))
                ?? Result<CaseState>.Ok(at with { Status = CaseStatus.Accepted }),
            CaseEvent.Refused r => Fail(CheckMunicipality(state, r.By), CheckAnswerInTime(state, r.On))
                ?? Result<CaseState>.Ok(BackToReady(at) with { RefusedBy = state.RefusedBy.Add(r.By) }),
            CaseEvent.Expired x => Fail(CheckExpiry(state, x.On)) ?? Result<CaseState>.Ok(BackToReady(at)),
            CaseEvent.Withdrawn => BackToReady(at),
            CaseEvent.Decided => at with { Status = CaseStatus.Decided },
            CaseEvent.DateAgreed d => Fail(CheckMunicipality(state, d.By)) ?? Result<CaseState>.Ok(at with { Status = CaseStatus.DateAgreed, AgreedOn = d.On }),
            CaseEvent.DateRegistered r => Fail(CheckMunicipality(state, r.By), CheckSettlementDate(state, r.Person, r.Date)) ?? Result<CaseState>.Ok(Dated(at, r.Person, r.Date)),
            CaseEvent.SelfSettled s => Fail(CheckNotProtected(household, s.Municipality), CheckRoom(household, capacity, held))
                ?? Result<CaseState>.Ok(at with
                {
                    Status = CaseStatus.SelfSettled, Municipality = s.Municipality, AgreedOn = s.On,
                    Dates = household.Members.ToImmutableDictionary(m => m.Id, _ => s.On),
                }),
            CaseEvent.Closed => at with { Status = CaseStatus.Closed },
            _ => Rule("settlement.event", $"unknown event {e.GetType().Name}", ErrorKind.InvalidInput)!,
        };
    }

    /// <summary>A refused, expired or withdrawn proposal (or decision): the case is ready again and holds no place.</summary>
    private static CaseState BackToReady(CaseState state) =>
        state with { Status = CaseStatus.Ready, Municipality = null, ProposedOn = null, Deadline = null, AgreedOn = null };

    /// <summary>A member's date registered; the case is settled when every member has one.</summary>
    private static CaseState Dated(CaseState state, PersonId person, DateOnly date)
    {
        var dates = state.Dates.Add(person, date);
        return state with { Dates = dates, Status = dates.Count == state.Household.Members.Count ? CaseStatus.Settled : CaseStatus.DateAgreed };
    }

    private static Result<CaseState>? Fail(params Error?[] checks) =>
        checks.OfType<Error>().ToList() is { Count: > 0 } errors ? Result<CaseState>.Fail(errors) : null;

    private static Error? Rule(string code, string message, ErrorKind kind, params (string Key, object Value)[] values) =>
        new Error(kind, code, message) { Values = Values(values) };

    private static Dictionary<string, object> Values(params (string Key, object Value)[] values) => values.ToDictionary(v => v.Key, v => v.Value);

    private static string Name(CaseEvent e) => e.GetType().Name;

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static HashSet<CaseStatus> Set(params CaseStatus[] states) => [.. states];
}
