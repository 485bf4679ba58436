using Microsoft.AspNetCore.Identity;

namespace Busetting.Persistence;

public enum ProposalStatus
{
    Open,
    Accepted,
    Rejected,
    Withdrawn,
}

/// <summary>A user: IMDi staff, a county or KS reviewer, or a municipal case worker bound to one municipality.</summary>
public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>The one municipality a case worker may see and change (4 digits); null for every other role.</summary>
    public string? Kommunenummer { get; set; }

    /// <summary>The county a county reviewer works for (2 digits); null for every other role.</summary>
    public string? Fylkesnummer { get; set; }

    /// <summary>"nb" or "nn"; null = the municipality's official language form, else Bokmål.</summary>
    public string? Language { get; set; }
}

/// <summary>One settlement year's planning: status, revision, deadline, and which allocation run is approved and published.</summary>
public sealed class PlanningYear
{
    public int Year { get; set; }
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
    public int Year { get; set; }
    public YearStatus From { get; set; }
    public YearStatus To { get; set; }
    public int Revision { get; set; }
    public string By { get; set; } = "";
    public DateTime At { get; set; }
    public string? Reason { get; set; }
}

/// <summary>The national need as decided at one time (append-only; the highest number is current).</summary>
public sealed class NeedEntry
{
    public int Id { get; set; }
    public int Year { get; set; }
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
    public int Year { get; set; }
    public int Number { get; set; }

    /// <summary>The criteria set in the same JSON format as data/criteria/&lt;year&gt;.json.</summary>
    public string Json { get; set; } = "";
    public string Reason { get; set; } = "";
    public string By { get; set; } = "";
    public DateTime At { get; set; }
}

/// <summary>A persisted allocation run: its inputs (need, criteria version, agreed changes), the solver, and every municipality's result.</summary>
public sealed class AllocationRun
{
    public int Id { get; set; }
    public int Year { get; set; }
    public int NeedEntryId { get; set; }
    public int CriteriaEntryId { get; set; }
    public int Persons { get; set; }
    public int Em { get; set; }
    public int PlanNeed { get; set; }

    /// <summary>The agreed changes applied as fixed numbers, as JSON [{kommunenummer, persons, reason, proposalId}].</summary>
    public string AgreedChangesJson { get; set; } = "[]";

    /// <summary>A revision's mode and the reference numbers it used (published requests, council decisions), as JSON; null otherwise.</summary>
    public string? RevisionJson { get; set; }
    public string WarningsJson { get; set; } = "[]";
    public string Solver { get; set; } = "";
    public string SolverDetail { get; set; } = "";
    public double ElapsedMs { get; set; }

    /// <summary>SHA-256 of the ordered results; a re-run with the same inputs must give the same hash.</summary>
    public string ResultHash { get; set; } = "";
    public string? Label { get; set; }
    public string By { get; set; } = "";
    public DateTime At { get; set; }
    public List<RunLine> Lines { get; set; } = [];
}

/// <summary>One municipality's result in a run, with its explanation as JSON.</summary>
public sealed class RunLine
{
    public int RunId { get; set; }
    public string Kommunenummer { get; set; } = "";
    public int Requested { get; set; }
    public int RequestedEm { get; set; }
    public int PlanNextYear { get; set; }
    public string ExplanationJson { get; set; } = "";
}

/// <summary>
/// A reviewer's proposed change to one municipality's number, and the planner's answer. A county's package changes
/// several municipalities at once: its lines share <see cref="PackageId"/> (the first line's id) and are answered,
/// withdrawn and versioned together, so status, reason and answer are the same on every line of a package.
/// </summary>
public sealed class Proposal
{
    public int Id { get; set; }
    public int Year { get; set; }
    public int RunId { get; set; }

    /// <summary>The package this line belongs to (its first line's id); null on proposals made before packages.</summary>
    public int? PackageId { get; set; }

    /// <summary>The package's key: <see cref="PackageId"/>, or the line's own id for a proposal made before packages.</summary>
    public int Package => PackageId ?? Id;
    public string Kommunenummer { get; set; } = "";

    /// <summary>The number in the run the reviewer looked at.</summary>
    public int FromPersons { get; set; }
    public int ProposedPersons { get; set; }

    /// <summary>The EM number in the run the reviewer looked at; null when the line does not change EM.</summary>
    public int? FromEm { get; set; }

    /// <summary>The proposed number of unaccompanied minors (part of <see cref="ProposedPersons"/>); null = EM not changed.</summary>
    public int? ProposedEm { get; set; }

    /// <summary>Internal dialogue text: never shown on public pages or in letters.</summary>
    public string Reason { get; set; } = "";

    /// <summary>
    /// The justification the public and the letters see: a county may suggest it, IMDi writes or approves it when
    /// accepting. Accepted lines carry it into the run as the agreed change's reason (AllocationRun.AgreedChangesJson).
    /// </summary>
    public string? PublicJustification { get; set; }
    public string By { get; set; } = "";

