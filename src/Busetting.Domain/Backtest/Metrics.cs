namespace Busetting.Domain.Backtest;

/// <summary>How close an allocation comes to the real requests.</summary>
public sealed record Metrics(double Spearman, double RelativeL1, double Within20, int Count)
{
    public static Metrics Compare(IReadOnlyList<double> model, IReadOnlyList<double> actual)
    {
        if (model.Count != actual.Count || model.Count < 2)
        {
            throw new ArgumentException("need two equally long series of at least two values");
        }
        return new Metrics(SpearmanOf(model, actual), RelativeL1Of(model, actual), Within(model, actual, 0.20), model.Count);
    }

    /// <summary>Pearson correlation of the ranks; ties get their average rank.</summary>
    public static double SpearmanOf(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var rx = Ranks(x);
        var ry = Ranks(y);
        var mx = rx.Average();
        var my = ry.Average();
        double num = 0, dx = 0, dy = 0;
        for (var i = 0; i < rx.Length; i++)
        {
            num += (rx[i] - mx) * (ry[i] - my);
            dx += (rx[i] - mx) * (rx[i] - mx);
            dy += (ry[i] - my) * (ry[i] - my);
        }
        return dx == 0 || dy == 0 ? 0 : num / Math.Sqrt(dx * dy);
    }

    /// <summary>Σ|x − a| / Σa: the share of all requested persons that would have to move.</summary>
    public static double RelativeL1Of(IReadOnlyList<double> x, IReadOnlyList<double> actual)
    {
        var total = actual.Sum();
        return total == 0 ? double.NaN : x.Zip(actual).Sum(p => Math.Abs(p.First - p.Second)) / total;
    }

    /// <summary>Share of municipalities whose number is within ±<paramref name="tolerance"/> of the real one.</summary>
    public static double Within(IReadOnlyList<double> x, IReadOnlyList<double> actual, double tolerance) =>
        x.Zip(actual).Count(p => Math.Abs(p.First - p.Second) <= tolerance * p.Second + 1e-9) / (double)x.Count;

    private static double[] Ranks(IReadOnlyList<double> values)
    {
        var order = Enumerable.Range(0, values.Count).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Count];
        var start = 0;
        while (start < order.Length)
        {
            var end = start;
            while (end + 1 < order.Length && values[order[end + 1]] == values[order[start]])
            {
                end++;
            }
            for (var k = start; k <= end; k++)
            {
                ranks[order[k]] = (start + end) / 2.0 + 1;
            }
            start = end + 1;
        }
        return ranks;
    }
}
