namespace Busetting.Planning.Tests;

/// <summary>The people acting in the tests, one per role and place; each has an account in every <see cref="PlanningHost"/>.</summary>
public static class People
{
    public static readonly Actor Planner = new("Planlegger (test)", Role.Planner, null, null, UserId: "planner");

    /// <summary>A second planner: four eyes between two planners.</summary>
    public static readonly Actor SecondPlanner = new("Planlegger to (test)", Role.Planner, null, null, UserId: "planner2");

    public static readonly Actor Admin = new("Administrator (test)", Role.Admin, null, null, UserId: "admin");

    public static readonly Actor Ks = new("KS-rådgiver (test)", Role.Ks, null, null, UserId: "ks");

    public static readonly Actor Vestland = new("Vestland fylkeskommune (test)", Role.County, null, CountyNumber.Parse(Places.Vestland), UserId: "county46");

    public static readonly Actor OsloCounty = new("Oslo kommune som fylke (test)", Role.County, null, CountyNumber.Parse(Places.OsloCounty), UserId: "county03");

    /// <summary>Sogndal's case worker, answered in Nynorsk (Sogndal's official form).</summary>
    public static readonly Actor Sogndal = new("Saksbehandlar Sogndal (test)", Role.Municipality, Places.Number(Places.Sogndal), null, WrittenStandard.Nn, "sogndal");

    public static readonly Actor Bergen = new("Saksbehandler Bergen (test)", Role.Municipality, Places.Number(Places.Bergen), null, UserId: "bergen");

    public static readonly IReadOnlyList<Actor> All = [Planner, SecondPlanner, Admin, Ks, Vestland, OsloCounty, Sogndal, Bergen];

    public static string Email(Actor person) => person.UserId + "@test.busetting.no";
}
