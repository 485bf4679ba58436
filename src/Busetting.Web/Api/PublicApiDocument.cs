using Busetting.Web.Services;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Busetting.Web.Api;

/// <summary>
/// The public OpenAPI document (/openapi/v1.json) as a contract a client generator can use: an id, typed answers and
/// problem responses for every operation, no security, a relative server and the data's licence. Its texts are in the
/// reader's written standard (<see cref="Requests.LanguageOf"/>), as the documentation page over it.
/// </summary>
public static class PublicApiDocument
{
    public const string Name = "v1";

    /// <summary>The tag of the public operations (an identifier clients see; the description follows the reader).</summary>
    public const string Tag = "Offentlege tal";

    public static IServiceCollection AddPublicApiDocument(this IServiceCollection services) =>
        services.AddHttpContextAccessor().AddOpenApi(Name, o =>
        {
            o.AddDocumentTransformer((document, context, _) =>
            {
                Describe(document, LanguageOf(context.ApplicationServices));
                return Task.CompletedTask;
            });
            o.AddOperationTransformer((operation, context, _) =>
            {
                Describe(operation, LanguageOf(context.ApplicationServices));
                return Task.CompletedTask;
            });
            o.AddSchemaTransformer((schema, context, _) =>
            {
                Describe(schema, context, LanguageOf(context.ApplicationServices));
                return Task.CompletedTask;
            });
        });

    private static WrittenStandard LanguageOf(IServiceProvider services) =>
        Requests.LanguageOf(services.GetRequiredService<IHttpContextAccessor>().HttpContext, services.GetRequiredService<ReferenceStore>());

    private static string T(WrittenStandard language, string nb, string nn) => language == WrittenStandard.Nn ? nn : nb;

    private static void Describe(OpenApiDocument document, WrittenStandard language)
    {
        document.Info.Title = T(language, "Busetting – åpne data om anmodninger om bosetting", "Busetting – opne data om oppmoding om busetting");
        document.Info.Description = T(language,
            "Publiserte anmodninger, vedtak og bosatte per kommune og år. Bare publiserte tall; ingen innlogging. Feil svares som problemdetaljer (RFC 9457) med tittel på bokmål eller nynorsk etter valgt målform.",
            "Publiserte oppmodingar, vedtak og busette per kommune og år. Berre publiserte tal; inga innlogging. Feil blir svara som problemdetaljar (RFC 9457) med tittel på bokmål eller nynorsk etter vald målform.");
        document.Info.Contact = new OpenApiContact
        {
            Name = T(language, "Integrerings- og mangfoldsdirektoratet (IMDi)", "Integrerings- og mangfaldsdirektoratet (IMDi)"),
        };
        // The licences as data/SOURCES.md states them: SSB's population under NLOD 2.0; IMDi states no licence of its own.
        document.Info.License = new OpenApiLicense
        {
            Name = T(language,
                "Folketall fra SSB: NLOD 2.0. Anmodninger, vedtak og bosatte fra IMDi: ingen egen lisens oppgitt, oppgi IMDi som kilde.",
                "Folketal frå SSB: NLOD 2.0. Oppmodingar, vedtak og busette frå IMDi: ingen eigen lisens oppgitt, oppgi IMDi som kjelde."),
            Url = new Uri("https://data.norge.no/nlod/no/2.0"),
        };
        // Relative: clients use the address they fetched this document from, never one taken from the request's Host header.
        document.Servers = [new OpenApiServer { Url = "/", Description = T(language, "Denne tjenesten", "Denne tenesta") }];
        document.Tags = new HashSet<OpenApiTag>
        {
            new() { Name = Tag, Description = T(language, "Publiserte tall per år og kommune, uten innlogging.", "Publiserte tal per år og kommune, utan innlogging.") },
        };
    }

