namespace Busetting.Planning.Tests.Runs;

/// <summary>Allocation runs with the real SCIP runner: stored with their inputs, reproducible, refused when the year is settled.</summary>
public sealed class RunTests : PlanningTest
{
    [Theory, DatabaseData]
    public async Task RunAllocation_Planner_StoresEveryMunicipalityWithTheNeedAsSumAndAudits(DatabaseProvider provider)
    {
        var (planning, run) = await WithRun(provider);

        var stored = (await planning.Runs.Run(run.Id))!;
        Assert.Equal(357, stored.Lines.Count);
        Assert.Equal(Places.Need, stored.Lines.Sum(l => l.Requested));
        Assert.Equal((Places.Need, 0, "test", People.Planner.Name), (stored.Persons, stored.Em, stored.Label, stored.By));
        Assert.Equal(RunHandler.Hash(stored.Lines), stored.ResultHash);
        Assert.Equal((await planning.Needs.CurrentNeed(Places.Settlement))!.Id, stored.NeedEntryId);
        Assert.Equal(2, (await Year(planning)).Version);
        Assert.Equal(["year.create", "need.add", "run.create"], await Host.AuditActions());
    }

    [Theory, DatabaseData]
    public async Task Reproduce_StoredRun_IdenticalNumbersAndHash(DatabaseProvider provider)
    {
        var (planning, run) = await WithRun(provider);

        var reproduction = Ok(await planning.Runs.Reproduce(People.Ks, run.Id));

        Assert.True(reproduction.Identical, string.Join("; ", reproduction.Differences));
        Assert.Equal(run.ResultHash, reproduction.RecomputedHash);
        Refused(await planning.Runs.Reproduce(People.Sogndal, run.Id), ErrorKind.Forbidden);
        Refused(await planning.Runs.Reproduce(People.Planner, run.Id + 100), ErrorKind.NotFound);
    }

    [Theory, DatabaseData]
    public async Task RunAllocation_NotAPlannerOrNoYear_RefusedAndNoRunStored(DatabaseProvider provider)
    {
        var planning = (await Start(provider)).Planning();
        Refused(await Run(planning, People.Planner), ErrorKind.NotFound);
        Ok(await CreateYear(planning, People.Admin));

        Refused(await Run(planning, People.Admin), ErrorKind.Forbidden);
        Refused(await Run(planning, People.Vestland), ErrorKind.Forbidden);
        Assert.Equal("run.inputs", Refused(await Run(planning, People.Planner), ErrorKind.InvalidInput).Code);
        Assert.Equal("run.label", Refused(await Run(planning, People.Planner, new string('x', 5000)), ErrorKind.InvalidInput).Code);

        Assert.Equal(0, await Host.Db(db => db.Runs.CountAsync()));
        Assert.Equal(1, (await Year(planning)).Version);
    }

    [Theory, DatabaseData]
    public async Task RunAllocation_YearApproved_RefusedUntilRevised(DatabaseProvider provider)
    {
        var (planning, _) = await OnConsultation(provider);
        await Scenario.FourEyes(planning, YearStatus.Approved);

        Assert.Equal("run.status", Refused(await Run(planning, People.Planner), ErrorKind.InvalidInput).Code);
        Assert.Equal(1, await Host.Db(db => db.Runs.CountAsync()));
    }

    [Theory, DatabaseData]
    public async Task VisibleRun_CaseWorkerSeesOnlyThePublishedRun_ReadsOfUnpublishedRunsAudited(DatabaseProvider provider)
    {
        var (planning, run) = await WithRun(provider);

        Assert.Null(await planning.Runs.VisibleRun(People.Sogndal, Places.Settlement));
        Assert.Equal(run.Id, (await planning.Runs.VisibleRun(People.Vestland, Places.Settlement))!.Id);
        var line = (await planning.Runs.VisibleLine(People.Ks, Places.Settlement, Places.Number(Places.Sogndal)))!.Value;

        Assert.Equal(await Requested(Host, run.Id, Places.Sogndal), line.Line!.Requested);
        Assert.Equal(2, await Host.Db(db => db.Audit.CountAsync(a => a.Action == "read.unpublished")));
    }

    [Theory, DatabaseData]
    public async Task StepSummary_BeforeConsultation_CountsTheNewestRun(DatabaseProvider provider)
    {
        var (planning, run) = await WithRun(provider);

        var summary = await planning.Years.Summary(Places.Settlement, YearStatus.Consultation);

        Assert.Equal(run.Id, summary.Run!.Id);
        Assert.Equal(await Host.Db(db => db.RunLines.CountAsync(l => l.RunId == run.Id && l.Requested > 0)), summary.Asked);
        Assert.True(summary.Asked > 100);
        Assert.Equal((0, 0, (int?)null), (summary.OpenProposals, summary.Agreed, summary.ChangedFromPublished));
    }

    [Theory, DatabaseData]
    public async Task StoredRun_RerunFromItsInputs_GivesIdenticalNumbers(DatabaseProvider provider)
    {
        var (planning, run) = await WithRun(provider);
        var reproduction = await Reproduce(planning, People.Planner, run.Id);
        Assert.True(reproduction.Value.Identical, string.Join("; ", reproduction.Value.Differences));
        Assert.Equal(357, reproduction.Value.Stored.Lines.Count);
    }
}
