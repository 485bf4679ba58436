using Busetting.Domain.Allocation;
using Busetting.Domain.Criteria;

namespace Busetting.Application;

/// <summary>A municipality's explanation as plain text in Bokmål or Nynorsk.</summary>
public static class ExplanationText
{
    public static void Write(AllocationResult result, MunicipalityAllocation m, CriteriaSet criteria, Language language, TextWriter writer)
    {
        string L(string key) => Texts.Label(language, key);
        string CriterionName(string id) => criteria.Criteria.FirstOrDefault(c => c.Id == id) is { } c
            ? (language == Language.Nn ? c.NameNn : c.NameNb) : id;
        var e = m.Explanation;
        writer.WriteLine($"{L("title")} {result.Year}: {m.Municipality.Number} {m.Municipality.OfficialName} ({m.Municipality.CountyName})");
        writer.WriteLine($"{L("requested")}: {Texts.Number(m.Requested)} {L("persons")}, {L("of-which-em")}: {Texts.Number(m.RequestedEm)}");
        writer.WriteLine($"{L("plan")}: {Texts.Number(m.PlanNextYear)}");
        writer.WriteLine($"{L("population")} {m.PopulationYear}: {Texts.Number(m.Population)}");
        writer.WriteLine();
        writer.WriteLine($"{L("indicators")}:");
        foreach (var i in e.Indicators)
        {
            writer.WriteLine($"  {i.IndicatorId}: {Texts.Number(i.Value, i.Value == decimal.Truncate(i.Value) ? 0 : 2)} ({i.Year}; {i.Source})");
        }
        writer.WriteLine();
        writer.WriteLine($"{L("contributions")}:");
        foreach (var c in e.Contributions.Where(c => c.Weight > 0))
        {
            var factor = c.Factor is { } f ? $", {L("factor")} {Texts.Number(f, 2)}" : "";
            var missing = c.IndicatorMissing ? $" ({L("missing")})" : "";
            writer.WriteLine($"  {CriterionName(c.CriterionId)}: {L("weight")} {Texts.Number(c.Weight * 100, 1)} %, {L("share")} {Texts.Number(c.Share * 100, 3)} %{factor}{missing} → {Texts.Number(c.Persons, 2)}");
        }
        writer.WriteLine($"  {L("target")}: {Texts.Number(e.Target, 2)}");
        writer.WriteLine();
        writer.WriteLine($"{L("parts")}:");
        foreach (var p in e.Parts)
        {
            var label = p.Kind switch
            {
                PartKind.Continuity => L("continuity"),
                PartKind.Criterion => CriterionName(p.Id),
                PartKind.Redistribution => L("redistribution"),
                PartKind.Rule => Texts.Rule(language, e.Bounds.Notes.FirstOrDefault(n => n.Rule == p.Rule) ?? new RuleNote(p.Rule!.Value)),
                PartKind.Rounding => L("rounding"),
                PartKind.NotAsked => L("not-asked"),
                PartKind.Revision => Texts.Rule(language, e.Bounds.Notes.LastOrDefault(n => n.Rule == p.Rule) ?? new RuleNote(RuleId.MinimumChangeRevision)),
            };
            writer.WriteLine($"  {(p.Persons >= 0 ? "+" : "")}{Texts.Number(p.Persons, 2),10}  {label}");
        }
        writer.WriteLine($"  {"=",1}{Texts.Number(e.Parts.Sum(p => p.Persons), 2),10}  {L("sum")} = {L("requested").ToLowerInvariant()} {Texts.Number(m.Requested)}");
        writer.WriteLine();
        writer.WriteLine($"{L("rules")}:");
        var rules = e.Bounds.Notes.Where(n => e.BindingRules.Contains(n.Rule)).ToList();
        foreach (var rule in e.BindingRules.Where(r => rules.All(n => n.Rule != r)))
        {
            rules.Add(new RuleNote(rule));
        }
        if (rules.Count == 0)
        {
            writer.WriteLine($"  {L("no-rules")}");
        }
        foreach (var note in rules)
        {
            writer.WriteLine($"  - {Texts.Rule(language, note)}");
        }
        writer.WriteLine();
        writer.WriteLine($"{L("em")}: {Texts.Rule(language, e.Em.Eligibility)}; {L("target")} {Texts.Number(e.Em.Target, 2)} → {Texts.Number(e.Em.Requested)}");
        if (result.Warnings.Count > 0)
        {
            writer.WriteLine();
            writer.WriteLine($"{L("warnings")}:");
            foreach (var warning in result.Warnings)
            {
                writer.WriteLine($"  - {warning}");
            }
        }
    }
}
