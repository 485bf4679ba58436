using System.Globalization;
using System.Text.Json;

namespace Busetting.Planning;

/// <summary>
/// The audit trail in words: each stored action code ("letter.send") as a Norwegian name, and the stored JSON details as
/// "label: value" in the user's written standard. The raw record stays available behind "Teknisk".
/// </summary>
public static class AuditTexts
{
    public static string Action(WrittenStandard lang, string action) => (action, lang) switch
    {
        ("year.create", WrittenStandard.Nb) => "Planår opprettet",
        ("year.create", _) => "Planår oppretta",
        ("year.status", WrittenStandard.Nb) => "Status endret",
        ("year.status", _) => "Status endra",
        ("year.deadline", _) => "Vedtaksfrist sett",
        ("need.add", WrittenStandard.Nb) => "Behov registrert",
        ("need.add", _) => "Behov registrert",
        ("criteria.add", WrittenStandard.Nb) => "Kriterier endret",
        ("criteria.add", _) => "Kriterium endra",
        ("run.create", WrittenStandard.Nb) => "Fordeling kjørt",
        ("run.create", _) => "Fordeling køyrd",
        ("proposal.create", WrittenStandard.Nb) => "Forslag sendt",
        ("proposal.create", _) => "Forslag sendt",
        ("proposal.accept", WrittenStandard.Nb) => "Forslag godtatt",
        ("proposal.accept", _) => "Forslag godteke",
        ("proposal.reject", _) => "Forslag avvist",
        ("proposal.withdraw", WrittenStandard.Nb) => "Forslag trukket",
        ("proposal.withdraw", _) => "Forslag trekt",
        ("comment.add", _) => "Kommentar skriven",
        ("decision.register", _) => "Vedtak registrert",
        ("decision.correct", WrittenStandard.Nb) => "Vedtak rettet",
        ("decision.correct", _) => "Vedtak retta",
        ("letters.generate", WrittenStandard.Nb) => "Brev laget",
        ("letters.generate", _) => "Brev laga",
        ("letters.language", _) => "Målform for brev endra",
        ("letter.send", _) => "Brev sendt",
        ("template.save", WrittenStandard.Nb) => "Brevmal lagret",
        ("template.save", _) => "Brevmal lagra",
        ("read.unpublished", WrittenStandard.Nb) => "Så upubliserte tall",
        ("read.unpublished", _) => "Såg upubliserte tal",
        ("user.create", WrittenStandard.Nb) => "Bruker opprettet",
        ("user.create", _) => "Brukar oppretta",
        ("user.lock", _) => "Brukar låst",
        ("user.unlock", _) => "Brukar opna",
        ("user.password-reset", _) => "Nytt passord sett",
        ("user.password", WrittenStandard.Nb) => "Passord endret",
        ("user.password", _) => "Passord endra",
        ("year.seed", _) => "Planår lagt inn ved oppstart",
        ("user.link", _) => "Innlogging knytt til brukar",
        ("user.mfa.enrol", WrittenStandard.Nb) => "Autentiseringsapp tatt i bruk",
        ("user.mfa.enrol", _) => "Autentiseringsapp teken i bruk",
        ("user.mfa.recovery-codes", WrittenStandard.Nb) => "Nye gjenopprettingskoder laget",
        ("user.mfa.recovery-codes", _) => "Nye gjenopprettingskodar laga",
        ("user.mfa.recovery-used", WrittenStandard.Nb) => "Gjenopprettingskode brukt",
        ("user.mfa.recovery-used", _) => "Gjenopprettingskode brukt",
        ("user.mfa.reset", _) => "Autentiseringsapp nullstilt",
        _ => lang == WrittenStandard.Nn ? "Anna hending" : "Annen hendelse",
    };

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
                    return Ui.LetterKind(lang, text);
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
