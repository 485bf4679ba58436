namespace Busetting.Domain.Tests.Settlement;

public class SettlementRulesTests
{
    private static readonly MunicipalityNumber Bergen = MunicipalityNumber.Parse("4601");
    private static readonly MunicipalityNumber Sogndal = MunicipalityNumber.Parse("4640");
    private static readonly DateOnly Permit = new(2025, 3, 3);

    private static Person Member(int id, HouseholdRole role, int birthYear = 1990) =>
        new(new PersonId(id), birthYear, Sex.Female, role, ["uk"], EducationGroup.UpperSecondary, OccupationGroup.ServiceAndClerical);

    /// <summary>A mother and two children with nothing special: 3 persons.</summary>
    private static Household Family(int id = 1, params Protection[] protections) => new(new CaseId(id), Track.ReceptionCentre, Permit,
        [Member(id * 10, HouseholdRole.Adult), Member(id * 10 + 1, HouseholdRole.Child, 2015), Member(id * 10 + 2, HouseholdRole.Child, 2018)],
        new HashSet<NeedTag>(), [], protections);

    private static Household Minor(int id, Track track) => new(new CaseId(id), track, Permit, [Member(id * 10, HouseholdRole.UnaccompaniedMinor, 2009)], new HashSet<NeedTag>(), [], []);

    private static SettlementLedger Ledger(int bergen = 10, int sogndal = 10, int emFrom15 = 0, int emUnder15 = 0)
    {
        var ledger = new SettlementLedger();
        Assert.True(ledger.SetCapacity(new MunicipalCapacity(Bergen, bergen, emUnder15, emFrom15, new HashSet<NeedTag>())).IsSuccess);
        Assert.True(ledger.SetCapacity(new MunicipalCapacity(Sogndal, sogndal, 0, 0, new HashSet<NeedTag>())).IsSuccess);
        return ledger;
    }

    private static DateOnly Day(int afterPermit) => Permit.AddDays(afterPermit);

    private static CaseState Ok(SettlementLedger ledger, CaseEvent e)
    {
        var result = ledger.Apply(e);
        Assert.True(result.IsSuccess, string.Join("; ", result.Errors));
        return result.Value;
    }

    private static Error Refused(SettlementLedger ledger, CaseEvent e)
    {
        var before = ledger.Cases[e.Case];
        var result = ledger.Apply(e);
        Assert.False(result.IsSuccess, $"{e} was allowed");
        Assert.Same(before, ledger.Cases[e.Case]);
        return result.Errors[0];
    }

    [Fact]
    public void Flow_ProposedAcceptedDecidedDated_SettledOnTheLastDate()
    {
        var ledger = Ledger();
        var id = new CaseId(1);
        ledger.Register(Family());
        Ok(ledger, new CaseEvent.MappingDone(id, Day(5)));
        Ok(ledger, new CaseEvent.Proposed(id, Day(10), Bergen, Day(17)));
        Assert.Equal(3, ledger.Held(Bergen).Persons);
        Ok(ledger, new CaseEvent.Accepted(id, Day(14), Bergen));
        Ok(ledger, new CaseEvent.Decided(id, Day(15)));
        Ok(ledger, new CaseEvent.DateAgreed(id, Day(20), Bergen));
        Ok(ledger, new CaseEvent.DateRegistered(id, Day(20), Bergen, new PersonId(10), Day(40)));
        Ok(ledger, new CaseEvent.DateRegistered(id, Day(20), Bergen, new PersonId(11), Day(40)));
        Assert.Equal(CaseStatus.DateAgreed, ledger.Cases[id].Status);
        var settled = Ok(ledger, new CaseEvent.DateRegistered(id, Day(21), Bergen, new PersonId(12), Day(42)));
        Assert.Equal(CaseStatus.Settled, settled.Status);
        Assert.Equal(Day(42), settled.SettledOn);
        Assert.Equal(3, ledger.Held(Bergen).Persons);
        Assert.True(WaitingTime.WithinTarget(settled.Household.Group, Permit, Day(42)));
    }

