using Busetting.Domain.Planning;

namespace Busetting.Domain.Tests.Primitives;

/// <summary>The typed identities the persistence boundary stores as text: roles by their Norwegian names, county numbers.</summary>
public class IdentityTests
{
    [Theory]
    [InlineData(Role.Planner, "planlegger")]
    [InlineData(Role.Admin, "administrator")]
    [InlineData(Role.County, "fylke")]
    [InlineData(Role.Ks, "ks")]
    [InlineData(Role.Municipality, "kommune")]
    public void RoleName_EachRole_TheStoredNameAndBack(Role role, string name)
    {
        Assert.Equal(name, role.Name());
        Assert.True(RoleNames.TryParse(name, out var back));
        Assert.Equal(role, back);
    }

    [Fact]
    public void RoleNames_All_EveryRoleOnceWithADistinctName()
    {
        Assert.Equal(Enum.GetValues<Role>(), RoleNames.All);
        Assert.Equal(RoleNames.All.Count, RoleNames.All.Select(r => r.Name()).Distinct().Count());
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("Planner")]
    [InlineData("Planlegger")]
    public void RoleTryParse_NotAStoredName_False(string? name) => Assert.False(RoleNames.TryParse(name, out _));

    [Fact]
    public void RoleParse_Unknown_Throws() => Assert.Throws<FormatException>(() => RoleNames.Parse("admin"));

    [Theory]
    [InlineData("46", "46")]
    [InlineData(" 03 ", "03")]
    public void CountyTryParse_TwoDigits_TheNumber(string text, string expected)
    {
        Assert.True(CountyNumber.TryParse(text, out var county));
        Assert.Equal(expected, county.Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("4")]
    [InlineData("460")]
    [InlineData("4a")]
    public void CountyTryParse_NotTwoDigits_False(string? text)
    {
        Assert.False(CountyNumber.TryParse(text, out _));
        Assert.Throws<FormatException>(() => CountyNumber.Parse(text!));
    }
}
