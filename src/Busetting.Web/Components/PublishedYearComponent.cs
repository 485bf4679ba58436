using Busetting.Planning;
using Microsoft.AspNetCore.Components;

namespace Busetting.Web.Components;

/// <summary>
/// Base of the pages that show one year's published figures (<c>/tal</c>, <c>/kart</c>): the route's year, else the newest
/// published one; a year without published figures answers 404.
/// </summary>
public abstract class PublishedYearComponent : BusettingComponent
{
    [Parameter] public int? Year { get; set; }

    [Inject]
    public required PublicFigures Figures { get; set; }

    /// <summary>The year's published figures; null when it has none.</summary>
    protected PublicYear? Published { get; private set; }

    /// <summary>The years with published figures, for the year menu.</summary>
    protected IReadOnlyList<int> PublishedYears { get; private set; } = [];

    protected override async Task OnParametersSetAsync()
    {
        PublishedYears = await Figures.Years();
        Year ??= PublishedYears.FirstOrDefault();
        Published = Year is { } y && Settlement(y) is { } year ? await Figures.For(year) : null;
        if (Published is null)
        {
            SetStatus(404);
        }
    }
}
