namespace Busetting.Planning.Tests.Letters;

/// <summary>Letter settings: the year's contact person and signer, and a municipality's written standard; planners only, every field checked first.</summary>
public sealed class LetterSettingsTests : PlanningTest
{
    [Theory, DatabaseData]
    public async Task SetLanguage_OverrideThenBackToTheOfficialForm_BadNumberOrFormRefused(DatabaseProvider provider)
    {
        var host = await Start(provider);
        var planner = LetterActor(People.Planner);

        Ok(await host.Letters().SetLanguage(planner, Places.Bergen, "nn"));
        Assert.Equal([(Places.Number(Places.Bergen), WrittenStandard.Nn)], (await host.Letters().LanguageOverrides()).Select(l => (l.Kommunenummer, l.Language)));
        Ok(await host.Letters().SetLanguage(planner, Places.Bergen, null));

        Assert.Equal("ingen kommune med nummer «9999»", Refused(await host.Letters().SetLanguage(planner, "9999", "nn"), ErrorKind.InvalidInput).Message);
        Assert.Equal("language", Refused(await host.Letters().SetLanguage(planner, Places.Bergen, "se"), ErrorKind.InvalidInput).Code);
        Refused(await host.Letters().SetLanguage(LetterActor(People.Admin), Places.Bergen, "nn"), ErrorKind.Forbidden);
        Assert.Empty(await host.Letters().LanguageOverrides());
        Assert.Equal(2, (await host.AuditActions()).Count(a => a == "letters.language"));
    }

    [Theory, DatabaseData]
    public async Task SaveContact_Planner_StoredTrimmedAsTheYearsContactLineAndAudited(DatabaseProvider provider)
    {
        await Drafted(provider);
        Assert.Equal(("IMDi (imdi.no)", null), await Host.Letters().Contact(Places.Settlement));

        Ok(await Host.Letters().SaveContact(LetterActor(People.Planner), Places.Settlement, " Kari Nordmann ", "22 24 16 00", "kari.nordmann@imdi.no", "Ola Nordmann", "avdelingsdirektør"));

        var (line, row) = await Host.Letters().Contact(Places.Settlement);
        Assert.Equal("Kari Nordmann (telefon 22 24 16 00, e-post kari.nordmann@imdi.no)", line);
        Assert.Equal(("Ola Nordmann", "avdelingsdirektør", People.Planner.Name), (row!.SignerName, row.SignerTitle, row.By));
        Assert.Contains("letters.contact", await Host.AuditActions());
    }

    [Theory, DatabaseData]
    public async Task SaveContact_BadFieldsOrNotAPlanner_EveryErrorNamedAndNothingStored(DatabaseProvider provider)
    {
        await Drafted(provider);

        var bad = await Host.Letters().SaveContact(LetterActor(People.Planner), Places.Settlement, null, "22 24 abc", "kari", null, "direktør");
        var noYear = await Host.Letters().SaveContact(LetterActor(People.Planner), SettlementYear.Create(Places.Year + 5), "Kari", null, null, null, null);

        Assert.Equal(["contact.phone", "contact.email", "contact.name", "contact.signer"], bad.Errors.Select(e => e.Code));
        Assert.StartsWith("Telefon: bare sifre, mellomrom, + og -", bad.Errors[0].Message, StringComparison.Ordinal);
        Refused(noYear, ErrorKind.NotFound);
        Refused(await Host.Letters().SaveContact(LetterActor(People.Admin), Places.Settlement, "Kari", null, null, null, null), ErrorKind.Forbidden);
        Assert.Equal(0, await Host.Db(db => db.LetterContacts.CountAsync()));
        Assert.DoesNotContain("letters.contact", await Host.AuditActions());
    }
}
