using Busetting.Domain.Allocation;

namespace Busetting.Planning.Tests.Revisions;

/// <summary>
/// The EM part of an agreement in a revision (issue 16, item 1): Bergen's agreed EM follow the agreement's treatment when
/// the national EM need falls 350 → 230, in the preview (before/after per agreement, municipality and county) and in a
/// minimum-change run.
/// </summary>
public sealed class EmRevisionTests : PlanningTest
{
    private const int EmNeed = 350;
    private const int CutEmNeed = 230;

    private static RevisionOptions Options(RevisionMode mode = RevisionMode.FullResolve, AgreementTreatment all = AgreementTreatment.Scale) =>
        new(mode, all, new Dictionary<int, AgreementTreatment>());

    /// <summary>Bergen agreed on consultation (+10 persons, its EM +2), published, then revised to 12 640 persons and 230 EM.</summary>
    private static async Task<(PlanningHandlers Planning, int AgreedEm)> PublishWithAnEmAgreementAndCutTheNeed(PlanningHost host)
    {
        var (planning, run) = await Scenario.OnConsultation(host, EmNeed);
        var em = await host.Db(db => db.RunLines.Where(l => l.RunId == run.Id && l.Kommunenummer == Places.Number(Places.Bergen)).Select(l => l.RequestedEm).FirstAsync()) + 2;
        var package = Ok(await Propose(planning, People.Vestland, "Avtalt", Line(Places.Bergen, await Requested(host, run.Id, Places.Bergen) + 10, em)))[0];
        Ok(await Accept(planning, package));
        await Scenario.FourEyes(planning, YearStatus.Approved);
        await Scenario.FourEyes(planning, YearStatus.Published);
        Ok(await Step(planning, People.Planner, YearStatus.Revised));
        Ok(await AddNeed(planning, People.Planner, 12_640, CutEmNeed, expected: 1));
        return (planning, em);
    }

    private static int Scaled(int em) => (int)Math.Round((decimal)em * CutEmNeed / EmNeed, MidpointRounding.AwayFromZero);

    [Theory, DatabaseData]
    public async Task PreviewRevision_EmNeedCut_AgreedEmScaledAndShownBeforeAfter(DatabaseProvider provider)
    {
        var host = await Start(provider);
        var (planning, agreedEm) = await PublishWithAnEmAgreementAndCutTheNeed(host);

        var preview = Ok(await planning.Revisions.PreviewRevision(People.Planner, Places.Settlement, Options()));

        Assert.Equal((EmNeed, CutEmNeed), (preview.PublishedEm, preview.NewEm));
        var bergen = Assert.Single(preview.Agreements);
        Assert.Equal((agreedEm, Scaled(agreedEm), false), (bergen.AgreedEm, bergen.EmAfter, bergen.EmFixedWhileNeedChanged));
        Assert.Equal((agreedEm, Scaled(agreedEm)), preview.Em.Where(m => m.Kommunenummer == Places.Bergen).Select(m => (m.Before, m.After)).Single());
        Assert.Equal((EmNeed, CutEmNeed), (preview.Counties.Sum(c => c.EmBefore), preview.Counties.Sum(c => c.EmAfter)));
        Assert.Equal((EmNeed, CutEmNeed), (preview.Em.Sum(m => m.Before), preview.Em.Sum(m => m.After)));
    }

    [Theory, DatabaseData]
    public async Task PreviewRevision_AgreementKept_EmStaysAndIsFlagged(DatabaseProvider provider)
    {
        var host = await Start(provider);
        var (planning, agreedEm) = await PublishWithAnEmAgreementAndCutTheNeed(host);

        var preview = Ok(await planning.Revisions.PreviewRevision(People.Planner, Places.Settlement, Options(all: AgreementTreatment.Keep)));

        var bergen = Assert.Single(preview.Agreements);
        Assert.Equal((agreedEm, agreedEm, true), (bergen.AgreedEm, bergen.EmAfter, bergen.EmFixedWhileNeedChanged));
    }

    [Theory, DatabaseData]
    public async Task RunRevision_MinimumChange_AgreedEmScaledStoredAndReproduced(DatabaseProvider provider)
    {
        var host = await Start(provider);
        var (planning, agreedEm) = await PublishWithAnEmAgreementAndCutTheNeed(host);

        var minimum = Ok(await planning.Revisions.RunRevision(People.Planner, Places.Settlement, Options(RevisionMode.MinimumChange), "minimum"));

        var bergenEm = await host.Db(db => db.RunLines.Where(l => l.RunId == minimum.Id && l.Kommunenummer == Places.Number(Places.Bergen)).Select(l => l.RequestedEm).FirstAsync());
        Assert.Equal(Scaled(agreedEm), bergenEm);
        Assert.Equal(CutEmNeed, await host.Db(db => db.RunLines.Where(l => l.RunId == minimum.Id).SumAsync(l => l.RequestedEm)));
        Assert.True(Ok(await planning.Runs.Reproduce(People.Planner, minimum.Id)).Identical);
    }
}
