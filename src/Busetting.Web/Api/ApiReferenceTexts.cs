using System.Text.Json;
using Scalar.AspNetCore;

namespace Busetting.Web.Api;

/// <summary>The API documentation page's own texts and look (<see cref="ApiReference"/>), in Bokmål and Nynorsk.</summary>
public static class ApiReferenceTexts
{
    public static string Title(WrittenStandard language) => T(language, "Busetting – API for åpne data", "Busetting – API for opne data");

    /// <summary>
    /// Scalar ships no Norwegian: the locale gives the page its language, and the labels a reader sees are overridden here
    /// (Scalar's keys; what is not named stays Scalar's English fallback).
    /// </summary>
    public static ScalarLocalizationOptions Localization(WrittenStandard language) => new()
    {
        Locale = language.Code(),
        Translations = JsonSerializer.SerializeToNode(new Dictionary<string, Dictionary<string, string>>
        {
            ["common"] = new Dictionary<string, string>
            {
                ["description"] = T(language, "Beskrivelse", "Skildring"),
                ["httpMethod"] = T(language, "HTTP-metode", "HTTP-metode"),
                ["path"] = T(language, "Sti", "Sti"),
                ["copyDefault"] = T(language, "Kopier standardverdien", "Kopier standardverdien"),
                ["copyExample"] = T(language, "Kopier eksempelverdien", "Kopier eksempelverdien"),
            },
            ["search"] = new Dictionary<string, string>
            {
                ["label"] = "Søk",
                ["inputLabel"] = T(language, "Skriv inn det du søker etter", "Skriv inn det du søkjer etter"),
                ["open"] = T(language, "Åpne søk", "Opne søk"),
                ["placeholder"] = "Søk …",
                ["clear"] = "Tøm søket",
                ["noResults"] = "Ingen treff",
                ["keyboardShortcut"] = "Hurtigtast:",
                ["control"] = "Ctrl",
                ["results"] = T(language, "Søkeresultater", "Søkjeresultat"),
                ["navigate"] = "Flytt",
                ["select"] = T(language, "Velg", "Vel"),
                ["instructions"] = T(language, "Pil opp og ned for å flytte, Enter for å velge, skriv for å filtrere",
                    "Pil opp og ned for å flytte, Enter for å velje, skriv for å filtrere"),
                ["entryHeading"] = "Overskrift",
                ["entryOperation"] = "Operasjon",
                ["entryTag"] = T(language, "Gruppe", "Gruppe"),
            },
            ["navigation"] = new Dictionary<string, string>
            {
                ["introduction"] = T(language, "Innledning", "Innleiing"),
                ["closeGroup"] = "Lukk gruppe",
                ["openGroup"] = T(language, "Åpne gruppe", "Opne gruppe"),
                ["closeMenu"] = "Lukk meny",
                ["openMenu"] = T(language, "Åpne meny", "Opne meny"),
                ["operations"] = T(language, "Operasjoner", "Operasjonar"),
                ["endpoints"] = T(language, "Endepunkter i {name}", "Endepunkt i {name}"),
                ["showAllEndpoints"] = T(language, "Vis alle endepunkter i {name}", "Vis alle endepunkt i {name}"),
                ["sidebarFor"] = T(language, "Innholdsliste for {name}", "Innhaldsliste for {name}"),
                ["mainContent"] = "API-dokumentasjon for {name}",
            },
            ["server"] = new Dictionary<string, string>
            {
                ["label"] = T(language, "Tjener", "Tenar"),
                ["select"] = T(language, "Velg en tjener", "Vel ein tenar"),
            },
            ["clientLibraries"] = new Dictionary<string, string>
            {
                ["heading"] = T(language, "Kodeeksempler", "Kodeeksempel"),
                ["more"] = T(language, "Flere", "Fleire"),
                ["selectAll"] = T(language, "Velg blant alle språk", "Vel mellom alle språk"),
                ["searchLabel"] = T(language, "Søk etter språk", "Søk etter språk"),
                ["changeClient"] = T(language, "Bytt språk for kodeeksempelet", "Byt språk for kodeeksempelet"),
            },
            ["operation"] = new Dictionary<string, string>
            {
                ["codeSampleUnavailable"] = T(language, "Ingen kodeeksempel for dette eksempelet.", "Ikkje noko kodeeksempel for dette eksempelet."),
                ["codeSample"] = "Kodeeksempel",
                ["body"] = T(language, "Innhold", "Innhald"),
                ["headers"] = T(language, "Hoder", "Hovud"),
                ["pathParameters"] = T(language, "Parametere i stien", "Parametrar i stien"),
                ["queryParameters"] = T(language, "Parametere i spørringen", "Parametrar i spørjinga"),
                ["requestBody"] = T(language, "Innhold i forespørselen", "Innhald i førespurnaden"),
                ["responses"] = "Svar",
                ["testRequest"] = T(language, "Prøv forespørselen", "Prøv førespurnaden"),
            },
            ["response"] = new Dictionary<string, string>
            {
                ["exampleResponses"] = T(language, "Eksempler på svar", "Døme på svar"),
                ["noBody"] = T(language, "Uten innhold", "Utan innhald"),
                ["showSchema"] = "Vis skjema",
                ["status"] = "Status",
            },
            ["schema"] = new Dictionary<string, string>
            {
                ["example"] = "Eksempel",
                ["examples"] = T(language, "Eksempler", "Døme"),
                ["default"] = "Standard",
                ["schema"] = "Skjema",
                ["emptyObject"] = "Tomt objekt",
                ["showSchemaDetails"] = T(language, "Vis detaljer i skjemaet", "Vis detaljar i skjemaet"),
                ["propertyCount"] = T(language, "Felter: {count}", "Felt: {count}"),
                ["nullable"] = T(language, "kan være null", "kan vere null"),
                ["required"] = T(language, "påkrevd", "påkravd"),
                ["type"] = "Type",
                ["format"] = "Format",
                ["pattern"] = T(language, "Mønster", "Mønster"),
                ["typeInteger"] = T(language, "Heltall.", "Heiltal."),
                ["formatInt32"] = T(language, "Heltall med fortegn, 32 biter.", "Heiltal med forteikn, 32 bitar."),
                ["formatDate"] = T(language, "Dato etter RFC 3339, for eksempel 2017-07-21", "Dato etter RFC 3339, til dømes 2017-07-21"),
            },
            ["download"] = new Dictionary<string, string>
            {
                ["openapi"] = "Last ned OpenAPI-dokumentet",
                ["asFormat"] = "{label} som {format}",
            },
            ["models"] = new Dictionary<string, string> { ["label"] = T(language, "Datatyper", "Datatypar") },
            ["actions"] = new Dictionary<string, string>
            {
                ["copyAsMarkdown"] = "Kopier som Markdown",
                ["copied"] = "Kopiert",
                ["copyMarkdownFailed"] = T(language, "Kunne ikke kopiere", "Kunne ikkje kopiere"),
                ["copyLink"] = "Kopier lenke",
                ["copyLinkTo"] = "Kopier lenke til {name}",
                ["copyToClipboard"] = T(language, "Kopier lenken", "Kopier lenka"),
                ["copyEndpointUrl"] = T(language, "Kopier adressen", "Kopier adressa"),
                ["showMore"] = T(language, "Vis mer", "Vis meir"),
            },
        })!.AsObject(),
    };

    /// <summary>
    /// No vendor link ("Powered by Scalar"); the licence link shows its name (Scalar shows an icon only: no link text);
    /// Scalar's grey texts (placeholder, tab labels, footnotes) darkened to at
    /// least 4.5:1 on its light backgrounds (WCAG 1.4.3; axe in ApiDocumentationBrowserTests).
    /// </summary>
    public const string Css = """
        a[href*="scalar.com"] { display: none !important; }
        .light-mode, :root { --scalar-color-2: #3d3d3d; --scalar-color-3: #545454; }
        .dark-mode { --scalar-color-2: #d6d6d6; --scalar-color-3: #bdbdbd; }
        a[href^="https://data.norge.no/"] span { display: inline !important; }
        .light-mode .scalar-app .hljs-literal, .light-mode .hljs-literal { color: #1a6b2a !important; }
        """;

    private static string T(WrittenStandard language, string nb, string nn) => language == WrittenStandard.Nn ? nn : nb;
}
