namespace Busetting.Persistence;

/// <summary>One settlement year's planning: status, revision, deadline, and which allocation run is approved and published.</summary>
public sealed class PlanningYear
{
    public SettlementYear Year { get; set; }
    public YearStatus Status { get; set; }

    /// <summary>0 for the first publication; n after the n-th revision.</summary>
    public int Revision { get; set; }
    public DateOnly? DecisionDeadline { get; set; }

    /// <summary>The last day counties and KS may send proposals; set by IMDi when consultation opens, moved to reopen.</summary>
    public DateOnly? ConsultationDeadline { get; set; }

    /// <summary>When IMDi locks the year, municipalities can no longer correct their decisions.</summary>
    public bool DecisionsLocked { get; set; }
    public int? ApprovedRunId { get; set; }
    public int? PublishedRunId { get; set; }

    /// <summary>Optimistic concurrency: incremented on every change.</summary>
    public int Version { get; set; }
}

/// <summary>A status step of a planning year (append-only).</summary>
public sealed class YearStatusChange
{
    public long Id { get; set; }
    public SettlementYear Year { get; set; }
    public YearStatus From { get; set; }
    public YearStatus To { get; set; }
    public int Revision { get; set; }
    public string By { get; set; } = "";
    public DateTime At { get; set; }
    public string? Reason { get; set; }
}

public enum StepRequestStatus
{
    Open,
    Confirmed,
    Withdrawn,
    Declined,
}

/// <summary>
/// Four eyes: a planner asks for a planning year to be approved or published, and a second IMDi person confirms it.
/// The request names the year's version (and for approval the run) it was made against; any change since makes it stale.
/// </summary>
public sealed class StepRequest
{
    public int Id { get; set; }
    public SettlementYear Year { get; set; }

    /// <summary>Approved or Published.</summary>
    public YearStatus To { get; set; }

    /// <summary>The run to approve (approval only).</summary>
    public int? RunId { get; set; }
    public int YearVersion { get; set; }
    public string? Reason { get; set; }
    public string RequestedBy { get; set; } = "";
    public string RequestedByUserId { get; set; } = "";
    public DateTime RequestedAt { get; set; }
    public StepRequestStatus Status { get; set; }
    public string? ClosedBy { get; set; }
    public DateTime? ClosedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>The national need as decided at one time (append-only; the highest number is current).</summary>
public sealed class NeedEntry
{
    public int Id { get; set; }
    public SettlementYear Year { get; set; }
    public int Number { get; set; }
    public int Persons { get; set; }
    public int Em { get; set; }

    /// <summary>The forecast inputs as JSON when the need was computed from a forecast; null when entered directly.</summary>
    public string? ForecastJson { get; set; }
    public string Reason { get; set; } = "";
    public string By { get; set; } = "";
    public DateTime At { get; set; }
}

/// <summary>A version of a year's criteria set (append-only; the highest number is current).</summary>
public sealed class CriteriaEntry
{
    public int Id { get; set; }
    public SettlementYear Year { get; set; }
    public int Number { get; set; }

    /// <summary>The criteria set in the same JSON format as data/criteria/&lt;year&gt;.json.</summary>
    public string Json { get; set; } = "";
    public string Reason { get; set; } = "";
    public string By { get; set; } = "";
    public DateTime At { get; set; }
}
