using System.Text.Json;
using System.Text.Json.Serialization;
using Busetting.Domain.Allocation;
using Busetting.Domain.Criteria;

namespace Busetting.Data.Criteria;

/// <summary>Reads and writes criteria sets as JSON (data/criteria/&lt;year&gt;.json); unknown fields are errors, not ignored.</summary>
public static class CriteriaJson
{
    public const string Folder = "criteria";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    /// <summary>The criteria for <paramref name="year"/>: its own file, else the newest earlier one (with a warning).</summary>
    public static Result<(CriteriaSet Criteria, DataNote? Warning)> ForYear(string dataFolder, int year)
    {
        var folder = Path.Combine(dataFolder, Folder);
        var candidates = Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.json")
                .Select(f => (File: f, Year: int.TryParse(Path.GetFileNameWithoutExtension(f), NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : 0))
                .Where(c => c.Year > 0 && c.Year <= year)
                .OrderByDescending(c => c.Year)
                .ToList()
            : [];
        if (candidates.Count == 0)
        {
            return Error.NotFound("criteria.missing", string.Create(CultureInfo.InvariantCulture, $"no criteria set for {year} or earlier in {folder} (expected a file such as {year}.json)"));
        }
        var (file, fileYear) = candidates[0];
        var loaded = Load(file);
        if (!loaded.IsSuccess)
        {
            return Result<(CriteriaSet, DataNote?)>.Fail(loaded.Errors);
        }
        DataNote? warning = fileYear == year ? null : new CriteriaFallbackNote(year, Path.GetFileName(file), loaded.Value.Version);
        return (loaded.Value, warning);
    }

    public static Result<CriteriaSet> Load(string path)
    {
        if (!File.Exists(path))
        {
            return Error.NotFound("criteria.missing", $"criteria file not found: {path}");
        }
        return Parse(File.ReadAllText(path), path);
    }

    public static Result<CriteriaSet> Parse(string json, string location)
    {
        CriteriaDto? dto;
        try
        {
            dto = JsonSerializer.Deserialize<CriteriaDto>(json, Options);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line
                ? string.Create(CultureInfo.InvariantCulture, $"{location}:{line + 1}, position {e.BytePositionInLine + 1}")
                : location;
            return Error.Invalid("criteria.json", $"{e.Message.Split(". Path:")[0]}{(e.Path is { Length: > 0 } p ? $" (at {p})" : "")}", where);
        }
        if (dto is null)
        {
            return Error.Invalid("criteria.json", "the file holds no criteria set", location);
        }
        var exceptions = new List<MunicipalityException>();
        foreach (var e in dto.Rules.Exceptions)
        {
            if (!MunicipalityNumber.TryParse(e.Kommunenummer, out var number, out var problem))
            {
                return Error.Invalid("criteria.exception", problem, $"{location} (rules.exceptions)");
            }
            exceptions.Add(new MunicipalityException(number, e.Floor, e.MaxPersons, e.Exclude, e.AlwaysAsk, e.Reason));
        }
        var set = new CriteriaSet(dto.Year, dto.Version, dto.Source, dto.SizeElasticity, dto.IndicatorClip, dto.HistoryYears,
            dto.Criteria.Select(c => new CriterionDefinition(c.Id, c.NameNb, c.NameNn, c.PriorityGroup, c.Weight, c.Kind, c.Indicator,
                c.Direction ?? IndicatorDirection.HigherIsBetter, c.WhenMissingMoveTo ?? [], c.Rule)).ToList(),
            new AllocationRules(dto.Rules.Floor, exceptions, dto.Rules.ReceptionCentresAlwaysAsked,
                new SpreadRule(dto.Rules.Spread.MinAskedPerLandsdel, dto.Rules.Spread.SizeClassLowerBounds, dto.Rules.Spread.MinAskedPerSizeClass),
                dto.Rules.CapacityMaxMultipleOfNationalRate,
                dto.Rules.Continuity is { } c ? new ContinuityBand(c.MaxDecrease, c.MaxIncrease) : null,
                new ImmigrantShareRule(dto.Rules.ImmigrantShare.ThresholdPercent, dto.Rules.ImmigrantShare.Mode, dto.Rules.ImmigrantShare.CapFactorOfNationalRate,
                    dto.Rules.ImmigrantShare.ConsiderFactor ?? 1m),
                new EmRule(dto.Rules.Em.HistoryYears, dto.Rules.Em.HistoryWeight, dto.Rules.Em.MinimumPerMunicipality ?? 1),
                dto.Rules.DecisionCapacity is { } d ? new DecisionCapacity(d.MaxFactor) : null),
            dto.ContinuityAnchor is { } a ? new ContinuityAnchor(a.Share, a.RequestWeight) : null,
            dto.Ministry is { } ministry ? new Ministry(ministry.NameNb, ministry.NameNn) : null);
        var errors = set.Validate(location);
        return errors.Count > 0 ? Result<CriteriaSet>.Fail(errors) : set;
    }

    public static string Write(CriteriaSet set) => JsonSerializer.Serialize(new CriteriaDto(
        set.Year, set.Version, set.Source, set.SizeElasticity, set.IndicatorClip, set.HistoryYears,
        set.Criteria.Select(c => new CriterionDto(c.Id, c.NameNb, c.NameNn, c.PriorityGroup, c.Weight, c.Kind, c.Rule, c.IndicatorId, c.Direction, c.WhenMissingMoveTo)).ToList(),
        new RulesDto(set.Rules.Floor,
            set.Rules.Exceptions.Select(e => new ExceptionDto(e.Municipality.Value, e.Reason, e.Floor, e.MaxPersons, e.Exclude, e.AlwaysAsk)).ToList(),
            set.Rules.ReceptionCentresAlwaysAsked,
            new SpreadDto(set.Rules.Spread.MinAskedPerLandsdel, set.Rules.Spread.SizeClassLowerBounds, set.Rules.Spread.MinAskedPerSizeClass),
            set.Rules.Continuity is { } c ? new ContinuityDto(c.MaxDecrease, c.MaxIncrease) : null,
            new ImmigrantShareDto(set.Rules.ImmigrantShare.ThresholdPercent, set.Rules.ImmigrantShare.Mode, set.Rules.ImmigrantShare.CapFactorOfNationalRate,
                set.Rules.ImmigrantShare.Mode == ImmigrantShareMode.Consider ? set.Rules.ImmigrantShare.ConsiderFactor : null),
            new EmDto(set.Rules.Em.HistoryYears, set.Rules.Em.HistoryWeight, set.Rules.Em.MinimumPerMunicipality),
            set.Rules.CapacityMaxMultipleOfNationalRate,
            set.Rules.DecisionCapacity is { } d ? new DecisionCapacityDto(d.MaxFactor) : null),
        set.Anchor is { } a ? new AnchorDto(a.Share, a.RequestWeight) : null,
        set.Ministry is { } ministry ? new MinistryDto(ministry.NameNb, ministry.NameNn) : null), Options);

    private sealed record CriteriaDto(int Year, string Version, string Source, decimal SizeElasticity, decimal IndicatorClip, int HistoryYears,
        IReadOnlyList<CriterionDto> Criteria, RulesDto Rules, AnchorDto? ContinuityAnchor = null, MinistryDto? Ministry = null);

    private sealed record MinistryDto(string NameNb, string NameNn);

    private sealed record AnchorDto(decimal Share, decimal RequestWeight);

    private sealed record DecisionCapacityDto(decimal MaxFactor);

    private sealed record CriterionDto(string Id, string NameNb, string NameNn, int PriorityGroup, decimal Weight, CriterionKind Kind,
        string Rule, string? Indicator = null, IndicatorDirection? Direction = null, IReadOnlyList<string>? WhenMissingMoveTo = null);

    private sealed record RulesDto(int Floor, IReadOnlyList<ExceptionDto> Exceptions, bool ReceptionCentresAlwaysAsked, SpreadDto Spread,
        ContinuityDto? Continuity, ImmigrantShareDto ImmigrantShare, EmDto Em,
        decimal? CapacityMaxMultipleOfNationalRate = null, DecisionCapacityDto? DecisionCapacity = null);

    private sealed record ExceptionDto(string Kommunenummer, string Reason, int? Floor = null, int? MaxPersons = null, bool Exclude = false, bool AlwaysAsk = false);

    private sealed record SpreadDto(int MinAskedPerLandsdel, IReadOnlyList<int> SizeClassLowerBounds, int MinAskedPerSizeClass);

    private sealed record ContinuityDto(decimal MaxDecrease, decimal MaxIncrease);

    private sealed record ImmigrantShareDto(decimal ThresholdPercent, ImmigrantShareMode Mode, decimal CapFactorOfNationalRate, decimal? ConsiderFactor = null);

    private sealed record EmDto(int HistoryYears, decimal HistoryWeight, int? MinimumPerMunicipality = null);
}
