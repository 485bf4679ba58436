using Busetting.Domain.Errors;
using Busetting.Domain.Primitives;

namespace Busetting.Domain.Planning;

/// <summary>One municipality's line of a proposal package: the proposed persons and EM (null = EM unchanged) against the run's.</summary>
/// <param name="Name">The municipality's name, for the message.</param>
public sealed record ProposedFigures(string Name, int Persons, int? Em, int FromPersons, int FromEm);

/// <summary>What a county's or KS's proposal package must satisfy (the year's consultation is <see cref="PlanningYearRules.CheckTakesProposals"/>).</summary>
public static class ProposalPackageRules
{
    /// <summary>
    /// Packages' own running numbers within a year: 1, 2, 3 … in the order they were sent (their keys ascending), so a
    /// county reads "forslag 2" rather than a database id shared with every line and year. Proposals are never deleted,
    /// so a package keeps its number.
    /// </summary>
    public static IReadOnlyDictionary<int, int> RunningNumbers(IEnumerable<int> packageKeys) =>
        packageKeys.Distinct().Order().Select((key, index) => (key, index)).ToDictionary(p => p.key, p => p.index + 1);

    /// <summary>A package changes at least one municipality.</summary>
    public static Error? CheckNotEmpty(int lines) =>
        lines > 0 ? null : Error.Invalid("proposal.lines", "change the number for at least one municipality") with
        {
            Values = new Dictionary<string, object> { ["lines"] = 0 },
        };

    /// <summary>A municipality appears at most once in a package; the first one named twice is reported.</summary>
    public static Error? CheckNoDuplicates(IEnumerable<MunicipalityNumber> municipalities) =>
        municipalities.GroupBy(m => m).FirstOrDefault(g => g.Count() > 1) is { } twice
            ? Error.Invalid("proposal.lines", $"{twice.Key} appears twice in the proposal") with
            {
                Values = new Dictionary<string, object> { ["kommunenummer"] = twice.Key.Value },
            }
            : null;

    /// <summary>
    /// A line proposes between 0 and the national need, EM between 0 and the smaller of its persons and the national EM
    /// need, and differs from the run it comments on.
    /// </summary>
    public static Error? CheckLine(ProposedFigures line, int needPersons, int needEm)
    {
        if (line.Persons < 0 || line.Persons > needPersons)
        {
            return Error.Invalid("proposal.persons", $"{line.Name}: the proposed number must lie between 0 and the need of {needPersons}, got {line.Persons}") with
            {
                Values = new Dictionary<string, object> { ["name"] = line.Name, ["persons"] = line.Persons, ["need"] = needPersons },
            };
        }
        if (line.Em is { } em && (em < 0 || em > line.Persons || em > needEm))
        {
            var max = Math.Min(line.Persons, needEm);
            return Error.Invalid("proposal.em", $"{line.Name}: EM is a part of the persons and must lie between 0 and {max}, got {em}") with
            {
                Values = new Dictionary<string, object> { ["name"] = line.Name, ["em"] = em, ["max"] = max },
            };
        }
        if (line.Persons == line.FromPersons && (line.Em is null || line.Em == line.FromEm))
        {
            return Error.Invalid("proposal.persons", $"{line.Name}: the proposal equals the allocation ({line.FromPersons})") with
            {
                Values = new Dictionary<string, object> { ["name"] = line.Name, ["unchanged"] = line.FromPersons },
            };
        }
        return null;
    }

    /// <summary>A package says why.</summary>
    public static Error? CheckReason(string? reason) =>
        !string.IsNullOrWhiteSpace(reason) ? null : Error.Invalid("proposal.reason", "give a reason for the proposal") with
        {
            Values = new Dictionary<string, object> { ["required"] = true },
        };
}
