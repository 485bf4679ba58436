namespace Busetting.Planning;

/// <summary>The run a reader may see, and the trace a read of unpublished figures leaves.</summary>
public sealed partial class RunHandler
{
    /// <summary>The run whose numbers the actor may see: IMDi, counties and KS the newest; municipalities and the public the published one.</summary>
    public async Task<AllocationRun?> VisibleRun(Actor actor, SettlementYear year)
    {
        if (await VisibleRunId(actor, year) is not { } id)
        {
            return null;
        }
        await RecordIfUnpublished(actor, year, null, id);
        return await Run(id);
    }

    /// <summary>One municipality's line of the visible run, without loading the other 356 lines and their explanations.</summary>
    public async Task<(AllocationRun Run, RunLine? Line)?> VisibleLine(Actor actor, SettlementYear year, MunicipalityNumber kommunenummer)
    {
        if (await VisibleRunId(actor, year) is not { } id)
        {
            return null;
        }
        var run = await db.Runs.AsNoTracking().FirstAsync(r => r.Id == id);
        var line = await db.RunLines.AsNoTracking().FirstOrDefaultAsync(l => l.RunId == id && l.Kommunenummer == kommunenummer);
        await RecordIfUnpublished(actor, year, kommunenummer, id);
        return (run, line);
    }

    /// <summary>Records the read when the run shown is not the year's published one (see <see cref="AuditHandler.RecordRead"/>).</summary>
    public async Task RecordIfUnpublished(Actor actor, SettlementYear year, MunicipalityNumber? kommunenummer, int runId)
    {
        if (actor.IsSignedIn && await db.Years.AsNoTracking().Where(y => y.Year == year).Select(y => y.PublishedRunId).FirstOrDefaultAsync() != runId)
        {
            await auditTrail.RecordRead(actor, year, kommunenummer, runId);
        }
    }

    private async Task<int?> VisibleRunId(Actor actor, SettlementYear year)
    {
        var planningYear = await Year(year);
        if (planningYear is null)
        {
            return null;
        }
        return Access.CanSeePlanning(actor)
            ? await db.Runs.Where(r => r.Year == year).MaxAsync(r => (int?)r.Id)
            : planningYear.PublishedRunId;
    }
}
