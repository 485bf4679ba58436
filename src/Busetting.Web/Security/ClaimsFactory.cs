using System.Security.Claims;
using Busetting.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Busetting.Web.Security;

/// <summary>Puts the user's municipality, county and display name into the sign-in cookie's claims.</summary>
public sealed class ClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(BusettingClaims.DisplayName, user.DisplayName));
        if (user.Kommunenummer is { } kommune)
        {
            identity.AddClaim(new Claim(BusettingClaims.Kommunenummer, kommune.Value));
        }
        if (user.Fylkesnummer is { } fylke)
        {
            identity.AddClaim(new Claim(BusettingClaims.Fylkesnummer, fylke));
        }
        // Made on every request (the security stamp is checked each time): an administrator's reset counts at once.
        if (TwoFactor.State(user.TwoFactorEnabled, identity.FindAll(identity.RoleClaimType).Select(c => c.Value)) is { } mfa)
        {
            identity.AddClaim(new Claim(TwoFactor.StateClaim, mfa));
        }
        return identity;
    }
}
