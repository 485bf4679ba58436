extern alias cli;
using Busetting.Application;
using Busetting.Domain.Allocation;
using Busetting.Domain.Municipalities;
using Busetting.Domain.Need;
using Busetting.Letters;
using Busetting.Solver;
using Busetting.Web.Components.Shared;
using cli::Busetting.Cli.Output;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Logging.Abstractions;

namespace Busetting.Web.Tests;

/// <summary>The CLI, the web page and the letter lay out the same presenter lines: the same parts, numbers and rules.</summary>
public partial class ExplanationFrontEndTests
{
    private static readonly Lazy<AllocationRunner.Run> Run2025 = new(() => AllocationRequest.Create(2025, 18_900, 0).Bind(request => AllocationRunner.Scip().Allocate(DataFolder(), request)).Value);

    /// <summary>99 municipalities under the 2025 criteria; 1101 (target below half the floor) is alone in Nord-Norge and in the 0–1 999 size class.</summary>
    private static AllocationResult SpreadRun()
    {
        var criteria = Run2025.Value.Criteria;
        MunicipalityProfile Profile(string number, int population, string landsdel) => new(
            new Municipality(MunicipalityNumber.Parse(number), "K" + number, "K" + number, CountyNumber.Parse(number[..2]), "Fylke", landsdel, LanguageForm.Nynorsk, null, null),
            population, 2024, new Dictionary<string, IndicatorValue>(), null, null, []);
        var others = Enumerable.Range(1, 98).Select(i => Profile($"46{i:00}", 20_000, "Vestlandet"));
        return new Allocator(new ScipAllocationSolver()).Allocate(new AllocationInput(SettlementYear.Create(2025), NationalNeed.Create(1000, 0).Value, criteria,
            [Profile("1101", 100, "Nord-Norge"), .. others], [])).Value;
    }

