using System.Globalization;

namespace Busetting.Letters;

/// <summary>Letter settings: the written standard per municipality and the contact person and signer per year.</summary>
public sealed partial class LetterService
{
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
        if (language is not null && !WrittenStandards.TryParse(language, out _))
        {
            return Error.Invalid("language", Inv($"målform «{language}» må være nb, nn eller tom (kommunens offisielle)"));
        }
        var existing = await db.LetterLanguages.FirstOrDefaultAsync(l => l.Kommunenummer == number);
        if (existing is not null)
        {
            db.LetterLanguages.Remove(existing);
        }
        if (language is not null)
        {
            db.LetterLanguages.Add(new MunicipalityLetterLanguage { Kommunenummer = number, Language = WrittenStandards.Parse(language), By = actor.Name, At = clock.GetUtcNow().UtcDateTime });
        }
        db.Audit.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime, Actor = actor.Name, Role = actor.Role, Action = AuditActions.LettersLanguage, Kommunenummer = number,
            Details = JsonSerializer.Serialize(new { from = existing?.Language.Code(), to = language }),
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
    public async Task<(string Line, LetterContact? Row)> Contact(SettlementYear year, CancellationToken cancellationToken = default)
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
    public async Task<Result<LetterContact>> SaveContact(LetterActor actor, SettlementYear year, string? name, string? phone, string? email, string? signer, string? title)
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
            errors.Add(YearNotFound(year.Value));
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
            At = row.At, Actor = actor.Name, Role = actor.Role, Action = AuditActions.LettersContact, Year = year,
            Details = JsonSerializer.Serialize(new { name, phone, email, signer, title }),
        });
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        return row;
    }
}
