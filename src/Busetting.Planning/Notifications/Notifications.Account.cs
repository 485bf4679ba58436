namespace Busetting.Planning;

/// <summary>
/// E-mails to the owner of an account when something about it changes (ASVS 2.2.3, 2.5.x): their password changed, an
/// administrator gave them a new one, an identity was linked to it, or someone is guessing its password from many
/// places. Each says what to do if it was not them, and never carries a password.
/// </summary>
public sealed partial class Notifications
{
    private const string NotYouNb = "Var det ikke deg, så kontakt IMDis administrator for Busetting med en gang.";
    private const string NotYouNn = "Var det ikkje deg, så kontakt administratoren for Busetting i IMDi med ein gong.";

    /// <summary>The user changed their own password.</summary>
    public void PasswordChanged(BusettingDb db, AppUser user) =>
        ToOwner(db, user, "password",
            ("Passordet ditt i Busetting er endret", "Passordet ditt i Busetting er endra"),
            ($"Passordet til kontoen {user.Email} ble endret {Ui.Time(Now)}. Andre innlogginger er avsluttet. {NotYouNb}",
             $"Passordet til kontoen {user.Email} vart endra {Ui.Time(Now)}. Andre innloggingar er avslutta. {NotYouNn}"));

    /// <summary>An administrator gave the user a new one-time password.</summary>
    public void PasswordReset(BusettingDb db, AppUser user) =>
        ToOwner(db, user, "password-reset",
            ("En administrator har gitt deg nytt passord i Busetting", "Ein administrator har gitt deg nytt passord i Busetting"),
            ($"En administrator i IMDi ga kontoen {user.Email} et nytt engangspassord {Ui.Time(Now)}. Du får passordet fra administratoren, ikke på e-post, og må velge et eget ved neste innlogging. Alle innlogginger med det gamle passordet er avsluttet. Har du ikke bedt om dette, så kontakt IMDi med en gang.",
             $"Ein administrator i IMDi gav kontoen {user.Email} eit nytt eingongspassord {Ui.Time(Now)}. Du får passordet frå administratoren, ikkje på e-post, og må velje eit eige ved neste innlogging. Alle innloggingar med det gamle passordet er avslutta. Har du ikkje bede om dette, så kontakt IMDi med ein gong."));

    /// <summary>A sign-in identity (OpenID Connect issuer and subject) was linked to the account.</summary>
    public void IdentityLinked(BusettingDb db, AppUser user, string issuer, bool byAdministrator) =>
        ToOwner(db, user, "identity-link",
            ("Ny innlogging knyttet til kontoen din i Busetting", "Ny innlogging knytt til kontoen din i Busetting"),
            ($"Kontoen {user.Email} kan nå logge inn gjennom {issuer} ({(byAdministrator ? "knyttet av en administrator" : "knyttet ved første innlogging med stadfestet e-post")}), fra {Ui.Time(Now)}. {NotYouNb}",
             $"Kontoen {user.Email} kan no logge inn gjennom {issuer} ({(byAdministrator ? "knytt av ein administrator" : "knytt ved første innlogging med stadfesta e-post")}), frå {Ui.Time(Now)}. {NotYouNn}"));

    /// <summary>The account's second factor changed: an authenticator app set up, new recovery codes, or the app reset by an administrator.</summary>
    public void AuthenticatorChanged(BusettingDb db, AppUser user, AuthenticatorChange change)
    {
        var (nb, nn) = change switch
        {
            AuthenticatorChange.Enrolled => ("Det er satt opp en autentiseringsapp for kontoen", "Det er sett opp ein autentiseringsapp for kontoen"),
            AuthenticatorChange.RecoveryCodes => ("Det er laget nye gjenopprettingskoder for kontoen", "Det er laga nye gjenopprettingskodar for kontoen"),
            AuthenticatorChange.ResetByAdministrator => ("En administrator i IMDi har nullstilt autentiseringsappen for kontoen", "Ein administrator i IMDi har nullstilt autentiseringsappen for kontoen"),
            _ => throw new ArgumentOutOfRangeException(nameof(change)),
        };
        ToOwner(db, user, "authenticator",
            ("Autentiseringsappen din i Busetting er endret", "Autentiseringsappen din i Busetting er endra"),
            ($"{nb} {user.Email} {Ui.Time(Now)}. {NotYouNb}", $"{nn} {user.Email} {Ui.Time(Now)}. {NotYouNn}"),
            "/konto/tofaktor");
    }

    /// <summary>Many wrong passwords for the account from several places: sent once per episode (<see cref="LoginGuard"/>).</summary>
    public void PasswordGuessing(BusettingDb db, AppUser user, int failures) =>
        ToOwner(db, user, "guessing",
            ("Mange feil passord for kontoen din i Busetting", "Mange feil passord for kontoen din i Busetting"),
            (Inv($"Noen har prøvd feil passord for kontoen {user.Email} {failures} ganger den siste tiden, fra flere steder. Innlogging fra nye steder går derfor tregere en stund; fra en nettleser du har logget inn med før, logger du inn som vanlig. Kontoen er ikke låst. Har du et passord som er brukt andre steder, så bytt det."),
             Inv($"Nokon har prøvd feil passord for kontoen {user.Email} {failures} gonger den siste tida, frå fleire stader. Innlogging frå nye stader går difor seinare ei stund; frå ein nettlesar du har logga inn med før, loggar du inn som vanleg. Kontoen er ikkje låst. Har du eit passord som er brukt andre stader, så byt det.")));

    /// <summary>
    /// An e-mail about the recipient's own account: it concerns no year or municipality, is never held back as a
    /// repeat, and links to the account's page (the password page unless another is named).
    /// </summary>
    private void ToOwner(BusettingDb db, AppUser user, string kind, (string Nb, string Nn) subject, (string Nb, string Nn) body, string path = "/konto/passord") =>
        Add(db, user, kind, null, null, null, subject, body, path);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}

/// <summary>What changed about an account's second factor (ASVS 2.5.5: the owner is told).</summary>
public enum AuthenticatorChange
{
    Enrolled,
    RecoveryCodes,
    ResetByAdministrator,
}
