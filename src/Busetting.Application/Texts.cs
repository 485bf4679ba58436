using System.Globalization;

namespace Busetting.Application;

/// <summary>Numbers written the Norwegian way (1 234,5). The words of explanations are in <see cref="ExplanationTexts"/>.</summary>
public static class Texts
{
    public static readonly CultureInfo Norwegian = CreateNorwegian();

    public static string Number(decimal value, int decimals = 0) => value.ToString(decimals == 0 ? "#,0" : "#,0." + new string('0', decimals), Norwegian);

    public static string Number(double value, int decimals = 0) => Number((decimal)value, decimals);

    public static string Number(long value) => Number((decimal)value);

    public static string Number(int value) => Number((decimal)value);

    private static CultureInfo CreateNorwegian()
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.NumberFormat.NumberGroupSeparator = "\u00A0";
        culture.NumberFormat.NumberDecimalSeparator = ",";
        culture.NumberFormat.NegativeSign = "−";
        return CultureInfo.ReadOnly(culture);
    }
}
