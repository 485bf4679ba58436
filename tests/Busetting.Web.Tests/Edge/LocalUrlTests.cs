namespace Busetting.Web.Tests;

/// <summary>Issue 14 item 5: the one check for return addresses (ASVS 5.1.5), over the ways a browser reads a path as another site.</summary>
public class LocalUrlTests
{
    [Theory]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("\\\\evil.example")]
    [InlineData("/\t/evil.example")]
    [InlineData("/\n/evil.example")]
    [InlineData("/\r/evil.example")]
    [InlineData("\t//evil.example")]
    [InlineData(" //evil.example")]
    [InlineData("/ /evil.example")]
    [InlineData("%2F%09%2Fevil.example")]
    [InlineData("/%09/evil.example")]
    [InlineData("/%2F/evil.example")]
    [InlineData("/%5Cevil.example")]
    [InlineData("/%5cevil.example")]
    [InlineData("/planlegging\\..\\evil")]
    [InlineData("https://evil.example")]
    [InlineData("http:/evil.example")]
    [InlineData("javascript:alert(1)")]
    [InlineData("/\u0000")]
    [InlineData("/\u007f")]
    [InlineData("/\u0085evil")]
    [InlineData("~/planlegging")]
    [InlineData("planlegging")]
    [InlineData("")]
    [InlineData(null)]
    public void IsSafe_OffSiteOrTricky_Refused(string? url)
    {
        Assert.False(LocalUrl.IsSafe(url), $"'{url}' must not be followed");
        Assert.Equal("/", LocalUrl.OrHome(url));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/planlegging/2025")]
    [InlineData("/kommune/4640?aar=2025&lagra=vedtak")]
    [InlineData("/tal/2025?kommune=%C3%85fjord")]
    [InlineData("/sok?q=a%20b")]
    [InlineData("/%E0%A4%A")]
    public void IsSafe_PathOnThisSite_Kept(string url)
    {
        Assert.True(LocalUrl.IsSafe(url), $"'{url}' is a local path");
        Assert.Equal(url, LocalUrl.OrHome(url));
    }

    [Fact]
    public void IsSafe_VeryLong_Refused() => Assert.False(LocalUrl.IsSafe("/" + new string('a', 5000)));
}
