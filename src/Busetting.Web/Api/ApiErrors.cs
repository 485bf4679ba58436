using System.Globalization;

namespace Busetting.Web.Api;

/// <summary>The endpoints' own refusals, before any handler is asked: each written once, in Bokmål and Nynorsk.</summary>
public static class ApiErrors
{
    public static Error LetterNotFound(WrittenStandard language) => Error.NotFound("letter", Say(language, $"brevet finnes ikke", $"brevet finst ikkje"));

    public static Error LetterForbidden(WrittenStandard language) => Error.Forbidden(Say(language, $"du har ikke tilgang til dette brevet", $"du har ikkje tilgang til dette brevet"));

    public static Error AllLettersForbidden(WrittenStandard language) => Error.Forbidden(Say(language, $"bare IMDi laster ned alle brevene", $"berre IMDi lastar ned alle breva"));

    public static Error UnknownLetterKind(WrittenStandard language, string? kind) =>
        Error.Invalid(ApiResults.RequestCode, Say(language, $"ukjent brevtype «{kind}»", $"ukjend brevtype «{kind}»"));

    public static Error UnknownKindOrYear(WrittenStandard language) => Error.Invalid(ApiResults.RequestCode, Say(language, $"ukjent brevtype eller år", $"ukjend brevtype eller år"));

    public static Error FormKey(WrittenStandard language) =>
        Error.Invalid(ApiResults.RequestCode, Say(language, $"ugyldig eller manglende skjemanøkkel", $"ugyldig eller manglande skjemanøkkel"));

    public static Error HeaderKey(WrittenStandard language) =>
        Error.Invalid(ApiResults.RequestCode, Say(language, $"mangler eller ugyldig X-CSRF-TOKEN", $"manglar eller ugyldig X-CSRF-TOKEN"));

    public static Error AdministratorsOnly(WrittenStandard language) => Error.Forbidden(Say(language, $"bare IMDis administratorer", $"berre administratorane i IMDi"));

    public static Error NoMunicipality(string kommunenummer) => Error.NotFound("kommunenummer", Inv($"ingen kommune med nummer {kommunenummer}"));

    public static Error MunicipalityForbidden(WrittenStandard language, string kommunenummer, string name) =>
        Error.Forbidden(Say(language, $"du har ikke tilgang til {kommunenummer} {name}", $"du har ikkje tilgang til {kommunenummer} {name}"));

    /// <summary>A required field left out of a request body (the field's name as the API spells it).</summary>
    public static Error Missing(WrittenStandard language, string field, string format = "") =>
        Error.Invalid(field, Say(language, $"{field} mangler{format}", $"{field} manglar{format}"));

    /// <summary>The open API is written in Nynorsk, as its tag ("Offentlege tal").</summary>
    public static Error NoPublishedFigures(int year) => Error.NotFound("year", Inv($"ingen publiserte tal for {year}"));

    public static Error NoPublishedFigures(int year, string kommunenummer) => Error.NotFound("kommunenummer", Inv($"ingen publiserte tal for kommune {kommunenummer} i {year}"));

    private static string Say(WrittenStandard language, FormattableString nb, FormattableString nn) => Inv(language == WrittenStandard.Nn ? nn : nb);

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
