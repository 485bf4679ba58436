using Busetting.Data.Criteria;
using Busetting.Data.Profiles;
using Busetting.Data.Reference;
using Busetting.Domain.Allocation;
using Busetting.Domain.Criteria;
using Busetting.Domain.Primitives;
using Busetting.TestKit;

namespace Busetting.Data.Tests;

public class ReferenceDataTests
{
    private static readonly ReferenceData Reference = ReferenceDataLoader.Load(TestData.Folder).Value;

    [Fact]
    public void Load_Shipped_357MunicipalitiesWithPopulation()
    {
        Assert.Equal(357, Reference.Municipalities.Count);
        Assert.Equal(717_710, Reference.Population[MunicipalityNumber.Parse("0301")][2024]);
        Assert.Equal(5_550_203, Reference.Municipalities.Sum(m => Reference.Population[m.Number][2024]));
    }

    [Fact]
    public void Build_2022_UsesOnlyDataBeforeTheYear()
    {
        var profiles = ProfileBuilder.Build(Reference, SettlementYear.Create(2022)).Value;
        Assert.All(profiles.Municipalities, p => Assert.Equal(2021, p.PopulationYear)); // letters on 15 November 2021
        Assert.All(profiles.Municipalities, p => Assert.Empty(p.History));
        Assert.All(profiles.Municipalities, p => Assert.Null(p.ReceptionCentre)); // the mottak list is from 2024
        Assert.All(profiles.Municipalities.SelectMany(p => p.Indicators.Values), v => Assert.True(v.Year <= 2021));
    }

    [Fact]
    public void Build_2025_UsesHistoryAndReceptionCentres()
    {
        var profiles = ProfileBuilder.Build(Reference, SettlementYear.Create(2025)).Value;
        Assert.All(profiles.Municipalities, p => Assert.Equal(2024, p.PopulationYear));
        Assert.Contains(profiles.Municipalities, p => p.HostsReceptionCentre);
        Assert.All(profiles.Municipalities.SelectMany(p => p.History), h => Assert.True(h.Year <= 2024));
        Assert.Equal(2000, profiles.Municipalities.Single(p => p.Municipality.Number.Value == "0301").History.Single(h => h.Year == 2022).Requested);
    }

    [Fact]
    public void Build_2024Letters_WholeYear2023NotYetKnown_2022Is()
    {
        var oslo = ProfileBuilder.Build(Reference, SettlementYear.Create(2024)).Value.Municipalities.Single(p => p.Municipality.Number.Value == "0301");
        Assert.Null(oslo.History.SingleOrDefault(h => h.Year == 2023)?.Settled); // complete only from 1 February 2024
        Assert.Equal(1924, oslo.History.Single(h => h.Year == 2022).Settled);   // IMDi's key figures, known from 1 February 2023
        Assert.Equal(2000, oslo.History.Single(h => h.Year == 2022).Requested);
    }

    [Fact]
    public void Build_2024AsOfMarch_WholeYear2023Known()
    {
        var profiles = ProfileBuilder.Build(Reference, SettlementYear.Create(2024), new DateOnly(2024, 3, 1)).Value;
        Assert.Equal(new DateOnly(2024, 3, 1), profiles.KnowledgeDate);
        var oslo = profiles.Municipalities.Single(p => p.Municipality.Number.Value == "0301");
        Assert.NotNull(oslo.History.Single(h => h.Year == 2023).Settled);
        Assert.Null(oslo.History.Single(h => h.Year == 2023).SettledUntil);
    }

    [Fact]
    public void Build_2025Letters_2024SettledUpTo13NovemberAndEmGrantsKnown()
    {
        var profiles = ProfileBuilder.Build(Reference, SettlementYear.Create(2025)).Value;
        var oslo = profiles.Municipalities.Single(p => p.Municipality.Number.Value == "0301");
        Assert.Equal(new DateOnly(2024, 11, 13), oslo.History.Single(h => h.Year == 2024).SettledUntil);
        Assert.True(oslo.History.Single(h => h.Year == 2023).EmGrant > 0);
        Assert.Null(oslo.History.SingleOrDefault(h => h.Year == 2024)?.EmGrant); // 2024 grants are not published in the data
    }

