using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace Busetting.Planning;

/// <summary>
/// A password an administrator gave out (new account or reset) is one-time: the account carries <see cref="Claim"/>
/// until its owner has chosen a new one, and may do nothing else meanwhile (the web's sign-in pipeline enforces it).
/// </summary>
public static class OneTimePasswords
{
    /// <summary>A user claim (AspNetUserClaims), so it rides in the sign-in cookie and needs no schema change.</summary>
    public const string Claim = "busetting:must-change-password";

    /// <summary>A random one-time password that meets the password policy (12+ characters, all four kinds).</summary>
    public static string New() =>
        "Bs-" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('/', 'x').Replace('+', 'y') + "9!";

    /// <summary>Marks the account's password as one-time: it must be changed at the next sign-in.</summary>
    public static async Task Mark(UserManager<AppUser> users, AppUser user)
    {
        if (!(await users.GetClaimsAsync(user)).Any(c => c.Type == Claim))
        {
            await users.AddClaimAsync(user, new System.Security.Claims.Claim(Claim, "true"));
        }
    }
}
