namespace Busetting.Planning.Tests;

/// <summary>
/// The handler calls the tests make, with the year and municipality numbers of <see cref="Places"/>: when a handler's
/// signature changes (typed identities), this file changes and the tests do not.
/// </summary>
public static class Handlers
{
    /// <summary>A checked month ahead: a consultation deadline that is never in the past.</summary>
    public static readonly DateOnly Deadline = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(1);

    public static T Ok<T>(Result<T> result)
    {
        Assert.True(result.IsSuccess, string.Join("; ", result.Errors));
        return result.Value;
    }

    /// <summary>The refusal's one error, of this kind.</summary>
    public static Error Refused<T>(Result<T> result, ErrorKind kind)
    {
        Assert.False(result.IsSuccess, "accepted, expected " + kind);
        var error = Assert.Single(result.Errors);
        Assert.True(error.Kind == kind, $"{error.Kind} {error.Code}: {error.Message}");
        return error;
    }

    public static Task<Result<PlanningYear>> CreateYear(PlanningService planning, Actor actor, int year = Places.Year) =>
        planning.CreateYear(actor, year);

    public static async Task<PlanningYear> Year(PlanningService planning) => (await planning.Year(Places.Settlement))!;

    public static Task<Result<PlanningService.NeedChange>> AddNeed(PlanningService planning, Actor actor, int persons, int em, int expected, string reason = "Beregningsutvalet") =>
        planning.AddNeed(actor, Places.Settlement, persons, em, null, reason, expected);

    public static Task<Result<CriteriaEntry>> AddCriteria(PlanningService planning, Actor actor, string json, int expected, string reason = "Nye vekter") =>
        planning.AddCriteria(actor, Places.Settlement, json, reason, expected);

    public static Task<Result<AllocationRun>> Run(PlanningService planning, Actor actor, string? label = "test") =>
        planning.RunAllocation(actor, Places.Settlement, label);

    /// <summary>A direct status step (four eyes off, or consultation), at the year's current version unless given.</summary>
    public static async Task<Result<PlanningYear>> Step(PlanningService planning, Actor actor, YearStatus to, int? version = null, DateOnly? deadline = null) =>
        await planning.ChangeStatus(actor, Places.Settlement, to, version ?? (await Year(planning)).Version, "test", consultationDeadline: deadline ?? Deadline);

    public static async Task<Result<StepRequest>> Request(PlanningService planning, Actor actor, YearStatus to, int? version = null) =>
        await planning.RequestStep(actor, Places.Settlement, to, version ?? (await Year(planning)).Version, "test");

    public static Task<Result<PlanningYear>> Confirm(PlanningService planning, Actor actor, StepRequest request) =>
        planning.ConfirmStep(actor, request.Id, request.Version);

    public static Task<Result<List<Proposal>>> Propose(PlanningService planning, Actor actor, string reason, params PlanningService.ProposedLine[] lines) =>
        planning.ProposePackage(actor, Places.Settlement, lines, reason, "Offentleg grunngjeving");

    public static PlanningService.ProposedLine Line(string kommunenummer, int persons, int? em = null) => new(kommunenummer, persons, em);

    public static Task<Result<PlanningService.ProposalDecision>> Accept(PlanningService planning, Proposal package, string publicText = "Avtalt med fylket") =>
        planning.DecideProposal(People.Planner, package.Package, accept: true, "ok", package.Version, publicText);

    public static Task<Result<PlanningService.ProposalDecision>> Reject(PlanningService planning, Proposal package) =>
        planning.DecideProposal(People.Planner, package.Package, accept: false, "nei", package.Version);

    public static Task<Result<Comment>> Comment(PlanningService planning, Actor actor, string kommunenummer, string text) =>
        planning.AddComment(actor, Places.Settlement, Places.Number(kommunenummer), text);

    public static PlanningService.DecisionInput Decision(int persons, int em = 0, int expectedVersion = 0, DateOnly? date = null, int? extra = null,
        PlanningService.UploadedPdf? pdf = null) =>
        new(persons, em, date ?? new DateOnly(Places.Year, 11, 20), extra, null, pdf, expectedVersion);

    public static Task<Result<Decision>> RegisterDecision(PlanningService planning, Actor actor, string kommunenummer, PlanningService.DecisionInput input) =>
        planning.RegisterDecision(actor, Places.Settlement, Places.Number(kommunenummer), input);

    public static Task<int> Requested(PlanningHost host, int runId, string kommunenummer) =>
        host.Db(db => db.RunLines.Where(l => l.RunId == runId && l.Kommunenummer == kommunenummer).Select(l => l.Requested).FirstAsync());

    public static Task<List<YearStatusChange>> StatusChanges(PlanningHost host) =>
        host.Db(db => db.YearStatusChanges.Where(c => c.Year == Places.Year).OrderBy(c => c.Id).ToListAsync());

    public static PlanningService.UploadedPdf Pdf => new("vedtak.pdf", "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"u8.ToArray());

    public static Task<Result<Proposal>> ProposeOne(PlanningService planning, Actor actor, string kommunenummer, int persons, string reason = "grunngjeving") =>
        planning.Propose(actor, Places.Settlement, Places.Number(kommunenummer), persons, reason);

    public static Task<Result<Proposal>> Withdraw(PlanningService planning, Actor actor, int package, int version) =>
        planning.WithdrawProposal(actor, package, version);

    public static Task<Result<PlanningService.Reproduction>> Reproduce(PlanningService planning, Actor actor, int runId) =>
        planning.Reproduce(actor, runId);

    /// <summary>The decision deadline (and lock) at the year's current version.</summary>
    public static async Task<Result<PlanningYear>> SetDeadline(PlanningService planning, Actor actor, DateOnly? deadline, bool locked = false) =>
        await planning.SetDeadline(actor, Places.Settlement, deadline, locked, (await Year(planning)).Version);

    /// <summary>A search in the audit trail (every filter optional; <paramref name="all"/> is the export's one page).</summary>
    public static Task<Result<PlanningService.AuditPage>> SearchAudit(PlanningService planning, Actor actor, int? year = Places.Year, string? kind = null,
        string? who = null, string? kommunenummer = null, int page = 1, bool all = false, int? maxRows = null) =>
        planning.SearchAudit(actor, new PlanningService.AuditQuery(year, kind, who, kommunenummer, page, all, maxRows));

    /// <summary>Who asks, as the letters page says it: IMDi's planners make and send letters.</summary>
    public static Busetting.Letters.LetterActor LetterActor(Actor actor) => new(actor.Name, Access.CanProduceLetters(actor), false);

    public static Task<Result<Busetting.Letters.BatchResult>> MakeLetters(PlanningHost host, Actor actor, LetterKind kind = LetterKind.Request) =>
        host.Letters().Generate(LetterActor(actor), Places.Settlement, kind, null);

    public static Task<Result<int>> SendLetters(PlanningHost host, Actor actor, Busetting.Letters.ILetterChannel channel, LetterKind kind = LetterKind.Request) =>
        host.Letters().Send(LetterActor(actor), Places.Settlement, kind, channel);
}
