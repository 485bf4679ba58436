using System.Globalization;
using Microsoft.AspNetCore.Components;

namespace Busetting.Web.Components;

/// <summary>
/// Base of the sign-in pages (password, then code): the account endpoints redirect back to them with where to go after
/// signing in, why the attempt was refused (<c>feil</c>) and, for too many attempts, how many minutes to wait.
/// </summary>
public abstract class SignInComponent : BusettingComponent
{
    [SupplyParameterFromQuery] public string? ReturnUrl { get; set; }
    [SupplyParameterFromQuery] public string? Feil { get; set; }
    [SupplyParameterFromQuery(Name = "minutt")] public string? Minutt { get; set; }

    /// <summary>The wait, as a whole number of minutes from 1 to 15 (anything else in the query shows 15).</summary>
    protected int Minutes => int.TryParse(Minutt, NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m is >= 1 and <= 15 ? m : 15;
}