    [Fact]
    public void Refused_BackToReady_NotProposedAgainWithoutOverride()
    {
        var ledger = Ledger();
        var id = new CaseId(1);
        ledger.Register(Family());
        Ok(ledger, new CaseEvent.MappingDone(id, Day(1)));
        Ok(ledger, new CaseEvent.Proposed(id, Day(2), Bergen, Day(9)));
        var ready = Ok(ledger, new CaseEvent.Refused(id, Day(3), Bergen, RefusalReason.NoSuitableDwelling));
        Assert.Equal((CaseStatus.Ready, (MunicipalityNumber?)null), (ready.Status, ready.Municipality));
        Assert.Equal(0, ledger.Held(Bergen).Persons);
        Assert.Equal("settlement.refused-before", Refused(ledger, new CaseEvent.Proposed(id, Day(4), Bergen, Day(11))).Code);
        Ok(ledger, new CaseEvent.Proposed(id, Day(4), Sogndal, Day(11)));
        Ok(ledger, new CaseEvent.Withdrawn(id, Day(5)));
        Ok(ledger, new CaseEvent.Proposed(id, Day(6), Bergen, Day(13), OverrideReason.CircumstancesChanged));
    }

    [Fact]
    public void Proposed_MoreThanTheFreePlaces_Refused_OpenProposalsCount()
    {
        var ledger = Ledger(bergen: 5);
        ledger.Register(Family(1));
        ledger.Register(Family(2));
        foreach (var id in new[] { new CaseId(1), new CaseId(2) })
        {
            Ok(ledger, new CaseEvent.MappingDone(id, Day(1)));
        }
        Ok(ledger, new CaseEvent.Proposed(new CaseId(1), Day(2), Bergen, Day(9)));
        var error = Refused(ledger, new CaseEvent.Proposed(new CaseId(2), Day(2), Bergen, Day(9)));
        Assert.Equal("settlement.capacity", error.Code);
        Assert.Equal(2, error.Values["free"]);
    }

    [Fact]
    public void Proposed_EmWithoutAPlaceInItsAgeBand_Refused()
    {
        var ledger = Ledger(emFrom15: 0, emUnder15: 2);
        ledger.Register(Minor(1, Track.EmImdi));
        ledger.Register(Minor(2, Track.EmBufetat));
        Ok(ledger, new CaseEvent.MappingDone(new CaseId(1), Day(1)));
        Ok(ledger, new CaseEvent.MappingDone(new CaseId(2), Day(1)));
        Assert.Equal("settlement.em-capacity", Refused(ledger, new CaseEvent.Proposed(new CaseId(1), Day(2), Bergen, Day(9))).Code);
        Ok(ledger, new CaseEvent.Proposed(new CaseId(2), Day(2), Bergen, Day(9)));
        Assert.Equal(1, ledger.Held(Bergen).EmUnder15);
    }

    [Fact]
    public void Proposed_ProtectedMunicipality_RefusedEvenWithOverride()
    {
        var ledger = Ledger();
        ledger.Register(Family(1, new Protection(Bergen, ProtectionReason.NegativeSocialControl)));
        Ok(ledger, new CaseEvent.MappingDone(new CaseId(1), Day(1)));
        Assert.Equal("settlement.protected", Refused(ledger, new CaseEvent.Proposed(new CaseId(1), Day(2), Bergen, Day(9), OverrideReason.AgreedWithMunicipality)).Code);
    }

    [Fact]
    public void Proposed_NeedTheMunicipalityCannotMeet_RefusedUnlessOverridden()
    {
        var ledger = Ledger();
        ledger.Register(Family() with { Needs = new HashSet<NeedTag> { NeedTag.WheelchairAccessibleDwelling }, ConsentReference = "samtykke-1" });
        Ok(ledger, new CaseEvent.MappingDone(new CaseId(1), Day(1)));
        Assert.Equal("settlement.needs", Refused(ledger, new CaseEvent.Proposed(new CaseId(1), Day(2), Bergen, Day(9))).Code);
        Ok(ledger, new CaseEvent.Proposed(new CaseId(1), Day(2), Bergen, Day(9), OverrideReason.AgreedWithMunicipality));
    }

    [Fact]
    public void DateRegistered_BeforeTheAgreement_Refused()
    {
        var ledger = Ledger();
        var id = new CaseId(1);
        ledger.Register(Family());
        Ok(ledger, new CaseEvent.MappingDone(id, Day(1)));
        Ok(ledger, new CaseEvent.Proposed(id, Day(2), Bergen, Day(9)));
        Ok(ledger, new CaseEvent.Accepted(id, Day(3), Bergen));
        Ok(ledger, new CaseEvent.Decided(id, Day(4)));
        Ok(ledger, new CaseEvent.DateAgreed(id, Day(10), Bergen));
        Assert.Equal("settlement.before-agreement", Refused(ledger, new CaseEvent.DateRegistered(id, Day(10), Bergen, new PersonId(10), Day(9))).Code);
        Assert.Equal("settlement.person", Refused(ledger, new CaseEvent.DateRegistered(id, Day(10), Bergen, new PersonId(99), Day(12))).Code);
        Assert.Equal("settlement.municipality", Refused(ledger, new CaseEvent.DateRegistered(id, Day(10), Sogndal, new PersonId(10), Day(12))).Code);
    }

