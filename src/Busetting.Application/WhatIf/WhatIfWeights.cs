using Busetting.Domain.Allocation;

namespace Busetting.Application;

/// <summary>
/// The what-if's criteria weights in whole percent. A weight the planner moves stays where it was put (pinned); the
/// weights not moved share the rest in the proportions of the saved weights, never of the previous move, so nothing
/// drifts. When every moved weight stands at its saved percent again the weights are the saved ones exactly (the saved
/// set itself is solved), so moving a weight and moving it back gives the starting allocation.
/// </summary>
public sealed class WhatIfWeights
{
    /// <summary>One criterion's weight as the saved set has it.</summary>
    public sealed record Saved(string Id, decimal Weight)
    {
        /// <summary>The saved weight in whole percent, as its slider shows it.</summary>
        public int Percent => (int)Math.Round(Weight * 100, MidpointRounding.AwayFromZero);
    }

    private readonly IReadOnlyList<Saved> _saved;

    /// <summary>The moved weights in the order they were first moved, with the percent each was put at.</summary>
    private readonly IReadOnlyList<(string Id, int Percent)> _pinned;

    private WhatIfWeights(IReadOnlyList<Saved> saved, IReadOnlyList<(string Id, int Percent)> pinned)
    {
        _saved = saved;
        _pinned = pinned;
        Percents = pinned.Count == 0 ? saved.ToDictionary(s => s.Id, s => s.Percent) : Share(saved, pinned);
    }

    /// <summary>The saved weights, nothing moved.</summary>
    public static WhatIfWeights From(IReadOnlyList<Saved> saved) => new(saved, []);

    /// <summary>Each criterion's weight in whole percent, as the sliders show it.</summary>
    public IReadOnlyDictionary<string, int> Percents { get; }

    /// <summary>True when nothing is moved (or everything moved is back at its saved percent).</summary>
    public bool IsSaved => _pinned.Count == 0;

    /// <summary>Whether the planner has moved this weight (and not back to where it was saved with the rest).</summary>
    public bool IsPinned(string id) => _pinned.Any(p => p.Id == id);

    /// <summary>The weights to solve with: null when nothing is moved (the saved set as it is, to the last decimal), else the percents.</summary>
    public IReadOnlyDictionary<string, decimal>? ForSolve => IsSaved ? null : Percents.ToDictionary(p => p.Key, p => p.Value / 100m);

    /// <summary>
    /// Moves one weight to <paramref name="percent"/> (0–100) and pins it. The others moved before keep their percents
    /// unless they and this one would pass 100 % or leave nothing to share: then only this one stays pinned.
    /// </summary>
    public WhatIfWeights Move(string id, int percent)
    {
        if (_saved.All(s => s.Id != id))
        {
            throw new ArgumentException($"no criterion {id}", nameof(id));
        }
        percent = Math.Clamp(percent, 0, 100);
        List<(string Id, int Percent)> pinned = _pinned.Any(p => p.Id == id)
            ? _pinned.Select(p => p.Id == id ? (id, percent) : p).ToList()
            : [.. _pinned, (id, percent)];
        if (pinned.Sum(p => p.Percent) > 100 || pinned.Count == _saved.Count)
        {
            pinned = [(id, percent)];
        }
        if (pinned.Count == _saved.Count)
        {
            // The only criterion: it carries everything.
            pinned = [(id, 100)];
        }
        if (pinned.All(p => p.Percent == _saved.First(s => s.Id == p.Id).Percent))
        {
            pinned = [];
        }
        return new WhatIfWeights(_saved, pinned);
    }

    /// <summary>The pinned percents, and the rest shared among the others by their saved weights (equally if those are all 0), whole percents by largest remainder.</summary>
    private static Dictionary<string, int> Share(IReadOnlyList<Saved> saved, IReadOnlyList<(string Id, int Percent)> pinned)
    {
        var percents = pinned.ToDictionary(p => p.Id, p => p.Percent);
        var followers = saved.Where(s => !percents.ContainsKey(s.Id)).ToList();
        var rest = 100 - percents.Values.Sum();
        var basis = followers.Sum(s => s.Weight);
        var quotas = followers.Select(s => basis == 0 ? rest / (double)followers.Count : (double)(s.Weight * rest / basis)).ToList();
        var whole = Apportion.LargestRemainder(quotas, rest);
        for (var i = 0; i < followers.Count; i++)
        {
            percents[followers[i].Id] = whole[i];
        }
        return percents;
    }
}
