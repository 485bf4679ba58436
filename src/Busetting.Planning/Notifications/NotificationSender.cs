using System.Globalization;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Busetting.Planning;

/// <summary>The SMTP server messages go through (Notifications:Smtp:{Host,Port,From,User,Password,Security}).</summary>
public sealed record SmtpSettings(string Host, int Port, string From, string? User, string? Password, SecureSocketOptions Security)
{
    /// <summary>Null when no host or sender is configured: messages then stay in the outbox.</summary>
    public static SmtpSettings? Read(IConfiguration config)
    {
        var section = config.GetSection("Notifications:Smtp");
        if (string.IsNullOrWhiteSpace(section["Host"]) || string.IsNullOrWhiteSpace(section["From"]))
        {
            return null;
        }
        var settings = new SmtpSettings(section["Host"]!, int.Parse(section["Port"] ?? "25", CultureInfo.InvariantCulture), section["From"]!,
            section["User"] is { Length: > 0 } user ? user : null, section["Password"],
            Enum.Parse<SecureSocketOptions>(section["Security"] ?? nameof(SecureSocketOptions.Auto), ignoreCase: true));
        // A user name and password must never cross the network in clear text: refuse to start rather than send them.
        if (settings.Security == SecureSocketOptions.None && (settings.User is not null || !string.IsNullOrEmpty(settings.Password)))
        {
            throw new InvalidOperationException(
                "Notifications:Smtp:Security is None while Notifications:Smtp:User/Password are set: the credentials would be sent unencrypted. " +
                "Use SslOnConnect (port 465) or StartTls (port 587), or remove the credentials.");
        }
        return settings;
    }
}

