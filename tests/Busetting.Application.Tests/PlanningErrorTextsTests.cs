using Busetting.Domain.Planning;
using Busetting.Domain.Primitives;

namespace Busetting.Application.Tests;

public class PlanningErrorTextsTests
{
    /// <summary>Inside a sentence a year's status is written in small letters, in the reader's written standard.</summary>
    [Theory]
    [InlineData(YearStatus.Draft, WrittenStandard.Nb, "2025 er ikke godkjent (status: utkast)")]
    [InlineData(YearStatus.Draft, WrittenStandard.Nn, "2025 er ikkje godkjend (status: utkast)")]
    [InlineData(YearStatus.Consultation, WrittenStandard.Nb, "2025 er ikke godkjent (status: på høring)")]
    [InlineData(YearStatus.Consultation, WrittenStandard.Nn, "2025 er ikkje godkjend (status: på høyring)")]
    [InlineData(YearStatus.Approved, WrittenStandard.Nb, "2025 er ikke godkjent (status: godkjent)")]
    [InlineData(YearStatus.Approved, WrittenStandard.Nn, "2025 er ikkje godkjend (status: godkjend)")]
    [InlineData(YearStatus.Published, WrittenStandard.Nb, "2025 er ikke godkjent (status: publisert)")]
    [InlineData(YearStatus.Published, WrittenStandard.Nn, "2025 er ikkje godkjend (status: publisert)")]
    [InlineData(YearStatus.Revised, WrittenStandard.Nb, "2025 er ikke godkjent (status: revidert)")]
    [InlineData(YearStatus.Revised, WrittenStandard.Nn, "2025 er ikkje godkjend (status: revidert)")]
    public void For_LetterBatchRefused_StatusInSmallLetters(YearStatus status, WrittenStandard language, string expected)
    {
        var error = LetterBatchRules.CheckBatch(SettlementYear.Create(2025), LetterKind.Request, status, hasRun: false, revision: 0, reason: null, maxReason: 500,
            deadline: null, today: new DateOnly(2024, 11, 15));
        Assert.StartsWith(expected + ": ", PlanningErrorTexts.For(error!, language));
    }
}
