using System.Globalization;
using Busetting.Application;
using Busetting.Data.Criteria;

namespace Busetting.Letters;

/// <summary>Letter templates: the current version, saving a new one and a sample letter from an unsaved text.</summary>
public sealed partial class LetterService
{
    // ---------- templates ----------

    public async Task<Result<(Template Template, int? EntryId)>> CurrentTemplate(LetterKind kind, WrittenStandard standard, CancellationToken cancellationToken = default)
    {
        var language = standard.Code();
        var entry = await db.LetterTemplates.AsNoTracking().Where(t => t.Kind == kind && t.Language == standard)
            .OrderByDescending(t => t.Number).FirstOrDefaultAsync(cancellationToken);
        if (entry is null)
        {
            return (Template.Default(kind, language), null);
        }
        return Template.Parse(kind, language, entry.Text, Inv($"{kind.ToString().ToLowerInvariant()}.{language} versjon {entry.Number}"))
            .Map(t => (t, (int?)entry.Id));
    }

    public async Task<int> TemplateNumber(LetterKind kind, WrittenStandard standard) =>
        await db.LetterTemplates.Where(t => t.Kind == kind && t.Language == standard).MaxAsync(t => (int?)t.Number) ?? 0;

    public async Task<Result<LetterTemplateEntry>> SaveTemplate(LetterActor actor, LetterKind kind, string language, string text, int expectedNumber)
    {
        if (!actor.MayEditTemplates)
        {
            return Error.Forbidden("bare IMDis administratorer endrer brevmalene");
        }
        if (text.Length > FieldLimits.TemplateText)
        {
            return Error.Invalid("template.text", Inv($"malen kan ha høyst {FieldLimits.TemplateText} tegn / malen kan ha høgst {FieldLimits.TemplateText} teikn, fikk {text.Length}"));
        }
        var parsed = Template.Parse(kind, language, text, Inv($"{kind.ToString().ToLowerInvariant()}.{language}"));
        if (!parsed.IsSuccess)
        {
            return Result<LetterTemplateEntry>.Fail(parsed.Errors);
        }
        var standard = WrittenStandards.Parse(language); // checked by Template.Parse above
        var current = await TemplateNumber(kind, standard);
        if (current != expectedNumber)
        {
            return Error.Conflict("template.version", Inv($"malen er endret av en annen (nå versjon {current}); last siden på nytt"));
        }
        var entry = new LetterTemplateEntry { Kind = kind, Language = standard, Number = current + 1, Text = text, By = actor.Name, At = clock.GetUtcNow().UtcDateTime };
        db.LetterTemplates.Add(entry);
        db.Audit.Add(new AuditEntry { At = entry.At, Actor = actor.Name, Role = actor.Role, Action = AuditActions.TemplateSave, Details = JsonSerializer.Serialize(new { Kind = entry.Kind.ToString(), Language = entry.Language.Code(), entry.Number }) });
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException e) when (Transactions.IsConflict(e))
        {
            db.ChangeTracker.Clear();
            return Error.Conflict("template.version", "en annen lagret malen samtidig; last siden på nytt");
        }
        return entry;
    }

    /// <summary>
    /// A sample letter from a template text that is not saved yet: the year's newest run, the given municipality. The
    /// year is the number typed in the editor; a year without a run (any number outside the years covered) has no sample.
    /// </summary>
    public async Task<Result<byte[]>> Preview(int year, LetterKind kind, string language, string text, string kommunenummer)
    {
        var parsed = Template.Parse(kind, language, text, Inv($"{kind.ToString().ToLowerInvariant()}.{language}"));
        if (!parsed.IsSuccess)
        {
            return Result<byte[]>.Fail(parsed.Errors);
        }
        var run = SettlementYear.TryCreate(year, out var settlement)
            ? await db.Runs.AsNoTracking().Include(r => r.Lines).Where(r => r.Year == settlement).OrderByDescending(r => r.Id).FirstOrDefaultAsync()
            : null;
        var line = MunicipalityNumber.TryParse(kommunenummer, out var number, out _) ? run?.Lines.FirstOrDefault(l => l.Kommunenummer == number) : null;
        if (run is null || line is null)
        {
            return Error.NotFound("preview", Inv($"{year} har ingen fordeling med kommune {kommunenummer} å vise et eksempel fra"));
        }
        var m = reference.Find(number)!;
        var people = await Contact(settlement, CancellationToken.None);
        var criteriaEntry = await db.CriteriaVersions.AsNoTracking().FirstAsync(c => c.Id == run.CriteriaEntryId);
        var criteria = CriteriaJson.Parse(criteriaEntry.Json, "criteria").Value;
        var weights = Weights(run, criteria);
        var input = new LetterInput(
            Identity: new(kind, language, year, Reference(settlement, number, kind, 1) + " (EKSEMPEL)"),
            Recipient: new(number.Value, m.OfficialName, m.CountyName),
            Dates: new(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), Deadline: null),
            Numbers: new(Requested: line.Requested, RequestedEm: line.RequestedEm, PlanNextYear: line.PlanNextYear, NeedPersons: run.Persons, NeedEm: run.Em),
            Texts: new(people.Line, kind == LetterKind.Request ? null : "(begrunnelse)", people.Row?.SignerName, people.Row?.SignerTitle),
            Criteria: weights,
            Explanation: StoredExplanation.Parse(line.ExplanationJson),
            Previous: new(line.Requested, line.RequestedEm, NeedPersons: run.Persons),
            Ministry: criteria.Ministry);
        return LetterRenderer.Render(LetterComposer.Compose(input, parsed.Value));
    }
}
