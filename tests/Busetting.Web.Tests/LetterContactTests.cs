namespace Busetting.Web.Tests;

/// <summary>The year's contact person and signer: set by a planner on the letters page, printed in that year's letters.</summary>
public class LetterContactTests : SqliteAppTest
{
    [Fact]
    public async Task Contact_SavedForTheYear_PrintedInTheLetters_BadPhoneRefusedAndNothingStored()
    {
        var (planner, _) = await Steps.PlannerAt(App, Stage.Published);
        const string page = "/planlegging/2025/brev";
        Assert.Contains("Uten kontaktperson står «IMDi (imdi.no)» i brevene", WebUtility.HtmlDecode(await planner.Html(page)));

        var bad = await planner.Post(page, page, "kontakt", new() { ["ContactForm.Name"] = "Kari Nordmann", ["ContactForm.Phone"] = "22 24 abc" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var badPage = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        Assert.Contains("Telefon: bare sifre, mellomrom, + og -", badPage);
        Assert.Contains("value=\"Kari Nordmann\"", badPage); // what the planner typed is kept
        Assert.Equal(0, await App.Db(d => d.LetterContacts.CountAsync()));

        var saved = await planner.Post(page, page, "kontakt", new()
        {
            ["ContactForm.Name"] = "Kari Nordmann", ["ContactForm.Phone"] = "22 24 16 00", ["ContactForm.Email"] = "kari.nordmann@imdi.no",
            ["ContactForm.Signer"] = "Ola Nordmann", ["ContactForm.Title"] = "avdelingsdirektør",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("value=\"kari.nordmann@imdi.no\"", await planner.Html(page));
        Assert.Contains("letters.contact", await App.Db(d => d.Audit.Select(a => a.Action).ToListAsync()));

        Assert.Equal(HttpStatusCode.Redirect, (await planner.Post(page, page, "lag", new() { ["StartForm.Kind"] = "Request", ["StartForm.Reason"] = "" })).StatusCode);
        for (var i = 0; i < 600 && !await App.Db(d => d.LetterJobs.AnyAsync(j => j.Status == JobStatus.Done || j.Status == JobStatus.Failed)); i++)
        {
            await Task.Delay(100);
        }
        var sogndal = Text(await App.Db(d => d.Letters.Where(l => l.Kommunenummer == MunicipalityNumber.Parse("4640")).Select(l => l.Pdf).SingleAsync()));
        Assert.Contains("ta kontakt med Kari Nordmann (telefon 22 24 16 00, e-post kari.nordmann@imdi.no).", sogndal);
        Assert.Contains("Med helsing Ola Nordmann avdelingsdirektør Integrerings- og mangfaldsdirektoratet Kopi: Vestland fylkeskommune, KS", sogndal);
        var oslo = Text(await App.Db(d => d.Letters.Where(l => l.Kommunenummer == MunicipalityNumber.Parse("0301")).Select(l => l.Pdf).SingleAsync()));
        Assert.Contains("Med hilsen Ola Nordmann avdelingsdirektør Integrerings- og mangfoldsdirektoratet Kopi: KS", oslo);
    }
}
