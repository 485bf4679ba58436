namespace Busetting.Domain.Primitives;

/// <summary>A fylkesnummer: exactly two digits ("03", "46").</summary>
public readonly record struct CountyNumber : IComparable<CountyNumber>
{
    private CountyNumber(string value) => Value = value;

    public string Value { get; }

    public static CountyNumber Parse(string text)
    {
        var trimmed = (text ?? "").Trim();
        if (trimmed.Length != 2 || !trimmed.All(char.IsAsciiDigit))
        {
            throw new FormatException($"fylkesnummer '{trimmed}' must be two digits");
        }
        return new CountyNumber(trimmed);
    }

    public int CompareTo(CountyNumber other) => string.CompareOrdinal(Value, other.Value);

    public override string ToString() => Value ?? "";
}
