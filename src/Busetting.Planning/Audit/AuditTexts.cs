using System.Globalization;
using System.Text.Json;
using Busetting.Domain.Allocation;

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
            "notification" => T("E-postvarsler", "E-postvarsel"),
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
        [AuditActions.YearCreate] = ("Planår opprettet", "Planår oppretta"),
        [AuditActions.YearStatus] = ("Status endret", "Status endra"),
        [AuditActions.YearDeadline] = ("Vedtaksfrist satt", "Vedtaksfrist sett"),
        [AuditActions.YearConsultationDeadline] = ("Høringsfrist satt", "Høyringsfrist sett"),
        [AuditActions.YearStepRequest] = ("Steg sendt til stadfesting", "Steg sendt til stadfesting"),
        [AuditActions.YearStepWithdraw] = ("Steg trukket tilbake", "Steg trekt tilbake"),
        [AuditActions.YearStepDecline] = ("Steg avvist", "Steg avvist"),
        [AuditActions.NeedAdd] = ("Behov registrert", "Behov registrert"),
        [AuditActions.CriteriaAdd] = ("Kriterier endret", "Kriterium endra"),
        [AuditActions.RunCreate] = ("Fordeling kjørt", "Fordeling køyrd"),
        [AuditActions.ProposalCreate] = ("Forslag sendt", "Forslag sendt"),
        [AuditActions.ProposalAccept] = ("Forslag godtatt", "Forslag godteke"),
        [AuditActions.ProposalReject] = ("Forslag avvist", "Forslag avvist"),
        [AuditActions.ProposalWithdraw] = ("Forslag trukket", "Forslag trekt"),
        [AuditActions.ProposalJustification] = ("Offentlig begrunnelse rettet", "Offentleg grunngjeving retta"),
        [AuditActions.CommentAdd] = ("Kommentar skrevet", "Kommentar skriven"),
        [AuditActions.DecisionRegister] = ("Vedtak registrert", "Vedtak registrert"),
        [AuditActions.DecisionCorrect] = ("Vedtak rettet", "Vedtak retta"),
        [AuditActions.LettersGenerate] = ("Brev laget", "Brev laga"),
        [AuditActions.LettersLanguage] = ("Målform for brev endret", "Målform for brev endra"),
        [AuditActions.LettersContact] = ("Kontakt og underskriver for brev endret", "Kontakt og underskrivar for brev endra"),
        [AuditActions.LettersJobInterrupted] = ("Brevkjøring avbrutt", "Brevkøyring avbroten"),
        [AuditActions.NotificationResend] = ("Varsel sendt på nytt", "Varsel sendt på nytt"),
        [AuditActions.LetterSend] = ("Brev sendt", "Brev sendt"),
        [AuditActions.TemplateSave] = ("Brevmal lagret", "Brevmal lagra"),
        [AuditActions.ReadUnpublished] = ("Så upubliserte tall", "Såg upubliserte tal"),
        [AuditActions.UserCreate] = ("Bruker opprettet", "Brukar oppretta"),
        [AuditActions.UserLock] = ("Bruker låst", "Brukar låst"),
        [AuditActions.UserUnlock] = ("Bruker åpnet", "Brukar opna"),
        [AuditActions.UserPasswordReset] = ("Nytt passord satt", "Nytt passord sett"),
        [AuditActions.UserPassword] = ("Passord endret", "Passord endra"),
        [AuditActions.YearSeed] = ("Planår lagt inn ved oppstart", "Planår lagt inn ved oppstart"),
        [AuditActions.UserLink] = ("Innlogging knyttet til bruker", "Innlogging knytt til brukar"),
        [AuditActions.UserMfaEnrol] = ("Autentiseringsapp tatt i bruk", "Autentiseringsapp teken i bruk"),
        [AuditActions.UserMfaRecoveryCodes] = ("Nye gjenopprettingskoder laget", "Nye gjenopprettingskodar laga"),
        [AuditActions.UserMfaRecoveryUsed] = ("Gjenopprettingskode brukt", "Gjenopprettingskode brukt"),
        [AuditActions.UserMfaReset] = ("Autentiseringsapp nullstilt", "Autentiseringsapp nullstilt"),
    };

    /// <summary>Whether <paramref name="action"/> has a name of its own (every kind in <see cref="AuditActions.All"/> has).</summary>
    public static bool Named(string action) => Actions.ContainsKey(action);

    /// <summary>The kind's name; a stored kind this version does not know (none is written) is shown with its search type.</summary>
    public static string Action(WrittenStandard lang, string action) =>
        Actions.TryGetValue(action, out var name)
            ? (lang == WrittenStandard.Nb ? name.Nb : name.Nn)
            : KindName(lang, action.Split('.')[0]);

    /// <summary>
    /// Who acted: the name, and the role in brackets. What the application did on its own is said as "Systemet"; an
    /// entry stored without a role (letters before the role was kept) says so in words, never "()".
    /// </summary>
    public static string Who(WrittenStandard lang, string actor, string role)
    {
        if (actor == AuditActions.SystemActor)
        {
            return "Systemet (automatisk)";
        }
        var name = string.IsNullOrWhiteSpace(actor) ? (lang == WrittenStandard.Nn ? "Ukjend" : "Ukjent") : actor;
        var said = string.IsNullOrWhiteSpace(role) ? "" : Ui.Role(lang, role);
        return said.Length > 0 ? $"{name} ({said})" : $"{name} ({(lang == WrittenStandard.Nn ? "rolle ikkje lagra" : "rolle ikke lagret")})";
    }

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
                if (key is "from" or "to" && text is "nb" or "nn")
                {
                    return Ui.WrittenStandardName(text);
                }
                if (key.Equals("kind", StringComparison.OrdinalIgnoreCase))
                {
                    // A letter kind in words; any other kind (an e-mail's) is a code, left to "Teknisk".
                    return text is "Request" or "Adjusted" or "Postponement" ? Ui.LetterKind(lang, Enum.Parse<LetterKind>(text)) : null;
                }
                if (key == "revision" && Enum.TryParse<RevisionMode>(text, out var mode))
                {
                    return mode == RevisionMode.MinimumChange
                        ? (lang == WrittenStandard.Nn ? "minst mogleg endring" : "minst mulig endring")
                        : (lang == WrittenStandard.Nn ? "ny fordeling etter kriteria" : "ny fordeling etter kriteriene");
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
