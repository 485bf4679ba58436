namespace Busetting.Domain.Primitives;

/// <summary>The year in which refugees are to be settled; its request letters are written in the autumn before.</summary>
public readonly record struct SettlementYear : IComparable<SettlementYear>
{
    public const int Earliest = 2000;
    public const int Latest = 2100;

    private SettlementYear(int value) => Value = value;

    public int Value { get; }

    /// <summary>The last year whose data may be used: letters for year Y are written in the autumn of Y−1.</summary>
    public int LastDataYear => Value - 1;

    public static bool TryCreate(int value, out SettlementYear year)
    {
        year = new SettlementYear(value);
        return value is >= Earliest and <= Latest;
    }

    public static SettlementYear Create(int value) =>
        TryCreate(value, out var year) ? year : throw new ArgumentOutOfRangeException(nameof(value), value, $"year must be between {Earliest} and {Latest}");

    public int CompareTo(SettlementYear other) => Value.CompareTo(other.Value);

    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
