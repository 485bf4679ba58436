namespace Busetting.Planning;

/// <summary>Revision history in public: every publication of a year, original first.</summary>
public sealed class PublicationHandler(PlanningDependencies dependencies) : PlanningHandler(dependencies)
{
    /// <summary>One publication of a year's requests.</summary>
    /// <param name="Revision">0 for the original publication, n for the n-th revision.</param>
    /// <param name="At">When it was published; null when the status history does not say.</param>
    public sealed record Publication(int Revision, int RunId, DateTime? At);

    /// <summary>
    /// The year's publications, oldest first. A revision run names the published run it revised
    /// (<see cref="StoredRevision.BaseRunId"/>), so the chain back from the current publication is the history; the
    /// dates are the status steps to Published, in order.
    /// </summary>
    public async Task<List<Publication>> Publications(SettlementYear year)
    {
        var current = await db.Years.AsNoTracking().Where(y => y.Year == year).Select(y => y.PublishedRunId).FirstOrDefaultAsync();
        if (current is not { } id)
        {
            return [];
        }
        var chain = new List<int> { id };
        while (await db.Runs.AsNoTracking().Where(r => r.Id == id).Select(r => r.RevisionJson).FirstOrDefaultAsync() is { } json
            && StoredRun.Revision(json) is { } revision && !chain.Contains(revision.BaseRunId))
        {
            id = revision.BaseRunId;
            chain.Add(id);
        }
        chain.Reverse();
        var dates = await db.YearStatusChanges.AsNoTracking().Where(c => c.Year == year && c.To == YearStatus.Published).OrderBy(c => c.Id).Select(c => c.At).ToListAsync();
        var matched = dates.Count >= chain.Count ? dates.Skip(dates.Count - chain.Count).ToList() : null;
        return chain.Select((run, i) => new Publication(i, run, matched?[i])).ToList();
    }

    /// <summary>Each publication's requested persons and EM per municipality (all, or one).</summary>
    public async Task<Dictionary<int, Dictionary<MunicipalityNumber, (int Requested, int Em)>>> PublishedLines(IReadOnlyList<Publication> publications, MunicipalityNumber? kommunenummer = null)
    {
        var runs = publications.Select(p => p.RunId).ToList();
        var published = db.RunLines.AsNoTracking().Where(l => runs.Contains(l.RunId));
        if (kommunenummer is { } number)
        {
            published = published.Where(l => l.Kommunenummer == number);
        }
        var lines = await published
            .Select(l => new { l.RunId, l.Kommunenummer, l.Requested, l.RequestedEm }).ToListAsync();
        return runs.ToDictionary(r => r, r => lines.Where(l => l.RunId == r).ToDictionary(l => l.Kommunenummer, l => (l.Requested, l.RequestedEm)));
    }

    /// <summary>A published year whose requests are being revised: a revision is started and not yet published.</summary>
    public static bool BeingRevised(PlanningYear year) => PlanningYearRules.BeingRevised(year.Status, year.PublishedRunId is not null);
}
