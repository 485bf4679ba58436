using Busetting.Domain.Allocation;

namespace Busetting.Planning.Tests.Revisions;

/// <summary>Revisions after publication: a cut need, earlier agreements scaled, kept or dropped, full or minimum-change re-solve.</summary>
public sealed class RevisionTests : PlanningTest
{
    private const int CutNeed = 12_640;

    private static RevisionOptions Options(RevisionMode mode = RevisionMode.FullResolve, AgreementTreatment all = AgreementTreatment.Scale,
        Dictionary<int, AgreementTreatment>? treatments = null) => new(mode, all, treatments ?? []);

    /// <summary>Sogndal's number agreed on consultation (+10), published, then revised with the need cut to <see cref="CutNeed"/>.</summary>
    private static async Task<(PlanningHandlers Planning, AllocationRun Published, Proposal Agreement)> PublishWithAnAgreementAndCutTheNeed(PlanningHost host)
    {
        var (planning, run) = await Scenario.OnConsultation(host);
        var package = Ok(await Propose(planning, People.Vestland, "Avtalt", Line(Places.Sogndal, await Requested(host, run.Id, Places.Sogndal) + 10)))[0];
        var accepted = Ok(await Accept(planning, package)).NewRun!;
        await Scenario.FourEyes(planning, YearStatus.Approved);
        await Scenario.FourEyes(planning, YearStatus.Published);
        Ok(await Step(planning, People.Planner, YearStatus.Revised));
        Ok(await AddNeed(planning, People.Planner, CutNeed, 0, expected: 1));
        return (planning, accepted, package);
    }

    [Theory, DatabaseData]
    public async Task PreviewRevision_ScaledAgreement_ConsequencesShownAndNothingStored(DatabaseProvider provider)
    {
        var host = await Start(provider);
        var (planning, published, agreement) = await PublishWithAnAgreementAndCutTheNeed(host);
        var runs = await host.Db(db => db.Runs.CountAsync());

        var preview = Ok(await planning.Revisions.PreviewRevision(People.Planner, Places.Settlement, Options()));

        Assert.Equal((Places.Need, CutNeed), (preview.PublishedNeed, preview.NewNeed));
        var line = Assert.Single(preview.Agreements);
        Assert.Equal((agreement.ProposedPersons, AgreementTreatment.Scale), (line.Agreed, line.Record.Treatment));
        Assert.True(line.After < line.Agreed, $"scaled {line.Agreed} → {line.After}");
        Assert.Equal(CutNeed, preview.Counties.Sum(c => c.RequestedAfter));
        Assert.Equal(Places.Need, preview.Counties.Sum(c => c.RequestedBefore));
        Assert.True(preview.Changed > 0 && preview.Movement >= Places.Need - CutNeed);
        Assert.Equal(runs, await host.Db(db => db.Runs.CountAsync()));
        Assert.Equal(published.Id, (await Year(planning)).PublishedRunId);
    }

    [Theory, DatabaseData]
    public async Task RunRevision_KeepOrDrop_StoredWithTheChoicesAndReproduced(DatabaseProvider provider)
    {
        var host = await Start(provider);
        var (planning, _, agreement) = await PublishWithAnAgreementAndCutTheNeed(host);

        var kept = Ok(await planning.Revisions.RunRevision(People.Planner, Places.Settlement, Options(treatments: new() { [agreement.Id] = AgreementTreatment.Keep }), "keep"));
        var dropped = Ok(await planning.Revisions.RunRevision(People.Planner, Places.Settlement, Options(all: AgreementTreatment.Drop), "drop"));

        Assert.Equal(agreement.ProposedPersons, await Requested(host, kept.Id, Places.Sogndal));
        Assert.Contains("\"treatment\":\"Keep\"", kept.AgreedChangesJson, StringComparison.Ordinal);
        Assert.Contains("\"treatment\":\"Drop\"", dropped.AgreedChangesJson, StringComparison.Ordinal);
        Assert.Contains("\"mode\":\"FullResolve\"", dropped.RevisionJson, StringComparison.Ordinal);
        foreach (var run in new[] { kept, dropped })
        {
            Assert.Equal(CutNeed, await host.Db(db => db.RunLines.Where(l => l.RunId == run.Id).SumAsync(l => l.Requested)));
            Assert.True(Ok(await planning.Runs.Reproduce(People.Planner, run.Id)).Identical);
        }
    }

    [Theory, DatabaseData]
    public async Task RunRevision_MinimumChange_MovesNoMoreThanTheFullResolve(DatabaseProvider provider)
    {
        var host = await Start(provider);
        var (planning, published, _) = await PublishWithAnAgreementAndCutTheNeed(host);

        var full = Ok(await planning.Revisions.RunRevision(People.Planner, Places.Settlement, Options(), "full"));
        var minimum = Ok(await planning.Revisions.RunRevision(People.Planner, Places.Settlement, Options(RevisionMode.MinimumChange), "minimum"));

        Assert.Contains("\"mode\":\"MinimumChange\"", minimum.RevisionJson, StringComparison.Ordinal);
        Assert.Equal(CutNeed, await host.Db(db => db.RunLines.Where(l => l.RunId == minimum.Id).SumAsync(l => l.Requested)));
        Assert.True(await Movement(host, published.Id, minimum.Id) <= await Movement(host, published.Id, full.Id));
        Assert.True(Ok(await planning.Runs.Reproduce(People.Planner, minimum.Id)).Identical);
    }

    [Theory, DatabaseData]
    public async Task Revision_NothingPublishedOrNotAPlanner_Refused(DatabaseProvider provider)
    {
        var (planning, _) = await WithRun(provider);

        Assert.Equal("revision.published", Refused(await planning.Revisions.PreviewRevision(People.Planner, Places.Settlement, Options()), ErrorKind.InvalidInput).Code);
        Assert.Equal("revision.published", Refused(await planning.Revisions.RunRevision(People.Planner, Places.Settlement, Options(), null), ErrorKind.InvalidInput).Code);
        Refused(await planning.Revisions.PreviewRevision(People.Ks, Places.Settlement, Options()), ErrorKind.Forbidden);
        Refused(await planning.Revisions.PreviewRevision(People.Planner, SettlementYear.Create(Places.Year + 1), Options()), ErrorKind.NotFound);

        Assert.Equal(1, await Host.Db(db => db.Runs.CountAsync()));
    }

    private static Task<int> Movement(PlanningHost host, int from, int to) => host.Db(async db =>
    {
        var before = await db.RunLines.Where(l => l.RunId == from).ToDictionaryAsync(l => l.Kommunenummer, l => l.Requested);
        return (await db.RunLines.Where(l => l.RunId == to).ToListAsync()).Sum(l => Math.Abs(l.Requested - before[l.Kommunenummer]));
    });
}
