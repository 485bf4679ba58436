using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Busetting.Persistence;

/// <summary>A settlement year is stored as its number (the column stays an integer).</summary>
public sealed class SettlementYearConverter() : ValueConverter<SettlementYear, int>(year => year.Value, value => SettlementYear.Create(value));

/// <summary>A kommunenummer is stored as its four digits (the column stays text, leading zero kept).</summary>
public sealed class MunicipalityNumberConverter() : ValueConverter<MunicipalityNumber, string>(number => number.Value, text => MunicipalityNumber.Parse(text));

/// <summary>A written standard is stored as its code, "nb" or "nn" (the column stays text).</summary>
public sealed class WrittenStandardConverter() : ValueConverter<WrittenStandard, string>(standard => standard.Code(), code => WrittenStandards.Parse(code));

/// <summary>A role is stored by its Norwegian name ("planlegger", "fylke", …), as Identity's role table names it.</summary>
public sealed class RoleConverter() : ValueConverter<Role, string>(role => role.Name(), name => RoleNames.Parse(name));
