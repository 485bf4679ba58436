namespace Busetting.Domain.Tests.Settlement;

/// <summary>
/// Random years: a few municipalities with random capacities, random households, and a random stream of events (most of
/// them not allowed where they fall). After every event, allowed or not, the invariants hold.
/// </summary>
public class SettlementPropertyTests
{
    private static readonly DateOnly Start = new(2025, 1, 1);

    private static readonly Gen<MunicipalCapacity[]> Capacities =
        Gen.Select(Gen.Int[0, 12], Gen.Int[0, 2], Gen.Int[0, 2], Gen.Bool).Array[1, 5]
            .Select(rows => rows.Select((r, i) => new MunicipalCapacity(MunicipalityNumber.Parse($"46{i:00}"), r.Item1 + r.Item2 + r.Item3, r.Item2, r.Item3,
                r.Item4 ? new HashSet<NeedTag> { NeedTag.LargeDwelling } : new HashSet<NeedTag>())).ToArray());

    /// <summary>(kind: 0 ordinary, 1 EM 15+, 2 EM under 15; size; a need; a protection from municipality 0; close family).</summary>
    private static readonly Gen<(int Kind, int Size, bool Need, bool Protected, int Permit)[]> Households =
        Gen.Select(Gen.Int[0, 2], Gen.Int[1, 6], Gen.Bool, Gen.Bool, Gen.Int[0, 20]).Array[1, 12];

    /// <summary>(event kind — 11 and up: the case's next step in the flow, so streams reach the end —, case, municipality, days later, person, override).</summary>
    private static readonly Gen<(int Kind, int Case, int Municipality, int Days, int Person, bool Override)[]> Events =
        Gen.Select(Gen.Int[0, 20], Gen.Int[0, 11], Gen.Int[0, 4], Gen.Int[0, 9], Gen.Int[0, 5], Gen.Bool).Array[0, 150];

    private static Household Build(int index, (int Kind, int Size, bool Need, bool Protected, int Permit) h, MunicipalCapacity[] capacities)
    {
        var em = h.Kind > 0;
        var members = Enumerable.Range(0, em ? 1 : h.Size).Select(p => new Person(new PersonId(index * 10 + p), em ? 2009 : p == 0 ? 1985 : 2012, p % 2 == 0 ? Sex.Female : Sex.Male,
            em ? HouseholdRole.UnaccompaniedMinor : p == 0 ? HouseholdRole.Adult : HouseholdRole.Child, ["ar"], EducationGroup.Basic, OccupationGroup.Unknown)).ToList();
        return new Household(new CaseId(index), h.Kind switch { 1 => Track.EmImdi, 2 => Track.EmBufetat, _ => Track.ReceptionCentre }, Start.AddDays(h.Permit), members,
            h.Need ? new HashSet<NeedTag> { NeedTag.LargeDwelling } : new HashSet<NeedTag>(), [],
            h.Protected ? [new Protection(capacities[0].Municipality, ProtectionReason.NegativeSocialControl)] : []);
    }

    /// <summary>How many cases ended settled over all samples: the streams must reach the end of the flow, or the test proves little.</summary>
    private int _settled;

