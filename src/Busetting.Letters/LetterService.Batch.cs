using System.Globalization;
using System.Security.Cryptography;
using Busetting.Application;
using Busetting.Data.Criteria;
using Busetting.Domain.Municipalities;

namespace Busetting.Letters;

/// <summary>The letter batch: check → load context → plan each letter → store, all letters or none.</summary>
public sealed partial class LetterService
{
    /// <summary>What the checks found: the year, the run the letters are made from and each municipality's last letter.</summary>
    private sealed record BatchStart(PlanningYear Year, int? RunId, Dictionary<MunicipalityNumber, Letter> Previous);

    /// <summary>Everything a batch reads before it plans a letter.</summary>
    private sealed record BatchContext(
        LetterActor Actor, SettlementYear Year, LetterKind Kind, FreeText Reason, DateOnly? Deadline, PlanningYear PlanningYear, AllocationRun Run,
        List<LetterCriterion> Weights, Domain.Criteria.Ministry? Ministry, Dictionary<WrittenStandard, (Template Template, int? EntryId)> Templates, Dictionary<MunicipalityNumber, WrittenStandard> Languages,
        (string Line, LetterContact? Row) People, DateOnly Date, Dictionary<MunicipalityNumber, Letter> Previous, Dictionary<MunicipalityNumber, Letter> LatestOfKind,
        Dictionary<int, int> NeedByRun, Dictionary<MunicipalityNumber, FreeText> Justifications);

    /// <summary>An agreed change as the run stored it (RunHandler.AgreedChangeRecord), the parts a letter prints.</summary>
    private sealed record StoredAgreement(string Kommunenummer, string Reason, int ProposalId, Domain.Allocation.AgreementTreatment Treatment, string? ReasonNn);

    /// <summary>
    /// The public justification of each agreement the run fixed, in its newest wording (a correction after acceptance
    /// reaches the letters made after it; a run without its proposal keeps the text it stored).
    /// </summary>
    private async Task<Dictionary<MunicipalityNumber, FreeText>> Justifications(AllocationRun run, CancellationToken cancellationToken)
    {
        var agreed = (JsonSerializer.Deserialize<List<StoredAgreement>>(run.AgreedChangesJson, StoredExplanation.Json) ?? [])
            .Where(a => a.Treatment != Domain.Allocation.AgreementTreatment.Drop).ToList();
        var ids = agreed.Select(a => a.ProposalId).Where(id => id > 0).ToList();
        var current = await db.Proposals.AsNoTracking().Where(p => ids.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => FreeText.Stored(p.PublicJustification, p.PublicJustificationNn), cancellationToken);
        return agreed.ToDictionary(a => MunicipalityNumber.Parse(a.Kommunenummer), a => current.GetValueOrDefault(a.ProposalId) ?? FreeText.Stored(a.Reason, a.ReasonNn));
    }

    /// <summary>One municipality's outcome: a letter to store, or a reason it is left out; neither means already up to date.</summary>
    private sealed record PlannedLetter(Letter? Created, SkippedLetter? Skipped)
    {
        public static readonly PlannedLetter Unchanged = new(null, null);
        public static PlannedLetter Skip(SkippedLetter why) => new(null, why);
    }

