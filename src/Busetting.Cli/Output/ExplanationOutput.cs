using Busetting.Domain.Criteria;

namespace Busetting.Cli.Output;

/// <summary>A municipality's explanation as plain text: the presenter's lines, laid out for a terminal.</summary>
public static class ExplanationOutput
{
    public static void Write(AllocationResult result, MunicipalityAllocation m, CriteriaSet criteria, WrittenStandard language, TextWriter writer)
    {
        var x = ExplanationPresenter.Present(StoredExplanation.From(m.Explanation), language,
            criteria.Criteria.ToDictionary(c => c.Id, c => (c.NameNb, c.NameNn)));
        string L(ExplanationLabel label) => x.Label(label);
        writer.WriteLine($"{L(ExplanationLabel.Title)} {result.Year}: {m.Municipality.Number} {m.Municipality.OfficialName} ({m.Municipality.CountyName})");
        writer.WriteLine($"{L(ExplanationLabel.Requested)}: {Texts.Number(m.Requested)} {L(ExplanationLabel.Persons)}, {L(ExplanationLabel.OfWhichEm)}: {Texts.Number(m.RequestedEm)}");
        writer.WriteLine($"{L(ExplanationLabel.Plan)}: {Texts.Number(m.PlanNextYear)}");
        writer.WriteLine($"{L(ExplanationLabel.Population)} {m.PopulationYear}: {Texts.Number(m.Population)}");
        writer.WriteLine();
        writer.WriteLine($"{L(ExplanationLabel.Indicators)}:");
        foreach (var i in x.Indicators)
        {
            writer.WriteLine($"  {i.Name}: {i.Value} ({i.Year}; {i.Source})");
        }
        writer.WriteLine();
        writer.WriteLine($"{L(ExplanationLabel.Contributions)}:");
        foreach (var c in x.Contributions)
        {
            var factor = c.Factor is { } f ? $", {L(ExplanationLabel.Factor).ToLowerInvariant()} {f}" : "";
            var indicator = c.IndicatorMissing ? $" ({c.Indicator})" : "";
            writer.WriteLine($"  {c.Name}: {L(ExplanationLabel.Weight).ToLowerInvariant()} {c.Weight}, {L(ExplanationLabel.Share).ToLowerInvariant()} {c.Share}{factor}{indicator} → {c.Persons}");
        }
        writer.WriteLine();
        writer.WriteLine($"{L(ExplanationLabel.Target)}: {x.Target}");
        writer.WriteLine($"{L(ExplanationLabel.Parts)}:");
        foreach (var p in x.Parts)
        {
            writer.WriteLine($"  {(p.Value >= 0 ? "+" : " ")}{p.Persons,10}  {p.Label}");
        }
        writer.WriteLine($"  ={x.Sum,10}  {L(ExplanationLabel.Sum)} = {L(ExplanationLabel.Requested).ToLowerInvariant()} {Texts.Number(m.Requested)}");
        writer.WriteLine();
        writer.WriteLine($"{L(ExplanationLabel.Rules)}:");
        if (x.BindingRules.Count == 0)
        {
            writer.WriteLine($"  {L(ExplanationLabel.NoRules)}");
        }
        foreach (var rule in x.BindingRules)
        {
            writer.WriteLine($"  - {rule.Text}");
        }
        writer.WriteLine();
        writer.WriteLine($"{L(ExplanationLabel.Em)}: {x.EmEligibility.Text}; {L(ExplanationLabel.Target)} {x.EmTarget} → {x.EmRequested}");
        if (result.Warnings.Count > 0)
        {
            writer.WriteLine();
            writer.WriteLine($"{L(ExplanationLabel.Warnings)}:");
            foreach (var warning in result.Warnings)
            {
                writer.WriteLine($"  - {DataNoteTexts.Say(warning, language)}");
            }
        }
    }
}
