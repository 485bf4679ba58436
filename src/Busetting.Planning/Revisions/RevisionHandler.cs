using Busetting.Domain.Allocation;

namespace Busetting.Planning;

/// <summary>How a revision treats earlier agreements and which mode it solves in (docs/model.md, "Revisions").</summary>
/// <param name="All">The treatment of every agreement not named in <paramref name="Treatments"/>.</param>
/// <param name="Treatments">Per accepted proposal id.</param>
public sealed record RevisionOptions(RevisionMode Mode, AgreementTreatment All, IReadOnlyDictionary<int, AgreementTreatment> Treatments)
{
    public static readonly RevisionOptions Default = new(RevisionMode.FullResolve, AgreementTreatment.Scale, new Dictionary<int, AgreementTreatment>());

    public AgreementTreatment For(int proposalId) => Treatments.GetValueOrDefault(proposalId, All);
}

/// <summary>What a revision run stores to be reproduced: its mode and the reference numbers it used.</summary>
/// <param name="BaseRunId">The published run whose requests are revised.</param>
/// <param name="Requests">The published requests (non-zero), by municipality number.</param>
/// <param name="Decisions">The council decisions registered when the run was made, by municipality number.</param>
public sealed record StoredRevision(RevisionMode Mode, int BaseRunId, IReadOnlyDictionary<string, int> Requests, IReadOnlyDictionary<string, int> Decisions)
{
    public RevisionInput ToInput() => new(Mode,
        Requests.ToDictionary(r => MunicipalityNumber.Parse(r.Key), r => r.Value),
        Decisions.ToDictionary(d => MunicipalityNumber.Parse(d.Key), d => d.Value));
}

/// <summary>Revisions after publication: earlier agreements scaled, kept or dropped; full or minimum-change re-solve
/// (computed and stored by <see cref="RunHandler"/>, which reads the published requests and decisions as the reference).</summary>
public sealed class RevisionHandler : PlanningHandler
{
    private readonly RunHandler runs;

    public RevisionHandler(PlanningDependencies dependencies) : base(dependencies)
    {
        runs = new RunHandler(Shared);
    }

    /// <summary>One earlier agreement before and after the chosen treatment, persons and EM (the EM null where none were agreed or when dropped).</summary>
    /// <param name="EmFixedWhileNeedChanged">The agreed EM stay while the national EM need changes (the planner is warned).</param>
    public sealed record AgreementLine(RunHandler.AgreedChangeRecord Record, string Name, string County, int Agreed, int? After,
        int? AgreedEm, int? EmAfter, bool EmFixedWhileNeedChanged);

    /// <summary>A county's agreed numbers and total requests before (published) and after (this revision), persons and EM.</summary>
    public sealed record CountyConsequence(string County, int AgreedBefore, int AgreedAfter, int RequestedBefore, int RequestedAfter, int EmBefore, int EmAfter);

    /// <summary>A municipality's requested EM before (published) and after (this revision).</summary>
    public sealed record EmConsequence(string Kommunenummer, string Name, string County, int Before, int After);

    /// <summary>A municipality asked for more than its council decided.</summary>
    public sealed record AboveDecision(string Kommunenummer, string Name, int Requested, int Decided);

    /// <summary>The consequences of a revision, computed and not stored.</summary>
    public sealed record RevisionPreview(
        RevisionOptions Options, int PublishedNeed, int NewNeed, IReadOnlyList<AgreementLine> Agreements, IReadOnlyList<CountyConsequence> Counties,
        IReadOnlyList<AboveDecision> AboveDecisions, int Changed, int Movement, int PublishedEm, int NewEm, IReadOnlyList<EmConsequence> Em);