    [Fact]
    public void Build_2024_HaramTakesPartWithItsShareOfPreSplitAlesund()
    {
        var profiles = ProfileBuilder.Build(Reference, SettlementYear.Create(2024)).Value.Municipalities;
        var haram = profiles.Single(p => p.Municipality.Number.Value == "1580");
        var alesund = profiles.Single(p => p.Municipality.Number.Value == "1508");
        Assert.Null(haram.NotSeparateReason);
        Assert.True(haram.Population > 0);
        var whole = Reference.Population[MunicipalityNumber.Parse("1508")][2023]; // SSB: Haram inside Ålesund in 2023
        Assert.Equal(whole, haram.Population + alesund.Population);
        var requested2022 = Reference.KeyFigures.Single(k => k.Year == 2022 && k.Number.Value == "1507").Requested!.Value;
        Assert.Equal(requested2022, haram.History.Single(h => h.Year == 2022).Requested + alesund.History.Single(h => h.Year == 2022).Requested);
        Assert.True(haram.History.Single(h => h.Year == 2022).Requested > 0);
    }

    [Fact]
    public void Build_KnowledgeDateAfterTheYear_Refused()
    {
        var result = ProfileBuilder.Build(Reference, SettlementYear.Create(2024), new DateOnly(2025, 1, 1));
        Assert.False(result.IsSuccess);
        Assert.Contains("2025-01-01", result.Errors[0].Message);
    }

    [Fact]
    public void Build_2023_HaramIsPartOfAlesund()
    {
        var haram = ProfileBuilder.Build(Reference, SettlementYear.Create(2023)).Value.Municipalities.Single(p => p.Municipality.Number.Value == "1580");
        Assert.Contains("part of 1508", haram.NotSeparateReason);
    }

    [Fact]
    public void Criteria_Shipped2025_Valid()
    {
        var (criteria, warning) = CriteriaJson.ForYear(TestData.Folder, 2025).Value;
        Assert.Null(warning);
        Assert.Equal(0.60m, criteria.TopGroupWeight);
        Assert.Equal(10, criteria.Rules.Floor);
    }

    [Theory]
    [InlineData(2022)]
    [InlineData(2025)]
    public void Criteria_Shipped_RequestWeightIsTheStatedPrior(int year)
    {
        // The request weight predicts requests, and no shipped year with requests has a year before it: so the shipped
        // weight is the documented prior (equal weights), not a value fitted against the settled (docs/model.md).
        var (criteria, _) = CriteriaJson.ForYear(TestData.Folder, year).Value;
        Assert.Equal(ContinuityAnchor.RequestWeightPrior, criteria.Anchor?.RequestWeight);
        Assert.Equal(0.5m, ContinuityAnchor.RequestWeightPrior);
        Assert.Contains("stated prior", criteria.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Criteria_YearWithoutFile_FallsBackWithWarning()
    {
        var (criteria, warning) = CriteriaJson.ForYear(TestData.Folder, 2024).Value;
        Assert.Equal(2022, criteria.Year);
        Assert.Contains("no criteria set for 2024", warning?.Technical);
    }

    [Theory]
    [InlineData("{\"year\": 2025,", "not valid", ":1")]
    [InlineData("{\"year\": 2025, \"bogus\": 1}", "bogus", ":1")]
    public void Criteria_BadJson_ClearError(string json, string message, string location)
    {
        var result = CriteriaJson.Parse(json, "c.json");
        Assert.False(result.IsSuccess);
        Assert.Contains(result.Errors, e => (e.Message.Contains(message, StringComparison.OrdinalIgnoreCase) || e.Message.Contains("could not be mapped", StringComparison.Ordinal) || e.Message.Contains("expected", StringComparison.OrdinalIgnoreCase)) && (e.Location ?? "").Contains(location, StringComparison.Ordinal));
    }

    [Fact]
    public void Criteria_RoundTrip_Identical()
    {
        var criteria = CriteriaJson.Load(Path.Combine(TestData.Folder, "criteria", "2025.json")).Value;
        var again = CriteriaJson.Parse(CriteriaJson.Write(criteria), "roundtrip").Value;
        Assert.Equal(CriteriaJson.Write(criteria), CriteriaJson.Write(again));
        Assert.Equal(IndicatorIds.Unemployment, again.Criteria.Single(c => c.Id == "arbeid").IndicatorId);
    }
}