    /// <summary>The author's user id (who may withdraw the package while it is open); null on older proposals.</summary>
    public string? ByUserId { get; set; }
    public string ByRole { get; set; } = "";
    public DateTime At { get; set; }
    public ProposalStatus Status { get; set; }
    public string? DecidedBy { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? DecisionNote { get; set; }
    public int Version { get; set; }
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
    public int Year { get; set; }

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

/// <summary>A reviewer's comment on a year or on one municipality (append-only).</summary>
public sealed class Comment
{
    public long Id { get; set; }
    public int Year { get; set; }
    public string? Kommunenummer { get; set; }
    public string Text { get; set; } = "";
    public string By { get; set; } = "";
    public string ByRole { get; set; } = "";
    public DateTime At { get; set; }
}

/// <summary>
/// A municipal council's decision (vedtak), one row per version: a correction adds version n+1, nothing is overwritten.
/// The unique (year, municipality, version) index makes two simultaneous corrections of the same version conflict.
/// </summary>
public sealed class Decision
{
    public int Id { get; set; }
    public int Year { get; set; }
    public string Kommunenummer { get; set; } = "";
    public int Version { get; set; }
    public int Persons { get; set; }
    public int Em { get; set; }
    public DateOnly DecisionDate { get; set; }

    /// <summary>How many more the municipality could take if the need rises; null = not answered.</summary>
    public int? AdditionalCapacity { get; set; }
    public string? Note { get; set; }
    public int? DocumentId { get; set; }
    public string By { get; set; } = "";
    public DateTime At { get; set; }
}

/// <summary>The council decision as a PDF (type and size checked before it is stored).</summary>
public sealed class DecisionDocument
{
    public int Id { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "application/pdf";
    public long Size { get; set; }
    public string Sha256 { get; set; } = "";
    public byte[] Content { get; set; } = [];
}

/// <summary>Append-only audit trail: who did what, when and why. Never updated or deleted (enforced in <see cref="BusettingDb"/>).</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public string Actor { get; set; } = "";
    public string Role { get; set; } = "";
    public string Action { get; set; } = "";
    public int? Year { get; set; }
    public string? Kommunenummer { get; set; }
    public string Details { get; set; } = "";
    public string? Reason { get; set; }
}

/// <summary>
/// A generated letter (PDF) to one municipality. Versions per (year, municipality, kind); an unchanged regeneration
/// adds no version. Sending fills in when, through which channel and the channel's reference.
/// </summary>
public sealed class Letter
{
    public int Id { get; set; }
    public int Year { get; set; }
    public string Kommunenummer { get; set; } = "";

    /// <summary>Request, Adjusted or Postponement.</summary>
    public string Kind { get; set; } = "";
    public int Version { get; set; }
    public int RunId { get; set; }

    /// <summary>"nb" or "nn".</summary>
    public string Language { get; set; } = "";
    public int? TemplateEntryId { get; set; }
    public string Reference { get; set; } = "";

    /// <summary>SHA-256 of the PDF bytes.</summary>
    public string ContentHash { get; set; } = "";
    public byte[] Pdf { get; set; } = [];
    public int Requested { get; set; }
    public int RequestedEm { get; set; }
    public string By { get; set; } = "";
    public DateTime At { get; set; }
    public DateTime? SentAt { get; set; }
    public string? Channel { get; set; }
    public string? ChannelReference { get; set; }
}

/// <summary>An edited letter template (append-only; the highest number per kind and language is current).</summary>
public sealed class LetterTemplateEntry
{
    public int Id { get; set; }
    public string Kind { get; set; } = "";
    public string Language { get; set; } = "";
    public int Number { get; set; }
    public string Text { get; set; } = "";
    public string By { get; set; } = "";
    public DateTime At { get; set; }
}

public enum JobStatus
{
    Queued,
    Running,
    Done,
    Failed,
}

/// <summary>A batch of letters being generated in the background; the progress view reads this row.</summary>
public sealed class LetterJob
{
    public int Id { get; set; }
    public int Year { get; set; }
    public string Kind { get; set; } = "";
    public string? Reason { get; set; }

    /// <summary>The new decision deadline an adjusted batch sets; null for other kinds.</summary>
    public DateOnly? Deadline { get; set; }
    public JobStatus Status { get; set; }
    public int Total { get; set; }
    public int Done { get; set; }
    public int Created { get; set; }
    public int Unchanged { get; set; }
    public int Skipped { get; set; }
    public string? Message { get; set; }
    public string By { get; set; } = "";
    public DateTime At { get; set; }
    public DateTime? FinishedAt { get; set; }

    /// <summary>Touched every few seconds by the instance that queued or runs the job; a stale one means that process died.</summary>
    public DateTime? HeartbeatAt { get; set; }
}

/// <summary>Which written standard a municipality's letters use, when IMDi overrides its official language form.</summary>
public sealed class MunicipalityLetterLanguage
{
    public string Kommunenummer { get; set; } = "";
    public string Language { get; set; } = "";
    public string By { get; set; } = "";
    public DateTime At { get; set; }
}
