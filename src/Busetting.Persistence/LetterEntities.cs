namespace Busetting.Persistence;

/// <summary>
/// A generated letter (PDF) to one municipality. Versions per (year, municipality, kind); an unchanged regeneration
/// adds no version. Sending fills in when, through which channel and the channel's reference.
/// </summary>
public sealed class Letter
{
    public int Id { get; set; }
    public SettlementYear Year { get; set; }
    public MunicipalityNumber Kommunenummer { get; set; }

    /// <summary>Request, Adjusted or Postponement.</summary>
    public LetterKind Kind { get; set; }
    public int Version { get; set; }
    public int RunId { get; set; }

    /// <summary>"nb" or "nn".</summary>
    public WrittenStandard Language { get; set; }
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
    public LetterKind Kind { get; set; }
    public WrittenStandard Language { get; set; }
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
    public SettlementYear Year { get; set; }
    public LetterKind Kind { get; set; }

    /// <summary>The planner's reason printed in adjusted letters and postponements, in Bokmål (on jobs queued before both
    /// forms were asked for, <see cref="ReasonNn"/> null: the one text in whatever form it was written).</summary>
    public string? Reason { get; set; }

    /// <summary>The same reason in Nynorsk; null on jobs queued before both forms were asked for, and for request letters.</summary>
    public string? ReasonNn { get; set; }

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
    public MunicipalityNumber Kommunenummer { get; set; }
    public WrittenStandard Language { get; set; }
    public string By { get; set; } = "";
    public DateTime At { get; set; }
}