    public static TheoryData<string, WrittenStandard> Cases => new()
    {
        { "0301", WrittenStandard.Nb }, { "4640", WrittenStandard.Nn }, { "5632", WrittenStandard.Nb }, { "4601", WrittenStandard.Nn }, { "spread", WrittenStandard.Nn }, { "spread", WrittenStandard.Nb },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Explanation_SameExplanation_SameLinesInCliWebAndLetter(string number, WrittenStandard language)
    {
        var result = number == "spread" ? SpreadRun() : Run2025.Value.Result;
        var m = result.Municipalities.First(x => number == "spread" || x.Municipality.Number.Value == number);
        var criteria = Run2025.Value.Criteria;
        var names = criteria.Criteria.ToDictionary(c => c.Id, c => (c.NameNb, c.NameNn));
        var stored = StoredExplanation.Parse(StoredExplanation.Serialize(m.Explanation));
        var x = ExplanationPresenter.Present(stored, language, names);
        var expectedParts = x.Parts.Select(p => (p.Label, p.Persons)).ToList();
        var expectedRules = x.BindingRules.Count == 0 ? [x.Label(ExplanationLabel.NoRules)] : x.BindingRules.Select(r => r.Text).ToList();
        if (number == "spread")
        {
            Assert.True(x.BindingRules.Any(r => r.Rule == RuleId.SpreadLandsdel), $"asked {m.Requested}, target {x.Target}: {string.Join("; ", x.BindingRules.Select(r => r.Text))} {string.Join("; ", x.Contributions.Select(c => c.Name + " " + c.Persons))}");
            Assert.Contains(x.Parts, p => p.Rule == RuleId.SpreadLandsdel);
        }

        // CLI
        var writer = new StringWriter();
        ExplanationOutput.Write(result, m, criteria, language, writer);
        var cliText = writer.ToString();
        var cliParts = Section(cliText, x.Label(ExplanationLabel.Parts)).TakeWhile(l => !l.StartsWith("  =", StringComparison.Ordinal))
            .Select(l => CliPart().Match(l)).Select(g => (g.Groups[2].Value, g.Groups[1].Value)).ToList();
        var cliRules = Section(cliText, x.Label(ExplanationLabel.Rules)).Select(l => l.TrimStart().TrimStart('-').Trim()).ToList();

        // Web
        var html = await RenderAsync(x);
        var webParts = WebPart().Matches(html).Select(g => (Decode(g.Groups[1].Value), Decode(g.Groups[2].Value))).ToList();
        var webRules = x.BindingRules.Count == 0
            ? [Decode(WebNoRules().Match(html).Groups[1].Value)]
            : WebRule().Matches(html).Select(g => Decode(g.Groups[1].Value)).ToList();

        // Letter
        var input = new LetterInput(
            Identity: new(LetterKind.Request, language == WrittenStandard.Nn ? "nn" : "nb", 2025, "ref"),
            Recipient: new(m.Municipality.Number.Value, m.Municipality.OfficialName, m.Municipality.CountyName),
            Dates: new(new DateOnly(2024, 11, 27), Deadline: new DateOnly(2025, 1, 31)),
            Numbers: new(Requested: m.Requested, RequestedEm: m.RequestedEm, PlanNextYear: m.PlanNextYear, NeedPersons: 18_900, NeedEm: 0),
            Texts: new("IMDi"),
            Criteria: criteria.Criteria.Select(c => new LetterCriterion(c.Id, c.NameNb, c.NameNn, c.PriorityGroup, c.Weight)).ToList(),
            Explanation: stored);
        var letter = LetterComposer.Compose(input, Template.Default(input.Identity.Kind, input.Identity.Language));
        var tables = letter.Body.OfType<Table>().ToList();
        var explanationTable = tables.Single(t => t.Rows[0][0] == x.Label(ExplanationLabel.Part));
        var letterParts = explanationTable.Rows.Skip(1).SkipLast(1).Select(r => (r[0], r[3])).ToList();
        var letterRules = tables.Single(t => t.Rows[0][0] == x.Label(ExplanationLabel.Rules)).Rows.Skip(1).Select(r => r[0]).ToList();

        Assert.Equal(expectedParts, cliParts);
        Assert.Equal(expectedParts, webParts);
        Assert.Equal(expectedParts, letterParts);
        Assert.Equal(expectedRules, cliRules);
        Assert.Equal(expectedRules, webRules);
        Assert.Equal(expectedRules, letterRules);
        Assert.Equal(x.Sum, explanationTable.Rows[^1][3]);
        Assert.Contains($"={x.Sum,10}", cliText);
        Assert.Contains($"<strong>{x.Sum}</strong>", Decode(html));
    }

    /// <summary>A run line as runs stored it before the presenter: numbers kept as invariant text in rule details, ids on every part.</summary>
    private static readonly string StoredBeforePresenter = Busetting.TestKit.StoredExplanations.BeforePresenter(
        """{"eligible":false,"eligibility":"EmNotEligible","target":0,"requested":0}""");

    [Fact]
    public async Task MunicipalityPage_RunStoredBeforeThePresenter_StillRendersWithNorwegianNumbers()
    {
        using var app = new SqliteApp();
        var (_, run) = await Steps.PlannerAt(app, Stage.Published);
        await app.Db(async db =>
        {
            var line = await db.RunLines.SingleAsync(l => l.RunId == run && l.Kommunenummer == MunicipalityNumber.Parse("4640"));
            line.ExplanationJson = StoredBeforePresenter;
            return await db.SaveChangesAsync();
        });
        var response = await new Session(app).Get("/kommune/4640?aar=2025");
        var html = Decode(await response.Content.ReadAsStringAsync());
        Assert.True(response.StatusCode == HttpStatusCode.OK, html);
        Assert.Contains("<li data-rule=\"ImmigrantShareCap\">Innvandrerandel 33,79 % over terskelen: tak 12</li>", html);
        Assert.Contains("Kontinuitet: minst 8 (i fjor anmodet 1\u00A0200)", html);
        Assert.Contains("<th scope=\"row\">Muligheter for arbeid</th><td class=\"num\">10,50</td>", html);
        Assert.Contains("<strong>12,00</strong>", html);
    }

    private static IEnumerable<string> Section(string text, string heading) =>
        text.Split('\n').SkipWhile(l => l != heading + ":").Skip(1).TakeWhile(l => l.Length > 0);

    private static async Task<string> RenderAsync(PresentedExplanation x)
    {
        await using var services = new ServiceCollection().BuildServiceProvider();
        await using var renderer = new HtmlRenderer(services, NullLoggerFactory.Instance);
        return await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<ExplanationView>(ParameterView.FromDictionary(new Dictionary<string, object?> { ["X"] = x }))).ToHtmlString());
    }

    private static string Decode(string html) => WebUtility.HtmlDecode(html);

    private static string DataFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "data", "kommuner_2024.csv")))
            {
                return Path.Combine(dir.FullName, "data");
            }
        }
        throw new InvalidOperationException("shipped data/ not found above the test binaries");
    }

    [GeneratedRegex(@"^  [+ ]\s*(\S+)  (.+)$")]
    private static partial Regex CliPart();

    [GeneratedRegex("""<tr data-part="[A-Za-z]+"><th scope="row">(.*?)</th><td class="num">(.*?)</td></tr>""")]
    private static partial Regex WebPart();

    [GeneratedRegex("""<li data-rule="[A-Za-z]+">(.*?)</li>""")]
    private static partial Regex WebRule();

    [GeneratedRegex("""<h3[^>]*>[^<]*</h3>\s*<p class="ds-paragraph">(.*?)</p>""")]
    private static partial Regex WebNoRules();
}
