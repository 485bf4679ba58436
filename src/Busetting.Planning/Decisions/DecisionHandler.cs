using System.Globalization;
using System.Security.Cryptography;

namespace Busetting.Planning;

/// <summary>Municipal decisions (vedtak) and their documents.</summary>
public sealed class DecisionHandler(PlanningDependencies dependencies) : PlanningHandler(dependencies)
{
    public Task<List<Decision>> DecisionHistory(SettlementYear year, MunicipalityNumber kommunenummer) =>
        db.Decisions.AsNoTracking().Where(d => d.Year == year && d.Kommunenummer == kommunenummer).OrderByDescending(d => d.Version).ToListAsync();

    /// <summary>The current (highest) version of every municipality's decision for a year.</summary>
    public async Task<Dictionary<MunicipalityNumber, Decision>> CurrentDecisions(SettlementYear year)
    {
        var all = await db.Decisions.AsNoTracking().Where(d => d.Year == year).ToListAsync();
        return all.GroupBy(d => d.Kommunenummer).ToDictionary(g => g.Key, g => g.MaxBy(d => d.Version)!);
    }

    /// <summary>The municipality's next task after a revision, if its council decided above the adjusted request (<see cref="NewDecisionTask"/>).</summary>
    public async Task<NewDecisionTask?> NewDecisionNeeded(SettlementYear year, MunicipalityNumber kommunenummer) =>
        (await NewDecisionTasks.For(db, year, kommunenummer)).GetValueOrDefault(kommunenummer);

    public sealed record DecisionInput(int Persons, int Em, DateOnly DecisionDate, int? AdditionalCapacity, string? Note, UploadedPdf? Pdf, int ExpectedVersion);

    public sealed record UploadedPdf(string FileName, byte[] Content);

    public const long MaxPdfBytes = 10 * 1024 * 1024;

    public async Task<Result<Decision>> RegisterDecision(Actor actor, SettlementYear year, MunicipalityNumber kommunenummer, DecisionInput input)
    {
        var municipality = reference.Find(kommunenummer);
        if (municipality is null)
        {
            return MunicipalityNotFound(actor, kommunenummer.Value);
        }
        if (!Access.CanRegisterDecision(actor, municipality))
        {
            return DecisionErrors.OnlyCaseWorkerRegisters(actor, municipality.Name);
        }
        var planningYear = await Year(year);
        if (planningYear is null)
        {
            return YearNotFound(actor, year.Value);
        }
        if (PlanningYearRules.CheckAcceptsDecisions(year, planningYear.PublishedRunId is not null, planningYear.DecisionsLocked) is { } closed)
        {
            return Say(actor, closed);
        }
        var errors = DecisionRules.Validate(year, new DecisionFigures(input.Persons, input.Em, input.AdditionalCapacity, input.DecisionDate),
            DateOnly.FromDateTime(Now)).Select(e => Say(actor, e)).ToList();
        if (TooLong(actor, "note", input.Note, FieldLimits.Note, "merknaden", "merknaden") is { } noteTooLong)
        {
            errors.Add(noteTooLong);
        }
        if (input.Pdf is { } pdf)
        {
            errors.AddRange(PdfCheck.Check(pdf.FileName, pdf.Content, MaxPdfBytes, actor.Language));
        }
        if (errors.Count > 0)
        {
            return Result<Decision>.Fail(errors);
        }
        // The version check, the document, the decision and its audit entry in one transaction; a second writer of the
        // same version loses on the unique index (year, municipality, version) and is told so.
        var stored = await db.InTransaction(() => StoreDecision(actor, year, kommunenummer, municipality.Name, input), r => r.IsSuccess);
        if (stored.IsSuccess)
        {
            await figures.Invalidate(year);
        }
        return stored;
    }

    private async Task<Result<Decision>> StoreDecision(Actor actor, SettlementYear year, MunicipalityNumber kommunenummer, string name, DecisionInput input)
    {
        var current = await db.Decisions.Where(d => d.Year == year && d.Kommunenummer == kommunenummer).MaxAsync(d => (int?)d.Version) ?? 0;
        if (current != input.ExpectedVersion)
        {
            return DecisionErrors.ChangedByOther(actor, name, year, current);
        }
        int? documentId = null;
        if (input.Pdf is { } upload)
        {
            var document = new DecisionDocument
            {
                FileName = Truncate(Path.GetFileName(upload.FileName), FieldLimits.FileName), Size = upload.Content.Length,
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
        Audit(actor, current == 0 ? AuditActions.DecisionRegister : AuditActions.DecisionCorrect, year, kommunenummer,
            new { decision.Version, input.Persons, input.Em, date = input.DecisionDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), input.AdditionalCapacity, documentId }, input.Note);
        var publishedRun = await db.Years.AsNoTracking().Where(y => y.Year == year).Select(y => y.PublishedRunId).FirstOrDefaultAsync();
        var requested = await db.RunLines.AsNoTracking().Where(l => l.RunId == publishedRun && l.Kommunenummer == kommunenummer).Select(l => (int?)l.Requested).FirstOrDefaultAsync();
        await notifications.DecisionRegistered(db, decision, requested);
        return await Save(actor, decision);
    }

    /// <summary>A decision's document; the year is the route's number as given (a year that does not exist has no documents).</summary>
    public async Task<Result<DecisionDocument>> Document(Actor actor, int year, string kommunenummer, int documentId)
    {
        var municipality = reference.Find(kommunenummer);
        if (municipality is null || !Access.CanSeeMunicipality(actor, municipality))
        {
            return DecisionErrors.CannotSeeDocuments(actor, kommunenummer);
        }
        var belongs = SettlementYear.TryCreate(year, out var settlement)
            && await db.Decisions.AnyAsync(d => d.Year == settlement && d.Kommunenummer == municipality.Number && d.DocumentId == documentId);
        var document = belongs ? await db.DecisionDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == documentId) : null;
        return document is null ? DecisionErrors.DocumentNotFound(actor, documentId, municipality.Number, year) : document;
    }
}
