namespace Busetting.Planning.Tests.Audit;

/// <summary>The audit trail in words: every action the application writes has a name in both written standards, each in its own form.</summary>
public sealed class AuditTextsTests
{
    /// <summary>Every action code the handlers, letter jobs, notifications and account services store (grep for `Action =` and `Audit(`).</summary>
    public static TheoryData<string> Written =>
    [
        "year.create", "year.seed", "year.status", "year.deadline", "year.consultationDeadline", "year.step.request", "year.step.withdraw",
        "year.step.decline", "need.add", "criteria.add", "run.create", "proposal.create", "proposal.accept", "proposal.reject",
        "proposal.withdraw", "comment.add", "decision.register", "decision.correct", "letters.generate", "letters.language", "letters.contact",
        "letters.job.interrupted", "letter.send", "template.save", "notification.resend", "read.unpublished", "user.create", "user.lock",
        "user.unlock", "user.password-reset", "user.password", "user.link", "user.mfa.enrol", "user.mfa.recovery-codes",
        "user.mfa.recovery-used", "user.mfa.reset",
    ];

    [Theory, MemberData(nameof(Written))]
    public void Action_EveryWrittenCode_NamedInBothWrittenStandards(string action)
    {
        Assert.NotEqual("Annen hendelse", AuditTexts.Action(WrittenStandard.Nb, action));
        Assert.NotEqual("Anna hending", AuditTexts.Action(WrittenStandard.Nn, action));
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

    [Fact]
    public void Who_RoleInBracketsOnlyWhenTheEntryHasOne()
    {
        Assert.Equal("Kari (Planlegger i IMDi)", AuditTexts.Who(WrittenStandard.Nb, "Kari", RoleNames.Planner));
        Assert.Equal("system", AuditTexts.Who(WrittenStandard.Nb, "system", ""));
    }
}
