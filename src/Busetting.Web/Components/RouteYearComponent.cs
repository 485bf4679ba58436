using Microsoft.AspNetCore.Components;

namespace Busetting.Web.Components;

/// <summary>Base of the pages with a year in their route (<c>/planlegging/{Year}/…</c>, <c>/tal/{Year}/revisjon</c>).</summary>
public abstract class RouteYearComponent : BusettingComponent
{
    [Parameter] public int Year { get; set; }

    /// <summary>The route's year, typed once (null outside the years the system covers: no such planning year).</summary>
    protected SettlementYear? PlanYear => Settlement(Year);
}
