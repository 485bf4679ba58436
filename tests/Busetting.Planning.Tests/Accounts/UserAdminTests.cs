using Microsoft.AspNetCore.Identity;

namespace Busetting.Planning.Tests.Accounts;

/// <summary>User administration: only administrators, every field checked before anything is stored, audited with ids.</summary>
public sealed class UserAdminTests : PlanningTest
{
    private static Task<Result<(AppUser User, string Password)>> Create(PlanningHost host, Actor actor, UserAdminService.NewUser input) =>
        host.InScope<UserAdminService, Result<(AppUser User, string Password)>>(users => users.Create(actor, input));

    [Theory, DatabaseData]
    public async Task Create_CaseWorker_AccountInTheRoleWithAOneTimePasswordAndAudit(DatabaseProvider provider)
    {
        var host = await Start(provider);

        var (user, password) = Ok(await Create(host, People.Admin, new("ny@voss.kommune.no", "Saksbehandlar Voss", RoleNames.Municipality, Places.Voss, null)));

        Assert.Equal((Places.Number(Places.Voss), "Saksbehandlar Voss"), (user.Kommunenummer, user.DisplayName));
        Assert.True(await host.InScope<UserManager<AppUser>, bool>(async users => await users.IsInRoleAsync((await users.FindByIdAsync(user.Id))!, RoleNames.Municipality)));
        Assert.True(await host.InScope<UserManager<AppUser>, bool>(async users => await users.CheckPasswordAsync((await users.FindByIdAsync(user.Id))!, password)));
        var audit = await host.Db(db => db.Audit.SingleAsync(a => a.Action == "user.create"));
        Assert.Contains($"\"userId\":\"{user.Id}\"", audit.Details.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains($"\"byUserId\":\"{People.Admin.UserId}\"", audit.Details.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains(Ok(await host.InScope<UserAdminService, Result<List<UserAdminService.UserRow>>>(users => users.List(People.Admin))), r => r.Id == user.Id);
    }

    [Theory, DatabaseData]
    public async Task Create_BadFieldsOrNotAnAdministrator_RefusedAndNoAccountStored(DatabaseProvider provider)
    {
        var host = await Start(provider);
        var accounts = await host.Db(db => db.Users.CountAsync());

        Refused(await Create(host, People.Planner, new("a@b.no", "A", RoleNames.Planner, null, null)), ErrorKind.Forbidden);
        var bad = await Create(host, People.Admin, new("ikke-epost", " ", "sjef", null, null));
        var caseWorker = await Create(host, People.Admin, new("k@b.no", "K", RoleNames.Municipality, "9999", null));
        var county = await Create(host, People.Admin, new("f@b.no", "F", RoleNames.County, Places.Sogndal, "99"));
        var twice = await Create(host, People.Admin, new(People.Email(People.Bergen), "B", RoleNames.Ks, null, null));

        Assert.Equal(["email", "displayName", "role"], bad.Errors.Select(e => e.Code));
        Assert.Equal(["kommunenummer"], caseWorker.Errors.Select(e => e.Code));
        Assert.Equal(["fylkesnummer", "kommunenummer"], county.Errors.Select(e => e.Code));
        Assert.Equal(ErrorKind.Conflict, Assert.Single(twice.Errors).Kind);
        Assert.Equal(accounts, await host.Db(db => db.Users.CountAsync()));
        Assert.DoesNotContain("user.create", await host.AuditActions());
    }

    [Theory, DatabaseData]
    public async Task SetLockedAndResetPassword_AdministratorOnly_Audited(DatabaseProvider provider)
    {
        var host = await Start(provider);

        Assert.False((await host.InScope<UserAdminService, Result<bool>>(users => users.SetLocked(People.Planner, People.Bergen.UserId!, true))).IsSuccess);
        Ok(await host.InScope<UserAdminService, Result<bool>>(users => users.SetLocked(People.Admin, People.Bergen.UserId!, true)));
        Ok(await host.InScope<UserAdminService, Result<string>>(users => users.ResetPassword(People.Admin, People.Sogndal.UserId!)));

        Assert.NotNull(await host.Db(db => db.Users.Where(u => u.Id == People.Bergen.UserId).Select(u => u.LockoutEnd).SingleAsync()));
        Assert.Contains("user.password-reset", await host.AuditActions());
    }
}
