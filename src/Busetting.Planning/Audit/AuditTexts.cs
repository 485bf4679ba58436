using System.Globalization;
using System.Text.Json;

namespace Busetting.Planning;

/// <summary>
/// The audit trail in words: each stored action code ("letter.send") as a Norwegian name, and the stored JSON details as
/// "label: value" in the user's written standard. The raw record stays available behind "Teknisk".
/// </summary>
public static class AuditTexts
{
    /// <summary>A search type (<see cref="AuditHandler.AuditKinds"/>) in words, for the audit page's filter and the export's selection line.</summary>
    public static string KindName(WrittenStandard language, string kind)
    {
        string T(string nb, string nn) => language == WrittenStandard.Nn ? nn : nb;
        return kind switch
        {
            "user" => T("Brukere og innlogging", "Brukarar og innlogging"),
            "template" => T("Brevmaler", "Brevmalar"),
            "letters" => T("Brev: laging og målform", "Brev: laging og målform"),
            "letter" => T("Brev: sending", "Brev: sending"),
            "year" => T("Planår", "Planår"),
            "need" => T("Behov", "Behov"),
            "criteria" => T("Kriterier", "Kriterium"),
            "run" => T("Fordelinger", "Fordelingar"),
            "proposal" => T("Forslag", "Forslag"),
            "comment" => T("Kommentarer", "Kommentarar"),
            "decision" => T("Vedtak", "Vedtak"),
            "read" => T("Lesing av upubliserte tall", "Lesing av upubliserte tal"),
            _ => kind,
        };
    }

