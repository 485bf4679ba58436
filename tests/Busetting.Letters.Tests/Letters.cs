using Busetting.Application;
using Busetting.TestKit;
using Busetting.Domain.Allocation;
using UglyToad.PdfPig;

namespace Busetting.Letters.Tests;

/// <summary>Real inputs: the 2025 allocation on the shipped data, once for all tests.</summary>
public static class Letters
{
    private static readonly Lazy<AllocationRunner.Run> Run2025 = new(() =>
        AllocationRequest.Create(2025, 18_900, 0).Bind(request => AllocationRunner.Scip().Allocate(TestData.Folder, request)).Value);

    public static MunicipalityAllocation Municipality(string number) =>
        Run2025.Value.Result.Municipalities.Single(m => m.Municipality.Number.Value == number);

    public static IReadOnlyList<LetterCriterion> Criteria =>
        Run2025.Value.Criteria.Criteria.Select(c => new LetterCriterion(c.Id, c.NameNb, c.NameNn, c.PriorityGroup, Run2025.Value.Result.EffectiveWeights[c.Id])).ToList();

    public static LetterInput Request(string number, string language, LetterKind kind = LetterKind.Request)
    {
        var m = Municipality(number);
        return new LetterInput(
            Identity: new(kind, language, 2025, $"2025/{number}-O1"),
            Recipient: new(number, m.Municipality.OfficialName, m.Municipality.CountyName),
            Dates: new(new DateOnly(2024, 11, 27), Deadline: new DateOnly(2025, 1, 31)),
            Numbers: new(Requested: m.Requested, RequestedEm: m.RequestedEm, PlanNextYear: m.PlanNextYear, NeedPersons: 18_900, NeedEm: 0),
            Texts: new("IMDi (imdi.no)"),
            Criteria: Criteria,
            Explanation: StoredExplanation.Parse(StoredExplanation.Serialize(m.Explanation)),
            Ministry: Run2025.Value.Criteria.Ministry);
    }

    /// <summary>A copy with the earlier letter's numbers, some of the numbers or the reason changed; what is not given stays.</summary>
    public static LetterInput With(this LetterInput input, LetterPrevious? previous = null, int? requested = null, int? requestedEm = null,
        int? needPersons = null, int? needEm = null, string? reason = null) =>
        input with
        {
            Previous = previous ?? input.Previous,
            Numbers = input.Numbers with
            {
                Requested = requested ?? input.Numbers.Requested,
                RequestedEm = requestedEm ?? input.Numbers.RequestedEm,
                NeedPersons = needPersons ?? input.Numbers.NeedPersons,
                NeedEm = needEm ?? input.Numbers.NeedEm,
            },
            Texts = reason is null ? input.Texts : input.Texts with { Reason = reason },
        };

    public static byte[] Pdf(LetterInput input) =>
        LetterRenderer.Render(LetterComposer.Compose(input, Template.Default(input.Identity.Kind, input.Identity.Language)));

    /// <summary>The text of every page, words joined by single spaces; no-break spaces become spaces.</summary>
    public static string Text(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join("\n", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text)))).Replace('\u00A0', ' ');
    }
}
