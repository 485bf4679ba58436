using Microsoft.Extensions.DependencyInjection;

namespace Busetting.Planning.Tests.Notifications;

/// <summary>
/// E-mails to an account's owner when something about it changes (ASVS 2.2.3): in the owner's written standard, saying
/// what to do if it was not them, never carrying a password.
/// </summary>
public sealed class AccountNotificationTests : PlanningTest
{
    private static Task<List<OutboxMessage>> Written(PlanningHost host) => host.Db(db => db.Outbox.OrderBy(m => m.Id).ToListAsync());

    [Theory, DatabaseData]
    public async Task ResetPassword_ByAnAdministrator_OwnerToldInTheirFormWithoutThePassword(DatabaseProvider provider)
    {
        var host = await Start(provider);

        var sogndal = Ok(await host.InScope<UserAdminService, Result<string>>(users => users.ResetPassword(People.Admin, People.Sogndal.UserId!)));
        var bergen = Ok(await host.InScope<UserAdminService, Result<string>>(users => users.ResetPassword(People.Admin, People.Bergen.UserId!)));

        var messages = await Written(host);
        Assert.Equal(
            [("password-reset", People.Email(People.Sogndal), WrittenStandard.Nn, "Ein administrator har gitt deg nytt passord i Busetting"),
             ("password-reset", People.Email(People.Bergen), WrittenStandard.Nb, "En administrator har gitt deg nytt passord i Busetting")],
            messages.Select(m => (m.Kind, m.To, m.Language, m.Subject)));
        Assert.Contains("Du får passordet frå administratoren, ikkje på e-post", messages[0].Body, StringComparison.Ordinal);
        Assert.DoesNotContain(sogndal, messages[0].Body, StringComparison.Ordinal);
        Assert.DoesNotContain(bergen, messages[1].Body, StringComparison.Ordinal);
    }

    [Theory, DatabaseData]
    public async Task AccountChanged_PasswordIdentityAuthenticatorOrGuessing_EachToldToTheOwnerWithWhatToDo(DatabaseProvider provider)
    {
        var host = await Start(provider);
        var notifications = host.Services.GetRequiredService<global::Busetting.Planning.Notifications>();

        await host.Db(async db =>
        {
            var ks = await db.Users.SingleAsync(u => u.Id == People.Ks.UserId);
            notifications.PasswordChanged(db, ks);
            notifications.IdentityLinked(db, await db.Users.SingleAsync(u => u.Id == People.Sogndal.UserId), "https://idporten.test", byAdministrator: true);
            notifications.AuthenticatorChanged(db, ks, AuthenticatorChange.ResetByAdministrator);
            notifications.PasswordGuessing(db, ks, 25);
            return await db.SaveChangesAsync();
        });

        var messages = await Written(host);
        Assert.Equal(
            [("password", People.Email(People.Ks), "Passordet ditt i Busetting er endret"),
             ("identity-link", People.Email(People.Sogndal), "Ny innlogging knytt til kontoen din i Busetting"),
             ("authenticator", People.Email(People.Ks), "Autentiseringsappen din i Busetting er endret"),
             ("guessing", People.Email(People.Ks), "Mange feil passord for kontoen din i Busetting")],
            messages.Select(m => (m.Kind, m.To, m.Subject)));
        Assert.Contains("Var det ikke deg, så kontakt IMDis administrator for Busetting med en gang.", messages[0].Body, StringComparison.Ordinal);
        Assert.Contains("gjennom https://idporten.test (knytt av ein administrator)", messages[1].Body, StringComparison.Ordinal);
        Assert.Contains("Var det ikkje deg, så kontakt administratoren for Busetting i IMDi med ein gong.", messages[1].Body, StringComparison.Ordinal);
        Assert.StartsWith("En administrator i IMDi har nullstilt autentiseringsappen for kontoen " + People.Email(People.Ks), messages[2].Body, StringComparison.Ordinal);
        Assert.Contains("25 ganger den siste tiden", messages[3].Body, StringComparison.Ordinal);
        Assert.Contains("Kontoen er ikke låst.", messages[3].Body, StringComparison.Ordinal);
        Assert.All(messages, m => Assert.Equal(OutboxStatus.Pending, m.Status));
    }
}
