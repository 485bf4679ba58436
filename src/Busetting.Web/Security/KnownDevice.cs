using Microsoft.AspNetCore.DataProtection;

namespace Busetting.Web.Security;

/// <summary>
/// "This browser signed in to this account before": a cookie, signed and encrypted with the data-protection keys and
/// valid for <see cref="Lifetime"/>, set at every successful password sign-in. <see cref="LoginGuard"/>'s account-wide
/// delay does not apply to such a browser, so guessing from many places never keeps the real user out of a browser
/// they use (docs/security.md, V2). It names accounts, not passwords, and is useless without the password.
/// </summary>
public static class KnownDevice
{
    public const string Cookie = "busetting-device";
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(180);
    private const int MaxAccounts = 5;
    private const string Purpose = "Busetting.KnownDevice.v1";

    /// <summary>Whether this browser's cookie names <paramref name="account"/>.</summary>
    public static bool Is(HttpContext http, string account) => Accounts(http).Contains(Key(account), StringComparer.Ordinal);

    /// <summary>Adds <paramref name="account"/> to this browser's cookie (the newest five accounts are kept).</summary>
    public static void Remember(HttpContext http, string account)
    {
        var accounts = new[] { Key(account) }.Concat(Accounts(http).Where(a => a != Key(account))).Take(MaxAccounts);
        var value = Protector(http).Protect(string.Join('\n', accounts), Lifetime);
        http.Response.Cookies.Append(HostPrefixCookies.Name(http, Cookie), value, HostPrefixCookies.Options(http, new CookieOptions
        {
            HttpOnly = true, SameSite = SameSiteMode.Lax, Path = "/konto", IsEssential = true, MaxAge = Lifetime, Secure = http.Request.IsHttps,
        }));
    }

    private static string[] Accounts(HttpContext http)
    {
        if (!http.Request.Cookies.TryGetValue(HostPrefixCookies.Name(http, Cookie), out var value) || string.IsNullOrEmpty(value))
        {
            return [];
        }
        try
        {
            return Protector(http).Unprotect(value).Split('\n');
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            // Expired, tampered with, or from keys that are gone: as if there were no cookie.
            return [];
        }
    }

    private static ITimeLimitedDataProtector Protector(HttpContext http) =>
        http.RequestServices.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).ToTimeLimitedDataProtector();

    private static string Key(string account) => account.Trim().ToUpperInvariant();
}
