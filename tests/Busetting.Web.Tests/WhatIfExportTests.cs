using Busetting.Application;
using Busetting.Domain.Need;
using static Busetting.Web.Tests.XlsxSheet;

namespace Busetting.Web.Tests;

/// <summary>Issue 16, item 8: the what-if's scenario as an XLSX (the shared Export.Xlsx layout), the numbers as the page solves them.</summary>
public class WhatIfExportTests
{
    [Fact]
    public async Task WhatIfXlsx_TheScenarioSolved_WithItsInputsAbove_PlannersOnly()
    {
        using var app = new WebApp(DatabaseProvider.Sqlite);
        var (planner, run) = await Steps.PlannerAt(app, Stage.Run);
        var weights = await WeightsWithArbeid(app, 40);
        var query = string.Join("&", weights.Select(w => $"vekt.{w.Key}={(int)(w.Value * 100)}")) + "&anker=60&behov=12640&em=300";
        var response = await planner.Get($"/planlegging/2025/kva-om/eksport.xlsx?{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (above, sheet) = Sheet(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("Hva om? 2025", above[0]);
        Assert.Contains(above, line => line.Contains("Muligheter for arbeid 40 %", StringComparison.Ordinal));
        Assert.Contains(above, line => line.Replace('\u00A0', ' ').Contains("Behov 12 640, EM 300, kontinuitetsanker 60 %", StringComparison.Ordinal));
        Assert.Equal(["Kommunenummer", "Kommune", "Fylkesnummer", "Fylke", $"Før (kjøring #{run})", "Nå", "Endring", "EM nå"], sheet[0]);

        // The numbers are the ones the what-if computes for the same inputs.
        using var scope = app.Services.CreateScope();
        var computed = await scope.ServiceProvider.GetRequiredService<RunHandler>().Compute(Steps.Settlement, weights,
            NationalNeed.Create(12_640, 300).Value, new Actor("test", Role.Planner, null, null), anchorShare: 0.6m);
        Assert.True(computed.IsSuccess);
        var expected = computed.Value.Run.Result.Municipalities.ToDictionary(m => m.Municipality.Number.Value, m => (m.Requested, m.RequestedEm));
        Assert.Equal(357, sheet.Count - 1);
        foreach (var row in sheet[1..])
        {
            Assert.Equal(expected[row[0]], (Int(row[5]), Int(row[7])));
            Assert.Equal(Int(row[5]) - Int(row[4]), Int(row[6]));
        }
        Assert.Equal(12_640, sheet[1..].Sum(r => Int(r[5])));

        // Bad input names the field; others than planners get no file.
        var bad = await planner.Get("/planlegging/2025/kva-om/eksport.xlsx?behov=tolv");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Behovet", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var county = await Session.SignIn(app, Users.Vestland);
        Assert.NotEqual(HttpStatusCode.OK, (await county.Get("/planlegging/2025/kva-om/eksport.xlsx")).StatusCode);
    }

    /// <summary>The saved weights with the job-opportunity weight at <paramref name="percent"/>, the others sharing the rest as the page does.</summary>
    private static async Task<Dictionary<string, decimal>> WeightsWithArbeid(WebApp app, int percent)
    {
        using var scope = app.Services.CreateScope();
        var entry = await scope.ServiceProvider.GetRequiredService<CriteriaHandler>().CurrentCriteria(Steps.Settlement);
        var set = Busetting.Data.Criteria.CriteriaJson.Parse(entry!.Json, "test").Value;
        var moved = WhatIfWeights.From(set.Criteria.Select(c => new WhatIfWeights.Saved(c.Id, c.Weight)).ToList()).Move("arbeid", percent);
        return moved.ForSolve!.ToDictionary(w => w.Key, w => w.Value);
    }

    private static int Int(string text) => int.Parse(text, CultureInfo.InvariantCulture);
}
