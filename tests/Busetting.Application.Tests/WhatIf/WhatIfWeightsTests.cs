using CsCheck;

namespace Busetting.Application.Tests.WhatIf;

/// <summary>The what-if's weights: moved ones stay put, the rest share by the saved weights, and moving back restores the saved set exactly.</summary>
public class WhatIfWeightsTests
{
    private static readonly WhatIfWeights.Saved[] Shipped =
        [new("introduksjon", 0.30m), new("arbeid", 0.20m), new("vidaregaande", 0.10m), new("storleik", 0.15m), new("innvandrarar", 0.25m)];

    [Fact]
    public void Move_ToTheEdgeAndBack_TheSavedSetExactly()
    {
        var weights = WhatIfWeights.From(Shipped).Move("arbeid", 97);
        // The others share 3 %: most get nothing; from there, rebalancing from the previous weights could never come back.
        Assert.Equal(100, weights.Percents.Values.Sum());
        var back = weights.Move("arbeid", 20);
        Assert.True(back.IsSaved);
        Assert.Null(back.ForSolve);
        Assert.Equal(Shipped.ToDictionary(s => s.Id, s => s.Percent), back.Percents);
    }

    [Fact]
    public void Move_TwoWeights_TheFirstStaysWhereItWasPut()
    {
        var weights = WhatIfWeights.From(Shipped).Move("arbeid", 40).Move("introduksjon", 10);
        Assert.Equal(40, weights.Percents["arbeid"]);
        Assert.Equal(10, weights.Percents["introduksjon"]);
        // The other three share 50 % as 10 : 15 : 25.
        Assert.Equal((10, 15, 25), (weights.Percents["vidaregaande"], weights.Percents["storleik"], weights.Percents["innvandrarar"]));
        Assert.True(weights.IsPinned("arbeid"));
        Assert.False(weights.IsPinned("storleik"));
    }

    [Fact]
    public void Move_PinnedPassingAHundred_OnlyTheLatestStaysPinned()
    {
        var weights = WhatIfWeights.From(Shipped).Move("arbeid", 60).Move("introduksjon", 50);
        Assert.Equal(50, weights.Percents["introduksjon"]);
        Assert.False(weights.IsPinned("arbeid"));
        Assert.Equal(100, weights.Percents.Values.Sum());
    }

    [Fact]
    public void Move_SavedWeightsNotWholePercents_BackSolvesTheSavedSetItself()
    {
        WhatIfWeights.Saved[] saved = [new("a", 0.125m), new("b", 0.375m), new("c", 0.5m)];
        var back = WhatIfWeights.From(saved).Move("a", 30).Move("a", saved[0].Percent);
        Assert.Null(back.ForSolve);
    }

    private static readonly Gen<WhatIfWeights.Saved[]> GenSaved =
        Gen.Int[0, 40].Array[2, 8].Select(raw =>
        {
            var whole = Busetting.Domain.Allocation.Apportion.LargestRemainder(raw.Select(r => raw.Sum() == 0 ? 100.0 / raw.Length : r * 100.0 / raw.Sum()).ToList(), 100);
            return whole.Select((w, i) => new WhatIfWeights.Saved($"k{i}", w / 100m)).ToArray();
        });

    private static readonly Gen<(WhatIfWeights.Saved[] Saved, (int Index, int Percent)[] Moves, int Seed)> GenMoves =
        Gen.Select(GenSaved, Gen.Select(Gen.Int[0, 7], Gen.Int[0, 100]).Array[1, 12], Gen.Int);

    [Fact]
    public void Move_AnySequence_SumsToAHundredAndTheMovedWeightShowsItsValue() =>
        GenMoves.Sample(sample =>
        {
            var weights = WhatIfWeights.From(sample.Saved);
            foreach (var (index, percent) in sample.Moves)
            {
                var id = sample.Saved[index % sample.Saved.Length].Id;
                weights = weights.Move(id, percent);
                Assert.True(weights.Percents.Values.Sum() == 100, $"sum {weights.Percents.Values.Sum()} after {id} → {percent}");
                Assert.True(weights.Percents[id] == percent, $"{id} shows {weights.Percents[id]} after being moved to {percent}");
                Assert.True(weights.Percents.Values.All(p => p is >= 0 and <= 100), "a weight outside 0–100");
            }
        });

    [Fact]
    public void Move_AnySequenceThenEveryMovedWeightBack_TheSavedSetExactly() =>
        GenMoves.Sample(sample =>
        {
            var weights = WhatIfWeights.From(sample.Saved);
            var moved = new List<WhatIfWeights.Saved>();
            foreach (var (index, percent) in sample.Moves)
            {
                var criterion = sample.Saved[index % sample.Saved.Length];
                weights = weights.Move(criterion.Id, percent);
                moved.Add(criterion);
            }
            // Back in any order: each moved weight to its saved percent.
            foreach (var criterion in moved.Distinct().OrderBy(c => (c.Id.GetHashCode(StringComparison.Ordinal) ^ sample.Seed) & 0xffff))
            {
                weights = weights.Move(criterion.Id, criterion.Percent);
            }
            Assert.True(weights.IsSaved, "moved back, yet not the saved set: " + string.Join(", ", weights.Percents.Select(p => $"{p.Key} {p.Value}")));
            Assert.Equal(sample.Saved.ToDictionary(s => s.Id, s => s.Percent), weights.Percents);
        });
}
