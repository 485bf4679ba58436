using Busetting.Domain.Primitives;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Busetting.Persistence;

/// <summary>A settlement year is stored as its number (the column stays an integer).</summary>
public sealed class SettlementYearConverter() : ValueConverter<SettlementYear, int>(year => year.Value, value => SettlementYear.Create(value));

/// <summary>A kommunenummer is stored as its four digits (the column stays text, leading zero kept).</summary>
public sealed class MunicipalityNumberConverter() : ValueConverter<MunicipalityNumber, string>(number => number.Value, text => MunicipalityNumber.Parse(text));
