using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Busetting.Application;
using Busetting.Data.Criteria;
using Busetting.Domain.Allocation;
using Busetting.Domain.Criteria;
using Busetting.Domain.Errors;
using Busetting.Domain.Need;
using Busetting.Domain.Primitives;
using Busetting.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Busetting.Web.Services;

/// <summary>
/// The planning year's use cases. Every method checks <see cref="Access"/> for the actor, validates all input before
/// anything is stored, writes its change and the audit entry in one transaction, and reports conflicts as values.
/// </summary>
/// <remarks>Transient, with a context of its own: two components of one page never share a DbContext.</remarks>
public sealed class PlanningService(IDbContextFactory<BusettingDb> contexts, ReferenceStore reference, PublicFigures figures, TimeProvider clock, ILogger<PlanningService> log)
    : IDisposable, IAsyncDisposable
{
    private readonly BusettingDb db = contexts.CreateDbContext();

    public void Dispose() => db.Dispose();

    public ValueTask DisposeAsync() => db.DisposeAsync();

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<PlanningYear?> Year(int year) => db.Years.AsNoTracking().FirstOrDefaultAsync(y => y.Year == year);

    public Task<List<PlanningYear>> Years() => db.Years.AsNoTracking().OrderByDescending(y => y.Year).ToListAsync();

    public Task<NeedEntry?> CurrentNeed(int year) =>
        db.Needs.AsNoTracking().Where(n => n.Year == year).OrderByDescending(n => n.Number).FirstOrDefaultAsync();

    public Task<List<NeedEntry>> Needs(int year) =>
        db.Needs.AsNoTracking().Where(n => n.Year == year).OrderByDescending(n => n.Number).ToListAsync();

    public Task<CriteriaEntry?> CurrentCriteria(int year) =>
        db.CriteriaVersions.AsNoTracking().Where(c => c.Year == year).OrderByDescending(c => c.Number).FirstOrDefaultAsync();

    public Task<List<CriteriaEntry>> CriteriaHistory(int year) =>
        db.CriteriaVersions.AsNoTracking().Where(c => c.Year == year).OrderByDescending(c => c.Number).ToListAsync();

    public Task<List<AllocationRun>> Runs(int year) =>
        db.Runs.AsNoTracking().Where(r => r.Year == year).OrderByDescending(r => r.Id).ToListAsync();

    public Task<AllocationRun?> Run(int id) =>
        db.Runs.AsNoTracking().Include(r => r.Lines).FirstOrDefaultAsync(r => r.Id == id);

    public Task<List<YearStatusChange>> StatusHistory(int year) =>
        db.YearStatusChanges.AsNoTracking().Where(c => c.Year == year).OrderByDescending(c => c.Id).ToListAsync();

    /// <summary>The run whose numbers the actor may see: IMDi, counties and KS the newest; municipalities and the public the published one.</summary>
    public async Task<AllocationRun?> VisibleRun(Actor actor, int year)
    {
        var planningYear = await Year(year);
        if (planningYear is null)
        {
            return null;
        }
        var id = Access.CanSeePlanning(actor)
            ? await db.Runs.Where(r => r.Year == year).MaxAsync(r => (int?)r.Id)
            : planningYear.PublishedRunId;
        return id is { } runId ? await Run(runId) : null;
    }

    // ---------- status ----------

    public async Task<Result<PlanningYear>> ChangeStatus(Actor actor, int year, YearStatus to, int expectedVersion, string? reason, int? runId = null)
    {
        if (!Access.CanPlan(actor))
        {
            return Error.Forbidden(Say(actor, $"bare IMDis planleggere flytter et planår mellom stegene", $"berre planleggjarane i IMDi flyttar eit planår mellom stega"));
        }
        var entity = await db.Years.FirstOrDefaultAsync(y => y.Year == year);
        if (entity is null)
        {
            return Error.NotFound("year", Say(actor, $"planåret {year} finnes ikke", $"planåret {year} finst ikkje"));
        }
        if (entity.Version != expectedVersion)
        {
            return Error.Conflict("year.version", Say(actor, $"planåret {year} er endret av en annen (nå {Ui.Status(actor.Language, entity.Status)}); last siden på nytt og prøv igjen", $"planåret {year} er endra av ein annan (no {Ui.Status(actor.Language, entity.Status)}); last sida på nytt og prøv igjen"));
        }
        if (!YearWorkflow.Allowed(entity.Status, to))
        {
            return Error.Invalid("year.status", Say(actor, $"et år i {Ui.Status(actor.Language, entity.Status)} kan ikke gå til {to}", $"eit år i {Ui.Status(actor.Language, entity.Status)} kan ikkje gå til {to}"));
        }
        var from = entity.Status;
        switch (to)
        {
            case YearStatus.Consultation when !await db.Runs.AnyAsync(r => r.Year == year):
                return Error.Invalid("year.status", Say(actor, $"kjør en fordeling før året sendes på høring", $"køyr ei fordeling før året blir sendt på høyring"));
            case YearStatus.Approved:
                var approve = runId ?? await db.Runs.Where(r => r.Year == year).MaxAsync(r => (int?)r.Id);
                if (approve is null || !await db.Runs.AnyAsync(r => r.Id == approve && r.Year == year))
                {
                    return Error.Invalid("year.run", Say(actor, $"fordelingskjøring {runId} hører ikke til {year}", $"fordelingskøyring {runId} høyrer ikkje til {year}"));
                }
                entity.ApprovedRunId = approve;
                break;
            case YearStatus.Published:
                entity.PublishedRunId = entity.ApprovedRunId;
                break;
            case YearStatus.Revised:
                entity.Revision++;
                entity.ApprovedRunId = null;
                break;
        }
        entity.Status = to;
        entity.Version++;
        db.YearStatusChanges.Add(new YearStatusChange { Year = year, From = from, To = to, Revision = entity.Revision, By = actor.Name, At = Now, Reason = reason });
        Audit(actor, "year.status", year, null, new { from, to, entity.Revision, entity.ApprovedRunId, entity.PublishedRunId }, reason);
        var saved = await Save(actor, entity);
        figures.Invalidate(year);
        return saved;
    }

    public async Task<Result<PlanningYear>> SetDeadline(Actor actor, int year, DateOnly? deadline, bool locked, int expectedVersion)
    {
        if (!Access.CanPlan(actor))
        {
            return Error.Forbidden(Say(actor, $"bare IMDis planleggere setter frist og låser vedtak", $"berre planleggjarane i IMDi set frist og låser vedtak"));
        }
        var entity = await db.Years.FirstOrDefaultAsync(y => y.Year == year);
        if (entity is null)
        {
            return Error.NotFound("year", Say(actor, $"planåret {year} finnes ikke", $"planåret {year} finst ikkje"));
        }
        if (entity.Version != expectedVersion)
        {
            return Error.Conflict("year.version", Say(actor, $"planåret {year} er endret av en annen; last siden på nytt og prøv igjen", $"planåret {year} er endra av ein annan; last sida på nytt og prøv igjen"));
        }
        Audit(actor, "year.deadline", year, null, new { from = entity.DecisionDeadline, to = deadline, locked }, null);
        entity.DecisionDeadline = deadline;
        entity.DecisionsLocked = locked;
        entity.Version++;
        var saved = await Save(actor, entity);
        figures.Invalidate(year);
        return saved;
    }

    public async Task<Result<PlanningYear>> CreateYear(Actor actor, int year)
    {
        if (!Access.CanAdminister(actor))
        {
            return Error.Forbidden(Say(actor, $"bare IMDis administratorer oppretter planår", $"berre administratorane i IMDi opprettar planår"));
        }
        if (!SettlementYear.TryCreate(year, out _))
        {
            return Error.Invalid("year", Say(actor, $"{year} er utenfor årene systemet dekker ({SettlementYear.Earliest}–{SettlementYear.Latest})", $"{year} er utanfor åra systemet dekkjer ({SettlementYear.Earliest}–{SettlementYear.Latest})"));
        }
        if (await db.Years.AnyAsync(y => y.Year == year))
        {
            return Error.Conflict("year.exists", Say(actor, $"planåret {year} finnes allerede", $"planåret {year} finst allereie"));
        }
        var previous = await db.CriteriaVersions.AsNoTracking().Where(c => c.Year < year).OrderByDescending(c => c.Year).ThenByDescending(c => c.Number).FirstOrDefaultAsync();
        var json = previous is null ? reference.DefaultCriteriaJson(year) : WithYear(previous.Json, year);
        var entity = new PlanningYear { Year = year, Status = YearStatus.Draft, Version = 1 };
        db.Years.Add(entity);
        db.CriteriaVersions.Add(new CriteriaEntry
        {
            Year = year, Number = 1, Json = json, By = actor.Name, At = Now,
            Reason = previous is null ? "Levert med systemet" : Inv($"Videreført fra {previous.Year} versjon {previous.Number}"),
        });
        Audit(actor, "year.create", year, null, new { criteriaFrom = previous?.Year }, null);
        return await Save(actor, entity);
    }

    private static string WithYear(string json, int year)
    {
        var parsed = CriteriaJson.Parse(json, "criteria").Value;
        return CriteriaJson.Write(parsed with { Year = year, Version = Inv($"{year}-1") });
    }

    // ---------- need ----------

    public sealed record NeedChange(NeedEntry Entry, NeedRevision? ComparedWithPublished);

    public async Task<Result<NeedChange>> AddNeed(Actor actor, int year, int persons, int em, NeedForecast? forecast, string reason, int expectedNumber)
    {
        if (!Access.CanPlan(actor))
        {
            return Error.Forbidden(Say(actor, $"bare IMDis planleggere registrerer det nasjonale behovet", $"berre planleggjarane i IMDi registrerer det nasjonale behovet"));
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            return Error.Invalid("need.reason", Say(actor, $"oppgi en begrunnelse (f.eks. beregningsutvalgets vedtak og dato)", $"oppgje ei grunngjeving (t.d. vedtaket og datoen til berekningsutvalet)"));
        }
        if (forecast is not null)
        {
            var calculated = forecast.Calculate();
            if (!calculated.IsSuccess)
            {
                return Result<NeedChange>.Fail(calculated.Errors);
            }
            (persons, em) = (calculated.Value.Need.Persons, calculated.Value.Need.Em);
        }
        var need = NationalNeed.Create(persons, em);
        if (!need.IsSuccess)
        {
            return Result<NeedChange>.Fail(need.Errors);
        }
        if (!await db.Years.AnyAsync(y => y.Year == year))
        {
            return Error.NotFound("year", Say(actor, $"planåret {year} finnes ikke", $"planåret {year} finst ikkje"));
        }
        var current = await db.Needs.Where(n => n.Year == year).MaxAsync(n => (int?)n.Number) ?? 0;
        if (current != expectedNumber)
        {
            return Error.Conflict("need.version", Say(actor, $"behovet for {year} er endret av en annen (nå revisjon {current}); last siden på nytt og prøv igjen", $"behovet for {year} er endra av ein annan (no revisjon {current}); last sida på nytt og prøv igjen"));
        }
        var entry = new NeedEntry
        {
            Year = year, Number = current + 1, Persons = persons, Em = em, Reason = reason.Trim(), By = actor.Name, At = Now,
            ForecastJson = forecast is null ? null : JsonSerializer.Serialize(forecast, StoredExplanation.Json),
        };
        db.Needs.Add(entry);
        Audit(actor, "need.add", year, null, new { entry.Number, persons, em, forecast }, reason);
        var saved = await Save(actor, entry);
        if (!saved.IsSuccess)
        {
            return Result<NeedChange>.Fail(saved.Errors);
        }
        return new NeedChange(entry, await CompareWithPublished(year, entry));
    }

    /// <summary>The ±10 % trigger: the new need against the need behind the published requests.</summary>
    public async Task<NeedRevision?> CompareWithPublished(int year, NeedEntry need)
    {
        var planningYear = await Year(year);
        if (planningYear?.PublishedRunId is not { } published)
        {
            return null;
        }
        var run = await db.Runs.AsNoTracking().FirstAsync(r => r.Id == published);
        return new NeedRevision(NationalNeed.Create(run.Persons, run.Em).Value, NationalNeed.Create(need.Persons, need.Em).Value);
    }

    // ---------- criteria ----------

    public async Task<Result<CriteriaEntry>> AddCriteria(Actor actor, int year, string json, string reason, int expectedNumber)
    {
        if (!Access.CanAdminister(actor))
        {
            return Error.Forbidden(Say(actor, $"bare IMDis administratorer endrer kriteriene", $"berre administratorane i IMDi endrar kriteria"));
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            return Error.Invalid("criteria.reason", Say(actor, $"oppgi en begrunnelse for endringen", $"oppgje ei grunngjeving for endringa"));
        }
        var parsed = CriteriaJson.Parse(json, Inv($"criteria {year}"));
        if (!parsed.IsSuccess)
        {
            return Result<CriteriaEntry>.Fail(parsed.Errors);
        }
        if (parsed.Value.Year != year)
        {
            return Error.Invalid("criteria.year", Say(actor, $"kriteriene gjelder år {parsed.Value.Year}, men dette er {year}", $"kriteria gjeld år {parsed.Value.Year}, men dette er {year}"));
        }
        var problems = parsed.Value.Validate(Inv($"criteria {year}"));
        if (problems.Count > 0)
        {
            return Result<CriteriaEntry>.Fail(problems);
        }
        if (!await db.Years.AnyAsync(y => y.Year == year))
        {
            return Error.NotFound("year", Say(actor, $"planåret {year} finnes ikke", $"planåret {year} finst ikkje"));
        }
        var current = await db.CriteriaVersions.Where(c => c.Year == year).MaxAsync(c => (int?)c.Number) ?? 0;
        if (current != expectedNumber)
        {
            return Error.Conflict("criteria.version", Say(actor, $"kriteriene for {year} er endret av en annen (nå versjon {current}); last siden på nytt, se endringen og prøv igjen", $"kriteria for {year} er endra av ein annan (no versjon {current}); last sida på nytt, sjå endringa og prøv igjen"));
        }
        var entry = new CriteriaEntry { Year = year, Number = current + 1, Json = CriteriaJson.Write(parsed.Value), Reason = reason.Trim(), By = actor.Name, At = Now };
        db.CriteriaVersions.Add(entry);
        Audit(actor, "criteria.add", year, null, new { entry.Number, weights = parsed.Value.Criteria.ToDictionary(c => c.Id, c => c.Weight), parsed.Value.Rules.Floor }, reason);
        return await Save(actor, entry);
    }

    // ---------- allocation runs ----------

    public sealed record Computed(AllocationRunner.Run Run, NeedEntry Need, CriteriaEntry Criteria, IReadOnlyList<AgreedChangeRecord> Agreed);

    public sealed record AgreedChangeRecord(string Kommunenummer, int Persons, string Reason, int ProposalId);

    /// <summary>Computes an allocation from the year's current need, criteria (optionally with other weights) and accepted proposals.</summary>
    public async Task<Result<Computed>> Compute(int year, IReadOnlyDictionary<string, decimal>? weights = null, NationalNeed? need = null, Actor? asker = null)
    {
        var actor = asker ?? Actor.Anonymous;
        var needEntry = await CurrentNeed(year);
        var criteriaEntry = await CurrentCriteria(year);
        if (needEntry is null || criteriaEntry is null)
        {
            return Error.Invalid("run.inputs", Say(actor, $"{year} må ha et nasjonalt behov og et kriteriesett før det kan fordeles", $"{year} må ha eit nasjonalt behov og eit kriteriesett før det kan fordelast"));
        }
        var agreed = await AgreedChanges(year);
        return ComputeWith(actor, year, needEntry, criteriaEntry, agreed, weights, need);
    }

    private Result<Computed> ComputeWith(Actor actor, int year, NeedEntry needEntry, CriteriaEntry criteriaEntry, IReadOnlyList<AgreedChangeRecord> agreed,
        IReadOnlyDictionary<string, decimal>? weights = null, NationalNeed? need = null)
    {
        var criteria = CriteriaJson.Parse(criteriaEntry.Json, Inv($"criteria {year} version {criteriaEntry.Number}"));
        if (!criteria.IsSuccess)
        {
            return Result<Computed>.Fail(criteria.Errors);
        }
        var set = criteria.Value;
        if (weights is not null)
        {
            set = set with { Criteria = set.Criteria.Select(c => weights.TryGetValue(c.Id, out var w) ? c with { Weight = w } : c).ToList() };
        }
        if (!SettlementYear.TryCreate(year, out var settlementYear))
        {
            return Error.Invalid("year", Say(actor, $"{year} er utenfor årene dataene dekker", $"{year} er utanfor åra dataa dekkjer"));
        }
        var nationalNeed = need ?? NationalNeed.Create(needEntry.Persons, needEntry.Em).Value;
        var changes = agreed.Select(a => new AgreedChange(MunicipalityNumber.Parse(a.Kommunenummer), a.Persons, a.Reason)).ToList();
        var profiles = reference.Profiles(settlementYear);
        if (!profiles.IsSuccess)
        {
            return Result<Computed>.Fail(profiles.Errors);
        }
        return AllocationRunner.Allocate(reference.Data, profiles.Value, set, null, settlementYear, nationalNeed, null, changes)
            .Map(run => new Computed(run, needEntry, criteriaEntry, agreed));
    }

    /// <summary>The latest accepted proposal per municipality is an agreed, fixed number.</summary>
    private async Task<List<AgreedChangeRecord>> AgreedChanges(int year)
    {
        var accepted = await db.Proposals.AsNoTracking().Where(p => p.Year == year && p.Status == ProposalStatus.Accepted).ToListAsync();
        return accepted.GroupBy(p => p.Kommunenummer)
            .Select(g => g.OrderByDescending(p => p.DecidedAt).ThenByDescending(p => p.Id).First())
            .OrderBy(p => p.Kommunenummer, StringComparer.Ordinal)
            .Select(p => new AgreedChangeRecord(p.Kommunenummer, p.ProposedPersons, p.Reason, p.Id))
            .ToList();
    }

    public async Task<Result<AllocationRun>> RunAllocation(Actor actor, int year, string? label)
    {
        if (!Access.CanPlan(actor))
        {
            return Error.Forbidden(Say(actor, $"bare IMDis planleggere kjører fordelinger", $"berre planleggjarane i IMDi køyrer fordelingar"));
        }
        var planningYear = await Year(year);
        if (planningYear is null)
        {
            return Error.NotFound("year", Say(actor, $"planåret {year} finnes ikke", $"planåret {year} finst ikkje"));
        }
        if (planningYear.Status is YearStatus.Approved or YearStatus.Published)
        {
            return Error.Invalid("run.status", Say(actor, $"{year} er {Ui.Status(actor.Language, planningYear.Status)}; åpne høringen igjen eller start en revisjon før en ny fordeling", $"{year} er {Ui.Status(actor.Language, planningYear.Status)}; opne høyringa igjen eller start ein revisjon før ei ny fordeling"));
        }
        var computed = await Compute(year, asker: actor);
        if (!computed.IsSuccess)
        {
            return Result<AllocationRun>.Fail(computed.Errors);
        }
        var run = ToEntity(computed.Value, actor, label);
        db.Runs.Add(run);
        Audit(actor, "run.create", year, null, new { run.Persons, run.Em, need = computed.Value.Need.Number, criteria = computed.Value.Criteria.Number, agreed = computed.Value.Agreed.Count, run.ResultHash }, label);
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
            Kommunenummer = m.Municipality.Number.Value,
            Requested = m.Requested,
            RequestedEm = m.RequestedEm,
            PlanNextYear = m.PlanNextYear,
            ExplanationJson = StoredExplanation.Serialize(m.Explanation),
        }).ToList();
        return new AllocationRun
        {
            Year = result.Year,
            NeedEntryId = computed.Need.Id,
            CriteriaEntryId = computed.Criteria.Id,
            Persons = result.Need.Persons,
            Em = result.Need.Em,
            PlanNeed = result.PlanNeed,
            AgreedChangesJson = JsonSerializer.Serialize(computed.Agreed, StoredExplanation.Json),
            WarningsJson = JsonSerializer.Serialize(result.Warnings, StoredExplanation.Json),
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
        foreach (var line in lines.OrderBy(l => l.Kommunenummer, StringComparer.Ordinal))
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
            return Error.Forbidden(Say(actor, $"bare IMDi, fylkene og KS ser fordelingskjøringer", $"berre IMDi, fylka og KS ser fordelingskøyringar"));
        }
        var run = await Run(runId);
        if (run is null)
        {
            return Error.NotFound("run", Say(actor, $"fordelingskjøring {runId} finnes ikke", $"fordelingskøyring {runId} finst ikkje"));
        }
        var need = await db.Needs.AsNoTracking().FirstAsync(n => n.Id == run.NeedEntryId);
        var criteria = await db.CriteriaVersions.AsNoTracking().FirstAsync(c => c.Id == run.CriteriaEntryId);
        var agreed = JsonSerializer.Deserialize<List<AgreedChangeRecord>>(run.AgreedChangesJson, StoredExplanation.Json) ?? [];
        var computed = ComputeWith(actor, run.Year, need, criteria, agreed);
        if (!computed.IsSuccess)
        {
            return Result<Reproduction>.Fail(computed.Errors);
        }
        var again = ToEntity(computed.Value, actor, null);
        var stored = run.Lines.ToDictionary(l => l.Kommunenummer, StringComparer.Ordinal);
        var differences = again.Lines
            .Where(l => !stored.TryGetValue(l.Kommunenummer, out var s) || s.Requested != l.Requested || s.RequestedEm != l.RequestedEm || s.PlanNextYear != l.PlanNextYear)
            .Select(l => Inv($"{l.Kommunenummer}: stored {stored.GetValueOrDefault(l.Kommunenummer)?.Requested}, now {l.Requested}"))
            .ToList();
        return new Reproduction(run, again.ResultHash, differences);
    }

    // ---------- proposals and comments ----------

    public Task<List<Proposal>> Proposals(int year) =>
        db.Proposals.AsNoTracking().Where(p => p.Year == year).OrderByDescending(p => p.Id).ToListAsync();

    public async Task<Result<Proposal>> Propose(Actor actor, int year, string kommunenummer, int persons, string reason)
    {
        var municipality = reference.Find(kommunenummer);
        if (municipality is null)
        {
            return Error.NotFound("municipality", Say(actor, $"ingen kommune med nummer {kommunenummer}", $"ingen kommune med nummer {kommunenummer}"));
        }
        if (!Access.CanPropose(actor, municipality))
        {
            return Error.Forbidden(Say(actor, $"du kan ikke foreslå endringer for {kommunenummer} {municipality.Name}", $"du kan ikkje foreslå endringar for {kommunenummer} {municipality.Name}"));
        }
        var planningYear = await Year(year);
        if (planningYear is null)
        {
            return Error.NotFound("year", Say(actor, $"planåret {year} finnes ikke", $"planåret {year} finst ikkje"));
        }
        if (planningYear.Status != YearStatus.Consultation)
        {
            return Error.Invalid("proposal.status", Say(actor, $"forslag tas imot mens {year} er på høring; året er {Ui.Status(actor.Language, planningYear.Status)}", $"forslag blir tekne imot medan {year} er på høyring; året er {Ui.Status(actor.Language, planningYear.Status)}"));
        }
        var run = await db.Runs.Where(r => r.Year == year).OrderByDescending(r => r.Id).Select(r => new { r.Id, r.Persons }).FirstOrDefaultAsync();
        if (run is null)
        {
            return Error.Invalid("proposal.run", Say(actor, $"{year} har ingen fordeling å kommentere ennå", $"{year} har inga fordeling å kommentere enno"));
        }
        if (persons < 0 || persons > run.Persons)
        {
            return Error.Invalid("proposal.persons", Say(actor, $"foreslått antall må være mellom 0 og behovet på {run.Persons}, fikk {persons}", $"foreslått tal må vere mellom 0 og behovet på {run.Persons}, fekk {persons}"));
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            return Error.Invalid("proposal.reason", Say(actor, $"oppgi en begrunnelse for forslaget", $"oppgje ei grunngjeving for forslaget"));
        }
        var from = await db.RunLines.Where(l => l.RunId == run.Id && l.Kommunenummer == kommunenummer).Select(l => l.Requested).FirstOrDefaultAsync();
        var proposal = new Proposal
        {
            Year = year, RunId = run.Id, Kommunenummer = kommunenummer, FromPersons = from, ProposedPersons = persons,
            Reason = reason.Trim(), By = actor.Name, ByRole = actor.Role!, At = Now, Status = ProposalStatus.Open, Version = 1,
        };
        db.Proposals.Add(proposal);
        Audit(actor, "proposal.create", year, kommunenummer, new { from, to = persons }, reason);
        return await Save(actor, proposal);
    }

    public sealed record ProposalDecision(Proposal Proposal, AllocationRun? NewRun);

    /// <summary>Accepting fixes the number and re-solves the rest at once; if the re-solve fails, nothing is stored.</summary>
    public async Task<Result<ProposalDecision>> DecideProposal(Actor actor, int proposalId, bool accept, string? note, int expectedVersion)
    {
        if (!Access.CanPlan(actor))
        {
            return Error.Forbidden(Say(actor, $"bare IMDis planleggere godtar eller avviser forslag", $"berre planleggjarane i IMDi godtek eller avviser forslag"));
        }
        var proposal = await db.Proposals.FirstOrDefaultAsync(p => p.Id == proposalId);
        if (proposal is null)
        {
            return Error.NotFound("proposal", Say(actor, $"forslag {proposalId} finnes ikke", $"forslag {proposalId} finst ikkje"));
        }
        if (proposal.Version != expectedVersion || proposal.Status != ProposalStatus.Open)
        {
            return Error.Conflict("proposal.version", Inv($"forslag {proposalId} er allerede behandlet ({proposal.Status}) av {proposal.DecidedBy ?? "en annen"}; last siden på nytt"));
        }
        await using var transaction = await db.Database.BeginTransactionAsync();
        proposal.Status = accept ? ProposalStatus.Accepted : ProposalStatus.Rejected;
        proposal.DecidedBy = actor.Name;
        proposal.DecidedAt = Now;
        proposal.DecisionNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        proposal.Version++;
        Audit(actor, accept ? "proposal.accept" : "proposal.reject", proposal.Year, proposal.Kommunenummer,
            new { proposal.Id, proposal.FromPersons, proposal.ProposedPersons }, note);
        var saved = await Save(actor, proposal);
        if (!saved.IsSuccess)
        {
            return Result<ProposalDecision>.Fail(saved.Errors);
        }
        AllocationRun? newRun = null;
        if (accept)
        {
            var run = await RunAllocation(actor, proposal.Year, Inv($"Etter forslag #{proposal.Id} ({proposal.Kommunenummer}: {proposal.ProposedPersons})"));
            if (!run.IsSuccess)
            {
                await transaction.RollbackAsync();
                db.ChangeTracker.Clear();
                return Result<ProposalDecision>.Fail(run.Errors);
            }
            newRun = run.Value;
        }
        await transaction.CommitAsync();
        return new ProposalDecision(proposal, newRun);
    }

    public Task<List<Comment>> Comments(int year, string? kommunenummer) =>
        db.Comments.AsNoTracking().Where(c => c.Year == year && (kommunenummer == null || c.Kommunenummer == kommunenummer)).OrderByDescending(c => c.Id).ToListAsync();

    public async Task<Result<Comment>> AddComment(Actor actor, int year, string kommunenummer, string text)
    {
        var municipality = reference.Find(kommunenummer);
        if (municipality is null)
        {
            return Error.NotFound("municipality", Say(actor, $"ingen kommune med nummer {kommunenummer}", $"ingen kommune med nummer {kommunenummer}"));
        }
        if (!Access.CanComment(actor, municipality))
        {
            return Error.Forbidden(Say(actor, $"du kan ikke kommentere {kommunenummer} {municipality.Name}", $"du kan ikkje kommentere {kommunenummer} {municipality.Name}"));
        }
        if (string.IsNullOrWhiteSpace(text) || text.Length > 4000)
        {
            return Error.Invalid("comment.text", Say(actor, $"en kommentar må ha mellom 1 og 4 000 tegn", $"ein kommentar må ha mellom 1 og 4 000 teikn"));
        }
        if (!await db.Years.AnyAsync(y => y.Year == year))
        {
            return Error.NotFound("year", Say(actor, $"planåret {year} finnes ikke", $"planåret {year} finst ikkje"));
        }
        var comment = new Comment { Year = year, Kommunenummer = kommunenummer, Text = text.Trim(), By = actor.Name, ByRole = actor.Role!, At = Now };
        db.Comments.Add(comment);
        Audit(actor, "comment.add", year, kommunenummer, new { length = comment.Text.Length }, null);
        return await Save(actor, comment);
    }

    // ---------- decisions (vedtak) ----------

    public Task<List<Decision>> DecisionHistory(int year, string kommunenummer) =>
        db.Decisions.AsNoTracking().Where(d => d.Year == year && d.Kommunenummer == kommunenummer).OrderByDescending(d => d.Version).ToListAsync();

    /// <summary>The current (highest) version of every municipality's decision for a year.</summary>
    public async Task<Dictionary<string, Decision>> CurrentDecisions(int year)
    {
        var all = await db.Decisions.AsNoTracking().Where(d => d.Year == year).ToListAsync();
        return all.GroupBy(d => d.Kommunenummer).ToDictionary(g => g.Key, g => g.MaxBy(d => d.Version)!, StringComparer.Ordinal);
    }

    public sealed record DecisionInput(int Persons, int Em, DateOnly DecisionDate, int? AdditionalCapacity, string? Note, UploadedPdf? Pdf, int ExpectedVersion);

    public sealed record UploadedPdf(string FileName, byte[] Content);

    public const long MaxPdfBytes = 10 * 1024 * 1024;

    public async Task<Result<Decision>> RegisterDecision(Actor actor, int year, string kommunenummer, DecisionInput input)
    {
        var municipality = reference.Find(kommunenummer);
        if (municipality is null)
        {
            return Error.NotFound("municipality", Say(actor, $"ingen kommune med nummer {kommunenummer}", $"ingen kommune med nummer {kommunenummer}"));
        }
        if (!Access.CanRegisterDecision(actor, municipality))
        {
            return Error.Forbidden(Say(actor, $"bare saksbehandleren i {municipality.Name} registrerer kommunens vedtak", $"berre saksbehandlaren i {municipality.Name} registrerer vedtaket til kommunen"));
        }
        var planningYear = await Year(year);
        if (planningYear is null)
        {
            return Error.NotFound("year", Say(actor, $"planåret {year} finnes ikke", $"planåret {year} finst ikkje"));
        }
        if (!YearWorkflow.AcceptsDecisions(planningYear))
        {
            return Error.Invalid("decision.closed", planningYear.DecisionsLocked
                ? Say(actor, $"IMDi har låst {year}; vedtak kan ikke lenger endres", $"IMDi har låst {year}; vedtak kan ikkje lenger endrast")
                : Say(actor, $"anmodningene for {year} er ikke publisert ennå", $"oppmodingane for {year} er ikkje publiserte enno"));
        }
        var errors = new List<Error>();
        if (input.Persons is < 0 or > 100_000)
        {
            errors.Add(Error.Invalid("persons", Say(actor, $"antall personer må være mellom 0 og 100 000, fikk {input.Persons}", $"talet på personar må vere mellom 0 og 100 000, fekk {input.Persons}")));
        }
        if (input.Em < 0 || input.Em > input.Persons)
        {
            errors.Add(Error.Invalid("em", Say(actor, $"EM er en del av personene: mellom 0 og {input.Persons}, fikk {input.Em}", $"EM er ein del av personane: mellom 0 og {input.Persons}, fekk {input.Em}")));
        }
        if (input.AdditionalCapacity is < 0 or > 100_000)
        {
            errors.Add(Error.Invalid("additionalCapacity", Say(actor, $"ekstra kapasitet må være mellom 0 og 100 000, fikk {input.AdditionalCapacity}", $"ekstra kapasitet må vere mellom 0 og 100 000, fekk {input.AdditionalCapacity}")));
        }
        var today = DateOnly.FromDateTime(Now);
        if (input.DecisionDate > today || input.DecisionDate.Year < year - 2)
        {
            errors.Add(Error.Invalid("decisionDate", Say(actor, $"vedtaksdatoen {input.DecisionDate:dd.MM.yyyy} må være mellom 01.01.{year - 2} og i dag", $"vedtaksdatoen {input.DecisionDate:dd.MM.yyyy} må vere mellom 01.01.{year - 2} og i dag")));
        }
        if (input.Note is { Length: > 2000 })
        {
            errors.Add(Error.Invalid("note", Say(actor, $"merknaden kan ha høyst 2 000 tegn", $"merknaden kan ha høgst 2 000 teikn")));
        }
        if (input.Pdf is { } pdf)
        {
            errors.AddRange(PdfCheck.Check(pdf.FileName, pdf.Content, MaxPdfBytes, actor.Language));
        }
        if (errors.Count > 0)
        {
            return Result<Decision>.Fail(errors);
        }
        var current = await db.Decisions.Where(d => d.Year == year && d.Kommunenummer == kommunenummer).MaxAsync(d => (int?)d.Version) ?? 0;
        if (current != input.ExpectedVersion)
        {
            return Error.Conflict("decision.version", Say(actor, $"vedtaket for {municipality.Name} {year} er endret av en annen (nå versjon {current}); last siden på nytt og se endringen før du retter", $"vedtaket for {municipality.Name} {year} er endra av ein annan (no versjon {current}); last sida på nytt og sjå endringa før du rettar"));
        }
        await using var transaction = await db.Database.BeginTransactionAsync();
        int? documentId = null;
        if (input.Pdf is { } upload)
        {
            var document = new DecisionDocument
            {
                FileName = Path.GetFileName(upload.FileName), Size = upload.Content.Length,
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(upload.Content)), Content = upload.Content,
            };
            db.DecisionDocuments.Add(document);
            var savedDocument = await Save(actor, document);
            if (!savedDocument.IsSuccess)
            {
                return Result<Decision>.Fail(savedDocument.Errors);
            }
            documentId = document.Id;
        }
        else if (current > 0)
        {
            documentId = await db.Decisions.Where(d => d.Year == year && d.Kommunenummer == kommunenummer && d.Version == current).Select(d => d.DocumentId).FirstAsync();
        }
        var decision = new Decision
        {
            Year = year, Kommunenummer = kommunenummer, Version = current + 1, Persons = input.Persons, Em = input.Em,
            DecisionDate = input.DecisionDate, AdditionalCapacity = input.AdditionalCapacity,
            Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(), DocumentId = documentId, By = actor.Name, At = Now,
        };
        db.Decisions.Add(decision);
        Audit(actor, current == 0 ? "decision.register" : "decision.correct", year, kommunenummer,
            new { decision.Version, input.Persons, input.Em, date = input.DecisionDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), input.AdditionalCapacity, documentId }, input.Note);
        var saved = await Save(actor, decision);
        if (!saved.IsSuccess)
        {
            return saved;
        }
        await transaction.CommitAsync();
        figures.Invalidate(year);
        return saved;
    }

    public async Task<Result<DecisionDocument>> Document(Actor actor, int year, string kommunenummer, int documentId)
    {
        var municipality = reference.Find(kommunenummer);
        if (municipality is null || !Access.CanSeeMunicipality(actor, municipality))
        {
            return Error.Forbidden(Say(actor, $"du kan ikke se dokumentene til {kommunenummer}", $"du kan ikkje sjå dokumenta til {kommunenummer}"));
        }
        var belongs = await db.Decisions.AnyAsync(d => d.Year == year && d.Kommunenummer == kommunenummer && d.DocumentId == documentId);
        var document = belongs ? await db.DecisionDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == documentId) : null;
        return document is null ? Error.NotFound("document", Say(actor, $"ingen dokument {documentId} for {kommunenummer} {year}", $"ingen dokument {documentId} for {kommunenummer} {year}")) : document;
    }

    public Task<List<LetterJob>> LetterJobs(int year) =>
        db.LetterJobs.AsNoTracking().Where(j => j.Year == year).OrderByDescending(j => j.Id).Take(20).ToListAsync();

    // ---------- audit ----------

    public async Task<Result<List<AuditEntry>>> AuditTrail(Actor actor, int year, int take = 500)
    {
        if (!Access.CanSeeAudit(actor))
        {
            return Error.Forbidden(Say(actor, $"bare IMDi ser revisjonssporet", $"berre IMDi ser revisjonssporet"));
        }
        return await db.Audit.AsNoTracking().Where(a => a.Year == year).OrderByDescending(a => a.Id).Take(take).ToListAsync();
    }

    private void Audit(Actor actor, string action, int? year, string? kommunenummer, object details, string? reason) =>
        db.Audit.Add(new AuditEntry
        {
            At = Now, Actor = actor.Name, Role = actor.Role ?? "", Action = action, Year = year, Kommunenummer = kommunenummer,
            Details = JsonSerializer.Serialize(details, StoredExplanation.Json), Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(),
        });

    /// <summary>Saves; a concurrency or uniqueness clash becomes a conflict and nothing of this unit of work is kept.</summary>
    private async Task<Result<T>> Save<T>(Actor actor, T value)
    {
        try
        {
            await db.SaveChangesAsync();
            return value;
        }
        catch (DbUpdateException e)
        {
            log.LogWarning(e, "Conflicting write");
            db.ChangeTracker.Clear();
            return Error.Conflict("conflict", Say(actor, $"en annen lagret det samme samtidig; last siden på nytt og prøv igjen", $"ein annan lagra det same samstundes; last sida på nytt og prøv igjen"));
        }
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>A message in the actor's written standard.</summary>
    private static string Say(Actor actor, FormattableString nb, FormattableString nn) =>
        (actor.Language == Language.Nn ? nn : nb).ToString(CultureInfo.InvariantCulture);
}
