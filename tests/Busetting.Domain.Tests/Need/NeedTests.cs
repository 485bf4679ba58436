namespace Busetting.Domain.Tests.Need;

public class NeedTests
{
    [Fact]
    public void Calculate_Forecast_AddsReceptionNewPermitsAndQuota()
    {
        var result = new NeedForecast(2000, 10_000, 0.6m, 3000, 100, 500, 0.5m, 800).Calculate();
        Assert.True(result.IsSuccess);
        Assert.Equal(11_000, result.Value.Need.Persons); // 2000 + 6000 + 3000; family members are not counted
        Assert.Equal(350, result.Value.Need.Em);
        Assert.Equal(800, result.Value.ExcludedFamilyMembers);
    }

    [Theory]
    [InlineData(-1, 0.5)]
    [InlineData(10, 1.5)]
    public void Calculate_BadInput_ClearError(int inReception, double rate)
    {
        var result = new NeedForecast(inReception, 100, (decimal)rate, 0, 0, 0, 0m).Calculate();
        Assert.False(result.IsSuccess);
        Assert.All(result.Errors, e => Assert.Equal(ErrorKind.InvalidInput, e.Kind));
    }

    [Fact]
    public void Create_EmAboveTotal_Rejected()
    {
        var result = NationalNeed.Create(100, 101);
        Assert.False(result.IsSuccess);
        Assert.Contains("cannot exceed", result.Errors[0].Message);
    }

    [Fact]
    public void Revision_2025Cut_TriggersRedistribution()
    {
        var revision = new NeedRevision(NationalNeed.Create(18_900, 750).Value, NationalNeed.Create(12_640, 750).Value);
        Assert.True(revision.PersonsTriggers);
        Assert.False(revision.EmTriggers);
        Assert.True(revision.RedistributionRecommended);
    }

    [Fact]
    public void Revision_WithinTenPercent_NoRedistribution()
    {
        var revision = new NeedRevision(NationalNeed.Create(35_000, 100).Value, NationalNeed.Create(38_000, 105).Value);
        Assert.False(revision.RedistributionRecommended);
    }

    [Fact]
    public void Revision_EmAloneBeyondTenPercent_Triggers()
    {
        // 2021: EM 110 → 72 while the total changed too; EM alone is enough.
        var revision = new NeedRevision(NationalNeed.Create(5_025, 110).Value, NationalNeed.Create(5_000, 72).Value);
        Assert.False(revision.PersonsTriggers);
        Assert.True(revision.EmTriggers);
    }
}
