namespace Busetting.Planning.Tests.Audit;

/// <summary>The audit trail in words: every action the application writes has a name in both written standards, each in its own form.</summary>
public sealed class AuditTextsTests
{
    /// <summary>Every kind of entry the application writes: each writer names its kind in <see cref="AuditActions"/>
    /// (<see cref="Writers_NameTheirKindInTheCatalogue_NeverALiteral"/> holds them to it).</summary>
    public static TheoryData<string> Written => new(AuditActions.All);

    [Fact]
    public void Written_TheWholeCatalogue()
    {
        Assert.True(AuditActions.All.Count >= 36, $"only {AuditActions.All.Count} kinds found in AuditActions");
        Assert.Equal(AuditActions.All.Count, AuditActions.All.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains(AuditActions.LettersJobInterrupted, AuditActions.All);
        Assert.DoesNotContain(AuditActions.SystemActor, AuditActions.All);
    }

    [Theory, MemberData(nameof(Written))]
    public void Action_EveryWrittenCode_NamedInBothWrittenStandards(string action)
    {
        Assert.True(AuditTexts.Named(action), $"{action} has no Norwegian name in AuditTexts");
        var (nb, nn) = (AuditTexts.Action(WrittenStandard.Nb, action), AuditTexts.Action(WrittenStandard.Nn, action));
        Assert.DoesNotContain(action, nb, StringComparison.Ordinal);
        Assert.NotEqual("Annen hendelse", nb);
        Assert.NotEqual("Anna hending", nn);
    }

    [Theory, MemberData(nameof(Written))]
    public void Action_EveryWrittenCode_FoundUnderItsSearchType(string action)
    {
        var kind = action.Split('.')[0];
        Assert.Contains(kind, AuditHandler.AuditKinds);
        Assert.NotEqual(kind, AuditTexts.KindName(WrittenStandard.Nb, kind));
    }

    [Fact]
    public void Action_EveryName_DifferentFromTheOthers()
    {
        foreach (var lang in new[] { WrittenStandard.Nb, WrittenStandard.Nn })
        {
            var names = AuditActions.All.GroupBy(a => AuditTexts.Action(lang, a)).Where(g => g.Count() > 1).Select(g => g.Key + ": " + string.Join(", ", g)).ToList();
            Assert.True(names.Count == 0, $"{lang}: the same name for several kinds: {string.Join("; ", names)}");
        }
    }

    /// <summary>
    /// The source of every host (src/): an audit entry's kind is always a name from <see cref="AuditActions"/>, never a
    /// string written at the call, so a new kind is added there (and <see cref="Action_EveryWrittenCode_NamedInBothWrittenStandards"/>
    /// asks for its name) or the build of this test fails.
    /// </summary>
    [Fact]
    public void Writers_NameTheirKindInTheCatalogue_NeverALiteral()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "Busetting.slnx")))
        {
            root = root.Parent ?? throw new InvalidOperationException("no Busetting.slnx above " + AppContext.BaseDirectory);
        }
        var literal = new System.Text.RegularExpressions.Regex(@"\bAction\s*=\s*(\$?@?""|[a-z]+\s*\?)|\bAudit\([^;]*""[a-z]+\.[A-Za-z.-]+""");
        var writes = 0;
        var found = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root.FullName, "src"), "*.*", SearchOption.AllDirectories)
                     .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
                     .Where(f => !f.Contains("/Migrations/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal)))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                writes += lines[i].Contains("AuditActions.", StringComparison.Ordinal) ? 1 : 0;
                if (literal.IsMatch(lines[i]))
                {
                    found.Add($"{Path.GetRelativePath(root.FullName, file)}:{i + 1}: {lines[i].Trim()}");
                }
            }
        }
        Assert.True(writes >= 30, $"only {writes} lines name an AuditActions kind: is the source where the test looks?");
        Assert.True(found.Count == 0, "audit kinds written as literals (name them in AuditActions):\n" + string.Join("\n", found));
    }

    [Theory, MemberData(nameof(Written))]
    public void Action_BokmalName_HasNoNynorskWords(string action)
    {
        var words = AuditTexts.Action(WrittenStandard.Nb, action).ToLowerInvariant().Split(' ');
        Assert.DoesNotContain(words, w => w is "brukar" or "endra" or "oppretta" or "laga" or "lagra" or "retta" or "trekt" or "skriven" or "sett" or "opna" or "knytt" or "frå");
    }

    [Theory]
    [InlineData("user.lock", "Bruker låst", "Brukar låst")]
    [InlineData("year.deadline", "Vedtaksfrist satt", "Vedtaksfrist sett")]
    [InlineData("year.step.withdraw", "Steg trukket tilbake", "Steg trekt tilbake")]
    public void Action_KnownCode_EachFormItsOwnWords(string action, string nb, string nn) =>
        Assert.Equal((nb, nn), (AuditTexts.Action(WrittenStandard.Nb, action), AuditTexts.Action(WrittenStandard.Nn, action)));

    [Fact]
    public void Details_From_FraInBokmalFraaInNynorsk()
    {
        const string json = """{"from":"Draft","to":"Consultation"}""";
        Assert.StartsWith("fra: ", AuditTexts.Details(WrittenStandard.Nb, json), StringComparison.Ordinal);
        Assert.StartsWith("frå: ", AuditTexts.Details(WrittenStandard.Nn, json), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(WrittenStandard.Nb, "Kari", RoleNames.Planner, "Kari (Planlegger i IMDi)")]
    [InlineData(WrittenStandard.Nn, "Kari", RoleNames.Planner, "Kari (Planleggar i IMDi)")]
    [InlineData(WrittenStandard.Nb, AuditActions.SystemActor, "", "Systemet (automatisk)")]
    [InlineData(WrittenStandard.Nn, AuditActions.SystemActor, "", "Systemet (automatisk)")]
    [InlineData(WrittenStandard.Nb, "Kari", "", "Kari (rolle ikke lagret)")]
    [InlineData(WrittenStandard.Nn, "Kari", "", "Kari (rolle ikkje lagra)")]
    public void Who_RoleOrTheSystemInWords_NeverEmptyBrackets(WrittenStandard lang, string actor, string role, string said)
    {
        Assert.Equal(said, AuditTexts.Who(lang, actor, role));
        Assert.DoesNotContain("()", AuditTexts.Who(lang, actor, role), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(WrittenStandard.Nb, """{"from":"nb","to":"nn"}""", "fra: bokmål, til: nynorsk")]
    [InlineData(WrittenStandard.Nn, """{"from":"nb","to":"nn"}""", "frå: bokmål, til: nynorsk")]
    [InlineData(WrittenStandard.Nb, """{"id":4,"kind":"letter","to":"kari@kommune.no"}""", "til: kari@kommune.no")]
    [InlineData(WrittenStandard.Nb, """{"persons":120,"revision":"MinimumChange"}""", "personer: 120, revisjon: minst mulig endring")]
    [InlineData(WrittenStandard.Nn, """{"persons":120,"revision":"FullResolve"}""", "personar: 120, revisjon: ny fordeling etter kriteria")]
    [InlineData(WrittenStandard.Nn, """{"kind":"Adjusted","version":2}""", "brevtype: Justert oppmoding, versjon: 2")]
    public void Details_EveryValueInTheReadersWrittenStandard_NoCodes(WrittenStandard lang, string json, string said) =>
        Assert.Equal(said, AuditTexts.Details(lang, json));
}
