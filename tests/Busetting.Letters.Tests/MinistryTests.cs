using Busetting.Data.Criteria;
using Busetting.TestKit;

namespace Busetting.Letters.Tests;

/// <summary>Issue 16 item 3: the request letter names the ministry that set the year's criteria — per-year data, not a constant.</summary>
public class MinistryTests
{
    [Theory]
    [InlineData(2022, "Kunnskapsdepartementet")]
    [InlineData(2025, "Arbeids- og inkluderingsdepartementet")]
    public void ShippedCriteria_NameTheMinistryOfTheirYear(int year, string ministry)
    {
        var criteria = CriteriaJson.ForYear(TestData.Folder, year).Value.Criteria;

        Assert.Equal((ministry, ministry), (criteria.Ministry?.NameNb, criteria.Ministry?.NameNn));
        Assert.Equal(criteria.Ministry, CriteriaJson.Parse(CriteriaJson.Write(criteria), "round trip").Value.Ministry);
    }

    [Theory]
    [InlineData("nb", "Arbeids- og inkluderingsdepartementet har fastsatt kriteriene")]
    [InlineData("nn", "Arbeids- og inkluderingsdepartementet har fastsett kriteria")]
    public void RequestLetter2025_NamesTheYearsMinistry(string language, string sentence)
    {
        var text = Letters.Text(Letters.Pdf(Letters.Request("4640", language)));

        Assert.Contains(sentence, text);
        Assert.DoesNotContain("Kunnskapsdepartementet", text);
    }

    [Fact]
    public void RequestLetter_CriteriaWithoutAMinistry_SaysDepartementet()
    {
        var text = Letters.Text(Letters.Pdf(Letters.Request("4640", "nb") with { Ministry = null }));

        Assert.Contains("Departementet har fastsatt kriteriene", text);
    }
}
