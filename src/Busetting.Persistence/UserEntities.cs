using Microsoft.AspNetCore.Identity;

namespace Busetting.Persistence;

/// <summary>A user: IMDi staff, a county or KS reviewer, or a municipal case worker bound to one municipality.</summary>
public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>The one municipality a case worker may see and change (4 digits); null for every other role.</summary>
    public MunicipalityNumber? Kommunenummer { get; set; }

    /// <summary>The county a county reviewer works for (2 digits); null for every other role.</summary>
    public string? Fylkesnummer { get; set; }

    /// <summary>"nb" or "nn"; null = the municipality's official language form, else Bokmål.</summary>
    public WrittenStandard? Language { get; set; }
}
