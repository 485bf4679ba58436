using Busetting.Domain.Errors;
using Busetting.Domain.Primitives;

namespace Busetting.Domain.Settlement;

/// <summary>
/// A year's cases and municipal capacities in memory, with the places each municipality holds kept up to date as events
/// are applied through <see cref="SettlementRules.Apply"/>. An event either happens whole or not at all. The application
/// layer loads one from the database for a decision; the simulator and the property tests run whole years through it.
/// </summary>
public sealed class SettlementLedger
{
    private readonly Dictionary<CaseId, CaseState> _cases = [];
    private readonly Dictionary<MunicipalityNumber, MunicipalCapacity> _capacities = [];
    private readonly Dictionary<MunicipalityNumber, PlacesHeld> _held = [];

    public IReadOnlyDictionary<CaseId, CaseState> Cases => _cases;

    public IReadOnlyDictionary<MunicipalityNumber, MunicipalCapacity> Capacities => _capacities;

    public PlacesHeld Held(MunicipalityNumber municipality) => _held.GetValueOrDefault(municipality);

    public MunicipalCapacity? Capacity(MunicipalityNumber municipality) => _capacities.GetValueOrDefault(municipality);

    /// <summary>A new case; its id must be new and it needs at least one member, each with a new id.</summary>
    public Result<CaseState> Register(Household household)
    {
        if (_cases.ContainsKey(household.Id))
        {
            return Error.Conflict("settlement.case-exists", $"case {household.Id} is already registered") with { Values = new Dictionary<string, object> { ["case"] = household.Id.Value } };
        }
        if (household.Members.Count == 0 || household.Members.Select(m => m.Id).Distinct().Count() != household.Members.Count)
        {
            return Error.Invalid("settlement.members", $"case {household.Id} needs at least one member, each with its own id") with { Values = new Dictionary<string, object> { ["case"] = household.Id.Value } };
        }
        if (household.IsEm && household.Members.Any(m => m.Role != HouseholdRole.UnaccompaniedMinor))
        {
            return Error.Invalid("settlement.em-members", $"EM case {household.Id} has members who are not unaccompanied minors") with { Values = new Dictionary<string, object> { ["case"] = household.Id.Value } };
        }
        var state = CaseState.Registered(household);
        _cases.Add(household.Id, state);
        return state;
    }

    /// <summary>The year's capacity of a municipality; never below the places it already holds.</summary>
    public Result<MunicipalCapacity> SetCapacity(MunicipalCapacity capacity)
    {
        var held = Held(capacity.Municipality);
        if (capacity.Persons < 0 || capacity.EmUnder15 < 0 || capacity.EmFrom15 < 0 || capacity.Em > capacity.Persons)
        {
            return Error.Invalid("settlement.capacity-figures", $"{capacity.Municipality}: places must be zero or more, EM a part of the persons") with
            {
                Values = new Dictionary<string, object> { ["municipality"] = capacity.Municipality.Value },
            };
        }
        if (capacity.Persons < held.Persons || capacity.EmUnder15 < held.EmUnder15 || capacity.EmFrom15 < held.EmFrom15)
        {
            return Error.Conflict("settlement.capacity-below-held", $"{capacity.Municipality} already holds {held.Persons} places; the capacity cannot go below that") with
            {
                Values = new Dictionary<string, object> { ["municipality"] = capacity.Municipality.Value, ["held"] = held.Persons },
            };
        }
        _capacities[capacity.Municipality] = capacity;
        return capacity;
    }

    /// <summary>Applies one event to its case: all rules hold and the places held move with the case, or nothing changes.</summary>
    public Result<CaseState> Apply(CaseEvent e)
    {
        if (!_cases.TryGetValue(e.Case, out var before))
        {
            return Error.NotFound("settlement.case", $"no case {e.Case}") with { Values = new Dictionary<string, object> { ["case"] = e.Case.Value } };
        }
        var target = e switch
        {
            CaseEvent.Proposed p => p.Municipality,
            CaseEvent.SelfSettled s => s.Municipality,
            _ => (MunicipalityNumber?)null,
        };
        var result = target is { } m
            ? SettlementRules.Apply(before, e, Capacity(m), Held(m))
            : SettlementRules.Apply(before, e);
        if (!result.IsSuccess)
        {
            return result;
        }
        var after = result.Value;
        Release(before);
        Hold(after);
        _cases[e.Case] = after;
        return after;
    }

    /// <summary>The places held, counted again from the cases (for checks: equals <see cref="Held"/> at all times).</summary>
    public Dictionary<MunicipalityNumber, PlacesHeld> Recount()
    {
        var held = new Dictionary<MunicipalityNumber, PlacesHeld>();
        foreach (var state in _cases.Values.Where(s => s.HoldsPlaces && s.Municipality is not null))
        {
            held[state.Municipality!.Value] = held.GetValueOrDefault(state.Municipality!.Value) + PlacesHeld.Of(state.Household);
        }
        return held;
    }

    private void Release(CaseState state)
    {
        if (state.HoldsPlaces && state.Municipality is { } m)
        {
            _held[m] = Held(m) - PlacesHeld.Of(state.Household);
        }
    }

    private void Hold(CaseState state)
    {
        if (state.HoldsPlaces && state.Municipality is { } m)
        {
            _held[m] = Held(m) + PlacesHeld.Of(state.Household);
        }
    }
}
