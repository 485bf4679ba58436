using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Scalar.AspNetCore;

namespace Busetting.Web.Api;

/// <summary>
/// A human-readable page over the public OpenAPI document (Scalar, served from the package, no CDN or web fonts), in the
/// reader's written standard (the document's texts follow it too, <see cref="PublicApiDocument"/>), with no AI agent,
/// MCP, SDK or hosting offers, developer tools or telemetry: a public page of IMDi's, not the vendor's shop window.
/// </summary>
public static partial class ApiReference
{
    public const string Path = "/api/dokumentasjon";

    public static void MapApiReference(this IEndpointRouteBuilder app) =>
        app.MapScalarApiReference(Path, (o, http) => o
                .WithTitle(ApiReferenceTexts.Title(ApiResults.LanguageOf(http)))
                .WithFavicon("/favicon.svg")
                .WithOpenApiRoutePattern("/openapi/{documentName}.json")
                .WithLocalization(ApiReferenceTexts.Localization(ApiResults.LanguageOf(http)))
                .DisableAgent()
                .DisableMcp()
                .DisableTelemetry()
                .HideDeveloperTools()
                .HideClientButton()
                .WithCustomCss(ApiReferenceTexts.Css)
                .DisableDefaultFonts())
            .AllowAnonymous()
            .Add(endpoint => endpoint.RequestDelegate = AllowOwnInlineScript(endpoint.RequestDelegate!));

    /// <summary>
    /// Scalar's page starts itself with one inline module script. The site's CSP forbids inline scripts, so this page
    /// alone gets a CSP that allows exactly that script, by its SHA-256 hash (no 'unsafe-inline').
    /// </summary>
    private static RequestDelegate AllowOwnInlineScript(RequestDelegate next) => async context =>
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }
        if (context.Response.ContentType?.StartsWith("text/html", StringComparison.Ordinal) == true)
        {
            // The page's language is the reader's written standard (Scalar's template has no lang attribute).
            var html = Encoding.UTF8.GetString(buffer.ToArray())
                .Replace("<html>", $"<html lang=\"{ApiResults.LanguageOf(context).Code()}\">", StringComparison.Ordinal);
            var hashes = InlineScript().Matches(html)
                .Select(m => "'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(m.Groups[1].Value))) + "'");
            context.Response.Headers.ContentSecurityPolicy =
                $"default-src 'self'; script-src 'self' {string.Join(' ', hashes)}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
                "connect-src 'self'; font-src 'self' data:; worker-src 'self' blob:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
            context.Response.ContentLength = null;
            await original.WriteAsync(Encoding.UTF8.GetBytes(html));
            return;
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(original);
    };

    [GeneratedRegex("<script type=\"module\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex InlineScript();
}
