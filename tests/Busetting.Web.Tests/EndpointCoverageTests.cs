using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.AspNetCore.StaticAssets;

namespace Busetting.Web.Tests;

/// <summary>
/// The authorisation matrices are complete: every route the application serves (Razor component pages and minimal-API
/// endpoints, read from its <see cref="EndpointDataSource"/>) has a row in the read matrix, every POST endpoint a row in
/// the antiforgery matrix, and every form (each <c>@formname</c> in the components) a row in the write matrix. A new
/// page, endpoint or form without rows fails here.
/// </summary>
public partial class EndpointCoverageTests
{
    /// <summary>Framework plumbing without data of its own, or routes proven elsewhere; each with the reason.</summary>
    private static readonly Dictionary<string, string> Elsewhere = new()
    {
        ["/_blazor"] = "the what-if circuit; its page is in the read matrix, and the circuit re-checks the session (SessionTests.Circuit_LockedOrSignedOutElsewhere_CheckFails)",
        ["/_blazor/negotiate"] = "the what-if circuit's connection set-up",
        ["/_blazor/disconnect/"] = "the what-if circuit's disconnect",
        ["/_blazor/initializers/"] = "the what-if circuit's script list",
        ["/_framework/opaque-redirect"] = "Blazor's redirect helper for enhanced navigation; serves no data",
        ["{**path:file}"] = "the static files' fallback (wwwroot only)",
        ["/konto/oidc"] = "OpenID Connect sign-in needs the provider: OidcTests",
        ["/konto/oidc-ferdig"] = "OpenID Connect sign-in needs the provider: OidcTests",
    };

    private static List<RouteEndpoint> Routes()
    {
        using var app = new SqliteApp();
        // OpenID Connect's routes exist only when it is configured; they are listed too.
        app.Settings["Authentication:OpenIdConnect:Authority"] = "http://127.0.0.1:9/";
        app.Settings["Authentication:OpenIdConnect:ClientId"] = "busetting";
        app.Settings["Authentication:OpenIdConnect:RequireHttpsMetadata"] = "false";
        return app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<StaticAssetDescriptor>() is null).ToList();
    }

    private static bool Matches(RouteEndpoint endpoint, string url)
    {
        var path = url.Split('?')[0];
        var matcher = new TemplateMatcher(TemplateParser.Parse(endpoint.RoutePattern.RawText!.TrimStart('/')), new RouteValueDictionary());
        return matcher.TryMatch(new PathString(path), new RouteValueDictionary());
    }

    [Fact]
    public void Routes_EveryPageAndEndpoint_HasAMatrixRow()
    {
        var reads = AuthorizationMatrixTests.Urls().Concat(PublishedYearMatrixTests.Urls()).ToList();
        var missing = new List<string>();
        foreach (var endpoint in Routes())
        {
            var pattern = endpoint.RoutePattern.RawText!;
            if (Elsewhere.ContainsKey(pattern))
            {
                continue;
            }
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [];
            var page = endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is not null;
            if ((page || methods.Count == 0 || methods.Contains("GET")) && !reads.Any(url => Matches(endpoint, url)))
            {
                missing.Add("read matrix: GET " + pattern);
            }
            if (!page && methods.Contains("POST") && !AntiforgeryMatrixTests.PostEndpoints.Any(url => Matches(endpoint, url)))
            {
                missing.Add("antiforgery matrix: POST " + pattern);
            }
        }
        Assert.True(missing.Count == 0, "Routes without a row:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Forms_EveryFormName_HasAWriteRow()
    {
        var handlers = WriteFormMatrixTests.Forms.Values.Select(f => f.Handler).ToHashSet(StringComparer.Ordinal);
        var components = Directory.EnumerateFiles(Path.Combine(Drill.Root, "src", "Busetting.Web", "Components"), "*.razor", SearchOption.AllDirectories).ToList();
        var names = components.SelectMany(file => FormName().Matches(File.ReadAllText(file)).Select(m => (File: Path.GetFileName(file), Name: m.Groups[1].Value))).ToList();
        Assert.True(names.Count > 20, $"only {names.Count} forms found: the pattern no longer matches the components");
        var missing = names.Where(n => !handlers.Contains(n.Name)).Select(n => $"{n.File}: {n.Name}").Distinct().ToList();
        Assert.True(missing.Count == 0, "Forms without a row in the write matrix:\n" + string.Join("\n", missing));
    }

    [GeneratedRegex("@formname=\"([^\"]+)\"")]
    private static partial Regex FormName();
}
