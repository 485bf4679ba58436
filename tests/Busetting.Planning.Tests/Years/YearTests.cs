namespace Busetting.Planning.Tests.Years;

/// <summary>Creating a year and moving it between its statuses, through <see cref="YearHandler"/> with no web host.</summary>
public sealed class YearTests : PlanningTest
{
    [Theory, DatabaseData]
    public async Task CreateYear_Administrator_DraftWithShippedCriteriaAndAudit(DatabaseProvider provider)
    {
        var planning = (await Start(provider)).Planning();

        var year = Ok(await CreateYear(planning, People.Admin));

        Assert.Equal((Places.Settlement, YearStatus.Draft, 1), (year.Year, year.Status, year.Version));
        var criteria = Assert.Single(await Host.Db(db => db.CriteriaVersions.ToListAsync()));
        Assert.Equal((1, "Levert med systemet", People.Admin.Name), (criteria.Number, criteria.Reason, criteria.By));
        Assert.Equal(["year.create"], await Host.AuditActions());
    }

    [Theory, DatabaseData]
    public async Task CreateYear_NextYear_CarriesTheNewestCriteriaVersionOn(DatabaseProvider provider)
    {
        var planning = await Drafted(provider);
        var current = (await planning.Criteria.CurrentCriteria(Places.Settlement))!;
        Ok(await AddCriteria(planning, People.Admin, current.Json.Replace("\"floor\": 10", "\"floor\": 8", StringComparison.Ordinal), expected: 1));

        Ok(await CreateYear(planning, People.Admin, Places.Year + 1));

        var next = (await planning.Criteria.CurrentCriteria(SettlementYear.Create(Places.Year + 1)))!;
        Assert.Equal($"Videreført fra {Places.Year} versjon 2", next.Reason);
        Assert.Contains("\"floor\": 8", next.Json, StringComparison.Ordinal);
        Assert.Contains($"\"year\": {Places.Year + 1}", next.Json, StringComparison.Ordinal);
        // The audit names the year the criteria came from as a plain number.
        var created = await Host.Db(db => db.Audit.Where(a => a.Action == "year.create").OrderByDescending(a => a.Id).FirstAsync());
        Assert.Equal(Places.Year, System.Text.Json.JsonDocument.Parse(created.Details).RootElement.GetProperty("criteriaFrom").GetInt32());
    }

    [Theory, DatabaseData]
    public async Task CreateYear_PlannerTwiceOrOutOfRange_RefusedAndNothingStored(DatabaseProvider provider)
    {
        var planning = (await Start(provider)).Planning();

        Assert.Equal("bare IMDis administratorer oppretter planår", Refused(await CreateYear(planning, People.Planner), ErrorKind.Forbidden).Message);
        Assert.Equal("1999 er utenfor årene systemet dekker (2000–2100)", Refused(await CreateYear(planning, People.Admin, 1999), ErrorKind.InvalidInput).Message);
        Ok(await CreateYear(planning, People.Admin));
        Assert.Equal($"planåret {Places.Year} finnes allerede", Refused(await CreateYear(planning, People.Admin), ErrorKind.Conflict).Message);

        Assert.Equal(1, await Host.Db(db => db.Years.CountAsync()));
        Assert.Equal(1, await Host.Db(db => db.CriteriaVersions.CountAsync()));
        Assert.Equal(["year.create"], await Host.AuditActions());
    }

    [Theory, DatabaseData]
    public async Task Consultation_WithoutARun_RefusedAndTheYearStaysADraft(DatabaseProvider provider)
    {
        var planning = await Drafted(provider);

        var refused = Refused(await Step(planning, People.Planner, YearStatus.Consultation), ErrorKind.InvalidInput);

        Assert.StartsWith("kjør en fordeling før året sendes på høring", refused.Message, StringComparison.Ordinal);
        Assert.Equal((YearStatus.Draft, 1), ((await Year(planning)).Status, (await Year(planning)).Version));
        Assert.Empty(await StatusChanges(Host));
    }

