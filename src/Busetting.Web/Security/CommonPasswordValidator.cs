using Busetting.Persistence;
using Microsoft.AspNetCore.Identity;

namespace Busetting.Web.Security;

/// <summary>
/// No composition rules (ASVS 2.1.9); instead a password may not be one of the common and breached passwords shipped in
/// data/security/common-passwords.txt (ASVS 2.1.7; source and licence in data/SOURCES.md), compared without regard to
/// case. The minimum length (12) is Identity's own check.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<AppUser>
{
    public const string Code = "PasswordCommon";

    private static readonly Lazy<HashSet<string>> List = new(Load);

    /// <summary>How many passwords the shipped list holds.</summary>
    public static int Count => List.Value.Count;

    public static bool IsCommon(string password) => List.Value.Contains(password.Trim());

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password) =>
        Task.FromResult(password is not null && IsCommon(password)
            ? IdentityResult.Failed(new IdentityError { Code = Code, Description = "a common password" })
            : IdentityResult.Success);

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("Busetting.Web.common-passwords.txt")
            ?? throw new InvalidOperationException("the common-password list is not embedded in the web assembly");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                set.Add(line);
            }
        }
        return set;
    }
}
