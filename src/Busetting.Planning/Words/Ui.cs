using System.Globalization;

namespace Busetting.Planning;

/// <summary>Norwegian formatting and the words for the product's values, in the reader's written standard.</summary>
/// <remarks>The reader's language choice from a request is the web's (<c>Busetting.Web.Services.Requests</c>).</remarks>
public static class Ui
{
    public static string Number(int value) => Texts.Number(value);

    public static string Number(int? value) => value is { } v ? Texts.Number(v) : "–";

    public static string Number(decimal value, int decimals) => Texts.Number(value, decimals);

    public static string Percent(double value) => Texts.Number((decimal)(value * 100), 1) + " %";

    /// <summary>Norwegian short date: 27.11.2026.</summary>
    public static string Date(DateOnly date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    public static string Date(DateOnly? date) => date is { } d ? Date(d) : "–";

    /// <summary>A UTC time shown in Norwegian local time: 27.11.2026 kl. 11.05.</summary>
    public static string Time(DateTime utc) =>
        NorwegianTime.FromUtc(utc).ToString("dd.MM.yyyy 'kl.' HH.mm", CultureInfo.InvariantCulture);

    public static string Status(Language lang, YearStatus status) => PlanningErrorTexts.Status(lang, status);

    public static string ProposalStatus(Language lang, ProposalStatus status) => (lang, status) switch
    {
        (Language.Nb, Persistence.ProposalStatus.Open) => "Åpent",
        (Language.Nn, Persistence.ProposalStatus.Open) => "Ope",
        (Language.Nb, Persistence.ProposalStatus.Accepted) => "Godtatt",
        (Language.Nn, Persistence.ProposalStatus.Accepted) => "Godteke",
        (_, Persistence.ProposalStatus.Rejected) => "Avvist",
        (Language.Nb, Persistence.ProposalStatus.Withdrawn) => "Trukket",
        (Language.Nn, Persistence.ProposalStatus.Withdrawn) => "Trekt",
    };

    /// <summary>A letter kind as stored ("Request", "Adjusted", "Postponement") in the user's written standard.</summary>
    public static string LetterKind(Language lang, string kind) => (lang, kind) switch
    {
        (Language.Nb, "Request") => "Anmodning",
        (Language.Nn, "Request") => "Oppmoding",
        (Language.Nb, "Adjusted") => "Justert anmodning",
        (Language.Nn, "Adjusted") => "Justert oppmoding",
        (Language.Nb, _) => "Utsettelse",
        (Language.Nn, _) => "Utsetjing",
    };

    /// <summary>A written standard code ("nb", "nn") as a word; empty means the municipality's own.</summary>
    public static string WrittenStandard(string? code) => code switch
    {
        "nb" => "bokmål",
        "nn" => "nynorsk",
        _ => "–",
    };

    /// <summary>The channel letters go through, as its name is stored ("outbox"), in words.</summary>
    public static string ChannelName(Language lang, string? channel) => channel switch
    {
        "outbox" => lang == Language.Nn ? "utboks (mappe på tenaren)" : "utboks (mappe på serveren)",
        null or "" => "–",
        _ => channel,
    };

    public static string Role(Language lang, string? role) => (lang, role) switch
    {
        (Language.Nb, Roles.Planner) => "Planlegger i IMDi",
        (Language.Nn, Roles.Planner) => "Planleggar i IMDi",
        (_, Roles.Admin) => "Administrator i IMDi",
        (Language.Nb, Roles.County) => "Fylkeskommunen",
        (Language.Nn, Roles.County) => "Fylkeskommunen",
        (Language.Nb, Roles.Ks) => "KS",
        (Language.Nn, Roles.Ks) => "KS",
        (Language.Nb, Roles.Municipality) => "Saksbehandler i kommunen",
        (Language.Nn, Roles.Municipality) => "Saksbehandlar i kommunen",
        _ => role ?? "",
    };
}