    [Fact]
    public void RandomEventStreams_InvariantsHoldAfterEveryEvent()
    {
        Gen.Select(Capacities, Households, Events).Sample((capacities, households, events) =>
        {
            var ledger = new SettlementLedger();
            foreach (var capacity in capacities)
            {
                Assert.True(ledger.SetCapacity(capacity).IsSuccess);
            }
            for (var i = 0; i < households.Length; i++)
            {
                Assert.True(ledger.Register(Build(i, households[i], capacities)).IsSuccess);
            }
            var today = Start;
            foreach (var (drawnKind, caseIndex, municipalityIndex, drawnDays, personIndex, drawnOverride) in events)
            {
                var (kind, days, overrides) = (drawnKind, drawnDays, drawnOverride);
                var id = new CaseId(caseIndex % households.Length);
                var before = ledger.Cases[id];
                var m = capacities[municipalityIndex % capacities.Length].Municipality;
                var at = before.Municipality ?? m;
                var person = before.Household.Members[personIndex % before.Household.Members.Count].Id;
                if (kind > 10)
                {
                    kind = before.Status switch
                    {
                        CaseStatus.Registered => 0, CaseStatus.Ready => 1, CaseStatus.Proposed => 2, CaseStatus.Accepted => 6,
                        CaseStatus.Decided => 7, CaseStatus.DateAgreed => 8, _ => 10,
                    };
                    person = before.Household.Members.Select(p => p.Id).FirstOrDefault(p => !before.Dates.ContainsKey(p), person);
                    (overrides, at, days) = (false, before.Municipality ?? m, 3);
                }
                today = today.AddDays(days);
                CaseEvent e = kind switch
                {
                    0 => new CaseEvent.MappingDone(id, today),
                    1 => new CaseEvent.Proposed(id, today, m, today.AddDays(SettlementRules.DefaultAnswerDays), overrides ? OverrideReason.CircumstancesChanged : null),
                    2 => new CaseEvent.Accepted(id, today, overrides ? m : at),
                    3 => new CaseEvent.Refused(id, today, at, RefusalReason.NoSuitableDwelling),
                    4 => new CaseEvent.Expired(id, today),
                    5 => new CaseEvent.Withdrawn(id, today),
                    6 => new CaseEvent.Decided(id, today),
                    7 => new CaseEvent.DateAgreed(id, today, at),
                    8 => new CaseEvent.DateRegistered(id, today, at, person, (before.AgreedOn ?? today).AddDays(personIndex - 2)), // some before the agreement
                    9 => new CaseEvent.SelfSettled(id, today, m),
                    _ => new CaseEvent.Closed(id, today),
                };
                var result = ledger.Apply(e);
                var after = ledger.Cases[id];
                if (!result.IsSuccess)
                {
                    Assert.Same(before, after); // nothing half-applied
                }
                else if (e is CaseEvent.Proposed p)
                {
                    // A municipality that refused the case is asked again only with a recorded override.
                    Assert.True(!before.RefusedBy.Contains(p.Municipality) || p.Override is not null);
                }
                Invariants(ledger);
            }
            _settled += ledger.Cases.Values.Count(c => c.Status == CaseStatus.Settled);
        }, iter: 300, threads: 1);
        Assert.True(_settled > 0, "no random stream settled a case");
    }

    private static void Invariants(SettlementLedger ledger)
    {
        var recount = ledger.Recount();
        foreach (var (municipality, capacity) in ledger.Capacities)
        {
            var held = recount.GetValueOrDefault(municipality);
            Assert.Equal(held, ledger.Held(municipality));
            Assert.True(held.Persons <= capacity.Persons, $"{municipality}: {held.Persons} held of {capacity.Persons}");
            Assert.True(held.EmUnder15 <= capacity.EmUnder15 && held.EmFrom15 <= capacity.EmFrom15, $"{municipality}: EM {held} of {capacity}");
        }
        foreach (var state in ledger.Cases.Values)
        {
            // One place at a time: a municipality exactly while the case holds places there.
            Assert.Equal(state.HoldsPlaces, state.Municipality is not null);
            Assert.DoesNotContain(state.Household.Protections, p => p.Municipality == state.Municipality);
            if (state.Status is CaseStatus.Settled or CaseStatus.SelfSettled)
            {
                Assert.Equal(state.Household.Members.Count, state.Dates.Count);
            }
            Assert.All(state.Dates.Values, d => Assert.True(state.AgreedOn is { } agreed && d >= agreed, $"date {d} before the agreement {state.AgreedOn}"));
            Assert.True(state.Status != CaseStatus.Proposed || state.Deadline > state.ProposedOn, "an open proposal has its deadline");
        }
    }
}
