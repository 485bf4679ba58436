namespace Busetting.Domain.Backtest;

/// <summary>
/// One municipality's real EM count as an interval: exact when published, 1–4 when IMDi suppressed it (IMDi suppresses
/// counts below 5 and publishes zeros, so a suppressed count is at least 1).
/// </summary>
public readonly record struct EmCount(int Low, int High)
{
    /// <summary>IMDi suppresses counts below this.</summary>
    public const int SuppressionLimit = 5;

    public static EmCount Exact(int value) => new(value, value);

    public static EmCount Suppressed { get; } = new(1, SuppressionLimit - 1);

    public bool IsSuppressed => Low != High;

    /// <summary>How far <paramref name="value"/> lies outside the interval (0 inside it).</summary>
    public int Distance(int value) => Math.Max(0, Math.Max(Low - value, value - High));
}

/// <summary>
/// The EM part of an allocation against where unaccompanied minors were really settled that year, with suppressed counts
/// kept as intervals, never guessed: how many municipalities took EM, how far the model is from the real counts at the
/// least, and the share of the EM that went to the largest cities.
/// </summary>
/// <param name="ActualMunicipalities">Municipalities that settled any EM (suppressed counts included: they are at least 1).</param>
/// <param name="SuppressedMunicipalities">Of those, how many IMDi suppressed (1–4 each).</param>
/// <param name="ActualLow">The real national EM total with every suppressed count at 1.</param>
/// <param name="ActualHigh">The same with every suppressed count at 4.</param>
/// <param name="ModelMunicipalities">Municipalities the model asks for EM.</param>
/// <param name="Matched">Municipalities in both.</param>
/// <param name="ModelTotal">The EM the model placed (the EM need).</param>
/// <param name="IntervalRelativeL1">Σ distance of each model value from its real interval ÷ the model's total: the share of the EM that would have to move at the least.</param>
/// <param name="ModelLargestShare">Share of the model's EM asked of the largest cities.</param>
/// <param name="ActualLargestShareLow">The smallest real share of the largest cities the intervals allow.</param>
/// <param name="ActualLargestShareHigh">The largest real share of the largest cities the intervals allow.</param>
public sealed record EmComparison(
    int ActualMunicipalities,
    int SuppressedMunicipalities,
    int ActualLow,
    int ActualHigh,
    int ModelMunicipalities,
    int Matched,
    int ModelTotal,
    double IntervalRelativeL1,
    double ModelLargestShare,
    double ActualLargestShareLow,
    double ActualLargestShareHigh)
{
    /// <summary>Compares the model's EM per municipality with the real counts; <paramref name="largest"/> marks the largest cities.</summary>
    public static EmComparison Of(IReadOnlyList<int> model, IReadOnlyList<EmCount> actual, IReadOnlyList<bool> largest)
    {
        if (model.Count != actual.Count || model.Count != largest.Count)
        {
            throw new ArgumentException("model, actual and largest must be equally long");
        }
        var n = model.Count;
        var taken = Enumerable.Range(0, n).Where(i => actual[i].High > 0).ToList();
        var modelTotal = model.Sum();
        var distance = Enumerable.Range(0, n).Sum(i => actual[i].Distance(model[i]));
        int Sum(Func<int, bool> where, Func<EmCount, int> end) => Enumerable.Range(0, n).Where(where).Sum(i => end(actual[i]));
        var largeLow = Sum(i => largest[i], c => c.Low);
        var largeHigh = Sum(i => largest[i], c => c.High);
        var restLow = Sum(i => !largest[i], c => c.Low);
        var restHigh = Sum(i => !largest[i], c => c.High);
        return new EmComparison(
            taken.Count,
            taken.Count(i => actual[i].IsSuppressed),
            largeLow + restLow,
            largeHigh + restHigh,
            model.Count(v => v > 0),
            taken.Count(i => model[i] > 0),
            modelTotal,
            modelTotal == 0 ? double.NaN : distance / (double)modelTotal,
            modelTotal == 0 ? double.NaN : Enumerable.Range(0, n).Where(i => largest[i]).Sum(i => model[i]) / (double)modelTotal,
            Share(largeLow, restHigh),
            Share(largeHigh, restLow));
    }

    /// <summary>EM per municipality asked for EM: the size of the unit a municipality staffs.</summary>
    public double ModelPerMunicipality => ModelMunicipalities == 0 ? 0 : ModelTotal / (double)ModelMunicipalities;

    private static double Share(int part, int rest) => part + rest == 0 ? double.NaN : part / (double)(part + rest);
}
