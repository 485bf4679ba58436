using System.Globalization;
using Busetting.Domain.Errors;
using Busetting.Domain.Primitives;

namespace Busetting.Domain.Planning;

/// <summary>
/// The planning year's steps: Draft → Consultation → Approved → Published; a new need after publication makes it
/// Revised (n), which goes through consultation and approval again. Consultation and Approved may step back.
/// Errors carry their facts in <see cref="Error.Values"/>; the text layer (ErrorTexts) says them in Bokmål or Nynorsk.
/// </summary>
public static class PlanningYearRules
{
    /// <summary>A year moves only along the workflow's arrows (see the class summary); every other step is refused.</summary>
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

    /// <summary>The steps a year in <paramref name="from"/> may take, in the order of <see cref="YearStatus"/>.</summary>
    public static IReadOnlyList<YearStatus> Next(YearStatus from) =>
        Enum.GetValues<YearStatus>().Where(to => Allowed(from, to)).ToList();

    /// <summary>A step off the workflow's arrows is refused, naming both statuses.</summary>
    public static Error? CheckStep(YearStatus from, YearStatus to) =>
        Allowed(from, to) ? null : Error.Invalid("year.status", $"a year in status {from} cannot move to {to}") with
        {
            Values = new Dictionary<string, object> { ["from"] = from, ["to"] = to },
        };

    /// <summary>
    /// A run to send on consultation exists: any run before a first publication; after it (a revision), only a run
    /// newer than the published one — the published run itself is not a revision.
    /// </summary>
    public static bool HasRunToConsult(int? newestRunId, int? publishedRunId) =>
        newestRunId is { } newest && (publishedRunId is not { } published || newest > published);

    /// <summary>
    /// Approval asked for or confirmed while the consultation is still open (on or before its deadline day): the
    /// counties and KS may still send proposals, so the step warns; null when there is nothing to warn about.
    /// </summary>
    public static DateOnly? ApprovalBeforeDeadline(YearStatus to, YearStatus from, DateOnly? deadline, DateOnly today) =>
        to == YearStatus.Approved && from == YearStatus.Consultation && deadline is { } d && today <= d ? d : null;

    /// <summary>A year goes on consultation only with a run to comment on and a deadline of today or later (Norwegian date).</summary>
    /// <param name="revision">The year has been published before: the run must be a revision run (<see cref="HasRunToConsult"/>).</param>
    public static Error? CheckConsultation(bool hasRun, DateOnly? deadline, DateOnly today, bool revision = false)
    {
        if (!hasRun)
        {
            return Error.Invalid("year.status", revision
                ? "run a revision allocation before the revision goes on consultation"
                : "run an allocation before the year goes on consultation") with
            {
                Values = new Dictionary<string, object> { ["runs"] = 0, ["revision"] = revision },
            };
        }
        if (deadline is not { } d)
        {
            return Error.Invalid("year.consultationDeadline", "set the consultation deadline: the last day counties and KS may send proposals") with
            {
                Values = new Dictionary<string, object> { ["required"] = true },
            };
        }
        return CheckDeadlineNotPast(d, today);
    }

    /// <summary>A consultation deadline lies today or later (Norwegian date); a past one is refused, naming today.</summary>
    public static Error? CheckDeadlineNotPast(DateOnly deadline, DateOnly today) =>
        deadline >= today ? null : Error.Invalid("year.consultationDeadline",
            string.Create(CultureInfo.InvariantCulture, $"consultation deadline {deadline:yyyy-MM-dd} lies in the past; choose {today:yyyy-MM-dd} or later")) with
        {
            Values = new Dictionary<string, object> { ["deadline"] = deadline, ["today"] = today },
        };

    /// <summary>Municipalities may register decisions once the requests are published, until IMDi locks the year.</summary>
    public static bool AcceptsDecisions(bool published, bool locked) => published && !locked;

    /// <summary>A decision is refused before publication and after the lock, saying which of the two holds.</summary>
    public static Error? CheckAcceptsDecisions(SettlementYear year, bool published, bool locked) =>
        AcceptsDecisions(published, locked) ? null : Error.Invalid("decision.closed", locked
            ? $"{year} is locked; decisions can no longer be changed"
            : $"the requests for {year} are not published yet") with
        {
            Values = new Dictionary<string, object> { ["year"] = year.Value, ["locked"] = locked },
        };

    /// <summary>Proposals are taken while the year is on consultation, until the end of the deadline day (Norwegian date).</summary>
    public static bool ConsultationOpen(YearStatus status, DateOnly? deadline, DateOnly today) =>
        status == YearStatus.Consultation && (deadline is not { } d || today <= d);

    /// <summary>A proposal is refused unless the year is on consultation, and after the consultation deadline.</summary>
    public static Error? CheckTakesProposals(SettlementYear year, YearStatus status, DateOnly? deadline, DateOnly today)
    {
        if (status != YearStatus.Consultation)
        {
            return Error.Invalid("proposal.status", $"proposals are taken while {year} is on consultation; the year is {status}") with
            {
                Values = new Dictionary<string, object> { ["year"] = year.Value, ["status"] = status },
            };
        }
        return ConsultationOpen(status, deadline, today) ? null : Error.Invalid("proposal.deadline",
            string.Create(CultureInfo.InvariantCulture, $"the consultation deadline was {deadline:yyyy-MM-dd}; no proposals after it unless IMDi reopens consultation")) with
        {
            Values = new Dictionary<string, object> { ["deadline"] = deadline!.Value },
        };
    }

    /// <summary>A year is being revised from its first revision step until the revised requests are published again.</summary>
    public static bool BeingRevised(YearStatus status, bool published) => published && status != YearStatus.Published;
}