    [Theory, DatabaseData]
    public async Task Consultation_DeadlineInThePast_Refused(DatabaseProvider provider)
    {
        var (planning, _) = await WithRun(provider);

        var refused = Refused(await Step(planning, People.Planner, YearStatus.Consultation, deadline: new DateOnly(2020, 1, 1)), ErrorKind.InvalidInput);

        Assert.Contains("01.01.2020 ligger i fortiden", refused.Message, StringComparison.Ordinal);
        Assert.Equal(YearStatus.Draft, (await Year(planning)).Status);
    }

    [Theory, DatabaseData]
    public async Task Consultation_WithARun_StatusChangeRecordedWithDeadlineAndAudit(DatabaseProvider provider)
    {
        var (planning, _) = await OnConsultation(provider);

        var year = await Year(planning);
        Assert.Equal((YearStatus.Consultation, Deadline), (year.Status, year.ConsultationDeadline));
        var change = Assert.Single(await StatusChanges(Host));
        Assert.Equal((YearStatus.Draft, YearStatus.Consultation, People.Planner.Name, "test"), (change.From, change.To, change.By, change.Reason));
        Assert.Equal(["year.create", "need.add", "run.create", "year.status"], await Host.AuditActions());
        Assert.True(planning.Dialogue.ConsultationOpen(year));
    }

    [Theory, DatabaseData]
    public async Task ChangeStatus_StaleVersion_ConflictAndNothingMoves(DatabaseProvider provider)
    {
        var (planning, _) = await WithRun(provider);
        var seen = (await Year(planning)).Version;
        Ok(await Run(planning, People.Planner, "another"));

        var refused = Refused(await Step(planning, People.Planner, YearStatus.Consultation, seen), ErrorKind.Conflict);

        Assert.Equal("year.version", refused.Code);
        Assert.Equal(YearStatus.Draft, (await Year(planning)).Status);
    }

    [Theory, DatabaseData]
    public async Task ChangeStatus_NotAnArrowOrNotAPlanner_Refused(DatabaseProvider provider)
    {
        var (planning, _) = await WithRun(provider, new Dictionary<string, string?> { ["Planning:FourEyes"] = "false" });

        Assert.Equal(ErrorKind.InvalidInput, Refused(await Step(planning, People.Planner, YearStatus.Published), ErrorKind.InvalidInput).Kind);
        Refused(await Step(planning, People.Admin, YearStatus.Consultation), ErrorKind.Forbidden);
        Refused(await Step(planning, People.Vestland, YearStatus.Consultation), ErrorKind.Forbidden);

        Assert.Equal(YearStatus.Draft, (await Year(planning)).Status);
        Assert.Empty(await StatusChanges(Host));
    }

    [Theory, DatabaseData]
    public async Task ChangeStatus_FourEyesOff_PlannerPublishesAlone(DatabaseProvider provider)
    {
        var (planning, run) = await OnConsultation(provider, new Dictionary<string, string?> { ["Planning:FourEyes"] = "false" });

        Ok(await Step(planning, People.Planner, YearStatus.Approved));
        Ok(await Step(planning, People.Planner, YearStatus.Published));

        var year = await Year(planning);
        Assert.Equal((YearStatus.Published, run.Id, run.Id), (year.Status, year.ApprovedRunId, year.PublishedRunId));
        Assert.Equal([YearStatus.Consultation, YearStatus.Approved, YearStatus.Published], (await StatusChanges(Host)).Select(c => c.To));
    }

    [Theory, DatabaseData]
    public async Task Revised_AfterPublication_RevisionCountsUpAndApprovalIsCleared(DatabaseProvider provider)
    {
        var (planning, run) = await Published(provider);

        Ok(await Step(planning, People.Planner, YearStatus.Revised));

        var year = await Year(planning);
        Assert.Equal((YearStatus.Revised, 1, null, run.Id), (year.Status, year.Revision, year.ApprovedRunId, year.PublishedRunId));
    }

