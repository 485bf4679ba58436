namespace Busetting.Persistence;

public enum OutboxStatus
{
    /// <summary>Waiting to be sent (first try, or a retry after a failure).</summary>
    Pending,
    Sent,

    /// <summary>Every attempt failed; stays visible on the admin page until someone sends it again.</summary>
    Failed,
}

/// <summary>
/// One e-mail notification, written in the same transaction as the change that causes it (so a rolled-back change
/// sends nothing and a committed one is never lost), and sent later by the background sender with retries.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }

    /// <summary>What caused it: consultation, proposal, letter, decision, reminder, overdue.</summary>
    public string Kind { get; set; } = "";
    public string To { get; set; } = "";

    /// <summary>"nb" or "nn": the recipient's written standard.</summary>
    public WrittenStandard Language { get; set; }
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    public SettlementYear? Year { get; set; }
    public MunicipalityNumber? Kommunenummer { get; set; }

    /// <summary>Makes a scheduled message (reminder, overdue list) unique: the scan may run often, it is written once.</summary>
    public string? DedupeKey { get; set; }
    public OutboxStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>Not before this time: the backoff after a failure, or the lease while one sender works on it.</summary>
    public DateTime NextAttemptAt { get; set; }
    public DateTime? SentAt { get; set; }
    public string? LastError { get; set; }

    /// <summary>Optimistic concurrency: two senders never both claim one message.</summary>
    public int Version { get; set; }
}

/// <summary>
/// Who the year's letters name as contact and who signs them. Absent fields are left out of the letter (never
/// invented); without a row the letters use the configured contact line (Letters:Contact).
/// </summary>
public sealed class LetterContact
{
    public SettlementYear Year { get; set; }
    public string? ContactName { get; set; }
    public string? ContactPhone { get; set; }
    public string? ContactEmail { get; set; }
    public string? SignerName { get; set; }
    public string? SignerTitle { get; set; }
    public string By { get; set; } = "";
    public DateTime At { get; set; }
}
