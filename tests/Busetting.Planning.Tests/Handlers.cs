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

    public static Task<Result<PlanningYear>> CreateYear(PlanningHandlers planning, Actor actor, int year = Places.Year) =>
        planning.Years.CreateYear(actor, year);

    public static async Task<PlanningYear> Year(PlanningHandlers planning) => (await planning.Years.Year(Places.Settlement))!;

    public static Task<Result<NeedHandler.NeedChange>> AddNeed(PlanningHandlers planning, Actor actor, int persons, int em, int expected, string reason = "Beregningsutvalet") =>
        planning.Needs.AddNeed(actor, Places.Settlement, persons, em, null, reason, expected);

    public static Task<Result<CriteriaEntry>> AddCriteria(PlanningHandlers planning, Actor actor, string json, int expected, string reason = "Nye vekter") =>
        planning.Criteria.AddCriteria(actor, Places.Settlement, json, reason, expected);

    public static Task<Result<AllocationRun>> Run(PlanningHandlers planning, Actor actor, string? label = "test") =>
        planning.Runs.RunAllocation(actor, Places.Settlement, label);

    /// <summary>A direct status step (four eyes off, or consultation), at the year's current version unless given.</summary>
    public static async Task<Result<PlanningYear>> Step(PlanningHandlers planning, Actor actor, YearStatus to, int? version = null, DateOnly? deadline = null) =>
        await planning.Years.ChangeStatus(actor, Places.Settlement, to, version ?? (await Year(planning)).Version, "test", consultationDeadline: deadline ?? Deadline);

    public static async Task<Result<StepRequest>> Request(PlanningHandlers planning, Actor actor, YearStatus to, int? version = null) =>
        await planning.Years.RequestStep(actor, Places.Settlement, to, version ?? (await Year(planning)).Version, "test");

    public static Task<Result<PlanningYear>> Confirm(PlanningHandlers planning, Actor actor, StepRequest request) =>
        planning.Years.ConfirmStep(actor, request.Id, request.Version);

    public static Task<Result<List<Proposal>>> Propose(PlanningHandlers planning, Actor actor, string reason, params DialogueHandler.ProposedLine[] lines) =>
        planning.Dialogue.ProposePackage(actor, Places.Settlement, lines, reason, "Offentleg grunngjeving");

    public static DialogueHandler.ProposedLine Line(string kommunenummer, int persons, int? em = null) => new(kommunenummer, persons, em);

    public static Task<Result<DialogueHandler.ProposalDecision>> Accept(PlanningHandlers planning, Proposal package, string publicText = "Avtalt med fylket",
        string? publicTextNn = null) =>
        planning.Dialogue.DecideProposal(People.Planner, package.Package, accept: true, "ok", package.Version, new DialogueHandler.Justification(publicText, publicTextNn ?? publicText));

    public static Task<Result<DialogueHandler.ProposalDecision>> Reject(PlanningHandlers planning, Proposal package) =>
        planning.Dialogue.DecideProposal(People.Planner, package.Package, accept: false, "nei", package.Version);

    public static Task<Result<Comment>> Comment(PlanningHandlers planning, Actor actor, string kommunenummer, string text) =>
        planning.Dialogue.AddComment(actor, Places.Settlement, Places.Number(kommunenummer), text);

    public static DecisionHandler.DecisionInput Decision(int persons, int em = 0, int expectedVersion = 0, DateOnly? date = null, int? extra = null,
        DecisionHandler.UploadedPdf? pdf = null) =>
        new(persons, em, date ?? new DateOnly(Places.Year, 11, 20), extra, null, pdf, expectedVersion);

    public static Task<Result<Decision>> RegisterDecision(PlanningHandlers planning, Actor actor, string kommunenummer, DecisionHandler.DecisionInput input) =>
        planning.Decisions.RegisterDecision(actor, Places.Settlement, Places.Number(kommunenummer), input);

    public static Task<int> Requested(PlanningHost host, int runId, string kommunenummer) =>
        host.Db(db => db.RunLines.Where(l => l.RunId == runId && l.Kommunenummer == MunicipalityNumber.Parse(kommunenummer)).Select(l => l.Requested).FirstAsync());

    public static Task<List<YearStatusChange>> StatusChanges(PlanningHost host) =>
        host.Db(db => db.YearStatusChanges.Where(c => c.Year == Places.Settlement).OrderBy(c => c.Id).ToListAsync());

    public static DecisionHandler.UploadedPdf Pdf => new("vedtak.pdf", "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"u8.ToArray());

    public static Task<Result<Proposal>> ProposeOne(PlanningHandlers planning, Actor actor, string kommunenummer, int persons, string reason = "grunngjeving") =>
        planning.Dialogue.Propose(actor, Places.Settlement, Places.Number(kommunenummer), persons, reason);

    public static Task<Result<Proposal>> Withdraw(PlanningHandlers planning, Actor actor, int package, int version) =>
        planning.Dialogue.WithdrawProposal(actor, package, version);

    public static Task<Result<RunHandler.Reproduction>> Reproduce(PlanningHandlers planning, Actor actor, int runId) =>
        planning.Runs.Reproduce(actor, runId);

    /// <summary>The decision deadline (and lock) at the year's current version.</summary>
    public static async Task<Result<PlanningYear>> SetDeadline(PlanningHandlers planning, Actor actor, DateOnly? deadline, bool locked = false) =>
        await planning.Years.SetDeadline(actor, Places.Settlement, deadline, locked, (await Year(planning)).Version);

    /// <summary>A search in the audit trail (every filter optional; <paramref name="all"/> is the export's one page).</summary>
    public static Task<Result<AuditHandler.AuditPage>> SearchAudit(PlanningHandlers planning, Actor actor, int? year = Places.Year, string? kind = null,
        string? who = null, string? kommunenummer = null, int page = 1, bool all = false, int? maxRows = null) =>
        planning.Audit.SearchAudit(actor, new AuditHandler.AuditQuery(year, kind, who, kommunenummer, page, all, maxRows));

    /// <summary>Who asks, as the letters page says it (<see cref="Access.LetterActor"/>).</summary>
    public static Busetting.Letters.LetterActor LetterActor(Actor actor) => Access.LetterActor(actor);

    /// <summary>Makes a batch of letters; request letters name the year's decision deadline, so one is set first where the year has none.</summary>
    public static async Task<Result<Busetting.Letters.BatchResult>> MakeLetters(PlanningHost host, Actor actor, LetterKind kind = LetterKind.Request)
    {
        if (kind == LetterKind.Request)
        {
            await EnsureDecisionDeadline(host.Planning());
        }
        return await host.Letters().Generate(LetterActor(actor), Places.Settlement, kind, null);
    }

    /// <summary>Sets a decision deadline far ahead where the year has none (request letters are refused without one).</summary>
    public static async Task EnsureDecisionDeadline(PlanningHandlers planning)
    {
        if ((await Year(planning)).DecisionDeadline is null)
        {
            Assert.True((await SetDeadline(planning, People.Planner, new DateOnly(2099, 12, 31))).IsSuccess);
        }
    }

    public static Task<Result<int>> SendLetters(PlanningHost host, Actor actor, Busetting.Letters.ILetterChannel channel, LetterKind kind = LetterKind.Request) =>
        host.Letters().Send(LetterActor(actor), Places.Settlement, kind, channel);
}
