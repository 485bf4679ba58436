namespace Busetting.Planning;

/// <summary>The planning year's steps (<see cref="PlanningYearRules"/>), read off a stored year.</summary>
public static class YearWorkflow
{
    public static bool Allowed(YearStatus from, YearStatus to) => PlanningYearRules.Allowed(from, to);

    public static IReadOnlyList<YearStatus> Next(YearStatus from) => PlanningYearRules.Next(from);

    /// <summary>Municipalities may register decisions once the requests are published, until IMDi locks the year.</summary>
    public static bool AcceptsDecisions(PlanningYear year) => PlanningYearRules.AcceptsDecisions(year.PublishedRunId is not null, year.DecisionsLocked);

    /// <summary>The year has a run to send on consultation: after a publication only a revision run (newer than the published one).</summary>
    public static bool HasRunToConsult(PlanningYear year, int? newestRunId) => PlanningYearRules.HasRunToConsult(newestRunId, year.PublishedRunId);
}
