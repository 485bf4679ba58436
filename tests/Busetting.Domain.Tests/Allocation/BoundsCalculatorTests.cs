namespace Busetting.Domain.Tests.Allocation;

public class BoundsCalculatorTests
{
    private const double Rate = 0.01; // one person per hundred inhabitants

    [Fact]
    public void Calculate_Default_FloorIsLowerBound()
    {
        var bounds = BoundsCalculator.Calculate(Profile("1101", 5000), Rules(floor: 10), Rate, 1000, null);
        Assert.Equal(10, bounds.Lower);
        Assert.Equal(RuleId.Floor, bounds.LowerRule);
        Assert.False(bounds.Excluded);
    }

    [Fact]
    public void Calculate_FloorException_ReplacesFloorWithReason()
    {
        var exception = new MunicipalityException(MunicipalityNumber.Parse("1101"), 5, null, false, false, "very small municipality");
        var bounds = BoundsCalculator.Calculate(Profile("1101", 5000), Rules(exceptions: [exception]), Rate, 1000, null);
        Assert.Equal(5, bounds.Lower);
        Assert.Contains(bounds.Notes, n => n.Rule == RuleId.FloorException && n.Detail == "very small municipality");
    }

    [Fact]
    public void Calculate_CapacityCap_IsMultipleOfNationalRate()
    {
        var bounds = BoundsCalculator.Calculate(Profile("1101", 5000), Rules(capacityMultiple: 3m), Rate, 1000, null);
        Assert.Equal(150, bounds.Upper); // 3 × 0.01 × 5000
        Assert.Equal(RuleId.CapacityCap, bounds.UpperRule);
    }

    [Fact]
    public void Calculate_ImmigrantShareAboveThreshold_CapsAtHalfNationalRate()
    {
        var profile = Profile("0301", 100_000, indicators: [Indicator(IndicatorIds.ImmigrantShare, 33.79m)]);
        var bounds = BoundsCalculator.Calculate(profile, Rules(), Rate, 10_000, null);
        Assert.Equal(500, bounds.Upper); // 0.5 × 0.01 × 100 000
        Assert.Equal(RuleId.ImmigrantShareCap, bounds.UpperRule);
    }

    [Fact]
    public void Calculate_ImmigrantShareAtThreshold_NotCapped()
    {
        var profile = Profile("0301", 100_000, indicators: [Indicator(IndicatorIds.ImmigrantShare, 30m)]);
        var bounds = BoundsCalculator.Calculate(profile, Rules(), Rate, 10_000, null);
        Assert.Equal(RuleId.CapacityCap, bounds.UpperRule);
    }

    [Fact]
    public void Calculate_ImmigrantShareExcludeMode_Excluded()
    {
        var profile = Profile("0301", 100_000, indicators: [Indicator(IndicatorIds.ImmigrantShare, 31m)]);
        var bounds = BoundsCalculator.Calculate(profile, Rules(mode: ImmigrantShareMode.Exclude), Rate, 10_000, null);
        Assert.True(bounds.Excluded);
        Assert.Equal(RuleId.ImmigrantShareExcluded, bounds.UpperRule);
    }

    [Fact]
    public void Calculate_ReceptionCentre_MustAsk()
    {
        var bounds = BoundsCalculator.Calculate(Profile("1101", 5000, receptionResidents: 40), Rules(), Rate, 1000, null);
        Assert.True(bounds.MustAsk);
        Assert.Contains(bounds.Notes, n => n.Rule == RuleId.ReceptionCentre);
    }

    [Fact]
    public void Calculate_NotSeparateMunicipality_Excluded()
    {
        var bounds = BoundsCalculator.Calculate(Profile("1580", 0, notSeparate: "part of 1508 Ålesund until 2024-01-01"), Rules(), Rate, 1000, null);
        Assert.True(bounds.Excluded);
        Assert.Equal(RuleId.NotSeparateMunicipality, bounds.Notes.Single().Rule);
    }

    [Fact]
    public void Calculate_CapBelowFloor_NotAskedUnlessMust()
    {
        var profile = Profile("1101", 500, indicators: [Indicator(IndicatorIds.ImmigrantShare, 35m)]);
        var bounds = BoundsCalculator.Calculate(profile, Rules(), Rate, 1000, null);
        Assert.True(bounds.Excluded);
        Assert.Contains(bounds.Notes, n => n.Rule == RuleId.CapBelowFloor);
    }

    [Fact]
    public void Calculate_ContinuityBand_BoundsAroundScaledLastRequest()
    {
        var band = new ContinuityBand(0.5m, 0.5m);
        // Last year 100 of 10 000; this year 20 000 → scaled 200, band 100–300.
        var bounds = BoundsCalculator.Calculate(Profile("1101", 50_000), Rules(continuity: band), 20_000 / 5_000_000.0 * 10, 20_000, (100, 10_000));
        Assert.Equal(100, bounds.Lower);
        Assert.Equal(300, bounds.Upper);
        Assert.Equal(RuleId.ContinuityFloor, bounds.LowerRule);
        Assert.Equal(RuleId.ContinuityCap, bounds.UpperRule);
    }
}
