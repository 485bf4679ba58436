namespace Busetting.Planning;

/// <summary>The audit trail: a year's entries, the search over all of them, and reads of unpublished figures.</summary>
public sealed class AuditHandler(PlanningDependencies dependencies) : PlanningHandler(dependencies)
{
    public async Task<Result<List<AuditEntry>>> AuditTrail(Actor actor, SettlementYear year, int take = 500)
    {
        if (!Access.CanSeeAudit(actor))
        {
            return AuditErrors.OnlyImdiSeesAudit(actor);
        }
        return await db.Audit.AsNoTracking().Where(a => a.Year == year).OrderByDescending(a => a.Id).Take(take).ToListAsync();
    }

    public const int AuditPageSize = 50;

    /// <summary>The kinds of audit entry: the part of the action before the first dot (user.lock → user).</summary>
    public static readonly IReadOnlyList<string> AuditKinds =
        ["user", "template", "letters", "letter", "year", "need", "criteria", "run", "proposal", "comment", "decision", "read", "notification"];

    /// <summary>A search in the audit trail; every part optional. <paramref name="Page"/> counts from 1; <paramref name="All"/>
    /// returns every match on one page (the XLSX export).</summary>
    /// <param name="MaxRows">With <paramref name="All"/>: when more entries match, none are loaded (the caller says so).</param>
    public sealed record AuditQuery(int? Year, string? Kind, string? Who, string? Kommunenummer, int Page, bool All = false, int? MaxRows = null);

    public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, int Total, int Page, int Pages);

    /// <summary>The whole audit trail (years, users, templates, letter languages, reads), newest first, filtered and paged.</summary>
    public async Task<Result<AuditPage>> SearchAudit(Actor actor, AuditQuery q)
    {
        if (!Access.CanSeeAudit(actor))
        {
            return AuditErrors.OnlyImdiSeesAudit(actor);
        }
        var query = db.Audit.AsNoTracking();
        if (q.Year is { } year)
        {
            // A number outside the covered years names no settlement year, so no entry has it.
            query = SettlementYear.TryCreate(year, out var settlement) ? query.Where(a => a.Year == settlement) : query.Where(a => false);
        }
        if (q.Kind is { } kind && AuditKinds.Contains(kind))
        {
            var prefix = kind + ".";
            query = query.Where(a => a.Action.StartsWith(prefix));
        }
        if (!string.IsNullOrWhiteSpace(q.Who))
        {
            var who = q.Who.Trim();
            query = query.Where(a => a.Actor.Contains(who));
        }
        if (!string.IsNullOrWhiteSpace(q.Kommunenummer))
        {
            // A text that is no kommunenummer matches no entry.
            query = MunicipalityNumber.TryParse(q.Kommunenummer, out var kommune, out _) ? query.Where(a => a.Kommunenummer == kommune) : query.Where(a => false);
        }
        var total = await query.CountAsync();
        if (q.All && q.MaxRows is { } max && total > max)
        {
            return new AuditPage([], total, 1, 1);
        }
        if (q.All)
        {
            return new AuditPage(await query.OrderByDescending(a => a.Id).ToListAsync(), total, 1, 1);
        }
        var pages = Math.Max(1, (total + AuditPageSize - 1) / AuditPageSize);
        var page = Math.Clamp(q.Page, 1, pages);
        var entries = await query.OrderByDescending(a => a.Id).Skip((page - 1) * AuditPageSize).Take(AuditPageSize).ToListAsync();
        return new AuditPage(entries, total, page, pages);
    }

    /// <summary>Staff reading figures that are not published yet leave a trace: who, which year, run and municipality.</summary>
    public async Task RecordRead(Actor actor, SettlementYear year, MunicipalityNumber? kommunenummer, int runId)
    {
        Audit(actor, AuditActions.ReadUnpublished, year, kommunenummer, new { run = runId }, null);
        await db.SaveChangesAsync();
    }
}