    private static void Describe(OpenApiOperation operation, WrittenStandard language)
    {
        // Public: no sign-in (an empty list, not an absent one, says so to linters and generators).
        operation.Security = [];
        (operation.Summary, operation.Description) = operation.OperationId switch
        {
            PublicApi.ListYears => (T(language, "År med publiserte tall", "År med publiserte tal"),
                T(language, "Hvert år med publiserte tall, med summene for hele landet.", "Kvart år med publiserte tal, med summane for heile landet.")),
            PublicApi.GetYear => (T(language, "Alle kommunenes tall for et år", "Tala til alle kommunane for eit år"),
                T(language, "Anmodet, vedtatt og bosatt per kommune. Uten fylke svares hele året med en ETag; If-None-Match gir 304.",
                    "Oppmoda, vedteke og busett per kommune. Utan fylke blir heile året svara med ein ETag; If-None-Match gir 304.")),
            PublicApi.GetMunicipality => (T(language, "Én kommunes tall for et år", "Tala til éin kommune for eit år"),
                T(language, "De publiserte tallene for én kommune, etter kommunenummer med fire sifre (0301).", "Dei publiserte tala for éin kommune, etter kommunenummer med fire siffer (0301).")),
            _ => (operation.Summary, operation.Description),
        };
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (parameter.Schema is OpenApiSchema { Type: JsonSchemaType.Integer } number)
            {
                number.Pattern = null;
            }
            parameter.Description = parameter.Name switch
            {
                "year" => T(language, "Bosettingsåret, for eksempel 2022", "Busetjingsåret, til dømes 2022"),
                "county" => T(language, "Bare kommunene i dette fylket (fylkesnummer, for eksempel 46)", "Berre kommunane i dette fylket (fylkesnummer, til dømes 46)"),
                "kommunenummer" => T(language, "Kommunenummer med fire sifre, for eksempel 0301", "Kommunenummer med fire siffer, til dømes 0301"),
                _ => parameter.Description,
            };
        }
        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (response is OpenApiResponse described)
            {
                described.Description = status switch
                {
                    "200" => "OK",
                    "304" => T(language, "Uendret siden ETag-en i If-None-Match", "Uendra sidan ETag-en i If-None-Match"),
                    "404" => T(language, "Ingen publiserte tall for året eller kommunen", "Ingen publiserte tal for året eller kommunen"),
                    _ => described.Description,
                };
            }
        }
    }

    private static void Describe(OpenApiSchema schema, OpenApiSchemaTransformerContext context, WrittenStandard language)
    {
        // The server writes numbers as JSON numbers; the web defaults' "also read from a string" is no part of the answer.
        if (schema.Type is { } type && type.HasFlag(JsonSchemaType.Integer))
        {
            schema.Type = type & ~JsonSchemaType.String;
            schema.Pattern = null;
        }
        if (context.JsonPropertyInfo is { } property && Property(property.Name, language) is { } text)
        {
            schema.Description = text;
        }
    }

    /// <summary>The fields of the public answers (<see cref="PublicApi.YearSummary"/>, <see cref="PublicApi.YearFigures"/>, <see cref="PublicRow"/>).</summary>
    private static string? Property(string name, WrittenStandard language) => name switch
    {
        "year" => T(language, "Bosettingsåret", "Busetjingsåret"),
        "source" => T(language, "Kilde: «Busetting» (planlagt i denne tjenesten) eller «Imdi» (IMDis publiserte tabeller)", "Kjelde: «Busetting» (planlagt i denne tenesta) eller «Imdi» (dei publiserte tabellane til IMDi)"),
        "revision" => T(language, "Revisjonen tallene kommer fra", "Revisjonen tala kjem frå"),
        "decisionDeadline" => T(language, "Fristen for kommunenes vedtak, hvis den er satt", "Fristen for vedtaka til kommunane, om han er sett"),
        "requested" => T(language, "Anmodet antall personer (null = ikke kjent)", "Oppmoda tal personar (null = ikkje kjent)"),
        "requestedEm" => T(language, "Av dem enslige mindreårige", "Av dei einslege mindreårige"),
        "decided" => T(language, "Vedtatt antall personer", "Vedteke tal personar"),
        "decidedEm" => T(language, "Av dem enslige mindreårige", "Av dei einslege mindreårige"),
        "settled" => T(language, "Bosatte i året", "Busette i året"),
        "planNextYear" => T(language, "Plantall for neste år", "Plantal for neste år"),
        "municipalities" => T(language, "Kommunene", "Kommunane"),
        "kommunenummer" => T(language, "Kommunenummer med fire sifre", "Kommunenummer med fire siffer"),
        "name" => T(language, "Kommunens navn", "Namnet på kommunen"),
        "countyNumber" => T(language, "Fylkesnummer", "Fylkesnummer"),
        "county" => T(language, "Fylkets navn", "Namnet på fylket"),
        "population" => T(language, "Folketall (SSB)", "Folketal (SSB)"),
        _ => null,
    };
}
