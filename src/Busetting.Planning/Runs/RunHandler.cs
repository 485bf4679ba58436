using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Busetting.Data.Criteria;
using Busetting.Domain.Allocation;
using Busetting.Domain.Need;

namespace Busetting.Planning;

/// <summary>Allocation runs: compute, persist, reproduce; the run a reader may see (RunHandler.Visible.cs).</summary>
public sealed partial class RunHandler : PlanningHandler
{
    private readonly NeedHandler needs;
    private readonly CriteriaHandler criteriaVersions;
    private readonly DecisionHandler registeredDecisions;
    private readonly AuditHandler auditTrail;

    public RunHandler(PlanningDependencies dependencies) : base(dependencies)
    {
        (needs, criteriaVersions, registeredDecisions, auditTrail) = (new(Shared), new(Shared), new(Shared), new(Shared));
    }

    /// <summary>The year's runs, newest first.</summary>
    public Task<List<AllocationRun>> All(SettlementYear year) =>
        db.Runs.AsNoTracking().Where(r => r.Year == year).OrderByDescending(r => r.Id).ToListAsync();

    /// <summary>
    /// The newest run's notes about the criteria (a criterion without data and where its weight went, an old indicator),
    /// read without the run's lines; no run yet: none.
    /// </summary>
    public async Task<(int? RunId, IReadOnlyList<DataNote> Notes)> LatestCriteriaNotes(SettlementYear year)
    {
        var latest = await db.Runs.AsNoTracking().Where(r => r.Year == year).OrderByDescending(r => r.Id)
            .Select(r => new { r.Id, r.WarningsJson }).FirstOrDefaultAsync();
        return latest is null ? (null, []) : (latest.Id, DataNoteJson.Parse(latest.WarningsJson).Where(DataNote.AboutCriteria).ToList());
    }

    public Task<AllocationRun?> Run(int id) =>
        db.Runs.AsNoTracking().Include(r => r.Lines).FirstOrDefaultAsync(r => r.Id == id);

    public sealed record Computed(AllocationRunner.Run Run, NeedEntry Need, CriteriaEntry Criteria, IReadOnlyList<AgreedChangeRecord> Agreed, StoredRevision? Revision = null);

    /// <summary>An accepted proposal as a run applied it.</summary>
    /// <param name="Persons">The number the run fixed (after scaling); ignored when <paramref name="Treatment"/> is Drop.</param>
    /// <param name="AgreedPersons">The number agreed; null in runs stored before revisions could treat agreements.</param>
    /// <param name="NeedWhenAgreed">The national need of the run the proposal was made against.</param>
    /// <param name="Reason">The public justification IMDi approved (never the internal dialogue text): explanations and letters show it.</param>
    /// <param name="Em">The EM number the run fixed within the persons (after scaling); null = EM re-solved.</param>
    /// <param name="AgreedEm">The EM agreed; null when none was, or in runs stored before revisions treated the EM part (then <paramref name="Em"/> is the agreed).</param>
    /// <param name="EmNeedWhenAgreed">The national EM need of the run the proposal was made against.</param>
    /// <param name="ReasonNn">The public justification in Nynorsk (then <paramref name="Reason"/> is the Bokmål form); null in runs
    /// stored before both forms were asked for, whose <paramref name="Reason"/> is one text in its author's form (<see cref="FreeText.Stored"/>).</param>
    /// <param name="With">Who agreed (<see cref="AgreementParty"/>: the proposer's role); null in runs stored before it was kept.</param>
    public sealed record AgreedChangeRecord(string Kommunenummer, int Persons, string Reason, int ProposalId,
        int? AgreedPersons = null, int? NeedWhenAgreed = null, AgreementTreatment Treatment = AgreementTreatment.Keep, int? Em = null,
        int? AgreedEm = null, int? EmNeedWhenAgreed = null, string? ReasonNn = null, string? With = null)
    {
        /// <summary>The public justification in the forms it has.</summary>
        public FreeText Justification => FreeText.Stored(Reason, ReasonNn);
    }

    /// <summary>Computes an allocation from the year's current need, criteria (optionally with other weights) and accepted proposals.</summary>
    /// <param name="options">How a revision treats earlier agreements and which mode it solves in; defaults: scale, full re-solve.</param>
    /// <param name="anchorShare">What-if: another continuity-anchor share than the criteria set's.</param>
    /// <param name="also">Proposals counted as accepted (the national effect of a package before it is answered).</param>
    public async Task<Result<Computed>> Compute(SettlementYear year, IReadOnlyDictionary<string, decimal>? weights = null, NationalNeed? need = null, Actor? asker = null,
        RevisionOptions? options = null, decimal? anchorShare = null, IReadOnlyList<Proposal>? also = null)
    {
        var actor = asker ?? Actor.Anonymous;
        var needEntry = await needs.CurrentNeed(year);
        var criteriaEntry = await criteriaVersions.CurrentCriteria(year);
        if (needEntry is null || criteriaEntry is null)
        {
            return RunErrors.MissingInputs(actor, year);
        }
        var persons = need?.Persons ?? needEntry.Persons;
        var agreed = RunComputation.Treated(await AgreedChanges(year, also), options ?? RevisionOptions.Default, persons, need?.Em ?? needEntry.Em);
        var revision = await RevisionFor(year, options ?? RevisionOptions.Default);
        if (revision is null && options?.Mode == RevisionMode.MinimumChange)
        {
            return RunErrors.MinimumChangeNeedsPublished(actor);
        }
        return ComputeWith(actor, year, needEntry, criteriaEntry, agreed, weights, need, revision, anchorShare);
    }

