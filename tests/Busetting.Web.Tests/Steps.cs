using System.Net;
using Busetting.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Busetting.Web.Tests;

/// <summary>The planning steps, as a planner does them through the web forms.</summary>
public static class Steps
{
    public const int Year = 2025;

    public static async Task<int> RunAllocation(WebApp app, Session planner, string label = "test")
    {
        var response = await planner.Post($"/planlegging/{Year}", $"/planlegging/{Year}", "kjor", new() { ["RunForm.Label"] = label });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{(int)response.StatusCode}: {app.Log}");
        return await app.Db(db => db.Runs.MaxAsync(r => r.Id));
    }

    public static async Task<HttpResponseMessage> ChangeStatus(WebApp app, Session planner, YearStatus to, int? version = null)
    {
        var current = version ?? await app.Db(db => db.Years.Where(y => y.Year == Year).Select(y => y.Version).FirstAsync());
        return await planner.Post($"/planlegging/{Year}", $"/planlegging/{Year}", "status",
            new() { ["StatusForm.To"] = to.ToString(), ["StatusForm.Version"] = current.ToString(System.Globalization.CultureInfo.InvariantCulture), ["StatusForm.Reason"] = "test" });
    }

    /// <summary>Run → consultation → approved → published; returns the published run.</summary>
    public static async Task<int> Publish(WebApp app, Session planner)
    {
        await RunAllocation(app, planner);
        foreach (var step in new[] { YearStatus.Consultation, YearStatus.Approved, YearStatus.Published })
        {
            var response = await ChangeStatus(app, planner, step);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{step}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        return await app.Db(db => db.Years.Where(y => y.Year == Year).Select(y => y.PublishedRunId!.Value).FirstAsync());
    }

    public static Task<int> Requested(WebApp app, int runId, string kommunenummer) =>
        app.Db(db => db.RunLines.Where(l => l.RunId == runId && l.Kommunenummer == kommunenummer).Select(l => l.Requested).FirstAsync());

    public static Dictionary<string, string> DecisionFields(int persons, int em, string date, int expectedVersion, string? extra = null) => new()
    {
        ["DecisionForm.Persons"] = persons.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["DecisionForm.Em"] = em.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["DecisionForm.Date"] = date,
        ["DecisionForm.Extra"] = extra ?? "",
        ["DecisionForm.Note"] = "",
        ["DecisionForm.ExpectedVersion"] = expectedVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public static byte[] MinimalPdf => "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"u8.ToArray();
}
