using Busetting.Domain.Allocation;

namespace Busetting.Planning.Tests.Publication;

/// <summary>The public revision history (<see cref="PublicationHandler"/>): every publication of a year, original first, with its date and numbers.</summary>
public sealed class PublicationTests : PlanningTest
{
    private PublicationHandler History => Host.Handler<PublicationHandler>();

    [Theory, DatabaseData]
    public async Task Publications_NothingPublished_None(DatabaseProvider provider)
    {
        await OnConsultation(provider);

        Assert.Empty(await History.Publications(Places.Settlement));
        Assert.Empty(await History.Publications(SettlementYear.Create(Places.Year + 1)));
    }

    [Theory, DatabaseData]
    public async Task Publications_RevisionPublished_OriginalThenTheRevisionEachWithItsDateAndLines(DatabaseProvider provider)
    {
        var (planning, original) = await Published(provider);
        Ok(await Step(planning, People.Planner, YearStatus.Revised));
        Ok(await AddNeed(planning, People.Planner, 12_640, 0, expected: 1));
        var revision = Ok(await planning.Revisions.RunRevision(People.Planner, Places.Settlement, new(RevisionMode.FullResolve, AgreementTreatment.Scale, new Dictionary<int, AgreementTreatment>()), "revisjon"));
        Assert.True(PublicationHandler.BeingRevised(await Year(planning)));
        Assert.Equal([(0, original.Id)], (await History.Publications(Places.Settlement)).Select(p => (p.Revision, p.RunId)));

        Ok(await Step(planning, People.Planner, YearStatus.Consultation));
        await Scenario.FourEyes(planning, YearStatus.Approved);
        await Scenario.FourEyes(planning, YearStatus.Published);

        Assert.False(PublicationHandler.BeingRevised(await Year(planning)));
        var publications = await History.Publications(Places.Settlement);
        Assert.Equal([(0, original.Id), (1, revision.Id)], publications.Select(p => (p.Revision, p.RunId)));
        Assert.True(publications[0].At is { } first && publications[1].At is { } second && first <= second, "both dated, in order");
        var sogndal = await History.PublishedLines(publications, Places.Number(Places.Sogndal));
        Assert.Equal(await Requested(Host, original.Id, Places.Sogndal), Assert.Single(sogndal[original.Id]).Value.Requested);
        Assert.Equal(await Requested(Host, revision.Id, Places.Sogndal), Assert.Single(sogndal[revision.Id]).Value.Requested);
        Assert.Equal(12_640, (await History.PublishedLines(publications))[revision.Id].Values.Sum(l => l.Requested));
    }
}