    private Result<Computed> ComputeWith(Actor actor, SettlementYear year, NeedEntry needEntry, CriteriaEntry criteriaEntry, IReadOnlyList<AgreedChangeRecord> agreed,
        IReadOnlyDictionary<string, decimal>? weights = null, NationalNeed? need = null, StoredRevision? revision = null, decimal? anchorShare = null)
    {
        var criteria = CriteriaJson.Parse(criteriaEntry.Json, Inv($"criteria {year} version {criteriaEntry.Number}"));
        if (!criteria.IsSuccess)
        {
            return Result<Computed>.Fail(criteria.Errors);
        }
        var set = RunComputation.Adjusted(criteria.Value, weights, anchorShare);
        var nationalNeed = need ?? NationalNeed.Create(needEntry.Persons, needEntry.Em).Value;
        return new RunComputation(runner, reference.Data, reference.Profiles).Compute(year, nationalNeed, set, agreed, revision?.ToInput())
            .Map(run => new Computed(run, needEntry, criteriaEntry, agreed, revision));
    }

    /// <summary>The latest accepted proposal per municipality is an agreed, fixed number, justified by its public text.</summary>
    /// <param name="also">Proposals to count as accepted (a package's preview before IMDi answers it).</param>
    private async Task<List<AgreedChangeRecord>> AgreedChanges(SettlementYear year, IReadOnlyList<Proposal>? also = null)
    {
        var accepted = await db.Proposals.AsNoTracking().Where(p => p.Year == year && p.Status == ProposalStatus.Accepted).ToListAsync();
        accepted.AddRange(also ?? []);
        var runIds = accepted.Select(p => p.RunId).Distinct().ToList();
        var needByRun = await db.Runs.AsNoTracking().Where(r => runIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => new { r.Persons, r.Em });
        return accepted.GroupBy(p => p.Kommunenummer)
            .Select(g => g.OrderByDescending(p => p.DecidedAt ?? DateTime.MaxValue).ThenByDescending(p => p.Id).First())
            .OrderBy(p => p.Kommunenummer)
            .Select(p => new AgreedChangeRecord(p.Kommunenummer.Value, p.ProposedPersons, p.PublicJustification ?? "", p.Id, p.ProposedPersons, needByRun.GetValueOrDefault(p.RunId)?.Persons,
                Em: p.ProposedEm, AgreedEm: p.ProposedEm, EmNeedWhenAgreed: needByRun.GetValueOrDefault(p.RunId)?.Em,
                ReasonNn: p.PublicJustificationNn, With: AgreementParty.Of(p.ByRole)))
            .ToList();
    }

    /// <summary>A year with published requests is being revised: the published requests and the council decisions are the reference.</summary>
    private async Task<StoredRevision?> RevisionFor(SettlementYear year, RevisionOptions options)
    {
        var planningYear = await Year(year);
        if (planningYear?.PublishedRunId is not { } published)
        {
            return null;
        }
        var requests = await db.RunLines.AsNoTracking().Where(l => l.RunId == published && l.Requested > 0)
            .Select(l => new { l.Kommunenummer, l.Requested })
            .ToDictionaryAsync(l => l.Kommunenummer.Value, l => l.Requested);
        var decisions = (await registeredDecisions.CurrentDecisions(year)).ToDictionary(d => d.Key.Value, d => d.Value.Persons, StringComparer.Ordinal);
        return new StoredRevision(options.Mode, published, new SortedDictionary<string, int>(requests, StringComparer.Ordinal), new SortedDictionary<string, int>(decisions, StringComparer.Ordinal));
    }

