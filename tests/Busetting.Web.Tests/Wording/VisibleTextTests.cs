namespace Busetting.Web.Tests.Wording;

/// <summary>The language checker finds what it must (a planted English string, code names) and leaves Norwegian alone.</summary>
public class VisibleTextTests
{
    private static string Page(string body) => $"<!DOCTYPE html><html lang=\"nb\"><head><title>Busetting</title></head><body>{body}</body></html>";

    [Fact]
    public void Problems_NorwegianPage_None()
    {
        var html = Page("<h1>Planåret 2025</h1><p>Behovet er 18 900 personer, f.eks. fra beregningsutvalget. Kontakt imdi.no eller planlegger@demo.imdi.no.</p>"
            + "<a href=\"/data/2025/busetting-2025.csv\">busetting-2025.csv</a><p lang=\"nn\">Oppmodinga er sendt no; sum 76.</p>");
        Assert.Empty(VisibleText.Problems(html));
    }

    [Theory]
    [InlineData("<p>EM (900) is part of the need and cannot exceed it</p>", "English word 'is'")]
    [InlineData("<button class=\"ds-button\">Send (outbox)</button>", "English word 'outbox'")]
    [InlineData("<p>et år i Utkast kan ikke gå til Approved</p>", "English word 'Approved'")]
    [InlineData("<td>helt_ledige_pst</td>", "code identifier 'helt_ledige_pst'")]
    [InlineData("<td>letter.send</td>", "code identifier 'letter.send'")]
    [InlineData("<td>Bindende: ReceptionCentre</td>", "code identifier 'ReceptionCentre'")]
    [InlineData("<td>anchorShare</td>", "code identifier 'anchorShare'")]
    [InlineData("<a href=\"/x\">4640-request-v1.pdf</a>", "English word 'request'")]
    [InlineData("<input type=\"submit\" value=\"Save\">", "English word 'Save'")]
    [InlineData("<input class=\"ds-input\" placeholder=\"search\">", "English word 'search'")]
    public void Problems_PlantedEnglishOrCode_Found(string body, string expected)
    {
        var problems = VisibleText.Problems(Page(body));
        Assert.Contains(problems, p => p.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Problems_CodeInsideTekniskDisclosure_Allowed_ButNotInOtherDisclosures()
    {
        var technical = Page("<details class=\"ds-details\"><summary>Teknisk</summary><div>SCIP OPTIMAL, letter.send {\"run\":1}</div></details>");
        var other = Page("<details class=\"ds-details\"><summary>Detaljer</summary><div>letter.send</div></details>");
        Assert.Empty(VisibleText.Problems(technical));
        Assert.Contains(VisibleText.Problems(other), p => p.Contains("letter.send", StringComparison.Ordinal));
    }

    [Fact]
    public void Problems_ScriptsStylesAndHiddenElements_NotText()
    {
        var html = Page("<script>var anchorShare = 1;</script><style>.ds-button{}</style><div hidden>the draft</div><p>Godkjent</p>");
        Assert.Empty(VisibleText.Problems(html));
    }
}
