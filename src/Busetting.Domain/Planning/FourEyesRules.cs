using Busetting.Domain.Errors;

namespace Busetting.Domain.Planning;

/// <summary>A user's stable identity (the account id, or the name for accounts without one); two people never share one.</summary>
public readonly record struct UserId(string Value)
{
    public override string ToString() => Value;
}

/// <summary>
/// Four eyes (ADR 0012): approval and publication are asked for by one IMDi person and confirmed by another, against
/// the year exactly as it was when asked.
/// </summary>
public static class FourEyesRules
{
    /// <summary>Approval and publication need a second person; every other step is taken by one.</summary>
    public static bool NeedsSecondPerson(YearStatus to) => to is YearStatus.Approved or YearStatus.Published;

    /// <summary>Only approval and publication are asked for; other steps are taken directly.</summary>
    public static Error? CheckRequestable(YearStatus to) =>
        NeedsSecondPerson(to) ? null : Error.Invalid("step.to", "only approval and publication need a second person") with
        {
            Values = new Dictionary<string, object> { ["to"] = to },
        };

    /// <summary>With four eyes on, approval and publication cannot be taken directly: they are asked for and confirmed.</summary>
    public static Error? CheckDirectStep(bool fourEyes, YearStatus to) =>
        !fourEyes || !NeedsSecondPerson(to) ? null : Error.Invalid("year.four-eyes", $"{to} needs a second IMDi person: ask, and another confirms") with
        {
            Values = new Dictionary<string, object> { ["to"] = to },
        };

    /// <summary>The person who asked for a step never confirms it.</summary>
    public static Error? CheckConfirmer(UserId requester, UserId confirmer, YearStatus to) =>
        requester != confirmer ? null : Error.Forbidden($"you asked for {to} yourself; another IMDi person must confirm") with
        {
            Values = new Dictionary<string, object> { ["to"] = to },
        };

    /// <summary>A request is confirmed only while open and at the version the confirmer saw.</summary>
    public static Error? CheckStillOpen(bool open, int version, int expectedVersion, string? closedBy) =>
        open && version == expectedVersion ? null : Error.Conflict("step.version", $"the request was already handled ({closedBy}); reload") with
        {
            Values = new Dictionary<string, object> { ["closedBy"] = closedBy ?? "" },
        };

    /// <summary>
    /// A stale request is refused: the year changed since it was asked (or is gone), or — for approval — a newer run
    /// exists than the one the requester saw.
    /// </summary>
    /// <param name="yearVersion">The year's version now; null when the year no longer exists.</param>
    public static Error? CheckNotStale(int? yearVersion, int askedYearVersion, YearStatus to, int? newestRunId, int? askedRunId, string requestedBy) =>
        yearVersion == askedYearVersion && !(to == YearStatus.Approved && newestRunId != askedRunId) ? null
            : Error.Conflict("step.stale", $"the year changed after {requestedBy} asked for {to}; ask again") with
            {
                Values = new Dictionary<string, object> { ["requestedBy"] = requestedBy, ["to"] = to },
            };
}