/// <summary>
/// Sends the outbox in the background: every due pending message is claimed (optimistic concurrency, so two instances
/// never send the same one), sent over SMTP and marked sent; a failure is recorded with the error and retried with a
/// doubling backoff until Notifications:MaxAttempts, then the message is Failed and shown on /admin/varsler. The same
/// loop writes the deadline reminders and the overdue list (<see cref="ScanDeadlines"/>).
/// </summary>
public sealed class NotificationSender(IDbContextFactory<BusettingDb> contexts, Notifications notifications, TimeProvider clock,
    IConfiguration config, ILogger<NotificationSender> log) : BackgroundService
{
    /// <summary>How long a claimed message is left alone by other senders while this one works on it.</summary>
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    private readonly SemaphoreSlim _gate = new(1, 1);

    public SmtpSettings? Smtp { get; } = SmtpSettings.Read(config);

    public int MaxAttempts => int.Parse(config["Notifications:MaxAttempts"] ?? "5", CultureInfo.InvariantCulture);

    private TimeSpan RetryBase => TimeSpan.FromSeconds(double.Parse(config["Notifications:RetrySeconds"] ?? "30", CultureInfo.InvariantCulture));

    private TimeSpan Poll => TimeSpan.FromSeconds(double.Parse(config["Notifications:PollSeconds"] ?? "10", CultureInfo.InvariantCulture));

    private TimeSpan ScanEvery => TimeSpan.FromMinutes(double.Parse(config["Notifications:ScanMinutes"] ?? "60", CultureInfo.InvariantCulture));

    /// <summary>Days before the decision deadline when case workers of municipalities without a decision are reminded.</summary>
    public IReadOnlyList<int> ReminderDays =>
        (config["Notifications:ReminderDaysBefore"] ?? "14,3").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => int.Parse(d, CultureInfo.InvariantCulture)).Order().ToList();

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (Smtp is null)
        {
            log.LogWarning("Notifications:Smtp is not configured: e-mail notifications stay in the outbox");
        }
        var lastScan = DateTime.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (Now - lastScan >= ScanEvery)
                {
                    lastScan = Now;
                    await ScanDeadlines(stoppingToken);
                }
                await SendDue(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Notification loop failed; trying again at the next poll");
            }
            try
            {
                await Task.Delay(Poll, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>Sends every pending message that is due, once each; returns how many were sent. Does nothing without SMTP settings.</summary>
    public async Task<int> SendDue(CancellationToken cancellationToken = default)
    {
        if (Smtp is not { } smtp)
        {
            return 0;
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var now = Now;
            var due = await db.Outbox.Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now)
                .OrderBy(m => m.Id).Take(100).ToListAsync(cancellationToken);
            var sent = 0;
            using var client = new SmtpClient { Timeout = 15_000 };
            foreach (var message in due)
            {
                // Claim: count the attempt and lease the message before talking to the server.
                message.Attempts++;
                message.NextAttemptAt = Now + Lease;
                message.Version++;
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateConcurrencyException)
                {
                    db.Entry(message).State = EntityState.Detached;
                    continue;
                }
                try
                {
                    if (!client.IsConnected)
                    {
                        await client.ConnectAsync(smtp.Host, smtp.Port, smtp.Security, cancellationToken);
                        if (smtp.User is not null)
                        {
                            await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", cancellationToken);
                        }
                    }
                    await client.SendAsync(Mime(smtp, message), cancellationToken);
                    message.Status = OutboxStatus.Sent;
                    message.SentAt = Now;
                    sent++;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogWarning("Notification {Id} to {To}, attempt {Attempt}: {Error}", message.Id, message.To, message.Attempts, e.Message);
                    message.LastError = Truncate(Inv($"{Ui.Time(Now)}: {e.GetType().Name}: {e.Message}"), FieldLimits.Note);
                    if (message.Attempts >= MaxAttempts)
                    {
                        message.Status = OutboxStatus.Failed;
                    }
                    else
                    {
                        message.NextAttemptAt = Now + RetryBase * Math.Pow(2, message.Attempts - 1);
                    }
                    await Disconnect(client);
                }
                message.Version++;
                await db.SaveChangesAsync(CancellationToken.None);
            }
            await Disconnect(client);
            return sent;
        }
        finally
        {
            _gate.Release();
        }
    }

    private static async Task Disconnect(SmtpClient client)
    {
        try
        {
            if (client.IsConnected)
            {
                await client.DisconnectAsync(true);
            }
        }
        catch (Exception)
        {
            // The connection is being dropped after a failure; nothing more to do with it.
        }
    }

    private static MimeMessage Mime(SmtpSettings smtp, OutboxMessage message)
    {
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(smtp.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        mime.Headers.Add("X-Busetting-Kind", message.Kind);
        mime.MessageId = Inv($"busetting-{message.Id}@{smtp.From.Split('@').Last().Trim('>', ' ')}");
        var body = new TextPart("plain") { Text = message.Body };
        body.Headers.Add("Content-Language", message.Language.CultureName());
        mime.Body = body;
        return mime;
    }

    /// <summary>
    /// Writes the reminders due today (the smallest threshold of <see cref="ReminderDays"/> that the days left fall
    /// under, so a late start sends one reminder, not several) and, once the deadline has passed, the overdue list to
    /// the planners. Each is written once: its dedupe key is checked first and unique in the database.
    /// </summary>
    public async Task<int> ScanDeadlines(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var today = DateOnly.FromDateTime(NorwegianTime.FromUtc(Now));
        var years = await db.Years.AsNoTracking()
            .Where(y => y.DecisionDeadline != null && !y.DecisionsLocked && y.PublishedRunId != null).ToListAsync(cancellationToken);
        var before = db.ChangeTracker.Entries<OutboxMessage>().Count();
        foreach (var year in years)
        {
            var deadline = year.DecisionDeadline!.Value;
            var missing = await Deadlines.Unanswered(db, year.Year);
            if (missing.Count == 0)
            {
                continue;
            }
            var daysLeft = deadline.DayNumber - today.DayNumber;
            if (daysLeft >= 0 && ReminderDays.Where(d => daysLeft <= d).Cast<int?>().Min() is { } threshold)
            {
                foreach (var m in missing)
                {
                    var key = Inv($"reminder:{year.Year}:{m.Kommunenummer}:{deadline:yyyy-MM-dd}:{threshold}");
                    if (!await db.Outbox.AnyAsync(o => o.DedupeKey!.StartsWith(key), cancellationToken))
                    {
                        await notifications.DeadlineReminder(db, year.Year, m.Kommunenummer, deadline, daysLeft, threshold);
                    }
                }
            }
            else if (daysLeft < 0)
            {
                var key = Inv($"overdue:{year.Year}:{deadline:yyyy-MM-dd}");
                if (!await db.Outbox.AnyAsync(o => o.DedupeKey!.StartsWith(key), cancellationToken))
                {
                    await notifications.Overdue(db, year.Year, deadline, missing.Select(m => m.Kommunenummer).ToList());
                }
            }
        }
        var written = db.ChangeTracker.Entries<OutboxMessage>().Count() - before;
        await db.SaveChangesAsync(cancellationToken);
        return written;
    }

    /// <summary>The newest messages, failed first, for the admin page.</summary>
    public async Task<List<OutboxMessage>> List(int take = 200)
    {
        await using var db = await contexts.CreateDbContextAsync();
        return await db.Outbox.AsNoTracking().OrderBy(m => m.Status == OutboxStatus.Failed ? 0 : 1).ThenByDescending(m => m.Id).Take(take).ToListAsync();
    }

    public async Task<Dictionary<OutboxStatus, int>> Counts()
    {
        await using var db = await contexts.CreateDbContextAsync();
        return await db.Outbox.GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
    }

    /// <summary>An administrator sends a failed (or pending) message again: attempts start over, now.</summary>
    public async Task<Result<OutboxMessage>> SendAgain(Actor actor, long id)
    {
        if (!Access.CanAdminister(actor))
        {
            return Error.Forbidden(actor.Language == WrittenStandard.Nn ? "berre administratorane i IMDi sender varsel på nytt" : "bare IMDis administratorer sender varsler på nytt");
        }
        await using var db = await contexts.CreateDbContextAsync();
        var message = await db.Outbox.FirstOrDefaultAsync(m => m.Id == id);
        if (message is null)
        {
            return Error.NotFound("notification", actor.Language == WrittenStandard.Nn ? Inv($"varsel {id} finst ikkje") : Inv($"varsel {id} finnes ikke"));
        }
        if (message.Status == OutboxStatus.Sent)
        {
            return Error.Invalid("notification.sent", actor.Language == WrittenStandard.Nn ? Inv($"varsel {id} er allereie sendt") : Inv($"varsel {id} er allerede sendt"));
        }
        message.Status = OutboxStatus.Pending;
        message.Attempts = 0;
        message.NextAttemptAt = Now;
        message.Version++;
        db.Audit.Add(new AuditEntry
        {
            At = Now, Actor = actor.Name, Role = actor.Role?.Name() ?? "", Action = AuditActions.NotificationResend, Year = message.Year, Kommunenummer = message.Kommunenummer,
            Details = System.Text.Json.JsonSerializer.Serialize(new { message.Id, message.Kind, message.To }),
        });
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Conflict("notification.version", actor.Language == WrittenStandard.Nn ? "varselet vart endra samstundes; last sida på nytt" : "varselet ble endret samtidig; last siden på nytt");
        }
        return message;
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
