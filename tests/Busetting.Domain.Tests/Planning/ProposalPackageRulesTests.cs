namespace Busetting.Domain.Tests.Planning;

public class ProposalPackageRulesTests
{
    private static readonly MunicipalityNumber Bergen = MunicipalityNumber.Parse("4601"), Sogndal = MunicipalityNumber.Parse("4640");

    [Fact]
    public void CheckNotEmpty_NoLines_Refused()
    {
        Assert.Equal("proposal.lines", ProposalPackageRules.CheckNotEmpty(0)!.Code);
        Assert.Null(ProposalPackageRules.CheckNotEmpty(1));
    }

    [Fact]
    public void CheckNoDuplicates_MunicipalityTwice_NamesIt()
    {
        Assert.Equal("4640", ProposalPackageRules.CheckNoDuplicates([Sogndal, Bergen, Sogndal])!.Values["kommunenummer"]);
        Assert.Null(ProposalPackageRules.CheckNoDuplicates([Sogndal, Bergen]));
    }

    [Fact]
    public void CheckLine_WorkedExamples()
    {
        // National need 18 900 persons, 750 EM; Sogndal has 40 persons and 2 EM in the run.
        Assert.Null(ProposalPackageRules.CheckLine(new ProposedFigures("Sogndal", 70, null, 40, 2), 18_900, 750));
        Assert.Equal("proposal.persons", ProposalPackageRules.CheckLine(new ProposedFigures("Sogndal", 18_901, null, 40, 2), 18_900, 750)!.Code);
        Assert.Equal("proposal.persons", ProposalPackageRules.CheckLine(new ProposedFigures("Sogndal", -1, null, 40, 2), 18_900, 750)!.Code);
        var em = ProposalPackageRules.CheckLine(new ProposedFigures("Sogndal", 30, 31, 40, 2), 18_900, 750);
        Assert.Equal("proposal.em", em!.Code);
        Assert.Equal(30, em.Values["max"]); // the smaller of the proposed persons and the national EM need
        var same = ProposalPackageRules.CheckLine(new ProposedFigures("Sogndal", 40, 2, 40, 2), 18_900, 750);
        Assert.Equal(40, same!.Values["unchanged"]);
        Assert.Null(ProposalPackageRules.CheckLine(new ProposedFigures("Sogndal", 40, 5, 40, 2), 18_900, 750)); // EM alone changes
    }

    [Fact]
    public void CheckReason_Blank_Refused()
    {
        Assert.Equal("proposal.reason", ProposalPackageRules.CheckReason("  ")!.Code);
        Assert.Null(ProposalPackageRules.CheckReason("Fylket flyttar 30 plassar"));
    }

    [Fact]
    public void CheckLine_AnyLine_AcceptedOnlyWithinTheNeedAndChanged() =>
        Gen.Select(Gen.Int[-5, 60], Gen.Int[-5, 60].Nullable(), Gen.Int[0, 60], Gen.Int[0, 60], Gen.Int[0, 20]).Sample((persons, em, from, fromEm, needEm) =>
        {
            var accepted = ProposalPackageRules.CheckLine(new ProposedFigures("X", persons, em, from, fromEm), 50, needEm) is null;
            var valid = persons is >= 0 and <= 50 && (em is null || (em >= 0 && em <= persons && em <= needEm)) && (persons != from || (em is { } e && e != fromEm));
            return accepted == valid;
        });

    [Fact]
    public void RunningNumbers_KeysInAnyOrder_NumberedFromOneInSendingOrder()
    {
        var numbers = ProposalPackageRules.RunningNumbers([41, 7, 19, 7]);
        Assert.Equal(new Dictionary<int, int> { [7] = 1, [19] = 2, [41] = 3 }, numbers);
        Assert.Empty(ProposalPackageRules.RunningNumbers([]));
    }
}