    /// <summary>The export's selection line ("Utvalg: type Vedtak, hvem «Kari», kommune 4640"); null when nothing is filtered.</summary>
    public static string? Selection(WrittenStandard language, string? kind, string? who, string? kommune)
    {
        var nn = language == WrittenStandard.Nn;
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(kind))
        {
            parts.Add("type " + KindName(language, kind));
        }
        if (!string.IsNullOrWhiteSpace(who))
        {
            parts.Add($"{(nn ? "kven" : "hvem")} «{who.Trim()}»");
        }
        if (!string.IsNullOrWhiteSpace(kommune))
        {
            parts.Add("kommune " + kommune.Trim());
        }
        return parts.Count == 0 ? null : (nn ? "Utval: " : "Utvalg: ") + string.Join(", ", parts);
    }

    /// <summary>Each stored action code with its name in Bokmål and Nynorsk.</summary>
    private static readonly Dictionary<string, (string Nb, string Nn)> Actions = new(StringComparer.Ordinal)
    {
        ["year.create"] = ("Planår opprettet", "Planår oppretta"),
        ["year.status"] = ("Status endret", "Status endra"),
        ["year.deadline"] = ("Vedtaksfrist satt", "Vedtaksfrist sett"),
        ["year.consultationDeadline"] = ("Høringsfrist satt", "Høyringsfrist sett"),
        ["year.step.request"] = ("Steg sendt til stadfesting", "Steg sendt til stadfesting"),
        ["year.step.withdraw"] = ("Steg trukket tilbake", "Steg trekt tilbake"),
        ["year.step.decline"] = ("Steg avvist", "Steg avvist"),
        ["need.add"] = ("Behov registrert", "Behov registrert"),
        ["criteria.add"] = ("Kriterier endret", "Kriterium endra"),
        ["run.create"] = ("Fordeling kjørt", "Fordeling køyrd"),
        ["proposal.create"] = ("Forslag sendt", "Forslag sendt"),
        ["proposal.accept"] = ("Forslag godtatt", "Forslag godteke"),
        ["proposal.reject"] = ("Forslag avvist", "Forslag avvist"),
        ["proposal.withdraw"] = ("Forslag trukket", "Forslag trekt"),
        ["comment.add"] = ("Kommentar skrevet", "Kommentar skriven"),
        ["decision.register"] = ("Vedtak registrert", "Vedtak registrert"),
        ["decision.correct"] = ("Vedtak rettet", "Vedtak retta"),
        ["letters.generate"] = ("Brev laget", "Brev laga"),
        ["letters.language"] = ("Målform for brev endret", "Målform for brev endra"),
        ["letters.contact"] = ("Kontakt og underskriver for brev endret", "Kontakt og underskrivar for brev endra"),
        ["letters.job.interrupted"] = ("Brevkjøring avbrutt", "Brevkøyring avbroten"),
        ["notification.resend"] = ("Varsel sendt på nytt", "Varsel sendt på nytt"),
        ["letter.send"] = ("Brev sendt", "Brev sendt"),
        ["template.save"] = ("Brevmal lagret", "Brevmal lagra"),
        ["read.unpublished"] = ("Så upubliserte tall", "Såg upubliserte tal"),
        ["user.create"] = ("Bruker opprettet", "Brukar oppretta"),
        ["user.lock"] = ("Bruker låst", "Brukar låst"),
        ["user.unlock"] = ("Bruker åpnet", "Brukar opna"),
        ["user.password-reset"] = ("Nytt passord satt", "Nytt passord sett"),
        ["user.password"] = ("Passord endret", "Passord endra"),
        ["year.seed"] = ("Planår lagt inn ved oppstart", "Planår lagt inn ved oppstart"),
        ["user.link"] = ("Innlogging knyttet til bruker", "Innlogging knytt til brukar"),
        ["user.mfa.enrol"] = ("Autentiseringsapp tatt i bruk", "Autentiseringsapp teken i bruk"),
        ["user.mfa.recovery-codes"] = ("Nye gjenopprettingskoder laget", "Nye gjenopprettingskodar laga"),
        ["user.mfa.recovery-used"] = ("Gjenopprettingskode brukt", "Gjenopprettingskode brukt"),
        ["user.mfa.reset"] = ("Autentiseringsapp nullstilt", "Autentiseringsapp nullstilt"),
    };

    public static string Action(WrittenStandard lang, string action) =>
        Actions.TryGetValue(action, out var name)
            ? (lang == WrittenStandard.Nb ? name.Nb : name.Nn)
            : lang == WrittenStandard.Nn ? "Anna hending" : "Annen hendelse";

    /// <summary>Who acted: the name, and the role in brackets when the entry has one (the letter batch and system entries have none).</summary>
    public static string Who(WrittenStandard lang, string actor, string role) =>
        string.IsNullOrEmpty(role) ? actor : $"{actor} ({Ui.Role(lang, role)})";

    /// <summary>The details a person reads: known fields with Norwegian labels; anything else is left to "Teknisk".</summary>
    public static string Details(WrittenStandard lang, string json)
    {
        JsonElement root;
        try
        {
            root = JsonDocument.Parse(json).RootElement;
        }
        catch (JsonException)
        {
            return "";
        }
        if (root.ValueKind != JsonValueKind.Object)
        {
            return "";
        }
        var parts = new List<string>();
        foreach (var property in root.EnumerateObject())
        {
            if (Label(lang, property.Name) is { } label && Value(lang, property.Name, property.Value) is { Length: > 0 } value)
            {
                parts.Add($"{label}: {value}");
            }
        }
        return string.Join(", ", parts);
    }

    private static string? Label(WrittenStandard lang, string key) => (key.ToLowerInvariant(), lang) switch
    {
        ("from", WrittenStandard.Nb) => "fra",
        ("from", _) => "frå",
        ("to", _) => "til",
        ("revision", _) => "revisjon",
        ("approvedrunid", _) => lang == WrittenStandard.Nn ? "godkjend fordeling" : "godkjent fordeling",
        ("publishedrunid", _) => "publisert fordeling",
        ("run" or "runid", _) => "fordeling",
        ("left", WrittenStandard.Nb) => "koder igjen",
        ("left", _) => "kodar att",
        ("version" or "number", _) => "versjon",
        ("persons", WrittenStandard.Nb) => "personer",
        ("persons", _) => "personar",
        ("em", _) => "EM",
        ("date" or "decisiondate", _) => "dato",
        ("deadline", _) => "frist",
        ("kind", _) => lang == WrittenStandard.Nn ? "brevtype" : "brevtype",
        ("language", _) => "målform",
        ("channel", _) => "kanal",
        ("proposed" or "proposedpersons", _) => lang == WrittenStandard.Nn ? "føreslått" : "foreslått",
        ("count" or "letters", _) => lang == WrittenStandard.Nn ? "tal" : "antall",
        ("email", _) => "e-post",
        ("role", _) => "rolle",
        _ => null,
    };

    private static string? Value(WrittenStandard lang, string key, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Number:
                return value.TryGetInt64(out var whole) ? Texts.Number(whole) : Texts.Number(value.GetDecimal(), 2);
            case JsonValueKind.True:
                return lang == WrittenStandard.Nn ? "ja" : "ja";
            case JsonValueKind.False:
                return "nei";
            case JsonValueKind.String:
                var text = value.GetString() ?? "";
                if (Enum.TryParse<YearStatus>(text, out var status) && (key is "from" or "to"))
                {
                    return Ui.Status(lang, status);
                }
                if (key.Equals("kind", StringComparison.OrdinalIgnoreCase) && text is "Request" or "Adjusted" or "Postponement")
                {
                    return Ui.LetterKind(lang, Enum.Parse<LetterKind>(text));
                }
                if (key.Equals("channel", StringComparison.OrdinalIgnoreCase))
                {
                    return text == "outbox" ? (lang == WrittenStandard.Nn ? "utboks (mappe)" : "utboks (mappe)") : text;
                }
                if (key.Equals("language", StringComparison.OrdinalIgnoreCase))
                {
                    return text == "" ? (lang == WrittenStandard.Nn ? "kommunen si" : "kommunens") : WrittenStandards.TryParse(text, out var standard) ? Ui.WrittenStandardName(standard) : text;
                }
                if (key.Equals("role", StringComparison.OrdinalIgnoreCase))
                {
                    return Ui.Role(lang, text);
                }
                if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    return Ui.Date(date);
                }
                return text;
            default:
                return null;
        }
    }
}
