using Busetting.Data.Import;
using Busetting.Data.Reference;
using Busetting.Domain.Errors;
using Busetting.Domain.Primitives;
using Busetting.TestKit;

namespace Busetting.Data.Tests;

/// <summary>The bad-input corpus for every importer: each gives a clear error naming file, line and column, and no values.</summary>
public class ImportTests
{
    private static readonly ReferenceData Reference = ReferenceDataLoader.Load(TestData.Folder).Value;
    private static readonly IReadOnlySet<MunicipalityNumber> Known = Reference.Municipalities.Select(m => m.Number).ToHashSet();

    private static Result<IReadOnlyList<MunicipalityIndicator>> Indicator(string text) => IndicatorCsv.Read(TestData.Scratch(text), Known, Reference.Changes);

    [Fact]
    public void Indicator_ValidFile_Read()
    {
        var result = Indicator("indikator,kommunenummer,aar,verdi,kjelde\nintroduksjonsprogram_resultat_pst,0301,2023,61.5,IMDi\nintroduksjonsprogram_resultat_pst,4601,2023,70,IMDi\n");
        Assert.True(result.IsSuccess);
        Assert.Equal(61.5m, result.Value[0].Value.Value);
    }

    [Fact]
    public void Indicator_Bom_Accepted() =>
        Assert.True(Indicator("\uFEFFindikator,kommunenummer,aar,verdi\nhelt_ledige_pst,0301,2023,2.5\n").IsSuccess);

    [Fact]
    public void Indicator_OldCodeOfMerger_MappedToCurrent()
    {
        // 0213 Ski became 3020 Nordre Follo in 2020 and 3207 in 2024.
        var result = Indicator("indikator,kommunenummer,aar,verdi\nhelt_ledige_pst,0213,2019,2.5\n");
        Assert.Equal("3207", result.Value.Single().Municipality.Value);
    }

    [Theory]
    [InlineData("", "empty", "input.csv")]
    [InlineData("kommunenummer,aar,verdi\n0301,2023,1\n", "missing column(s) 'indikator'", "input.csv:1")]
    [InlineData("indikator;kommunenummer;aar;verdi\nhelt_ledige_pst;0301;2023;2,5\n", "semicolons", "input.csv:1")]
    [InlineData("indikator,kommunenummer,aar,verdi\nhelt_ledige_pst,0301,2023,2,5\n", "decimal comma", "input.csv:2")]
    [InlineData("indikator,kommunenummer,aar,verdi\nhelt_ledige_pst,0301,2023,\"2,5\"\n", "use a decimal point", "input.csv:2, column 'verdi'")]
    [InlineData("indikator,kommunenummer,aar,verdi\nhelt_ledige_pst,0301,2023,abc\n", "'abc' is not a number", "input.csv:2, column 'verdi'")]
    [InlineData("indikator,kommunenummer,aar,verdi\nhelt_ledige_pst,0301,2023,-1\n", "outside 0", "input.csv:2, column 'verdi'")]
    [InlineData("indikator,kommunenummer,aar,verdi\nhelt_ledige_pst,301,2023,1\n", "did you mean '0301'", "input.csv:2, column 'kommunenummer'")]
    [InlineData("indikator,kommunenummer,aar,verdi\nhelt_ledige_pst,9999,2023,1\n", "unknown kommunenummer 9999", "input.csv:2, column 'kommunenummer'")]
    [InlineData("indikator,kommunenummer,aar,verdi\nhelt_ledige_pst,0301,2023,1\nhelt_ledige_pst,0301,2023,2\n", "already given on line 2", "input.csv:3")]
    [InlineData("indikator,kommunenummer,aar,verdi\nno_such_indicator,0301,2023,1\n", "unknown indicator", "input.csv:2, column 'indikator'")]
    [InlineData("indikator,kommunenummer,aar,verdi\nhelt_ledige_pst,0301,20x3,1\n", "not a whole number", "input.csv:2, column 'aar'")]
    [InlineData("indikator,kommunenummer,aar,verdi\n", "no rows", "input.csv")]
    [InlineData("indikator,kommunenummer,aar,verdi\nhelt_ledige_pst,\"0301,2023,1\n", "not closed", "input.csv:2")]
    public void Indicator_BadInput_ClearErrorAndNoValues(string text, string message, string location)
    {
        var result = Indicator(text);
        Assert.False(result.IsSuccess);
        Assert.Contains(result.Errors, e => e.Message.Contains(message, StringComparison.Ordinal) && (e.Location ?? "").Contains(location, StringComparison.Ordinal));
    }

