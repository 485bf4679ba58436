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
    public void CheckRequestDeadline_RequestWithoutOrBeforeTheLetterDate_Refused()
    {
        Assert.True(LetterBatchRules.CheckRequestDeadline(LetterKind.Request, null, Today)!.Values.ContainsKey("required"));
        var before = LetterBatchRules.CheckRequestDeadline(LetterKind.Request, Today.AddDays(-1), Today)!;
        Assert.Equal("letters.year-deadline", before.Code);
        Assert.Equal(Today, before.Values["letterDate"]);
        Assert.Null(LetterBatchRules.CheckRequestDeadline(LetterKind.Request, Today, Today)); // deciding on the letter's own day is tight, not wrong
        Assert.Null(LetterBatchRules.CheckRequestDeadline(LetterKind.Adjusted, null, Today)); // adjusted letters bring their own deadline
        Assert.Null(LetterBatchRules.CheckRequestDeadline(LetterKind.Postponement, null, Today)); // a postponement names no deadline
    }

    [Fact]
    public void CheckSend_RequestsAndAdjustedOnlyWhilePublished_PostponementsAfterAFirstPublication()
    {
        Assert.Null(LetterBatchRules.CheckSend(Y2025, LetterKind.Request, YearStatus.Published, true, 356));
        Assert.Equal("letters.unpublished", LetterBatchRules.CheckSend(Y2025, LetterKind.Request, YearStatus.Approved, false, 356)?.Code);
        Assert.Equal("letters.unpublished", LetterBatchRules.CheckSend(Y2025, LetterKind.Adjusted, YearStatus.Approved, true, 40)?.Code); // the revision is not public yet
        Assert.Null(LetterBatchRules.CheckSend(Y2025, LetterKind.Postponement, YearStatus.Revised, true, 40)); // it holds the revision back
        Assert.Equal("letters.unpublished", LetterBatchRules.CheckSend(Y2025, LetterKind.Postponement, YearStatus.Consultation, false, 40)?.Code);
        Assert.Equal(LetterKind.Adjusted, LetterBatchRules.CheckSend(Y2025, LetterKind.Adjusted, YearStatus.Published, true, 0)!.Values["kind"]); // letters.none
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
    public void CheckReasonNn_AdjustedAndPostponementsNeedTheNynorskFormToo()
    {
        Assert.True(LetterBatchRules.CheckReasonNn(LetterKind.Adjusted, null, 20)!.Values.ContainsKey("required"));
        Assert.Equal("letters.reason-nn", LetterBatchRules.CheckReasonNn(LetterKind.Postponement, " ", 20)!.Code);
        Assert.Equal(20, LetterBatchRules.CheckReasonNn(LetterKind.Adjusted, new string('x', 21), 20)!.Values["max"]);
        Assert.Null(LetterBatchRules.CheckReasonNn(LetterKind.Adjusted, "Behovet er endra", 20));
        Assert.Null(LetterBatchRules.CheckReasonNn(LetterKind.Request, null, 20)); // request letters print no reason
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
