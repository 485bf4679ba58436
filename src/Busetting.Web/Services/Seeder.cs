using System.Globalization;
using System.Security.Cryptography;
using Busetting.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Busetting.Web.Services;

/// <summary>Creates or migrates the database and seeds what a fresh installation needs from the shipped data/.</summary>
public sealed class Seeder(BusettingDb db, ReferenceStore reference, UserManager<AppUser> users, RoleManager<IdentityRole> roles,
    IUserStore<AppUser> store, TimeProvider clock, ILogger<Seeder> log)
{
    /// <summary>The committee's need for 2025 as first set (DOMAIN.md: "2025 cut from 18 900 to 12 640 mid-year").</summary>
    public const int SeedYear = 2025;
    public const int SeedNeed = 18_900;

    public sealed record DemoUser(string UserName, string Role, string DisplayName, string? Kommunenummer, string? Fylkesnummer);

    /// <summary>Demo accounts, created only in Development: one per role; Sogndal (Nynorsk) and Bergen as case workers.</summary>
    public static readonly IReadOnlyList<DemoUser> DemoUsers =
    [
        new("planlegger@demo.imdi.no", RoleNames.Planner, "Planlegger (demo)", null, null),
        new("admin@demo.imdi.no", RoleNames.Admin, "Administrator (demo)", null, null),
        new("ks@demo.ks.no", RoleNames.Ks, "KS-rådgiver (demo)", null, null),
        new("fylke46@demo.vlfk.no", RoleNames.County, "Vestland fylkeskommune (demo)", null, "46"),
        new("kommune4640@demo.sogndal.kommune.no", RoleNames.Municipality, "Saksbehandlar Sogndal (demo)", "4640", null),
        new("kommune4601@demo.bergen.kommune.no", RoleNames.Municipality, "Saksbehandler Bergen (demo)", "4601", null),
    ];

    public async Task Migrate()
    {
        await db.Database.MigrateAsync();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
        if (!await db.Years.AnyAsync())
        {
            await SeedPlanningYear();
        }
    }

    private async Task SeedPlanningYear()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var year = SettlementYear.Create(SeedYear);
        db.Years.Add(new PlanningYear { Year = year, Status = YearStatus.Draft, Version = 1 });
        db.CriteriaVersions.Add(new CriteriaEntry
        {
            Year = year, Number = 1, Json = reference.DefaultCriteriaJson(year), By = "system", At = now,
            Reason = "Levert med systemet (kriteriesettet for 2025)",
        });
        db.Needs.Add(new NeedEntry
        {
            Year = year, Number = 1, Persons = SeedNeed, Em = 0, By = "system", At = now,
            Reason = "Beregningsutvalgets første anslag for 2025 (18 900). EM-behovet for 2025 finnes ikke i de leverte kildene: registrer det før fordeling.",
        });
        db.Audit.Add(new AuditEntry { At = now, Actor = AuditActions.SystemActor, Role = "", Action = AuditActions.YearSeed, Year = year, Details = "{}", Reason = "første oppstart" });
        await db.SaveChangesAsync();
        log.LogInformation("Seeded planning year {Year} with need {Need} and criteria from the shipped data", SeedYear, SeedNeed);
    }

    /// <summary>
    /// Creates the demo users (Development only) with a fresh random password at every start, printed once to the log:
    /// no password is ever in the repository. <paramref name="fixedPassword"/> is for tests. The IMDi demo users
    /// (planner, administrator) are enrolled with <paramref name="authenticatorKey"/> (base32; Demo:AuthenticatorKey),
    /// or a fresh random key; the key is returned with the password.
    /// </summary>
    public async Task<(string Password, string AuthenticatorKey)> SeedDemoUsers(string? fixedPassword, string? authenticatorKey = null)
    {
        var password = fixedPassword ?? "Demo-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(6)).ToLowerInvariant() + "!";
        var key = authenticatorKey ?? users.GenerateNewAuthenticatorKey();
        if (!TwoFactor.IsValidKey(key))
        {
            throw new InvalidOperationException("Demo:AuthenticatorKey must be base32 (A–Z, 2–7), at least 16 characters");
        }
        foreach (var demo in DemoUsers)
        {
            var user = await users.FindByNameAsync(demo.UserName);
            if (user is null)
            {
                user = new AppUser
                {
                    UserName = demo.UserName, Email = demo.UserName, EmailConfirmed = true, DisplayName = demo.DisplayName,
                    Kommunenummer = demo.Kommunenummer is { } k ? MunicipalityNumber.Parse(k) : null, Fylkesnummer = demo.Fylkesnummer, LockoutEnabled = true,
                };
                Check(await users.CreateAsync(user, password), demo.UserName);
                Check(await users.AddToRoleAsync(user, demo.Role), demo.UserName);
            }
            else
            {
                var token = await users.GeneratePasswordResetTokenAsync(user);
                Check(await users.ResetPasswordAsync(user, token, password), demo.UserName);
                await users.SetLockoutEndDateAsync(user, null);
                await users.ResetAccessFailedCountAsync(user);
            }
            if (TwoFactor.RequiredFor(demo.Role))
            {
                await TwoFactor.SetKey(users, store, user, key);
                Check(await users.SetTwoFactorEnabledAsync(user, true), demo.UserName);
            }
        }
        return (password, key);
    }

    /// <summary>Locks every demo account in the database (Production): returns how many were open.</summary>
    public async Task<int> LockDemoUsers()
    {
        var count = 0;
        foreach (var demo in DemoUsers)
        {
            if (await users.FindByNameAsync(demo.UserName) is { } user && !await users.IsLockedOutAsync(user))
            {
                await users.SetLockoutEnabledAsync(user, true);
                await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
                await users.UpdateSecurityStampAsync(user);
                count++;
            }
        }
        return count;
    }

    private static void Check(IdentityResult result, string user)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"demo user {user}: {string.Join("; ", result.Errors.Select(e => e.Description))}"));
        }
    }
}