    [Fact]
    public void KeyFigures_Shipped2022_ReadsAllMunicipalities()
    {
        var rows = KeyFiguresCsv.Read(Path.Combine(TestData.Folder, "imdi_nokkeltall_bosetting_2022.csv"), Known, Reference.Changes).Value;
        Assert.Equal(356, rows.Count);
        Assert.Equal(35_000, rows.Sum(r => r.Requested));
        Assert.Equal(["1508", "1580"], rows.Single(r => r.Number.Value == "1507").CurrentNumbers.Select(n => n.Value));
    }

    [Theory]
    [InlineData("aar,kommunenummer,kommune_imdi,fylke_imdi,anmodet,vedtatt\n2022,0301,Oslo,Oslo,2000,2000\n", "missing column(s) 'bosatt'")]
    [InlineData("aar,kommunenummer,kommune_imdi,fylke_imdi,anmodet,vedtatt,bosatt\n2022,0301,Oslo,Oslo,-5,2000,1924\n", "outside 0")]
    [InlineData("aar,kommunenummer,kommune_imdi,fylke_imdi,anmodet,vedtatt,bosatt\n2022,0301,Oslo,Oslo,2000,2000,1924\n2022,0301,Oslo,Oslo,2000,2000,1924\n", "already appears on line 2")]
    [InlineData("aar,kommunenummer,kommune_imdi,fylke_imdi,anmodet,vedtatt,bosatt\n2022,0301,Oslo,Oslo,2000,2000,1924\n2023,4601,Bergen,Vestland,1000,1000,900\n", "one file holds one year")]
    public void KeyFigures_BadInput_ClearError(string text, string message)
    {
        var result = KeyFiguresCsv.Read(TestData.Scratch(text, "imdi_nokkeltall_bosetting_2022.csv"), Known, Reference.Changes);
        Assert.False(result.IsSuccess);
        Assert.Contains(result.Errors, e => e.Message.Contains(message, StringComparison.Ordinal) && e.Location is not null);
    }

    private const string ValidJsonStat = """
        {"version":"2.0","class":"dataset","label":"Folkemengde","id":["Region","ContentsCode","Tid"],"size":[3,1,2],
         "role":{"geo":["Region"],"time":["Tid"],"metric":["ContentsCode"]},
         "dimension":{"Region":{"category":{"index":{"0":0,"K-0301":1,"4601":2}}},
                      "ContentsCode":{"category":{"index":{"Personer1":0}}},
                      "Tid":{"category":{"index":{"2025":0,"2026":1}}}},
         "value":[5594340,5633000,720000,725000,null,292000]}
        """;

    [Fact]
    public void JsonStat_Valid_ReadsMunicipalitiesSkipsCountry()
    {
        var result = JsonStat.Read(TestData.Scratch(ValidJsonStat, "t.json"), "folketal", null, Known, Reference.Changes).Value;
        Assert.Equal(3, result.Values.Count);
        Assert.Equal(1, result.SkippedRegions);
        Assert.Equal(1, result.MissingValues);
        Assert.Equal(725_000m, result.Values.Single(v => v.Municipality.Value == "0301" && v.Value.Year == 2026).Value.Value);
    }

    [Theory]
    [InlineData(60, "not valid JSON")]
    public void JsonStat_Truncated_ClearError(int length, string message)
    {
        var result = JsonStat.Read(TestData.Scratch(ValidJsonStat[..length], "t.json"), "folketal", null, Known, Reference.Changes);
        Assert.Contains(message, result.Errors[0].Message);
        Assert.Contains("t.json:", result.Errors[0].Location);
    }

    [Fact]
    public void JsonStat_ValueCountWrong_ClearError()
    {
        var result = JsonStat.Read(TestData.Scratch(ValidJsonStat.Replace(",292000]", "]", StringComparison.Ordinal), "t.json"), "folketal", null, Known, Reference.Changes);
        Assert.Contains("array of 6 numbers", result.Errors[0].Message);
    }
}
