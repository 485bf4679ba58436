namespace Busetting.Persistence;

public enum ProposalStatus
{
    Open,
    Accepted,
    Rejected,
    Withdrawn,
}

/// <summary>
/// A reviewer's proposed change to one municipality's number, and the planner's answer. A county's package changes
/// several municipalities at once: its lines share <see cref="PackageId"/> (the first line's id) and are answered,
/// withdrawn and versioned together, so status, reason and answer are the same on every line of a package.
/// </summary>
public sealed class Proposal
{
    public int Id { get; set; }
    public SettlementYear Year { get; set; }
    public int RunId { get; set; }

    /// <summary>The package this line belongs to (its first line's id); null on proposals made before packages.</summary>
    public int? PackageId { get; set; }

    /// <summary>The package's key: <see cref="PackageId"/>, or the line's own id for a proposal made before packages.</summary>
    public int Package => PackageId ?? Id;
    public MunicipalityNumber Kommunenummer { get; set; }

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
    /// The justification the public and the letters see, in Bokmål: a county may suggest it, IMDi writes or approves it
    /// in both written standards when accepting. Accepted lines carry it into the run as the agreed change's reason
    /// (AllocationRun.AgreedChangesJson). On a line accepted before both forms were asked for
    /// (<see cref="PublicJustificationNn"/> null) it is the one text in whatever form its author wrote.
    /// </summary>
    public string? PublicJustification { get; set; }

    /// <summary>The public justification in Nynorsk; null on lines accepted before both forms were asked for.</summary>
    public string? PublicJustificationNn { get; set; }
    public string By { get; set; } = "";

    /// <summary>The author's user id (who may withdraw the package while it is open); null on older proposals.</summary>
    public string? ByUserId { get; set; }
    public Role ByRole { get; set; }
    public DateTime At { get; set; }
    public ProposalStatus Status { get; set; }
    public string? DecidedBy { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? DecisionNote { get; set; }
    public int Version { get; set; }
}

/// <summary>A reviewer's comment on a year or on one municipality (append-only).</summary>
public sealed class Comment
{
    public long Id { get; set; }
    public SettlementYear Year { get; set; }
    public MunicipalityNumber? Kommunenummer { get; set; }
    public string Text { get; set; } = "";
    public string By { get; set; } = "";
    public Role ByRole { get; set; }
    public DateTime At { get; set; }
}

/// <summary>
/// One wording of an accepted package's public justification (append-only): the wording it was accepted with is
/// number 1, each correction after acceptance the next. The package's lines carry the newest.
/// </summary>
public sealed class JustificationVersion
{
    public long Id { get; set; }
    public SettlementYear Year { get; set; }

    /// <summary>The package's key (its first line's id).</summary>
    public int PackageId { get; set; }
    public int Number { get; set; }

    /// <summary>The Bokmål form (or, for wording accepted before both forms were asked for, the one text).</summary>
    public string Nb { get; set; } = "";
    public string? Nn { get; set; }

    /// <summary>Why the wording was corrected; null for the wording the package was accepted with.</summary>
    public string? Reason { get; set; }
    public string By { get; set; } = "";
    public DateTime At { get; set; }
}
