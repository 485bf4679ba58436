namespace Busetting.Web.Tests;

public partial class AdminTests : SqliteAppTest
{
    [Fact]
    public async Task Admin_CreatesCaseWorker_WhoSeesOnlyTheirMunicipality_ThenLocksThem()
    {
        var admin = await Session.SignIn(App, Users.Admin);
        const string page = "/admin/brukarar";
        var created = await admin.Post(page, page, "ny-brukar", new()
        {
            ["NewUser.Email"] = "sakshandsamar@oslo.kommune.no", ["NewUser.DisplayName"] = "Saksbehandler Oslo",
            ["NewUser.Role"] = "kommune", ["NewUser.Kommunenummer"] = "0301",
        });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var password = PasswordPattern().Match(await created.Content.ReadAsStringAsync()).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(password));

        var oslo = new Session(App);
        var signIn = await oslo.Post("/konto/logg-inn", "/konto/innlogging", null, new() { ["username"] = "sakshandsamar@oslo.kommune.no", ["password"] = WebUtility.HtmlDecode(password) });
        Assert.Equal("/", signIn.Headers.Location?.OriginalString);
        // The administrator's password is one-time: nothing but the password page until the user has chosen their own.
        Assert.Equal(HttpStatusCode.Forbidden, (await oslo.Get("/api/v1/intern/years/2025/municipalities/0301")).StatusCode);
        const string own = "Oslo-eige-passord-1!";
        var changed = await oslo.Post("/konto/passord", "/konto/passord", "passord", new()
        {
            ["Form.Current"] = WebUtility.HtmlDecode(password), ["Form.Next"] = own, ["Form.Repeat"] = own,
        });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await oslo.Get("/api/v1/intern/years/2025/municipalities/0301")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await oslo.Get("/api/v1/intern/years/2025/municipalities/4601")).StatusCode);

        var id = await App.UserId("sakshandsamar@oslo.kommune.no");
        Assert.Equal(HttpStatusCode.OK, (await admin.Post(page, page, "laas", new() { ["LockForm.Action"] = $"lock:{id}" })).StatusCode);
        var locked = await new Session(App).Post("/konto/logg-inn", "/konto/innlogging", null, new() { ["username"] = "sakshandsamar@oslo.kommune.no", ["password"] = own });
        Assert.Contains("feil=laast", locked.Headers.Location?.OriginalString);
        var actions = await App.Db(db => db.Audit.Select(a => a.Action).ToListAsync());
        Assert.Contains("user.create", actions);
        Assert.Contains("user.lock", actions);
    }

    [Fact]
    public async Task Admin_BadUser_ClearMessagesNothingCreated()
    {
        var admin = await Session.SignIn(App, Users.Admin);
        const string page = "/admin/brukarar";
        var before = await App.Db(db => db.Users.CountAsync());
        async Task<string> Refused(Dictionary<string, string> fields)
        {
            var response = await admin.Post(page, page, "ny-brukar", fields);
            Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Conflict, response.StatusCode.ToString());
            return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        }
        Assert.Contains("må ha et gyldig kommunenummer (fikk «9999»)", await Refused(new() { ["NewUser.Email"] = "a@b.no", ["NewUser.DisplayName"] = "A", ["NewUser.Role"] = "kommune", ["NewUser.Kommunenummer"] = "9999" }));
        Assert.Contains("ukjent rolle «sjef»", await Refused(new() { ["NewUser.Email"] = "a@b.no", ["NewUser.DisplayName"] = "A", ["NewUser.Role"] = "sjef" }));
        Assert.Contains("er ikke en e-postadresse", await Refused(new() { ["NewUser.Email"] = "ikkje-epost", ["NewUser.DisplayName"] = "A", ["NewUser.Role"] = "ks" }));
        Assert.Contains("bare fylkesbrukere har fylkesnummer", await Refused(new() { ["NewUser.Email"] = "a@b.no", ["NewUser.DisplayName"] = "A", ["NewUser.Role"] = "ks", ["NewUser.Fylkesnummer"] = "46" }));
        Assert.Contains("finnes allerede en bruker", await Refused(new() { ["NewUser.Email"] = Users.Ks, ["NewUser.DisplayName"] = "A", ["NewUser.Role"] = "ks" }));
        Assert.Equal(before, await App.Db(db => db.Users.CountAsync()));
    }

    [GeneratedRegex("<code id=\"new-password\">([^<]+)</code>")]
    private static partial Regex PasswordPattern();
}
