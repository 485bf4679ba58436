using Microsoft.Extensions.Configuration;

namespace Busetting.Planning.Tests.Audit;

/// <summary>The audit trail searched by IMDi: filtered by year, kind, who and municipality, newest first, 50 a page; the export's cap.</summary>
public sealed class AuditSearchTests : PlanningTest
{
    /// <summary>A published year with Sogndal's decision and a comment on Bergen: entries of several kinds, people and municipalities.</summary>
    private static async Task<PlanningHost> PublishedWithADecision(DatabaseProvider provider)
    {
        var host = await PlanningHost.Start(provider);
        var (planning, _) = await Scenario.Published(host);
        Ok(await RegisterDecision(planning, People.Sogndal, Places.Sogndal, Decision(70)));
        Ok(await Comment(planning, People.Ks, Places.Bergen, "Rimeleg tal"));
        return host;
    }

    [Theory, DatabaseData]
    public async Task SearchAudit_OutsideImdi_Forbidden(DatabaseProvider provider)
    {
        var planning = (await Start(provider)).Planning();

        Refused(await SearchAudit(planning, People.Vestland), ErrorKind.Forbidden);
        Refused(await SearchAudit(planning, People.Sogndal), ErrorKind.Forbidden);
        Assert.Equal(0, Ok(await SearchAudit(planning, People.Admin)).Total);
    }

    [Theory, DatabaseData]
    public async Task SearchAudit_ByKindWhoAndMunicipality_OnlyTheMatchingEntriesNewestFirst(DatabaseProvider provider)
    {
        await using var host = await PublishedWithADecision(provider);
        var planning = host.Planning();
        var all = Ok(await SearchAudit(planning, People.Planner, all: true));

        var decisions = Ok(await SearchAudit(planning, People.Planner, kind: "decision")).Entries;
        var byKs = Ok(await SearchAudit(planning, People.Planner, who: " KS-rådgiver ")).Entries;
        var bergen = Ok(await SearchAudit(planning, People.Planner, kommunenummer: Places.Bergen)).Entries;

        Assert.Equal(all.Total, await host.Db(db => db.Audit.CountAsync(a => a.Year == Places.Settlement)));
        Assert.Equal(all.Entries.Select(e => e.Id).OrderDescending(), all.Entries.Select(e => e.Id));
        Assert.Equal(["decision.register"], decisions.Select(e => e.Action));
        Assert.Equal(["comment.add"], byKs.Select(e => e.Action));
        Assert.All(bergen, e => Assert.Equal(Places.Number(Places.Bergen), e.Kommunenummer));
        Assert.Contains(bergen, e => e.Action == "comment.add");
        Assert.Equal(all.Total, Ok(await SearchAudit(planning, People.Planner, kind: "ingen-slik")).Total);
        Assert.Equal(0, Ok(await SearchAudit(planning, People.Planner, year: Places.Year + 1)).Total);
    }

    [Theory, DatabaseData]
    public async Task SearchAudit_MoreThanAPage_FiftyAPageAndAPageOutOfRangeGivesTheLast(DatabaseProvider provider)
    {
        var host = await Start(provider);
        await host.Db(db =>
        {
            db.Audit.AddRange(Enumerable.Range(1, 60).Select(i => new AuditEntry { At = DateTime.UtcNow, Actor = "lesar", Role = RoleNames.Planner, Action = "read.unpublished", Year = Places.Settlement }));
            return db.SaveChangesAsync();
        });
        var planning = host.Planning();

        var first = Ok(await SearchAudit(planning, People.Planner, kind: "read"));
        var last = Ok(await SearchAudit(planning, People.Planner, kind: "read", page: 99));

        Assert.Equal((60, 1, 2, AuditHandler.AuditPageSize), (first.Total, first.Page, first.Pages, first.Entries.Count));
        Assert.Equal((2, 10), (last.Page, last.Entries.Count));
        Assert.True(first.Entries[^1].Id > last.Entries[0].Id);
        Assert.Equal(60, Ok(await SearchAudit(planning, People.Planner, kind: "read", all: true)).Entries.Count);
    }

    [Theory, DatabaseData]
    public async Task SearchAudit_ExportOverTheCap_TheTotalButNoEntries(DatabaseProvider provider)
    {
        await using var host = await PublishedWithADecision(provider);
        var planning = host.Planning();

        var over = Ok(await SearchAudit(planning, People.Planner, all: true, maxRows: 3));
        var narrow = Ok(await SearchAudit(planning, People.Planner, kind: "decision", all: true, maxRows: 3));

        Assert.True(over.Total > 3, $"{over.Total} entries");
        Assert.Empty(over.Entries);
        Assert.Equal((1, 1), (narrow.Total, narrow.Entries.Count));
    }

    [Fact]
    public void AuditExport_CapFromSettingsElseTheDefault_MessageInBothForms()
    {
        IConfiguration Settings(string? max) => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Audit:ExportMaxRows"] = max }).Build();

        Assert.Equal((3, AuditExport.DefaultMaxRows, AuditExport.DefaultMaxRows, AuditExport.DefaultMaxRows),
            (AuditExport.MaxRows(Settings("3")), AuditExport.MaxRows(Settings(null)), AuditExport.MaxRows(Settings("0")), AuditExport.MaxRows(Settings("-5"))));
        Assert.Equal($"Søket har {Ui.Number(1200)} treff; Excel-filen kan ha høyst {Ui.Number(1000)}. Avgrens søket (år, type, hvem eller kommune) for å laste ned.",
            AuditExport.TooMany(WrittenStandard.Nb, 1200, 1000));
        Assert.StartsWith("Søket har 4 treff; Excel-fila kan ha høgst 3.", AuditExport.TooMany(WrittenStandard.Nn, 4, 3), StringComparison.Ordinal);
    }
}
