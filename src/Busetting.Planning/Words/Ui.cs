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

    public static string Status(WrittenStandard lang, YearStatus status) => PlanningErrorTexts.Status(lang, status);

    public static string ProposalStatus(WrittenStandard lang, ProposalStatus status) => (lang, status) switch
    {
        (WrittenStandard.Nb, Persistence.ProposalStatus.Open) => "Åpent",
        (WrittenStandard.Nn, Persistence.ProposalStatus.Open) => "Ope",
        (WrittenStandard.Nb, Persistence.ProposalStatus.Accepted) => "Godtatt",
        (WrittenStandard.Nn, Persistence.ProposalStatus.Accepted) => "Godteke",
        (_, Persistence.ProposalStatus.Rejected) => "Avvist",
        (WrittenStandard.Nb, Persistence.ProposalStatus.Withdrawn) => "Trukket",
        (WrittenStandard.Nn, Persistence.ProposalStatus.Withdrawn) => "Trekt",
    };

    /// <summary>A letter kind as stored ("Request", "Adjusted", "Postponement") in the user's written standard.</summary>
    public static string LetterKind(WrittenStandard lang, LetterKind kind) => PlanningErrorTexts.LetterKind(lang, kind);

    /// <summary>What a letter batch did: "342 laget, 0 uendret, 0 uten brev" (the letters page and the CLI).</summary>
    public static string LetterBatch(WrittenStandard lang, int created, int unchanged, int skipped) => lang == WrittenStandard.Nn
        ? $"{Number(created)} laga, {Number(unchanged)} uendra, {Number(skipped)} utan brev"
        : $"{Number(created)} laget, {Number(unchanged)} uendret, {Number(skipped)} uten brev";

    /// <summary>A written standard code ("nb", "nn") as a word; empty means the municipality's own.</summary>
    public static string WrittenStandardName(string? code) => WrittenStandards.TryParse(code, out var standard) ? WrittenStandardName(standard) : "–";

    public static string WrittenStandardName(WrittenStandard standard) => standard == WrittenStandard.Nn ? "nynorsk" : "bokmål";

    /// <summary>The channel letters go through, as its name is stored ("outbox"), in words.</summary>
    public static string ChannelName(WrittenStandard lang, string? channel) => channel switch
    {
        "outbox" => lang == WrittenStandard.Nn ? "utboks (mappe på tenaren)" : "utboks (mappe på serveren)",
        null or "" => "–",
        _ => channel,
    };

    public static string Role(WrittenStandard lang, Role? role) => Role(lang, role?.Name());

    public static string Role(WrittenStandard lang, string? role) => (lang, role) switch
    {
        (WrittenStandard.Nb, RoleNames.Planner) => "Planlegger i IMDi",
        (WrittenStandard.Nn, RoleNames.Planner) => "Planleggar i IMDi",
        (_, RoleNames.Admin) => "Administrator i IMDi",
        (WrittenStandard.Nb, RoleNames.County) => "Fylkeskommunen",
        (WrittenStandard.Nn, RoleNames.County) => "Fylkeskommunen",
        (WrittenStandard.Nb, RoleNames.Ks) => "KS",
        (WrittenStandard.Nn, RoleNames.Ks) => "KS",
        (WrittenStandard.Nb, RoleNames.Municipality) => "Saksbehandler i kommunen",
        (WrittenStandard.Nn, RoleNames.Municipality) => "Saksbehandlar i kommunen",
        _ => role ?? "",
    };
}
