namespace Busetting.Planning.Tests.Dialogue;

/// <summary>Issue 14 item 9: doubtful proposal numbers are flagged, and a proposal cannot be made or withdrawn after the consultation deadline.</summary>
public sealed class DoubtfulAndLateProposalTests : PlanningTest
{
    [Fact]
    public void Warning_Thresholds_OnlyDoubtfulNumbers()
    {
        Assert.Null(ProposalPlausibility.Warning(WrittenStandard.Nb, "Sogndal", 20, 25, 4000));
        Assert.Null(ProposalPlausibility.Warning(WrittenStandard.Nb, "Sogndal", 2, 9, 4000));
        Assert.Null(ProposalPlausibility.Warning(WrittenStandard.Nb, "Oslo", 600, 650, 4000));
        Assert.Null(ProposalPlausibility.Warning(WrittenStandard.Nb, "Sogndal", 20, 4, 4000));
        Assert.NotNull(ProposalPlausibility.Warning(WrittenStandard.Nb, "Sogndal", 20, 81, 4000));
        Assert.NotNull(ProposalPlausibility.Warning(WrittenStandard.Nb, "Oslo", 600, 801, 4000));
        Assert.Contains("Sjekk at talet er meint", ProposalPlausibility.Warning(WrittenStandard.Nn, "Sogndal", 0, 4000, 4000));
    }

    [Theory, DatabaseData]
    public async Task WithdrawProposal_AfterTheDeadline_RefusedWithMessageInBothForms(DatabaseProvider provider)
    {
        var (planning, _) = await OnConsultation(provider);
        var id = Ok(await ProposeOne(planning, People.Vestland, Places.Sogndal, 30)).Id;
        var yesterday = await DeadlinePassedYesterday();

        var nb = await Withdraw(planning, People.Vestland, id, 1);
        Assert.Contains($"kan ikke trekkes etter høringsfristen ({Ui.Date(yesterday)})", Assert.Single(nb.Errors).Message);
        var nn = await Withdraw(planning, People.Vestland with { Language = WrittenStandard.Nn }, id, 1);
        Assert.Contains("kan ikkje trekkjast etter høyringsfristen", Assert.Single(nn.Errors).Message);
        Assert.Equal(ProposalStatus.Open, await Host.Db(d => d.Proposals.Select(p => p.Status).SingleAsync()));
    }

    [Theory, DatabaseData]
    public async Task Propose_AfterTheDeadline_RefusedNamingTheDeadline_NothingStored(DatabaseProvider provider)
    {
        var (planning, _) = await OnConsultation(provider);
        var yesterday = await DeadlinePassedYesterday();

        var late = await ProposeOne(planning, People.Vestland, Places.Bergen, 500, "sein");

        Assert.Contains($"høringsfristen var {Ui.Date(yesterday)}; forslag tas ikke imot etter fristen", Assert.Single(late.Errors).Message);
        Assert.Equal(0, await Host.Db(d => d.Proposals.CountAsync()));
    }

    /// <summary>The consultation deadline set to yesterday (Norwegian date); returns it.</summary>
    private async Task<DateOnly> DeadlinePassedYesterday()
    {
        var yesterday = DateOnly.FromDateTime(NorwegianTime.FromUtc(Host.Clock.GetUtcNow().UtcDateTime)).AddDays(-1);
        await Host.Db(async d => await d.Years.ExecuteUpdateAsync(s => s.SetProperty(y => y.ConsultationDeadline, yesterday)));
        return yesterday;
    }
}
