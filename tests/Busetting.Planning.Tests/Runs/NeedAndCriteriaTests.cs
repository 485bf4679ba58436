namespace Busetting.Planning.Tests.Runs;

/// <summary>The national need and the criteria versions: who may change them, versions, and nothing stored on refusal.</summary>
public sealed class NeedAndCriteriaTests : PlanningTest
{
    [Theory, DatabaseData]
    public async Task AddNeed_Planner_NewRevisionWithReasonAndAudit(DatabaseProvider provider)
    {
        var planning = await Drafted(provider);

        var change = Ok(await AddNeed(planning, People.Planner, 12_640, 300, expected: 1, reason: "  Kutt midt i året  "));

        Assert.Equal((2, 12_640, 300, "Kutt midt i året"), (change.Entry.Number, change.Entry.Persons, change.Entry.Em, change.Entry.Reason));
        Assert.Null(change.ComparedWithPublished);
        Assert.Equal(12_640, (await planning.Needs.CurrentNeed(Places.Settlement))!.Persons);
        Assert.Equal(2, (await Host.AuditActions()).Count(a => a == "need.add"));
    }

    [Theory, DatabaseData]
    public async Task AddNeed_StaleNumberNoReasonWrongRoleOrUnknownYear_RefusedAndNothingStored(DatabaseProvider provider)
    {
        var planning = await Drafted(provider);

        Assert.Equal("need.version", Refused(await AddNeed(planning, People.Planner, 12_640, 0, expected: 0), ErrorKind.Conflict).Code);
        Assert.Equal("need.reason", Refused(await AddNeed(planning, People.Planner, 12_640, 0, expected: 1, reason: " "), ErrorKind.InvalidInput).Code);
        Refused(await AddNeed(planning, People.Admin, 12_640, 0, expected: 1), ErrorKind.Forbidden);
        Refused(await AddNeed(planning, People.Ks, 12_640, 0, expected: 1), ErrorKind.Forbidden);
        Assert.False((await AddNeed(planning, People.Planner, 100, 200, expected: 1)).IsSuccess, "more EM than persons");
        Refused(await planning.Needs.AddNeed(People.Planner, SettlementYear.Create(Places.Year + 3), 100, 0, null, "x", 0), ErrorKind.NotFound);

        Assert.Equal(1, await Host.Db(db => db.Needs.CountAsync()));
        Assert.Equal(1, (await Host.AuditActions()).Count(a => a == "need.add"));
    }

    [Theory, DatabaseData]
    public async Task AddNeed_AfterPublication_ComparesWithThePublishedNeed(DatabaseProvider provider)
    {
        var (planning, _) = await Published(provider);

        var change = Ok(await AddNeed(planning, People.Planner, 12_640, 0, expected: 1));

        var compared = change.ComparedWithPublished!;
        Assert.Equal((Places.Need, 12_640), (compared.Previous.Persons, compared.Revised.Persons));
        Assert.True(compared.RedistributionRecommended);
        Assert.Equal(-33.1m, Math.Round(compared.PersonsChange * 100, 1));
    }

    [Theory, DatabaseData]
    public async Task AddCriteria_Administrator_NewVersionWithWeightsInTheAudit(DatabaseProvider provider)
    {
        var planning = await Drafted(provider);
        var json = (await planning.Criteria.CurrentCriteria(Places.Settlement))!.Json.Replace("\"floor\": 10", "\"floor\": 8", StringComparison.Ordinal);

        var entry = Ok(await AddCriteria(planning, People.Admin, json, expected: 1));

        Assert.Equal((2, "Nye vekter", People.Admin.Name), (entry.Number, entry.Reason, entry.By));
        Assert.Contains("\"floor\": 8", (await planning.Criteria.CurrentCriteria(Places.Settlement))!.Json, StringComparison.Ordinal);
        var audit = await Host.Db(db => db.Audit.SingleAsync(a => a.Action == "criteria.add"));
        Assert.Contains("\"Floor\":8", audit.Details.Replace(" ", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
    }

    [Theory, DatabaseData]
    public async Task AddCriteria_TwoAdministratorsOnOneVersion_SecondConflicts(DatabaseProvider provider)
    {
        var planning = await Drafted(provider);
        var json = (await planning.Criteria.CurrentCriteria(Places.Settlement))!.Json;
        Ok(await AddCriteria(planning, People.Admin, json, expected: 1));

        var refused = Refused(await AddCriteria(Host.Planning(), People.Admin, json, expected: 1), ErrorKind.Conflict);

        Assert.Contains("endret av en annen (nå versjon 2)", refused.Message, StringComparison.Ordinal);
        Assert.Equal(2, await Host.Db(db => db.CriteriaVersions.CountAsync()));
    }

    [Theory, DatabaseData]
    public async Task AddCriteria_PlannerWrongYearBrokenJsonOrNoReason_RefusedAndNothingStored(DatabaseProvider provider)
    {
        var planning = await Drafted(provider);
        var json = (await planning.Criteria.CurrentCriteria(Places.Settlement))!.Json;

        Refused(await AddCriteria(planning, People.Planner, json, expected: 1), ErrorKind.Forbidden);
        Assert.Equal("criteria.reason", Refused(await AddCriteria(planning, People.Admin, json, expected: 1, reason: ""), ErrorKind.InvalidInput).Code);
        var otherYear = json.Replace($"\"year\": {Places.Year}", $"\"year\": {Places.Year + 1}", StringComparison.Ordinal);
        Assert.Equal("criteria.year", Refused(await AddCriteria(planning, People.Admin, otherYear, expected: 1), ErrorKind.InvalidInput).Code);
        Assert.False((await AddCriteria(planning, People.Admin, "{ not json", expected: 1)).IsSuccess);

        Assert.Equal(1, await Host.Db(db => db.CriteriaVersions.CountAsync()));
        Assert.DoesNotContain("criteria.add", await Host.AuditActions());
    }
}
