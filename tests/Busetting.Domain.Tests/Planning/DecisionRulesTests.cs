namespace Busetting.Domain.Tests.Planning;

public class DecisionRulesTests
{
    private static readonly SettlementYear Y2025 = SettlementYear.Create(2025);
    private static readonly DateOnly Today = new(2025, 11, 20);

    private static IReadOnlyList<string> Codes(int persons, int em, int? extra, DateOnly date) =>
        DecisionRules.Validate(Y2025, new DecisionFigures(persons, em, extra, date), Today).Select(e => e.Code).ToList();

    [Fact]
    public void Validate_ThirtyOfWhomFiveEm_Accepted() => Assert.Empty(Codes(30, 5, 10, Today));

    [Fact]
    public void Validate_EveryBrokenRule_Reported()
    {
        // -5 persons, EM 1 above them, extra capacity above the maximum, dated tomorrow: four errors at once.
        Assert.Equal(["persons", "em", "additionalCapacity", "decisionDate"], Codes(-5, -4, 100_001, Today.AddDays(1)));
    }

    [Fact]
    public void Validate_PersonsAndExtraCapacity_AtMostTheMaximum()
    {
        Assert.Empty(Codes(DecisionRules.Max, 0, DecisionRules.Max, Today));
        Assert.Equal(["persons"], Codes(DecisionRules.Max + 1, 0, null, Today));
        Assert.Equal(["additionalCapacity"], Codes(30, 0, DecisionRules.Max + 1, Today));
    }

    [Theory]
    [InlineData(10, 11)] // EM is a part of the persons
    [InlineData(10, -1)]
    public void Validate_EmOutsideThePersons_Refused(int persons, int em) => Assert.Equal(["em"], Codes(persons, em, null, Today));

    [Fact]
    public void Validate_DecisionDate_FromFirstJanuaryTwoYearsBeforeUntilToday()
    {
        Assert.Empty(Codes(1, 0, null, new DateOnly(2023, 1, 1)));
        Assert.Equal(["decisionDate"], Codes(1, 0, null, new DateOnly(2022, 12, 31)));
        Assert.Equal(2023, DecisionRules.Validate(Y2025, new DecisionFigures(1, 0, null, new DateOnly(2022, 12, 31)), Today)[0].Values["earliestYear"]);
    }

    [Fact]
    public void Validate_AnyFigures_AcceptedOnlyWithinTheBounds() =>
        // Small numbers near the bounds (the maximum has its worked example above), dates around both ends.
        Gen.Select(Gen.Int[-3, 30], Gen.Int[-3, 33], Gen.Int[-3, 30].Nullable(), Gen.Int[-1100, 3])
            .Sample((persons, em, extra, days) =>
            {
                var accepted = DecisionRules.Validate(Y2025, new DecisionFigures(persons, em, extra, Today.AddDays(days)), Today).Count == 0;
                var within = persons is >= 0 and <= DecisionRules.Max && em >= 0 && em <= persons && extra is null or (>= 0 and <= DecisionRules.Max)
                    && days <= 0 && Today.AddDays(days).Year >= 2023;
                return accepted == within;
            });

    [Theory]
    [InlineData(1, 50, -1, 30, true)]   // decided 50 before the revision cut the request to 30
    [InlineData(0, 50, -1, 30, false)]  // the first publication adjusts nothing
    [InlineData(1, 30, -1, 30, false)]  // at the adjusted request
    [InlineData(1, 20, -1, 30, false)]  // below it: the council may settle fewer, that is IMDi's talk with it
    [InlineData(1, 50, 1, 30, false)]   // registered after the revision was published: the council's own choice
    public void NeedsNewDecision_AboveTheAdjustedRequestAndMadeBeforeIt(int revision, int decided, int hoursAfterPublication, int adjusted, bool needed)
    {
        var published = new DateTime(2025, 9, 1, 12, 0, 0, DateTimeKind.Utc);
        Assert.Equal(needed, DecisionRules.NeedsNewDecision(revision, decided, published.AddHours(hoursAfterPublication), adjusted, published));
    }
}
