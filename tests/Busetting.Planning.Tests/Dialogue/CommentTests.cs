namespace Busetting.Planning.Tests.Dialogue;

/// <summary>Comments on a municipality's number: KS and planners anywhere, counties on their own municipalities, audited.</summary>
public sealed class CommentTests : PlanningTest
{
    [Theory, DatabaseData]
    public async Task AddComment_KsCountyAndPlanner_StoredTrimmedNewestFirstWithAudit(DatabaseProvider provider)
    {
        var planning = await Drafted(provider);

        Ok(await Comment(planning, People.Ks, Places.Oslo, "  Høgt tal for Oslo  "));
        Ok(await Comment(planning, People.Vestland, Places.Sogndal, "Bustadmangel"));
        Ok(await Comment(planning, People.Planner, Places.Sogndal, "Sjekka"));

        var sogndal = await planning.Dialogue.Comments(Places.Settlement, Places.Number(Places.Sogndal));
        Assert.Equal([("Sjekka", Role.Planner), ("Bustadmangel", Role.County)], sogndal.Select(c => (c.Text, c.ByRole)));
        Assert.Equal("Høgt tal for Oslo", Assert.Single(await planning.Dialogue.Comments(Places.Settlement, Places.Number(Places.Oslo))).Text);
        Assert.Equal(3, (await planning.Dialogue.Comments(Places.Settlement, null)).Count);
        Assert.Equal(3, (await Host.AuditActions()).Count(a => a == "comment.add"));
    }

    [Theory, DatabaseData]
    public async Task AddComment_AnotherCountyCaseWorkerOrAdministrator_ForbiddenAndNothingStored(DatabaseProvider provider)
    {
        var planning = await Drafted(provider);

        var oslo = Refused(await Comment(planning, People.Vestland, Places.Oslo, "x"), ErrorKind.Forbidden);
        Refused(await Comment(planning, People.OsloCounty, Places.Bergen, "x"), ErrorKind.Forbidden);
        Refused(await Comment(planning, People.Bergen, Places.Bergen, "x"), ErrorKind.Forbidden);
        Refused(await Comment(planning, People.Admin, Places.Bergen, "x"), ErrorKind.Forbidden);

        Assert.Equal($"du kan ikke kommentere {Places.Oslo} Oslo", oslo.Message);
        Assert.Equal(0, await Host.Db(db => db.Comments.CountAsync()));
        Assert.DoesNotContain("comment.add", await Host.AuditActions());
    }

    [Theory, DatabaseData]
    public async Task AddComment_EmptyTooLongUnknownMunicipalityOrYear_RefusedAndNothingStored(DatabaseProvider provider)
    {
        var planning = await Drafted(provider);

        Assert.Equal("comment.text", Refused(await Comment(planning, People.Ks, Places.Bergen, "   "), ErrorKind.InvalidInput).Code);
        Assert.Equal("comment.text", Refused(await Comment(planning, People.Ks, Places.Bergen, new string('x', FieldLimits.Comment + 1)), ErrorKind.InvalidInput).Code);
        Refused(await Comment(planning, People.Ks, "9999", "x"), ErrorKind.NotFound);
        Refused(await planning.Dialogue.AddComment(People.Ks, SettlementYear.Create(Places.Year + 5), Places.Number(Places.Bergen), "x"), ErrorKind.NotFound);

        Ok(await Comment(planning, People.Ks, Places.Bergen, new string('x', FieldLimits.Comment)));
        Assert.Equal(1, await Host.Db(db => db.Comments.CountAsync()));
    }

    [Theory, DatabaseData]
    public async Task AuditTrail_ImdiReadsTheYearsEntriesNewestFirst_OthersRefused(DatabaseProvider provider)
    {
        var planning = await Drafted(provider);
        Ok(await Comment(planning, People.Ks, Places.Bergen, "x"));

        var trail = Ok(await planning.Audit.AuditTrail(People.Admin, Places.Settlement));

        Assert.Equal(["comment.add", "need.add", "year.create"], trail.Select(a => a.Action));
        Assert.Equal((People.Ks.Name, RoleNames.Ks, Places.Number(Places.Bergen)), (trail[0].Actor, trail[0].Role, trail[0].Kommunenummer));
        Assert.Equal("bare IMDi ser revisjonssporet", Refused(await planning.Audit.AuditTrail(People.Ks, Places.Settlement), ErrorKind.Forbidden).Message);
        Refused(await planning.Audit.AuditTrail(People.Vestland, Places.Settlement), ErrorKind.Forbidden);
    }
}
