namespace Busetting.Domain.Tests.Planning;

public class LetterBatchRulesTests
{
    private static readonly SettlementYear Y2025 = SettlementYear.Create(2025);
    private static readonly DateOnly Today = new(2025, 6, 10);

    private static string? Batch(LetterKind kind, YearStatus status, bool hasRun = true, int revision = 1, string? reason = "nytt behov", DateOnly? deadline = null) =>
        LetterBatchRules.CheckBatch(Y2025, kind, status, hasRun, revision, reason, 20, deadline ?? Today, Today)?.Code;

    [Fact]
    public void CheckDeadline_AdjustedWithoutOrInThePast_Refused()
    {
        Assert.True(LetterBatchRules.CheckDeadline(LetterKind.Adjusted, null, Today)!.Values.ContainsKey("required"));
        Assert.Equal(Today.AddDays(-1), LetterBatchRules.CheckDeadline(LetterKind.Adjusted, Today.AddDays(-1), Today)!.Values["deadline"]);
        Assert.NotNull(LetterBatchRules.CheckDeadline(LetterKind.Request, Today.AddDays(-1), Today)); // no kind takes a past deadline
        Assert.Null(LetterBatchRules.CheckDeadline(LetterKind.Adjusted, Today, Today));
        Assert.Null(LetterBatchRules.CheckDeadline(LetterKind.Request, null, Today));
    }

    [Fact]
    public void CheckBatch_WorkedExamples()
    {
        Assert.Null(Batch(LetterKind.Request, YearStatus.Approved, reason: null));
        Assert.Equal("letters.year", Batch(LetterKind.Request, YearStatus.Draft));
        Assert.Equal("letters.year", Batch(LetterKind.Adjusted, YearStatus.Published, hasRun: false));
        Assert.Null(Batch(LetterKind.Postponement, YearStatus.Consultation)); // a postponement holds back: no approval needed
        Assert.Equal("letters.reason", Batch(LetterKind.Postponement, YearStatus.Revised, reason: " "));
        Assert.Equal("letters.reason", Batch(LetterKind.Request, YearStatus.Approved, reason: new string('x', 21)));
        Assert.Equal("letters.revision", Batch(LetterKind.Adjusted, YearStatus.Approved, revision: 0));
        Assert.Equal("letters.deadline", Batch(LetterKind.Adjusted, YearStatus.Approved, deadline: Today.AddDays(-1)));
    }

    [Fact]
    public void CheckPreviousLetters_AdjustedOrPostponedBeforeAnyRequest_Refused()
    {
        Assert.Equal("letters.none-sent", LetterBatchRules.CheckPreviousLetters(Y2025, LetterKind.Adjusted, 0)!.Code);
        Assert.NotNull(LetterBatchRules.CheckPreviousLetters(Y2025, LetterKind.Postponement, 0));
        Assert.Null(LetterBatchRules.CheckPreviousLetters(Y2025, LetterKind.Request, 0));
        Assert.Null(LetterBatchRules.CheckPreviousLetters(Y2025, LetterKind.Adjusted, 356));
    }

    [Fact]
    public void CheckBatch_AnyBatch_RequestsAndAdjustmentsOnlyForAnApprovedYearWithARun() =>
        Gen.Select(Gen.Enum<LetterKind>(), Gen.Enum<YearStatus>(), Gen.Bool, Gen.Int[0, 2]).Sample((kind, status, hasRun, revision) =>
        {
            var accepted = LetterBatchRules.CheckBatch(Y2025, kind, status, hasRun, revision, "nytt behov", 20, Today, Today) is null;
            return !accepted || kind == LetterKind.Postponement || (status is YearStatus.Approved or YearStatus.Published && hasRun && (kind != LetterKind.Adjusted || revision > 0));
        });
}
