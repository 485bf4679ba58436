namespace Busetting.Planning.Tests.Input;

/// <summary>Free text has limits: every handler refuses text over its field's limit naming the field, and the EF model carries the same limits.</summary>
public sealed class FieldLimitTests : PlanningTest
{
    /// <summary>Numbers are written with a no-break space between thousands; compare with plain spaces.</summary>
    private static string Spaces(string text) => text.Replace('\u00A0', ' ').Replace('\u202F', ' ');

    /// <summary>Every free-text field the services take, one over its limit, in both written standards.</summary>
    [Theory, DatabaseData]
    public async Task FreeTextFields_OverTheLimit_EachRefusedNamingTheField(DatabaseProvider provider)
    {
        var planning = await Drafted(provider);
        var planner = People.Planner with { Language = WrittenStandard.Nn };
        var admin = People.Admin with { Language = WrittenStandard.Nn };
        var ks = People.Ks with { Language = WrittenStandard.Nn };
        string Over(int limit) => new('y', limit + 1);
        static string Message<T>(Result<T> r) => Spaces(Assert.Single(r.Errors).Message);

        Assert.Contains("grunngjevinga kan ha høgst 2 000 teikn", Message(await AddNeed(planning, planner, 100, 0, 1, Over(FieldLimits.Reason))));
        Assert.Contains("grunngjevinga kan ha høgst 2 000 teikn", Message(await AddCriteria(planning, admin, "{}", 1, Over(FieldLimits.Reason))));
        Assert.Contains("grunngjevinga kan ha høgst 2 000 teikn", Message(await planning.Years.ChangeStatus(planner, Places.Settlement, YearStatus.Consultation, 1, Over(FieldLimits.Reason))));
        Assert.Contains("merkelappen kan ha høgst 200 teikn", Message(await Run(planning, planner, Over(FieldLimits.Label))));
        Assert.Contains("merknaden kan ha høgst 2 000 teikn", Message(await planning.Dialogue.DecideProposal(planner, 1, true, Over(FieldLimits.Note), 1)));
        Assert.Contains("ein kommentar må ha mellom 1 og 4 000 teikn", Message(await Comment(planning, ks, Places.Sogndal, Over(FieldLimits.Comment))));
        Assert.Equal(0, await Host.Db(db => db.Comments.CountAsync()));
        Assert.Equal(1, await Host.Db(db => db.Needs.CountAsync()));
    }

    /// <summary>The EF model carries the same limits, so PostgreSQL refuses what a forgotten check would let through.</summary>
    [Theory, DatabaseData]
    public async Task EfModel_FreeTextColumns_HaveTheServiceLimits(DatabaseProvider provider)
    {
        var host = await Start(provider);
        var model = await host.Db(db => Task.FromResult(db.Model));
        int? Max<T>(string property) => model.FindEntityType(typeof(T))!.FindProperty(property)!.GetMaxLength();
        Assert.Equal(FieldLimits.Reason, Max<Proposal>(nameof(Proposal.Reason)));
        Assert.Equal(FieldLimits.Note, Max<Proposal>(nameof(Proposal.DecisionNote)));
        Assert.Equal(FieldLimits.Comment, Max<Busetting.Persistence.Comment>(nameof(Busetting.Persistence.Comment.Text)));
        Assert.Equal(FieldLimits.Note, Max<Busetting.Persistence.Decision>(nameof(Busetting.Persistence.Decision.Note)));
        Assert.Equal(FieldLimits.Reason, Max<NeedEntry>(nameof(NeedEntry.Reason)));
        Assert.Equal(FieldLimits.Reason, Max<CriteriaEntry>(nameof(CriteriaEntry.Reason)));
        Assert.Equal(FieldLimits.Reason, Max<YearStatusChange>(nameof(YearStatusChange.Reason)));
        Assert.Equal(FieldLimits.Label, Max<AllocationRun>(nameof(AllocationRun.Label)));
        Assert.Equal(FieldLimits.Reason, Max<LetterJob>(nameof(LetterJob.Reason)));
        Assert.Equal(FieldLimits.TemplateText, Max<LetterTemplateEntry>(nameof(LetterTemplateEntry.Text)));
    }
}