    /// <summary>Computes the revision with these options and reports its consequences per agreement and county; nothing is stored.</summary>
    public async Task<Result<RevisionPreview>> PreviewRevision(Actor actor, SettlementYear year, RevisionOptions options)
    {
        if (!Access.CanPlan(actor))
        {
            return RevisionErrors.OnlyPlannersRevise(actor);
        }
        var planningYear = await Year(year);
        if (planningYear is null)
        {
            return YearNotFound(actor, year.Value);
        }
        if (planningYear.PublishedRunId is not { } published)
        {
            return RevisionErrors.NothingPublished(actor, year);
        }
        var computed = await runs.Compute(year, asker: actor, options: options);
        if (!computed.IsSuccess)
        {
            return Result<RevisionPreview>.Fail(computed.Errors);
        }
        var lines = await db.RunLines.AsNoTracking().Where(l => l.RunId == published).Select(l => new { l.Kommunenummer, l.Requested, l.RequestedEm })
            .ToDictionaryAsync(l => l.Kommunenummer);
        var before = lines.ToDictionary(l => l.Key, l => l.Value.Requested);
        var emBefore = lines.ToDictionary(l => l.Key, l => l.Value.RequestedEm);
        var publishedNeed = await db.Runs.AsNoTracking().Where(r => r.Id == published).Select(r => new { r.Persons, r.Em }).FirstAsync();
        var after = computed.Value.Run.Result.Municipalities;
        var newEm = computed.Value.Run.Result.Need.Em;
        var agreements = computed.Value.Agreed.Select(a =>
        {
            var m = reference.Find(a.Kommunenummer)!;
            var dropped = a.Treatment == AgreementTreatment.Drop;
            return new AgreementLine(a, m.Name, m.CountyName, a.AgreedPersons ?? a.Persons, dropped ? null : a.Persons,
                a.AgreedEm ?? a.Em, dropped ? null : a.Em, EmAgreementRevision.FixedWhileNeedChanged(RunComputation.EmPart(a), newEm));
        }).ToList();
        var agreedBefore = agreements.ToLookup(a => a.County);
        var counties = after.GroupBy(m => m.Municipality.CountyName).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new CountyConsequence(g.Key,
                agreedBefore[g.Key].Sum(a => a.Agreed), agreedBefore[g.Key].Sum(a => a.After ?? 0),
                g.Sum(m => before.GetValueOrDefault(m.Municipality.Number)), g.Sum(m => m.Requested),
                g.Sum(m => emBefore.GetValueOrDefault(m.Municipality.Number)), g.Sum(m => m.RequestedEm)))
            .ToList();
        var em = after.Where(m => m.RequestedEm > 0 || emBefore.GetValueOrDefault(m.Municipality.Number) > 0)
            .Select(m => new EmConsequence(m.Municipality.Number.Value, m.Municipality.Name, m.Municipality.CountyName, emBefore.GetValueOrDefault(m.Municipality.Number), m.RequestedEm))
            .ToList();
        var above = after.Where(m => m.Explanation.BindingRules.Contains(RuleId.AboveCouncilDecision))
            .Select(m => new AboveDecision(m.Municipality.Number.Value, m.Municipality.Name, m.Requested,
                (int)m.Explanation.Bounds.Notes.Last(n => n.Rule == RuleId.AboveCouncilDecision).Value!.Value))
            .ToList();
        var moves = after.Select(m => Math.Abs(m.Requested - before.GetValueOrDefault(m.Municipality.Number))).ToList();
        return new RevisionPreview(options, publishedNeed.Persons, computed.Value.Need.Persons, agreements, counties, above, moves.Count(d => d != 0), moves.Sum(),
            publishedNeed.Em, newEm, em);
    }

    /// <summary>Runs and stores the revision with these options (the choices are stored with the run, so it can be reproduced).</summary>
    public async Task<Result<AllocationRun>> RunRevision(Actor actor, SettlementYear year, RevisionOptions options, string? label)
    {
        var planningYear = await Year(year);
        if (planningYear is { PublishedRunId: null })
        {
            return RevisionErrors.NothingPublished(actor, year);
        }
        return await runs.RunAllocation(actor, year, label, options);
    }
}
