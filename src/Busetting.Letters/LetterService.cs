using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Busetting.Application;
using Busetting.Data.Criteria;
using Busetting.Data.Reference;
using Busetting.Domain.Errors;
using Busetting.Domain.Primitives;
using Busetting.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Busetting.Letters;

/// <summary>What a batch did: letters made, letters that were already up to date, and municipalities left out, with why.</summary>
public sealed record BatchResult(int Year, LetterKind Kind, int RunId, int Created, int Unchanged, IReadOnlyList<string> Skipped, TimeSpan Elapsed);

/// <summary>Who asks, as far as letters are concerned: a name for the record and whether they may make and send letters.</summary>
public sealed record LetterActor(string Name, bool MayProduce, bool MayEditTemplates);

/// <summary>
/// Produces, stores, sends and packs the letters of a year. Every check runs before anything is written; a batch is
/// stored in one transaction (all letters or none). Letter date = the day of the year's latest status step, so
/// regenerating an unchanged letter gives identical bytes and adds no version.
/// </summary>
public sealed class LetterService(BusettingDb db, ReferenceData reference, TimeProvider clock, string contact) : IDisposable
{
    /// <summary>Disposes the context the service was given (the web application creates one per service).</summary>
    public void Dispose() => db.Dispose();

    /// <param name="deadline">The new decision deadline; required for adjusted letters (stored on the year with the letters).</param>
    public async Task<Result<BatchResult>> Generate(LetterActor actor, int year, LetterKind kind, string? reason,
        IProgress<(int Done, int Total)>? progress = null, CancellationToken cancellationToken = default, DateOnly? deadline = null)
    {
        var started = clock.GetTimestamp();
        if (!actor.MayProduce)
        {
            return Error.Forbidden("bare IMDis planleggere lager og sender brev");
        }
        var planningYear = await db.Years.AsNoTracking().FirstOrDefaultAsync(y => y.Year == year, cancellationToken);
        if (planningYear is null)
        {
            return Error.NotFound("year", Inv($"planåret {year} finnes ikke"));
        }
        var runId = planningYear.ApprovedRunId ?? planningYear.PublishedRunId;
        if (LetterBatchRules.CheckBatch(SettlementYear.Create(year), kind, planningYear.Status, runId is not null, planningYear.Revision, reason, FieldLimits.Reason, deadline, Today) is { } refused)
        {
            return Said(refused);
        }
        var previous = await LatestLetters(year, [nameof(LetterKind.Request), nameof(LetterKind.Adjusted)], cancellationToken);
        if (LetterBatchRules.CheckPreviousLetters(SettlementYear.Create(year), kind, previous.Count) is { } noneSent)
        {
            return Said(noneSent);
        }
        if (kind == LetterKind.Postponement)
        {
            runId = previous.Values.Max(l => l.RunId);
        }
        var run = await db.Runs.AsNoTracking().Include(r => r.Lines).FirstAsync(r => r.Id == runId, cancellationToken);
        var need = await db.Needs.AsNoTracking().FirstAsync(n => n.Id == run.NeedEntryId, cancellationToken);
        var criteriaEntry = await db.CriteriaVersions.AsNoTracking().FirstAsync(c => c.Id == run.CriteriaEntryId, cancellationToken);
        var criteria = CriteriaJson.Parse(criteriaEntry.Json, "criteria").Value;
        var weights = Weights(run, criteria);
        var templates = new Dictionary<string, (Template Template, int? EntryId)>();
        foreach (var language in new[] { "nb", "nn" })
        {
            var current = await CurrentTemplate(kind, language, cancellationToken);
            if (!current.IsSuccess)
            {
                return Result<BatchResult>.Fail(current.Errors);
            }
            templates[language] = current.Value;
        }
        var languages = await db.LetterLanguages.AsNoTracking().ToDictionaryAsync(l => l.Kommunenummer, l => l.Language, cancellationToken);
        var people = await Contact(year, cancellationToken);
        var date = await LetterDate(year, cancellationToken);
        var latestOfKind = await LatestLetters(year, [kind.ToString()], cancellationToken);
        // The need behind each municipality's last letter, for "before / now" in adjusted letters.
        var previousRunIds = previous.Values.Select(l => l.RunId).Distinct().ToList();
        var needByRun = await db.Runs.AsNoTracking().Where(r => previousRunIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Persons, cancellationToken);

        var skipped = new List<string>();
        var created = new List<Letter>();
        var unchanged = 0;
        var lines = run.Lines.OrderBy(l => l.Kommunenummer, StringComparer.Ordinal).ToList();
        for (var i = 0; i < lines.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report((i, lines.Count));
            var line = lines[i];
            var m = reference.Find(MunicipalityNumber.Parse(line.Kommunenummer))!;
            var last = previous.GetValueOrDefault(line.Kommunenummer);
            if (kind == LetterKind.Request && line.Requested == 0)
            {
                skipped.Add(Inv($"{m.Number} {m.Name}: ikke anmodet i kjøring #{run.Id}, derfor ingen brev"));
                continue;
            }
            if (kind != LetterKind.Request && last is null)
            {
                skipped.Add(Inv($"{m.Number} {m.Name}: har ikke fått anmodningsbrev, derfor ingen {(kind == LetterKind.Adjusted ? "justering" : "utsettelse")}"));
                continue;
            }
            if (kind == LetterKind.Adjusted && last is not null && last.Requested == line.Requested && last.RequestedEm == line.RequestedEm)
            {
                skipped.Add(Inv($"{m.Number} {m.Name}: tallet er uendret ({line.Requested}), derfor ikke justert brev"));
                continue;
            }
            var language = languages.GetValueOrDefault(line.Kommunenummer) ?? (m.LanguageForm == LanguageForm.Nynorsk ? "nn" : "nb");
            var (template, templateId) = templates[language];
            var latest = latestOfKind.GetValueOrDefault(line.Kommunenummer);
            var version = latest?.Version ?? 1;
            var input = new LetterInput(kind, language, year, date, Reference(year, line.Kommunenummer, kind, version), line.Kommunenummer,
                m.OfficialName, m.CountyName,
                kind == LetterKind.Postponement ? last!.Requested : line.Requested,
                kind == LetterKind.Postponement ? last!.RequestedEm : line.RequestedEm,
                line.PlanNextYear, kind == LetterKind.Adjusted ? deadline : planningYear.DecisionDeadline, run.Persons, run.Em, weights,
                StoredExplanation.Parse(line.ExplanationJson), people.Line,
                last?.Requested, last?.RequestedEm, last is null ? null : needByRun.GetValueOrDefault(last.RunId), reason?.Trim(),
                people.Row?.SignerName, people.Row?.SignerTitle);
            var pdf = LetterRenderer.Render(LetterComposer.Compose(input, template));
            var hash = Convert.ToHexStringLower(SHA256.HashData(pdf));
            if (latest is not null && latest.ContentHash == hash)
            {
                unchanged++;
                continue;
            }
            if (latest is not null)
            {
                version = latest.Version + 1;
                pdf = LetterRenderer.Render(LetterComposer.Compose(input with { Reference = Reference(year, line.Kommunenummer, kind, version) }, template));
                hash = Convert.ToHexStringLower(SHA256.HashData(pdf));
            }
            created.Add(new Letter
            {
                Year = year, Kommunenummer = line.Kommunenummer, Kind = kind.ToString(), Version = version, RunId = run.Id, Language = language,
                TemplateEntryId = templateId, Reference = Reference(year, line.Kommunenummer, kind, version), ContentHash = hash, Pdf = pdf,
                Requested = input.Requested, RequestedEm = input.RequestedEm, By = actor.Name, At = clock.GetUtcNow().UtcDateTime,
            });
        }
        progress?.Report((lines.Count, lines.Count));

        // All or nothing: the letters and the audit entry in one transaction (retried as a whole after a transient failure).
        var stored = await db.InTransaction(async () =>
        {
            db.Letters.AddRange(created);
            if (kind == LetterKind.Adjusted)
            {
                // The adjusted letters name the new deadline; the year carries it, so the decision pages show the same date.
                var tracked = await db.Years.FirstAsync(y => y.Year == year, cancellationToken);
                tracked.DecisionDeadline = deadline;
                tracked.Version++;
            }
            db.Audit.Add(new AuditEntry
            {
                At = clock.GetUtcNow().UtcDateTime, Actor = actor.Name, Role = "", Action = "letters.generate", Year = year,
                Details = JsonSerializer.Serialize(new { kind = kind.ToString(), run = run.Id, created = created.Count, unchanged, skipped = skipped.Count, deadline }),
                Reason = reason,
            });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return true;
            }
            catch (DbUpdateException e) when (Transactions.IsConflict(e))
            {
                return false;
            }
        }, ok => ok, cancellationToken);
        db.ChangeTracker.Clear();
        if (!stored)
        {
            return Error.Conflict("letters.conflict", "en annen laget de samme brevene samtidig; ingenting er lagret, prøv igjen");
        }
        return new BatchResult(year, kind, run.Id, created.Count, unchanged, skipped, clock.GetElapsedTime(started));
    }

    private DateOnly Today => DateOnly.FromDateTime(NorwegianTime.FromUtc(clock.GetUtcNow().UtcDateTime));

    /// <summary>
    /// Adjusted letters ask the council to decide again, so they need a new decision deadline, and no deadline may lie
    /// in the past (Norwegian time).
    /// </summary>
    public static Result<bool> CheckDeadline(LetterKind kind, DateOnly? deadline, DateOnly today) =>
        LetterBatchRules.CheckDeadline(kind, deadline, today) is { } refused ? Said(refused) : true;

    /// <summary>A letter-batch rule's error in Bokmål: the batch's messages are for IMDi staff and the command line.</summary>
    private static Error Said(Error error) => PlanningErrorTexts.Say(error, Language.Nb);

    /// <summary>The newest version of each municipality's letter of these kinds.</summary>
    private async Task<Dictionary<string, Letter>> LatestLetters(int year, string[] kinds, CancellationToken cancellationToken)
    {
        var rows = await db.Letters.AsNoTracking().Where(l => l.Year == year && kinds.Contains(l.Kind))
            .Select(l => new Letter { Id = l.Id, Kommunenummer = l.Kommunenummer, Kind = l.Kind, Version = l.Version, RunId = l.RunId, ContentHash = l.ContentHash, Requested = l.Requested, RequestedEm = l.RequestedEm, At = l.At })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(l => l.Kommunenummer).ToDictionary(g => g.Key, g => g.OrderByDescending(l => l.At).ThenByDescending(l => l.Id).First(), StringComparer.Ordinal);
    }

    public Task<List<Letter>> List(int year, string? kommunenummer = null) =>
        db.Letters.AsNoTracking().Where(l => l.Year == year && (kommunenummer == null || l.Kommunenummer == kommunenummer))
            .OrderBy(l => l.Kommunenummer).ThenBy(l => l.Kind).ThenByDescending(l => l.Version)
            .Select(l => new Letter
            {
                Id = l.Id, Year = l.Year, Kommunenummer = l.Kommunenummer, Kind = l.Kind, Version = l.Version, RunId = l.RunId, Language = l.Language,
                Reference = l.Reference, ContentHash = l.ContentHash, Requested = l.Requested, RequestedEm = l.RequestedEm, By = l.By, At = l.At,
                SentAt = l.SentAt, Channel = l.Channel, ChannelReference = l.ChannelReference,
            })
            .ToListAsync();

    public Task<Letter?> Find(int id) => db.Letters.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id);

    /// <summary>The newest version of every letter of a kind, as a ZIP of PDFs.</summary>
    public async Task<byte[]> Zip(int year, LetterKind kind)
    {
        var letters = await db.Letters.AsNoTracking().Where(l => l.Year == year && l.Kind == kind.ToString()).ToListAsync();
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var letter in letters.GroupBy(l => l.Kommunenummer).Select(g => g.MaxBy(l => l.Version)!).OrderBy(l => l.Kommunenummer, StringComparer.Ordinal))
            {
                var name = reference.Find(MunicipalityNumber.Parse(letter.Kommunenummer))?.Name ?? "";
                var entry = zip.CreateEntry(FileName(letter, name), CompressionLevel.Fastest);
                entry.LastWriteTime = new DateTimeOffset(letter.At, TimeSpan.Zero);
                await using var stream = entry.Open();
                await stream.WriteAsync(letter.Pdf);
            }
        }
        return memory.ToArray();
    }

    public static string FileName(Letter letter, string municipalityName) =>
        string.Create(CultureInfo.InvariantCulture, $"{letter.Year}-{letter.Kommunenummer}-{Slug(municipalityName)}-{KindInFileName(letter.Kind, letter.Language)}-v{letter.Version}.pdf");

    /// <summary>The letter kind as a file name says it, in the letter's own written standard ("oppmoding", "justert-anmodning").</summary>
    public static string KindInFileName(string kind, string language) => (kind, language) switch
    {
        ("Request", "nn") => "oppmoding",
        ("Request", _) => "anmodning",
        ("Adjusted", "nn") => "justert-oppmoding",
        ("Adjusted", _) => "justert-anmodning",
        ("Postponement", "nn") => "utsetjing",
        _ => "utsettelse",
    };

    /// <summary>Sends every newest letter of a kind that has not been sent, one by one; each is recorded as soon as the channel takes it.</summary>
    /// <param name="sent">Called for each letter just before it is stored as sent, with this service's context: whatever it adds
    /// (the e-mail to the municipality) is saved together with the letter's "sent" mark.</param>
    public async Task<Result<int>> Send(LetterActor actor, int year, LetterKind kind, ILetterChannel channel, CancellationToken cancellationToken = default,
        Func<BusettingDb, Letter, Task>? sent = null)
    {
        if (!actor.MayProduce)
        {
            return Error.Forbidden("bare IMDis planleggere lager og sender brev");
        }
        var letters = await db.Letters.Where(l => l.Year == year && l.Kind == kind.ToString()).ToListAsync(cancellationToken);
        var newest = letters.GroupBy(l => l.Kommunenummer).Select(g => g.MaxBy(l => l.Version)!).Where(l => l.SentAt is null).OrderBy(l => l.Kommunenummer, StringComparer.Ordinal).ToList();
        if (letters.Count == 0)
        {
            return Error.Invalid("letters.none", Inv($"det finnes ingen brev av typen {kind} for {year}; lag dem først"));
        }
        foreach (var letter in newest)
        {
            var name = reference.Find(MunicipalityNumber.Parse(letter.Kommunenummer))?.OfficialName ?? letter.Kommunenummer;
            var receipt = await channel.Deliver(new Envelope(year, letter.Kommunenummer, name, letter.Kind, letter.Version, letter.Reference, letter.Pdf, letter.Language), cancellationToken);
            letter.SentAt = clock.GetUtcNow().UtcDateTime;
            letter.Channel = channel.Name;
            letter.ChannelReference = receipt;
            db.Audit.Add(new AuditEntry
            {
                At = letter.SentAt.Value, Actor = actor.Name, Role = "", Action = "letter.send", Year = year, Kommunenummer = letter.Kommunenummer,
                Details = JsonSerializer.Serialize(new { letter.Kind, letter.Version, channel = channel.Name, receipt }),
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

    // ---------- written standard per municipality ----------

    public Task<List<MunicipalityLetterLanguage>> LanguageOverrides() =>
        db.LetterLanguages.AsNoTracking().OrderBy(l => l.Kommunenummer).ToListAsync();

    /// <summary>Letters to this municipality use <paramref name="language"/> ("nb"/"nn"); null returns to its official form.</summary>
    public async Task<Result<bool>> SetLanguage(LetterActor actor, string kommunenummer, string? language)
    {
        if (!actor.MayProduce)
        {
            return Error.Forbidden("bare IMDis planleggere endrer målform for brev");
        }
        if (!MunicipalityNumber.TryParse(kommunenummer, out var number, out _) || reference.Find(number) is null)
        {
            return Error.Invalid("kommunenummer", Inv($"ingen kommune med nummer «{kommunenummer}»"));
        }
        if (language is not (null or "nb" or "nn"))
        {
            return Error.Invalid("language", Inv($"målform «{language}» må være nb, nn eller tom (kommunens offisielle)"));
        }
        var existing = await db.LetterLanguages.FirstOrDefaultAsync(l => l.Kommunenummer == kommunenummer);
        if (existing is not null)
        {
            db.LetterLanguages.Remove(existing);
        }
        if (language is not null)
        {
            db.LetterLanguages.Add(new MunicipalityLetterLanguage { Kommunenummer = kommunenummer, Language = language, By = actor.Name, At = clock.GetUtcNow().UtcDateTime });
        }
        db.Audit.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime, Actor = actor.Name, Role = "", Action = "letters.language", Kommunenummer = kommunenummer,
            Details = JsonSerializer.Serialize(new { from = existing?.Language, to = language }),
        });
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        return true;
    }

    // ---------- contact person and signer per year ----------

    /// <summary>The contact line letters use when the year has no contact person (Letters:Contact).</summary>
    public string DefaultContact => contact;

    /// <summary>
    /// The year's contact line for the letters ("Kari Nordmann (telefon 22 24 16 00, e-post kari@imdi.no)") and the
    /// signer; without a configured contact name, the configured line (Letters:Contact). Nothing is made up.
    /// </summary>
    public async Task<(string Line, LetterContact? Row)> Contact(int year, CancellationToken cancellationToken = default)
    {
        var row = await db.LetterContacts.AsNoTracking().FirstOrDefaultAsync(c => c.Year == year, cancellationToken);
        if (row?.ContactName is not { Length: > 0 } name)
        {
            return (contact, row);
        }
        var details = new[] { row.ContactPhone is { Length: > 0 } phone ? "telefon " + phone : null, row.ContactEmail is { Length: > 0 } email ? "e-post " + email : null }
            .Where(d => d is not null).ToList();
        return (details.Count == 0 ? name : $"{name} ({string.Join(", ", details)})", row);
    }

    /// <summary>Saves who the year's letters name as contact and who signs them; every field optional, each checked.</summary>
    public async Task<Result<LetterContact>> SaveContact(LetterActor actor, int year, string? name, string? phone, string? email, string? signer, string? title)
    {
        if (!actor.MayProduce)
        {
            return Error.Forbidden("bare IMDis planleggere endrer kontaktperson og underskriver for brevene");
        }
        static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        (name, phone, email, signer, title) = (Clean(name), Clean(phone), Clean(email), Clean(signer), Clean(title));
        var errors = new List<Error>();
        foreach (var (field, label, value, max) in new[] { ("contact.name", "Kontaktperson", name, FieldLimits.Label), ("contact.signer", "Underskriver", signer, FieldLimits.Label), ("contact.title", "Tittel", title, FieldLimits.Label), ("contact.email", "E-post", email, 256) })
        {
            if (value?.Length > max)
            {
                errors.Add(Error.Invalid(field, Inv($"{label}: høyst {max} tegn / høgst {max} teikn, fikk {value.Length}")));
            }
        }
        if (phone is not null && (phone.Length > 40 || !phone.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '-')))
        {
            errors.Add(Error.Invalid("contact.phone", Inv($"Telefon: bare sifre, mellomrom, + og - (høyst 40 tegn), fikk «{phone}»")));
        }
        if (email is not null && (!email.Contains('@', StringComparison.Ordinal) || email.Contains(' ', StringComparison.Ordinal) || email.StartsWith('@') || email.EndsWith('@')))
        {
            errors.Add(Error.Invalid("contact.email", Inv($"E-post: «{email}» er ikke en e-postadresse / er ikkje ei e-postadresse")));
        }
        if ((phone ?? email) is not null && name is null)
        {
            errors.Add(Error.Invalid("contact.name", "Kontaktperson: fyll inn navnet når telefon eller e-post er fylt inn / fyll inn namnet når telefon eller e-post er fylt inn"));
        }
        if (title is not null && signer is null)
        {
            errors.Add(Error.Invalid("contact.signer", "Underskriver: fyll inn navnet når tittelen er fylt inn / fyll inn namnet når tittelen er fylt inn"));
        }
        if (!await db.Years.AnyAsync(y => y.Year == year))
        {
            errors.Add(Error.NotFound("year", Inv($"planåret {year} finnes ikke")));
        }
        if (errors.Count > 0)
        {
            return Result<LetterContact>.Fail(errors);
        }
        var row = await db.LetterContacts.FirstOrDefaultAsync(c => c.Year == year);
        if (row is null)
        {
            row = new LetterContact { Year = year };
            db.LetterContacts.Add(row);
        }
        (row.ContactName, row.ContactPhone, row.ContactEmail, row.SignerName, row.SignerTitle) = (name, phone, email, signer, title);
        row.By = actor.Name;
        row.At = clock.GetUtcNow().UtcDateTime;
        db.Audit.Add(new AuditEntry
        {
            At = row.At, Actor = actor.Name, Role = "", Action = "letters.contact", Year = year,
            Details = JsonSerializer.Serialize(new { name, phone, email, signer, title }),
        });
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        return row;
    }

    // ---------- templates ----------

    public async Task<Result<(Template Template, int? EntryId)>> CurrentTemplate(LetterKind kind, string language, CancellationToken cancellationToken = default)
    {
        var entry = await db.LetterTemplates.AsNoTracking().Where(t => t.Kind == kind.ToString() && t.Language == language)
            .OrderByDescending(t => t.Number).FirstOrDefaultAsync(cancellationToken);
        if (entry is null)
        {
            return (Template.Default(kind, language), null);
        }
        return Template.Parse(kind, language, entry.Text, Inv($"{kind.ToString().ToLowerInvariant()}.{language} versjon {entry.Number}"))
            .Map(t => (t, (int?)entry.Id));
    }

    public async Task<int> TemplateNumber(LetterKind kind, string language) =>
        await db.LetterTemplates.Where(t => t.Kind == kind.ToString() && t.Language == language).MaxAsync(t => (int?)t.Number) ?? 0;

    public async Task<Result<LetterTemplateEntry>> SaveTemplate(LetterActor actor, LetterKind kind, string language, string text, int expectedNumber)
    {
        if (!actor.MayEditTemplates)
        {
            return Error.Forbidden("bare IMDis administratorer endrer brevmalene");
        }
        if (text.Length > FieldLimits.TemplateText)
        {
            return Error.Invalid("template.text", Inv($"malen kan ha høyst {FieldLimits.TemplateText} tegn / malen kan ha høgst {FieldLimits.TemplateText} teikn, fikk {text.Length}"));
        }
        var parsed = Template.Parse(kind, language, text, Inv($"{kind.ToString().ToLowerInvariant()}.{language}"));
        if (!parsed.IsSuccess)
        {
            return Result<LetterTemplateEntry>.Fail(parsed.Errors);
        }
        var current = await TemplateNumber(kind, language);
        if (current != expectedNumber)
        {
            return Error.Conflict("template.version", Inv($"malen er endret av en annen (nå versjon {current}); last siden på nytt"));
        }
        var entry = new LetterTemplateEntry { Kind = kind.ToString(), Language = language, Number = current + 1, Text = text, By = actor.Name, At = clock.GetUtcNow().UtcDateTime };
        db.LetterTemplates.Add(entry);
        db.Audit.Add(new AuditEntry { At = entry.At, Actor = actor.Name, Role = "", Action = "template.save", Details = JsonSerializer.Serialize(new { entry.Kind, entry.Language, entry.Number }) });
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException e) when (Transactions.IsConflict(e))
        {
            db.ChangeTracker.Clear();
            return Error.Conflict("template.version", "en annen lagret malen samtidig; last siden på nytt");
        }
        return entry;
    }

    /// <summary>A sample letter from a template text that is not saved yet: the year's newest run, the given municipality.</summary>
    public async Task<Result<byte[]>> Preview(int year, LetterKind kind, string language, string text, string kommunenummer)
    {
        var parsed = Template.Parse(kind, language, text, Inv($"{kind.ToString().ToLowerInvariant()}.{language}"));
        if (!parsed.IsSuccess)
        {
            return Result<byte[]>.Fail(parsed.Errors);
        }
        var run = await db.Runs.AsNoTracking().Include(r => r.Lines).Where(r => r.Year == year).OrderByDescending(r => r.Id).FirstOrDefaultAsync();
        var line = run?.Lines.FirstOrDefault(l => l.Kommunenummer == kommunenummer);
        if (run is null || line is null)
        {
            return Error.NotFound("preview", Inv($"{year} har ingen fordeling med kommune {kommunenummer} å vise et eksempel fra"));
        }
        var m = reference.Find(MunicipalityNumber.Parse(kommunenummer))!;
        var people = await Contact(year, CancellationToken.None);
        var criteriaEntry = await db.CriteriaVersions.AsNoTracking().FirstAsync(c => c.Id == run.CriteriaEntryId);
        var weights = Weights(run, CriteriaJson.Parse(criteriaEntry.Json, "criteria").Value);
        var input = new LetterInput(kind, language, year, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), Reference(year, kommunenummer, kind, 1) + " (EKSEMPEL)",
            kommunenummer, m.OfficialName, m.CountyName, line.Requested, line.RequestedEm, line.PlanNextYear, null, run.Persons, run.Em, weights,
            StoredExplanation.Parse(line.ExplanationJson), people.Line, line.Requested, line.RequestedEm, run.Persons, kind == LetterKind.Request ? null : "(begrunnelse)",
            people.Row?.SignerName, people.Row?.SignerTitle);
        return LetterRenderer.Render(LetterComposer.Compose(input, parsed.Value));
    }

    // ---------- helpers ----------

    /// <summary>The weights actually used (missing criteria's weight moved to proxies), from the first line's explanation.</summary>
    private static List<LetterCriterion> Weights(AllocationRun run, Domain.Criteria.CriteriaSet criteria)
    {
        var used = run.Lines.Count == 0 ? [] : StoredExplanation.Parse(run.Lines[0].ExplanationJson).Contributions.ToDictionary(c => c.Criterion, c => c.Weight);
        return criteria.Criteria.Select(c => new LetterCriterion(c.Id, c.NameNb, c.NameNn, c.PriorityGroup, used.GetValueOrDefault(c.Id, c.Weight))).ToList();
    }

    private async Task<DateOnly> LetterDate(int year, CancellationToken cancellationToken)
    {
        var step = await db.YearStatusChanges.AsNoTracking().Where(c => c.Year == year).OrderByDescending(c => c.Id).Select(c => (DateTime?)c.At).FirstOrDefaultAsync(cancellationToken);
        return DateOnly.FromDateTime(NorwegianTime.FromUtc(step ?? clock.GetUtcNow().UtcDateTime));
    }

    /// <summary>2025/4640-O1: year, municipality, O(ppmoding) / J(ustert) / U(tsetjing), version.</summary>
    public static string Reference(int year, string kommunenummer, LetterKind kind, int version) =>
        string.Create(CultureInfo.InvariantCulture, $"{year}/{kommunenummer}-{kind switch { LetterKind.Request => "O", LetterKind.Adjusted => "J", LetterKind.Postponement => "U" }}{version}");

    private static string Slug(string name) =>
        new(name.ToLowerInvariant().Replace("æ", "ae", StringComparison.Ordinal).Replace("ø", "o", StringComparison.Ordinal).Replace("å", "a", StringComparison.Ordinal)
            .Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
