using Microsoft.Extensions.DependencyInjection;

namespace Busetting.Planning.Tests.Publication;

/// <summary>The public figures: the published run's requests and the newest decisions, never a draft; a cached year is re-read when its stamp changes.</summary>
public sealed class PublicFiguresTests : PlanningTest
{
    [Theory, DatabaseData]
    public async Task For_PublishedYear_TheRunsRequestsAndTheNewestDecision_NothingOfItBeforePublication(DatabaseProvider provider)
    {
        var host = await Start(provider);
        var figures = host.Services.GetRequiredService<PublicFigures>();
        var (planning, run) = await Scenario.OnConsultation(host);
        Assert.NotEqual(PublicSource.Busetting, (await figures.For(Places.Settlement))?.Source);

        await Scenario.FourEyes(planning, YearStatus.Approved);
        await Scenario.FourEyes(planning, YearStatus.Published);
        var published = (await figures.For(Places.Settlement))!;

        Assert.Equal((PublicSource.Busetting, 0), (published.Source, published.Revision));
        Assert.Equal(await host.Db(db => db.RunLines.CountAsync(l => l.RunId == run.Id)), published.Rows.Count);
        var sogndal = published.Rows.Single(r => r.Kommunenummer == Places.Sogndal);
        Assert.Equal((await Requested(host, run.Id, Places.Sogndal), (int?)null, "Vestland"), (sogndal.Requested!.Value, sogndal.Decided, sogndal.County));
        Assert.Contains(Places.Year, await figures.Years());

        Ok(await RegisterDecision(planning, People.Sogndal, Places.Sogndal, Decision(70)));
        Ok(await RegisterDecision(planning, People.Sogndal, Places.Sogndal, Decision(75, expectedVersion: 1)));
        host.Clock.Advance(PublicFigures.StampLifetime + TimeSpan.FromSeconds(1));

        Assert.Equal(75, (await figures.For(Places.Settlement))!.Rows.Single(r => r.Kommunenummer == Places.Sogndal).Decided);
    }
}
