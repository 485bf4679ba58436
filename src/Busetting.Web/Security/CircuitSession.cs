using System.Globalization;
using System.Security.Claims;

namespace Busetting.Web.Security;

/// <summary>
/// An open interactive circuit (the what-if) keeps the limits of an HTTP session: it ends after
/// <see cref="SecuritySetup.IdleTimeout"/> without user interaction in the circuit and
/// <see cref="SecuritySetup.AbsoluteTimeout"/> after sign-in (the <see cref="SecuritySetup.SignedInAtClaim"/> claim).
/// One per circuit (scoped); the component touches it on every user action, the revalidation asks it every interval.
/// </summary>
public sealed class CircuitSession(TimeProvider clock)
{
    private DateTimeOffset _lastInteraction = clock.GetUtcNow();

    /// <summary>The user did something in the circuit (moved a slider, pressed a button).</summary>
    public void Touch() => _lastInteraction = clock.GetUtcNow();

    /// <summary>Whether the circuit is past its idle or absolute limit; a principal without a sign-in time has ended.</summary>
    public bool Ended(ClaimsPrincipal principal)
    {
        var now = clock.GetUtcNow();
        if (now - _lastInteraction > SecuritySetup.IdleTimeout)
        {
            return true;
        }
        return principal.FindFirstValue(SecuritySetup.SignedInAtClaim) is not { } at
            || !DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var since)
            || now - since > SecuritySetup.AbsoluteTimeout;
    }
}
