using Microsoft.AspNetCore.OutputCaching;

namespace Busetting.Web.Services;

/// <summary>
/// The public pages (/tal, /kart, /kommune) rendered once and served from memory on publication day (docs/adr/0010).
/// Only anonymous GETs are cached, and only a 200 without cookies; the key varies by every query parameter, the
/// written standard (language cookie) and Blazor's enhanced navigation. Anything that changes public figures evicts the
/// tag at once (<see cref="PublicFigures.Invalidate"/>); entries also expire after a lifetime (default
/// <see cref="PublicFigures.StampLifetime"/>, configuration PublicPages:CacheLifetime), so another instance's write shows
/// about as soon as it does in the API.
/// </summary>
public sealed class PublicPageCache(TimeSpan lifetime) : IOutputCachePolicy
{
    public const string PolicyName = "public-pages";
    public const string Tag = "public-figures";

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var anonymous = http.User.Identity?.IsAuthenticated != true && string.IsNullOrEmpty(http.Request.Headers.Authorization);
        var allowed = anonymous && (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method));
        if (allowed)
        {
            // Blazor mints an antiforgery cookie on every page it renders; these pages have no form for an anonymous
            // visitor, so the cookie is dropped and the page can be stored for everyone. (Registered before Blazor's
            // own callback, so it runs after it.)
            http.Response.OnStarting(() =>
            {
                var cookies = http.Response.Headers.SetCookie;
                var kept = cookies.Where(c => c?.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal) != true).ToArray();
                if (kept.Length != cookies.Count)
                {
                    http.Response.Headers.SetCookie = kept;
                }
                return Task.CompletedTask;
            });
        }
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = allowed;
        context.AllowCacheStorage = allowed;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = lifetime;
        context.Tags.Add(Tag);
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.VaryByValues["lang"] = WrittenStandards.NynorskOrBokmal(http.Request.Cookies[Requests.LanguageCookie]).Code();
        context.CacheVaryByRules.VaryByValues["enhanced"] =
            http.Request.Headers.Accept.ToString().Contains("blazor-enhanced-nav", StringComparison.Ordinal) ? "1" : "0";
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        // A cookie (antiforgery, sign-in) or any other status than 200 is never stored for others to see.
        if (response.StatusCode != StatusCodes.Status200OK || !Microsoft.Extensions.Primitives.StringValues.IsNullOrEmpty(response.Headers.SetCookie))
        {
            context.AllowCacheStorage = false;
        }
        return ValueTask.CompletedTask;
    }
}

/// <summary>The public pages in the output cache, evicted by their tag when public figures change.</summary>
public sealed class OutputCachedPublicPages(IOutputCacheStore store) : IPublicPages
{
    public ValueTask Evict() => store.EvictByTagAsync(PublicPageCache.Tag, CancellationToken.None);
}