    public async Task<Result<AllocationRun>> RunAllocation(Actor actor, SettlementYear year, string? label, RevisionOptions? options = null)
    {
        if (!Access.CanPlan(actor))
        {
            return RunErrors.OnlyPlannersRun(actor);
        }
        if (TooLong(actor, "run.label", label, FieldLimits.Label, "merkelappen", "merkelappen") is { } tooLong)
        {
            return tooLong;
        }
        // Tracked: storing a run bumps the year's version, so two runs computed at the same time from the same inputs
        // cannot both be stored — the second would silently miss what the first one fixed (an accepted proposal).
        var planningYear = await db.Years.FirstOrDefaultAsync(y => y.Year == year);
        if (planningYear is null)
        {
            return YearNotFound(actor, year.Value);
        }
        if (planningYear.Status is YearStatus.Approved or YearStatus.Published)
        {
            return RunErrors.ClosedForRuns(actor, year, planningYear.Status);
        }
        var computed = await Compute(year, asker: actor, options: options);
        if (!computed.IsSuccess)
        {
            return Result<AllocationRun>.Fail(computed.Errors);
        }
        var run = ToEntity(computed.Value, actor, label);
        planningYear.Version++;
        db.Runs.Add(run);
        Audit(actor, AuditActions.RunCreate, year, null, new { run.Persons, run.Em, need = computed.Value.Need.Number, criteria = computed.Value.Criteria.Number, agreed = computed.Value.Agreed.Count, revision = computed.Value.Revision?.Mode, run.ResultHash }, label);
        var saved = await Save(actor, run);
        if (saved.IsSuccess)
        {
            log.LogInformation("Allocation run {RunId} for {Year}: {Persons} persons, {Solver} in {ElapsedMs} ms", run.Id, year, run.Persons, run.Solver, run.ElapsedMs);
        }
        return saved;
    }

    private AllocationRun ToEntity(Computed computed, Actor actor, string? label)
    {
        var result = computed.Run.Result;
        var lines = result.Municipalities.Select(m => new RunLine
        {
            Kommunenummer = m.Municipality.Number,
            Requested = m.Requested,
            RequestedEm = m.RequestedEm,
            PlanNextYear = m.PlanNextYear,
            ExplanationJson = StoredExplanation.Serialize(m.Explanation),
        }).ToList();
        return new AllocationRun
        {
            Year = SettlementYear.Create(result.Year),
            NeedEntryId = computed.Need.Id,
            CriteriaEntryId = computed.Criteria.Id,
            Persons = result.Need.Persons,
            Em = result.Need.Em,
            PlanNeed = result.PlanNeed,
            AgreedChangesJson = JsonSerializer.Serialize(computed.Agreed, StoredExplanation.Json),
            RevisionJson = computed.Revision is null ? null : JsonSerializer.Serialize(computed.Revision, StoredExplanation.Json),
            WarningsJson = DataNoteJson.Serialize(result.Warnings),
            Solver = result.Solver.Solver,
            SolverDetail = result.Solver.Detail,
            ElapsedMs = result.Solver.Elapsed.TotalMilliseconds + result.EmSolver.Elapsed.TotalMilliseconds,
            ResultHash = Hash(lines),
            Label = string.IsNullOrWhiteSpace(label) ? null : label.Trim(),
            By = actor.Name,
            At = Now,
            Lines = lines,
        };
    }

    /// <summary>SHA-256 over every municipality's numbers, in number order: equal hashes mean equal results.</summary>
    public static string Hash(IEnumerable<RunLine> lines)
    {
        var text = new StringBuilder();
        foreach (var line in lines.OrderBy(l => l.Kommunenummer))
        {
            text.Append(CultureInfo.InvariantCulture, $"{line.Kommunenummer};{line.Requested};{line.RequestedEm};{line.PlanNextYear}\n");
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    public sealed record Reproduction(AllocationRun Stored, string RecomputedHash, IReadOnlyList<string> Differences)
    {
        public bool Identical => Differences.Count == 0 && RecomputedHash == Stored.ResultHash;
    }

    /// <summary>Re-runs a stored run from its own inputs (need, criteria version, agreed changes) and compares every number.</summary>
    public async Task<Result<Reproduction>> Reproduce(Actor actor, int runId)
    {
        if (!Access.CanSeePlanning(actor))
        {
            return RunErrors.OnlyPlanningReadersSeeRuns(actor);
        }
        var run = await Run(runId);
        if (run is null)
        {
            return RunErrors.NotFound(actor, runId);
        }
        var need = await db.Needs.AsNoTracking().FirstAsync(n => n.Id == run.NeedEntryId);
        var criteria = await db.CriteriaVersions.AsNoTracking().FirstAsync(c => c.Id == run.CriteriaEntryId);
        var agreed = StoredRun.Agreed(run);
        var revision = StoredRun.Revision(run);
        var computed = ComputeWith(actor, run.Year, need, criteria, agreed, revision: revision);
        if (!computed.IsSuccess)
        {
            return Result<Reproduction>.Fail(computed.Errors);
        }
        var again = ToEntity(computed.Value, actor, null);
        var stored = run.Lines.ToDictionary(l => l.Kommunenummer);
        var differences = again.Lines
            .Where(l => !stored.TryGetValue(l.Kommunenummer, out var s) || s.Requested != l.Requested || s.RequestedEm != l.RequestedEm || s.PlanNextYear != l.PlanNextYear)
            .Select(l => Inv($"{l.Kommunenummer}: stored {stored.GetValueOrDefault(l.Kommunenummer)?.Requested}, now {l.Requested}"))
            .ToList();
        return new Reproduction(run, again.ResultHash, differences);
    }
}