    /// <summary>Issue 16, item 4: a revision goes on consultation only with a revision run — the published run is not one.</summary>
    [Theory, DatabaseData]
    public async Task Revised_ToConsultation_OnlyWithARunNewerThanThePublishedOne(DatabaseProvider provider)
    {
        var (planning, _) = await Published(provider);
        Ok(await Step(planning, People.Planner, YearStatus.Revised));

        var refused = Refused(await Step(planning, People.Planner, YearStatus.Consultation), ErrorKind.InvalidInput);
        Assert.Equal(("year.status", true), (refused.Code, refused.Values["revision"]));
        Assert.Equal(YearStatus.Revised, (await Year(planning)).Status);

        Ok(await Run(planning, People.Planner, "revisjon"));
        Ok(await Step(planning, People.Planner, YearStatus.Consultation));
    }

    /// <summary>Issue 16, item 4: approval while counties and KS may still send proposals carries the deadline as a warning.</summary>
    [Theory, DatabaseData]
    public async Task Summary_ApprovalBeforeTheConsultationDeadline_NamesTheDeadline(DatabaseProvider provider)
    {
        var (planning, _) = await OnConsultation(provider);
        var deadline = (await Year(planning)).ConsultationDeadline!.Value;

        Assert.Equal(deadline, (await planning.Years.Summary(Places.Settlement, YearStatus.Approved)).ConsultationOpenUntil);
        Assert.Null((await planning.Years.Summary(Places.Settlement, YearStatus.Draft)).ConsultationOpenUntil);

        Host.Clock.Advance(TimeSpan.FromDays((deadline.DayNumber - DateOnly.FromDateTime(Host.Clock.GetUtcNow().UtcDateTime).DayNumber) + 2));
        Assert.Null((await planning.Years.Summary(Places.Settlement, YearStatus.Approved)).ConsultationOpenUntil);
    }

    [Theory, DatabaseData]
    public async Task SetDeadline_PlannerLocksDecisions_StoredWithAudit_CountyRefused(DatabaseProvider provider)
    {
        var planning = await Drafted(provider);
        var version = (await Year(planning)).Version;
        var deadline = new DateOnly(Places.Year + 1, 2, 1);

        Refused(await planning.Years.SetDeadline(People.Vestland, Places.Settlement, deadline, locked: true, version), ErrorKind.Forbidden);
        Ok(await planning.Years.SetDeadline(People.Planner, Places.Settlement, deadline, locked: true, version));
        Refused(await planning.Years.SetDeadline(People.Planner, Places.Settlement, null, locked: false, version), ErrorKind.Conflict);

        var year = await Year(planning);
        Assert.Equal((deadline, true, version + 1), (year.DecisionDeadline, year.DecisionsLocked, year.Version));
        Assert.Equal(1, (await Host.AuditActions()).Count(a => a == "year.deadline"));
    }

    [Theory, DatabaseData]
    public async Task SetConsultationDeadline_PastOrMissing_Refused_LaterOneStored(DatabaseProvider provider)
    {
        var (planning, _) = await OnConsultation(provider);
        var version = (await Year(planning)).Version;

        Assert.Equal("Høringsfrist: velg en dato", Refused(await planning.Years.SetConsultationDeadline(People.Planner, Places.Settlement, null, version), ErrorKind.InvalidInput).Message);
        Refused(await planning.Years.SetConsultationDeadline(People.Planner, Places.Settlement, Host.Clock.Today.AddDays(-1), version), ErrorKind.InvalidInput);
        Ok(await planning.Years.SetConsultationDeadline(People.Planner, Places.Settlement, Deadline.AddDays(7), version));

        Assert.Equal(Deadline.AddDays(7), (await Year(planning)).ConsultationDeadline);
        Assert.Equal(1, (await Host.AuditActions()).Count(a => a == "year.consultationDeadline"));
    }
}
