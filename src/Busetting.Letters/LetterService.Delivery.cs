using System.Globalization;
using System.IO.Compression;

namespace Busetting.Letters;

/// <summary>Letter delivery: listing, the ZIP of a batch and sending through a channel.</summary>
public sealed partial class LetterService
{
    public Task<List<Letter>> List(SettlementYear year, MunicipalityNumber? kommunenummer = null)
    {
        var letters = db.Letters.AsNoTracking().Where(l => l.Year == year);
        if (kommunenummer is { } number)
        {
            letters = letters.Where(l => l.Kommunenummer == number);
        }
        return letters
            .OrderBy(l => l.Kommunenummer).ThenBy(l => l.Kind).ThenByDescending(l => l.Version)
            .Select(l => new Letter
            {
                Id = l.Id, Year = l.Year, Kommunenummer = l.Kommunenummer, Kind = l.Kind, Version = l.Version, RunId = l.RunId, Language = l.Language,
                Reference = l.Reference, ContentHash = l.ContentHash, Requested = l.Requested, RequestedEm = l.RequestedEm, By = l.By, At = l.At,
                SentAt = l.SentAt, Channel = l.Channel, ChannelReference = l.ChannelReference,
            })
            .ToListAsync();
    }

    public Task<Letter?> Find(int id) => db.Letters.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id);

    /// <summary>The newest version of every letter of a kind, as a ZIP of PDFs.</summary>
    public async Task<byte[]> Zip(SettlementYear year, LetterKind kind) =>
        await Zip(await db.Letters.AsNoTracking().Where(l => l.Year == year && l.Kind == kind).ToListAsync());

    /// <summary>The newest version of each municipality's letter among these, as a ZIP of PDFs (none: an empty ZIP).</summary>
    public async Task<byte[]> Zip(IReadOnlyList<Letter> letters)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var letter in letters.GroupBy(l => l.Kommunenummer).Select(g => g.MaxBy(l => l.Version)!).OrderBy(l => l.Kommunenummer))
            {
                var name = reference.Find(letter.Kommunenummer)?.Name ?? "";
                var entry = zip.CreateEntry(FileName(letter, name), CompressionLevel.Fastest);
                entry.LastWriteTime = new DateTimeOffset(letter.At, TimeSpan.Zero);
                await using var stream = entry.Open();
                await stream.WriteAsync(letter.Pdf);
            }
        }
        return memory.ToArray();
    }

    public static string FileName(Letter letter, string municipalityName) =>
        string.Create(CultureInfo.InvariantCulture, $"{letter.Year}-{letter.Kommunenummer}-{Slug(municipalityName)}-{KindInFileName(letter.Kind, letter.Language.Code())}-v{letter.Version}.pdf");

    /// <summary>The letter kind as a file name says it, in the letter's own written standard ("oppmoding", "justert-anmodning").</summary>
    public static string KindInFileName(LetterKind kind, string language) => (kind, WrittenStandards.NynorskOrBokmal(language)) switch
    {
        (LetterKind.Request, WrittenStandard.Nn) => "oppmoding",
        (LetterKind.Request, _) => "anmodning",
        (LetterKind.Adjusted, WrittenStandard.Nn) => "justert-oppmoding",
        (LetterKind.Adjusted, _) => "justert-anmodning",
        (LetterKind.Postponement, WrittenStandard.Nn) => "utsetjing",
        _ => "utsettelse",
    };

    /// <summary>The year exists and letters of <paramref name="kind"/> may be sent now (<see cref="LetterBatchRules.CheckSend"/>).</summary>
    public async Task<Error?> CheckSend(SettlementYear year, LetterKind kind, CancellationToken cancellationToken = default)
    {
        var planningYear = await db.Years.AsNoTracking().FirstOrDefaultAsync(y => y.Year == year, cancellationToken);
        if (planningYear is null)
        {
            return YearNotFound(year.Value);
        }
        var count = await db.Letters.CountAsync(l => l.Year == year && l.Kind == kind, cancellationToken);
        return LetterBatchRules.CheckSend(year, kind, planningYear.Status, planningYear.PublishedRunId is not null, count) is { } refused ? Said(refused) : null;
    }

    /// <summary>Sends every newest letter of a kind that has not been sent, one by one; each is recorded as soon as the channel takes it.</summary>
    /// <param name="sent">Called for each letter just before it is stored as sent, with this service's context: whatever it adds
    /// (the e-mail to the municipality) is saved together with the letter's "sent" mark.</param>
    public async Task<Result<int>> Send(LetterActor actor, SettlementYear year, LetterKind kind, ILetterChannel channel, CancellationToken cancellationToken = default,
        Func<BusettingDb, Letter, Task>? sent = null)
    {
        if (!actor.MayProduce)
        {
            return Error.Forbidden("bare IMDis planleggere lager og sender brev");
        }
        if (await CheckSend(year, kind, cancellationToken) is { } refused)
        {
            return refused;
        }
        var letters = await db.Letters.Where(l => l.Year == year && l.Kind == kind).ToListAsync(cancellationToken);
        var newest = letters.GroupBy(l => l.Kommunenummer).Select(g => g.MaxBy(l => l.Version)!).Where(l => l.SentAt is null).OrderBy(l => l.Kommunenummer).ToList();
        foreach (var letter in newest)
        {
            var name = reference.Find(letter.Kommunenummer)?.OfficialName ?? letter.Kommunenummer.Value;
            var receipt = await channel.Deliver(new Envelope(year.Value, letter.Kommunenummer.Value, name, letter.Kind, letter.Version, letter.Reference, letter.Pdf, letter.Language.Code()), cancellationToken);
            letter.SentAt = clock.GetUtcNow().UtcDateTime;
            letter.Channel = channel.Name;
            letter.ChannelReference = receipt;
            db.Audit.Add(new AuditEntry
            {
                At = letter.SentAt.Value, Actor = actor.Name, Role = actor.Role, Action = AuditActions.LetterSend, Year = year, Kommunenummer = letter.Kommunenummer,
                Details = JsonSerializer.Serialize(new { Kind = letter.Kind.ToString(), letter.Version, channel = channel.Name, receipt }),
            });
            if (sent is not null)
            {
                await sent(db, letter);
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        db.ChangeTracker.Clear();
        return newest.Count;
    }
}
