using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Busetting.Application;
using Busetting.Cli;
using Busetting.Domain.Planning;
using Busetting.Domain.Primitives;
using Busetting.Letters;

/// <summary>
/// The letter batch without the database: compose, render and hash each 2025 request letter (one per municipality
/// asked, each in its written standard), as <c>LetterService.Generate</c> does between loading and storing.
/// <c>scripts/letters-bench.sh</c> times the whole command on a database.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class LetterBenchmark
{
    private List<(LetterInput Input, Template Template)> _letters = null!;

    [GlobalSetup]
    public void Setup()
    {
        var run = AllocationRunner.Scip().Allocate(DataFolder.Resolve(null), AllocationRequest.Create(2025, 18_900, 0).Value).Value;
        var criteria = run.Criteria.Criteria.Select(c => new LetterCriterion(c.Id, c.NameNb, c.NameNn, c.PriorityGroup, run.Result.EffectiveWeights[c.Id])).ToList();
        _letters = run.Result.Municipalities.Where(m => m.Requested > 0).Select(m =>
        {
            var language = WrittenStandards.Of(m.Municipality.LanguageForm).Code();
            var number = m.Municipality.Number.Value;
            var input = new LetterInput(
                Identity: new(LetterKind.Request, language, 2025, $"2025/{number}-O1"),
                Recipient: new(number, m.Municipality.OfficialName, m.Municipality.CountyName),
                Dates: new(new DateOnly(2024, 11, 27), Deadline: new DateOnly(2025, 1, 31)),
                Numbers: new(m.Requested, m.RequestedEm, m.PlanNextYear, 18_900, 0),
                Texts: new("IMDi (imdi.no)"),
                Criteria: criteria,
                Explanation: StoredExplanation.Parse(StoredExplanation.Serialize(m.Explanation)),
                Ministry: run.Criteria.Ministry);
            return (input, Template.Default(LetterKind.Request, language));
        }).ToList();
    }

    [Benchmark]
    public int RequestLetters2025()
    {
        var bytes = 0;
        foreach (var (input, template) in _letters)
        {
            var pdf = LetterRenderer.Render(LetterComposer.Compose(input, template));
            bytes += SHA256.HashData(pdf)[0] + pdf.Length;
        }
        return bytes;
    }
}