    [Fact]
    public void Answer_AfterTheDeadline_RefusedAndExpiresOnlyAfterIt()
    {
        var ledger = Ledger();
        var id = new CaseId(1);
        ledger.Register(Family());
        Ok(ledger, new CaseEvent.MappingDone(id, Day(1)));
        Ok(ledger, new CaseEvent.Proposed(id, Day(2), Bergen, Day(9)));
        Assert.Equal("settlement.not-expired", Refused(ledger, new CaseEvent.Expired(id, Day(9))).Code);
        Assert.Equal("settlement.late", Refused(ledger, new CaseEvent.Accepted(id, Day(10), Bergen)).Code);
        Assert.Equal(CaseStatus.Ready, Ok(ledger, new CaseEvent.Expired(id, Day(10))).Status);
        Assert.Equal(0, ledger.Held(Bergen).Persons);
    }

    [Fact]
    public void Event_BeforeTheCasesLastEvent_Refused()
    {
        var ledger = Ledger();
        var id = new CaseId(1);
        ledger.Register(Family());
        Assert.Equal("settlement.date-order", Refused(ledger, new CaseEvent.MappingDone(id, Day(-1))).Code);
        Ok(ledger, new CaseEvent.MappingDone(id, Day(5)));
        Assert.Equal("settlement.date-order", Refused(ledger, new CaseEvent.Proposed(id, Day(4), Bergen, Day(11))).Code);
    }

    [Fact]
    public void Transition_NotFromThisState_Conflict()
    {
        var ledger = Ledger();
        var id = new CaseId(1);
        ledger.Register(Family());
        var error = Refused(ledger, new CaseEvent.Decided(id, Day(1)));
        Assert.Equal(("settlement.state", ErrorKind.Conflict), (error.Code, error.Kind));
    }

    [Fact]
    public void SetCapacity_BelowPlacesHeld_Refused()
    {
        var ledger = Ledger();
        ledger.Register(Family());
        Ok(ledger, new CaseEvent.MappingDone(new CaseId(1), Day(1)));
        Ok(ledger, new CaseEvent.Proposed(new CaseId(1), Day(2), Bergen, Day(9)));
        var result = ledger.SetCapacity(new MunicipalCapacity(Bergen, 2, 0, 0, new HashSet<NeedTag>()));
        Assert.Equal("settlement.capacity-below-held", Assert.Single(result.Errors).Code);
        Assert.Equal(10, ledger.Capacity(Bergen)!.Persons);
    }

    [Fact]
    public void SelfSettled_HoldsItsPlacesAndDatesEveryMember()
    {
        var ledger = Ledger();
        ledger.Register(Family());
        var settled = Ok(ledger, new CaseEvent.SelfSettled(new CaseId(1), Day(30), Sogndal));
        Assert.Equal((CaseStatus.SelfSettled, Day(30), 3), (settled.Status, settled.SettledOn, ledger.Held(Sogndal).Persons));
    }

    [Theory]
    [InlineData(WaitingGroup.Em, 90)]
    [InlineData(WaitingGroup.FamiliesWithChildren, 90)]
    [InlineData(WaitingGroup.Others, 180)]
    public void WaitingTime_TargetByGroup(WaitingGroup group, int days)
    {
        Assert.Equal(days, WaitingTime.TargetDays(group));
        Assert.True(WaitingTime.WithinTarget(group, Permit, Permit.AddDays(days)));
        Assert.False(WaitingTime.WithinTarget(group, Permit, Permit.AddDays(days + 1)));
    }

    [Fact]
    public void Household_Group_EmFamiliesOthers()
    {
        Assert.Equal(WaitingGroup.Em, Minor(1, Track.EmImdi).Group);
        Assert.Equal(WaitingGroup.FamiliesWithChildren, Family().Group);
        Assert.Equal(WaitingGroup.Others, (Family() with { Members = [Member(1, HouseholdRole.Adult)] }).Group);
    }
}
