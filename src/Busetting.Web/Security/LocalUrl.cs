namespace Busetting.Web.Security;

/// <summary>
/// The one check for every return address and link target taken from a request (<c>returnUrl</c>): only a path on this
/// site is followed. A browser drops tabs and line breaks and reads a backslash as a slash, so <c>/\t/evil.example</c>
/// and <c>/\evil.example</c> are <c>//evil.example</c> to it; those, control characters, and the same tricks
/// percent-encoded once (<c>/%5Cevil</c>, <c>/%09/evil</c>) are refused.
/// </summary>
public static class LocalUrl
{
    private const int MaxLength = 2048;

    /// <summary>Whether <paramref name="url"/> is a path on this site that no browser reads as another site.</summary>
    public static bool IsSafe(string? url)
    {
        // Decoded once too: a server or proxy on the way may decode the address before a browser reads it.
        return !string.IsNullOrEmpty(url) && url.Length <= MaxLength && PlainPath(url, rawForm: true)
            && PlainPath(Uri.UnescapeDataString(url), rawForm: false);
    }

    /// <summary><paramref name="url"/> when it is safe, otherwise the start page.</summary>
    public static string OrHome(string? url) => IsSafe(url) ? url! : "/";

    /// <summary>
    /// Starts with one slash, has no backslash and no control character; in the raw form no white space either (a
    /// browser strips some of it, and an address we make is always percent-encoded).
    /// </summary>
    private static bool PlainPath(string url, bool rawForm) =>
        url.Length > 0 && url[0] == '/' && (url.Length == 1 || url[1] != '/')
        && !url.Any(c => c == '\\' || char.IsControl(c) || (rawForm && char.IsWhiteSpace(c)));
}
