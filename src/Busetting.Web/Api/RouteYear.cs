using System.Globalization;

namespace Busetting.Web.Api;

/// <summary>
/// The year in a route (<c>{year:int}</c>): any whole number the route takes. Only a number within the years the
/// system covers is a <see cref="SettlementYear"/>; any other is answered as a year that does not exist (not found,
/// or empty), never as a malformed request.
/// </summary>
public readonly record struct RouteYear(int Number)
{
    /// <summary>The settlement year, or null when the number is outside the covered years.</summary>
    public SettlementYear? Settlement => TrySettlement(out var year) ? year : null;

    public bool TrySettlement(out SettlementYear year) => SettlementYear.TryCreate(Number, out year);

    /// <summary>Binds a route value the way an <c>int</c> binds (invariant culture), so the same URLs match as before.</summary>
    public static bool TryParse(string? text, IFormatProvider? provider, out RouteYear year)
    {
        var parsed = int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number);
        year = new RouteYear(number);
        return parsed;
    }

    public override string ToString() => Number.ToString(CultureInfo.InvariantCulture);
}