    /// <param name="deadline">The new decision deadline; required for adjusted letters (stored on the year with the letters).</param>
    /// <param name="reason">The reason adjusted letters and postponements print, in Bokmål.</param>
    /// <param name="reasonNn">The same reason in Nynorsk (both required for those kinds): each letter prints its municipality's form.</param>
    public async Task<Result<BatchResult>> Generate(LetterActor actor, SettlementYear year, LetterKind kind, string? reason,
        IProgress<(int Done, int Total)>? progress = null, CancellationToken cancellationToken = default, DateOnly? deadline = null, string? reasonNn = null)
    {
        var started = clock.GetTimestamp();
        var checkedBatch = await CheckBatch(actor, year, kind, reason, reasonNn, deadline, cancellationToken);
        if (!checkedBatch.IsSuccess)
        {
            return Result<BatchResult>.Fail(checkedBatch.Errors);
        }
        var loaded = await LoadBatch(actor, year, kind, new FreeText(Blank(reason), Blank(reasonNn)), deadline, checkedBatch.Value, cancellationToken);
        if (!loaded.IsSuccess)
        {
            return Result<BatchResult>.Fail(loaded.Errors);
        }
        var batch = loaded.Value;
        var lines = batch.Run.Lines.OrderBy(l => l.Kommunenummer).ToList();
        // Each letter is laid out, rendered and hashed on its own (nothing shared but read-only context), so the
        // letters are made on every core, a few at a time; progress is reported between the groups, in order and on
        // this thread (a letter job saves its row in the report).
        var planned = new PlannedLetter[lines.Count];
        var options = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };
        var group = 8 * Environment.ProcessorCount;
        for (var start = 0; start < lines.Count; start += group)
        {
            progress?.Report((start, lines.Count));
            Parallel.For(start, Math.Min(start + group, lines.Count), options, i => planned[i] = PlanLetter(batch, lines[i]));
        }
        var skipped = planned.Select(p => p.Skipped).OfType<SkippedLetter>().ToList();
        var created = planned.Select(p => p.Created).OfType<Letter>().ToList();
        var unchanged = planned.Count(p => p.Skipped is null && p.Created is null);
        progress?.Report((lines.Count, lines.Count));
        if (!await StoreBatch(batch, created, unchanged, skipped.Count, cancellationToken))
        {
            return Error.Conflict("letters.conflict", "en annen laget de samme brevene samtidig; ingenting er lagret, prøv igjen");
        }
        return new BatchResult(year.Value, kind, batch.Run.Id, created.Count, unchanged, skipped, clock.GetElapsedTime(started));
    }

    /// <summary>Every check before anything is read for the letters themselves: the actor, the year's state, the previous letters.</summary>
    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private async Task<Result<BatchStart>> CheckBatch(LetterActor actor, SettlementYear year, LetterKind kind, string? reason, string? reasonNn, DateOnly? deadline, CancellationToken cancellationToken)
    {
        if (!actor.MayProduce)
        {
            return Error.Forbidden("bare IMDis planleggere lager og sender brev");
        }
        var planningYear = await db.Years.AsNoTracking().FirstOrDefaultAsync(y => y.Year == year, cancellationToken);
        if (planningYear is null)
        {
            return YearNotFound(year.Value);
        }
        var runId = planningYear.ApprovedRunId ?? planningYear.PublishedRunId;
        if ((LetterBatchRules.CheckBatch(year, kind, planningYear.Status, runId is not null, planningYear.Revision, reason, FieldLimits.Reason, deadline, Today)
            ?? LetterBatchRules.CheckReasonNn(kind, reasonNn, FieldLimits.Reason)) is { } refused)
        {
            return Said(refused);
        }
        if (LetterBatchRules.CheckRequestDeadline(kind, planningYear.DecisionDeadline, await LetterDate(year, cancellationToken)) is { } noDeadline)
        {
            return Said(noDeadline);
        }
        var previous = await LatestLetters(year, [LetterKind.Request, LetterKind.Adjusted], cancellationToken);
        if (LetterBatchRules.CheckPreviousLetters(year, kind, previous.Count) is { } noneSent)
        {
            return Said(noneSent);
        }
        if (kind == LetterKind.Postponement)
        {
            runId = previous.Values.Max(l => l.RunId);
        }
        return new BatchStart(planningYear, runId, previous);
    }

    /// <summary>The run, its criteria weights, both templates, the written standards, the people, the date and the letters before.</summary>
    private async Task<Result<BatchContext>> LoadBatch(LetterActor actor, SettlementYear year, LetterKind kind, FreeText reason, DateOnly? deadline, BatchStart start,
        CancellationToken cancellationToken)
    {
        var run = await db.Runs.AsNoTracking().Include(r => r.Lines).FirstAsync(r => r.Id == start.RunId, cancellationToken);
        await db.Needs.AsNoTracking().FirstAsync(n => n.Id == run.NeedEntryId, cancellationToken);
        var criteriaEntry = await db.CriteriaVersions.AsNoTracking().FirstAsync(c => c.Id == run.CriteriaEntryId, cancellationToken);
        var criteria = CriteriaJson.Parse(criteriaEntry.Json, "criteria").Value;
        var weights = Weights(run, criteria);
        var templates = new Dictionary<WrittenStandard, (Template Template, int? EntryId)>();
        foreach (var language in WrittenStandards.All)
        {
            var current = await CurrentTemplate(kind, language, cancellationToken);
            if (!current.IsSuccess)
            {
                return Result<BatchContext>.Fail(current.Errors);
            }
            templates[language] = current.Value;
        }
        var languages = await db.LetterLanguages.AsNoTracking().ToDictionaryAsync(l => l.Kommunenummer, l => l.Language, cancellationToken);
        var people = await Contact(year, cancellationToken);
        var date = await LetterDate(year, cancellationToken);
        var latestOfKind = await LatestLetters(year, [kind], cancellationToken);
        // The need behind each municipality's last letter, for "before / now" in adjusted letters.
        var previousRunIds = start.Previous.Values.Select(l => l.RunId).Distinct().ToList();
        var needByRun = await db.Runs.AsNoTracking().Where(r => previousRunIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Persons, cancellationToken);
        return new BatchContext(actor, year, kind, reason, deadline, start.Year, run, weights, criteria.Ministry, templates, languages, people, date, start.Previous, latestOfKind, needByRun,
            await Justifications(run, cancellationToken));
    }

    /// <summary>One municipality's letter: left out (with why), unchanged (same bytes as its newest version) or a new version.</summary>
    private PlannedLetter PlanLetter(BatchContext batch, RunLine line)
    {
        var (year, kind) = (batch.Year, batch.Kind);
        var m = reference.Find(line.Kommunenummer)!;
        var last = batch.Previous.GetValueOrDefault(line.Kommunenummer);
        if (kind == LetterKind.Request && line.Requested == 0)
        {
            return PlannedLetter.Skip(new SkippedLetter(m.Number, m.Name, SkippedLetter.Why.NotAsked, kind, batch.Run.Id, line.Requested));
        }
        if (kind != LetterKind.Request && last is null)
        {
            return PlannedLetter.Skip(new SkippedLetter(m.Number, m.Name, SkippedLetter.Why.NoRequestLetter, kind, batch.Run.Id, line.Requested));
        }
        if (kind == LetterKind.Adjusted && last is not null && last.Requested == line.Requested && last.RequestedEm == line.RequestedEm)
        {
            return PlannedLetter.Skip(new SkippedLetter(m.Number, m.Name, SkippedLetter.Why.Unchanged, kind, batch.Run.Id, line.Requested));
        }
        var language = batch.Languages.TryGetValue(line.Kommunenummer, out var chosen) ? chosen : WrittenStandards.Of(m.LanguageForm);
        var (template, templateId) = batch.Templates[language];
        var latest = batch.LatestOfKind.GetValueOrDefault(line.Kommunenummer);
        var version = latest?.Version ?? 1;
        var input = BatchInput(batch, line, m, last, language.Code(), Reference(year, line.Kommunenummer, kind, version));
        var pdf = LetterRenderer.Render(LetterComposer.Compose(input, template));
        var hash = Convert.ToHexStringLower(SHA256.HashData(pdf));
        if (latest is not null && latest.ContentHash == hash)
        {
            return PlannedLetter.Unchanged;
        }
        if (latest is not null)
        {
            version = latest.Version + 1;
            pdf = LetterRenderer.Render(LetterComposer.Compose(input with { Identity = input.Identity with { Reference = Reference(year, line.Kommunenummer, kind, version) } }, template));
            hash = Convert.ToHexStringLower(SHA256.HashData(pdf));
        }
        return new PlannedLetter(new Letter
        {
            Year = year, Kommunenummer = line.Kommunenummer, Kind = kind, Version = version, RunId = batch.Run.Id, Language = language,
            TemplateEntryId = templateId, Reference = Reference(year, line.Kommunenummer, kind, version), ContentHash = hash, Pdf = pdf,
            Requested = input.Numbers.Requested, RequestedEm = input.Numbers.RequestedEm, By = batch.Actor.Name, At = clock.GetUtcNow().UtcDateTime,
        }, null);
    }

    /// <summary>The numbers and texts of one batch letter; a postponement repeats the request the municipality already has.</summary>
    private static LetterInput BatchInput(BatchContext batch, RunLine line, Municipality m, Letter? last, string language, string reference)
    {
        var kind = batch.Kind;
        var postponed = kind == LetterKind.Postponement;
        return new LetterInput(
            Identity: new(kind, language, batch.Year.Value, reference),
            Recipient: new(line.Kommunenummer.Value, m.OfficialName, m.CountyName),
            Dates: new(batch.Date, Deadline: kind == LetterKind.Adjusted ? batch.Deadline : batch.PlanningYear.DecisionDeadline),
            Numbers: new(
                Requested: postponed ? last!.Requested : line.Requested,
                RequestedEm: postponed ? last!.RequestedEm : line.RequestedEm,
                PlanNextYear: line.PlanNextYear,
                NeedPersons: batch.Run.Persons,
                NeedEm: batch.Run.Em),
            // The reason in the letter's own written standard only (both are required for the kinds that print it).
            Texts: new(batch.People.Line, batch.Reason.For(WrittenStandards.NynorskOrBokmal(language)), batch.People.Row?.SignerName, batch.People.Row?.SignerTitle),
            Criteria: batch.Weights,
            Explanation: StoredExplanation.Parse(line.ExplanationJson),
            Previous: last is null ? null : new(last.Requested, last.RequestedEm, NeedPersons: batch.NeedByRun.GetValueOrDefault(last.RunId)),
            Ministry: batch.Ministry,
            // A postponement repeats the request already sent; the others state this run's agreement, in the letter's form only.
            Justification: postponed ? null : batch.Justifications.GetValueOrDefault(line.Kommunenummer)?.For(WrittenStandards.NynorskOrBokmal(language)));
    }

    /// <summary>All or nothing: the letters and the audit entry in one transaction (retried as a whole after a transient failure).</summary>
    /// <returns>False when another batch stored the same letters first.</returns>
    private async Task<bool> StoreBatch(BatchContext batch, List<Letter> created, int unchanged, int skipped, CancellationToken cancellationToken)
    {
        var (year, kind, deadline) = (batch.Year, batch.Kind, batch.Deadline);
        var stored = await db.InTransaction(async () =>
        {
            db.Letters.AddRange(created);
            if (kind == LetterKind.Adjusted)
            {
                // The adjusted letters name the new deadline; the year carries it, so the decision pages show the same date.
                var tracked = await db.Years.FirstAsync(y => y.Year == year, cancellationToken);
                tracked.DecisionDeadline = deadline;
                tracked.Version++;
            }
            db.Audit.Add(new AuditEntry
            {
                At = clock.GetUtcNow().UtcDateTime, Actor = batch.Actor.Name, Role = batch.Actor.Role, Action = AuditActions.LettersGenerate, Year = year,
                Details = JsonSerializer.Serialize(new { kind = kind.ToString(), run = batch.Run.Id, created = created.Count, unchanged, skipped, deadline, reasonNn = batch.Reason.Nn }),
                Reason = batch.Reason.Nb,
            });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return true;
            }
            catch (DbUpdateException e) when (Transactions.IsConflict(e))
            {
                return false;
            }
        }, ok => ok, cancellationToken);
        db.ChangeTracker.Clear();
        return stored;
    }
}
