using Microsoft.AspNetCore.Authentication.Cookies;

namespace Busetting.Web.Security;

/// <summary>
/// Cookie names with the <c>__Host-</c> prefix when the request is https (ASVS 3.4.4): the browser then accepts the
/// cookie only with Secure, Path=/ and no Domain, so no sibling host and no http page can set or overwrite it. Over
/// plain http (Development, the tests) the prefix would make browsers drop the cookie, so the plain name is used there;
/// a production instance is reached over https, or through a TLS proxy named in ForwardedHeaders:KnownProxies, and
/// gets the prefixed name. The scheme is the one after forwarding (SecuritySetup), so "https" cannot be claimed by a
/// header from an untrusted peer.
/// </summary>
public sealed class HostPrefixCookies : ICookieManager
{
    public const string Prefix = "__Host-";

    private readonly ChunkingCookieManager _inner = new();

    /// <summary>The name a cookie called <paramref name="key"/> has on this request.</summary>
    public static string Name(HttpContext context, string key) => context.Request.IsHttps ? Prefix + key : key;

    /// <summary>What the prefix requires, on https: Secure, the whole site (Path=/), no Domain.</summary>
    public static CookieOptions Options(HttpContext context, CookieOptions options) =>
        context.Request.IsHttps ? new CookieOptions(options) { Secure = true, Path = "/", Domain = null } : options;

    public string? GetRequestCookie(HttpContext context, string key) => _inner.GetRequestCookie(context, Name(context, key));

    public void AppendResponseCookie(HttpContext context, string key, string? value, CookieOptions options) =>
        _inner.AppendResponseCookie(context, Name(context, key), value, Options(context, options));

    public void DeleteCookie(HttpContext context, string key, CookieOptions options) =>
        _inner.DeleteCookie(context, Name(context, key), Options(context, options));
}
