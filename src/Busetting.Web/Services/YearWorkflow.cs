using Busetting.Persistence;

namespace Busetting.Web.Services;

/// <summary>
/// The planning year's steps: Draft → Consultation → Approved → Published; a new need after publication makes it
/// Revised (n), which goes through consultation and approval again. Consultation and Approved may step back.
/// </summary>
public static class YearWorkflow
{
    public static bool Allowed(YearStatus from, YearStatus to) => (from, to) switch
    {
        (YearStatus.Draft, YearStatus.Consultation) => true,
        (YearStatus.Revised, YearStatus.Consultation) => true,
        (YearStatus.Consultation, YearStatus.Draft) => true,
        (YearStatus.Consultation, YearStatus.Approved) => true,
        (YearStatus.Approved, YearStatus.Consultation) => true,
        (YearStatus.Approved, YearStatus.Published) => true,
        (YearStatus.Published, YearStatus.Revised) => true,
        _ => false,
    };

    public static IReadOnlyList<YearStatus> Next(YearStatus from) =>
        Enum.GetValues<YearStatus>().Where(to => Allowed(from, to)).ToList();

    /// <summary>Municipalities may register decisions once the requests are published, until IMDi locks the year.</summary>
    public static bool AcceptsDecisions(PlanningYear year) => year.PublishedRunId is not null && !year.DecisionsLocked;
}
