using Busetting.Domain.Errors;
using Busetting.Domain.Primitives;

namespace Busetting.Domain.Planning;

/// <summary>A municipal decision's figures as entered: persons, of whom EM, an optional extra capacity, and the council's date.</summary>
public sealed record DecisionFigures(int Persons, int Em, int? AdditionalCapacity, DateOnly DecisionDate);

/// <summary>What a municipal decision (vedtak) must satisfy before it is stored.</summary>
public static class DecisionRules
{
    /// <summary>The most persons (or extra places) one decision may name.</summary>
    public const int Max = 100_000;

    /// <summary>How many years before the settlement year a decision may be dated.</summary>
    public const int EarliestYearsBefore = 2;

    /// <summary>
    /// A council decision answers the request it was made against. Once a revision is published, a decision registered
    /// before that publication and above the adjusted request asks the council for a new decision (the case worker's
    /// next task); a decision registered after it stands as the council chose, whatever its size.
    /// </summary>
    /// <param name="revision">The year's revision (0 = the first publication: nothing was adjusted).</param>
    public static bool NeedsNewDecision(int revision, int decided, DateTime decisionRegisteredAt, int adjustedRequest, DateTime adjustedPublishedAt) =>
        revision > 0 && decided > adjustedRequest && decisionRegisteredAt < adjustedPublishedAt;

    /// <summary>
    /// Persons and extra capacity lie between 0 and <see cref="Max"/>, EM is a part of the persons, and the decision is
    /// dated between 1 January two years before the settlement year and today. Every broken rule is reported.
    /// </summary>
    public static IReadOnlyList<Error> Validate(SettlementYear year, DecisionFigures figures, DateOnly today)
    {
        var errors = new List<Error>();
        if (figures.Persons is < 0 or > Max)
        {
            errors.Add(Error.Invalid("persons", $"persons must lie between 0 and {Max}, got {figures.Persons}") with
            {
                Values = new Dictionary<string, object> { ["persons"] = figures.Persons, ["max"] = Max },
            });
        }
        if (figures.Em < 0 || figures.Em > figures.Persons)
        {
            errors.Add(Error.Invalid("em", $"EM is a part of the persons: between 0 and {figures.Persons}, got {figures.Em}") with
            {
                Values = new Dictionary<string, object> { ["persons"] = figures.Persons, ["em"] = figures.Em, ["decision"] = true },
            });
        }
        if (figures.AdditionalCapacity is < 0 or > Max)
        {
            errors.Add(Error.Invalid("additionalCapacity", $"extra capacity must lie between 0 and {Max}, got {figures.AdditionalCapacity}") with
            {
                Values = new Dictionary<string, object> { ["additionalCapacity"] = figures.AdditionalCapacity.Value, ["max"] = Max },
            });
        }
        var earliest = year.Value - EarliestYearsBefore;
        if (figures.DecisionDate > today || figures.DecisionDate.Year < earliest)
        {
            errors.Add(Error.Invalid("decisionDate", $"the decision date {figures.DecisionDate:yyyy-MM-dd} must lie between {earliest}-01-01 and today") with
            {
                Values = new Dictionary<string, object> { ["date"] = figures.DecisionDate, ["earliestYear"] = earliest },
            });
        }
        return errors;
    }
}
