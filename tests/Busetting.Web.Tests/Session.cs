using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace Busetting.Web.Tests;

/// <summary>One user's HTTP session against the app: cookies, antiforgery tokens, Blazor form posts.</summary>
public sealed partial class Session
{
    private readonly HttpClient _client;

    public Session(WebApp app)
        : this(app, new CookieContainer())
    {
    }

    /// <param name="cookies">The cookie jar; pass a copy of another session's to act with a stolen cookie.</param>
    public Session(WebApp app, CookieContainer cookies)
    {
        Cookies = cookies;
        _client = app.CreateDefaultClient(app.ClientOptions.BaseAddress, new CookieContainerHandler(cookies));
    }

    /// <summary>A session against a running server (a child process in the fault drills), over real HTTP.</summary>
    public Session(Uri baseAddress)
    {
        Cookies = new CookieContainer();
        _client = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
    }

    public HttpClient Client => _client;

    /// <summary>Acts from this network address (the test server's peer; see <see cref="WebApp.PeerHeader"/>).</summary>
    public Session From(string address)
    {
        _client.DefaultRequestHeaders.Remove(WebApp.PeerHeader);
        _client.DefaultRequestHeaders.Add(WebApp.PeerHeader, address);
        return this;
    }

    public CookieContainer Cookies { get; }

    /// <summary>A second session holding a copy of this one's cookies (a cookie copied from the browser).</summary>
    public Session CopyCookies(WebApp app)
    {
        var copy = new CookieContainer();
        copy.Add(Cookies.GetAllCookies());
        return new Session(app, copy);
    }

    public static Task<Session> SignIn(WebApp app, string user) => SignIn(new Session(app), user);

    /// <summary>Signs in with the password and, for an account with an authenticator app, the current code.</summary>
    public static async Task<Session> SignIn(Session session, string user)
    {
        var response = await session.Post("/konto/logg-inn", "/konto/innlogging", null, new() { ["username"] = user, ["password"] = WebApp.Password, ["returnUrl"] = "/" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        response = await session.SecondStep(response);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        return session;
    }

    /// <summary>
    /// After a right password: when the answer sends to the code page, gives the code an app holding
    /// <paramref name="key"/> shows now (or <paramref name="code"/>); otherwise returns the answer unchanged.
    /// </summary>
    public async Task<HttpResponseMessage> SecondStep(HttpResponseMessage response, string key = WebApp.AuthenticatorKey, string? code = null)
    {
        var location = response.Headers.Location?.OriginalString ?? "";
        if (!location.StartsWith("/konto/kode", StringComparison.Ordinal))
        {
            return response;
        }
        var returnUrl = WebUtility.UrlDecode(location.Split("returnUrl=", 2) is [_, var back] ? back.Split('&')[0] : "/");
        return await Post(location, "/konto/kodeinnlogging", null, new() { ["code"] = code ?? Totp.Now(key), ["returnUrl"] = returnUrl });
    }

    public Task<HttpResponseMessage> Get(string url) => _client.GetAsync(url);

    public async Task<string> Html(string url)
    {
        var response = await _client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Loads <paramref name="page"/> for its antiforgery token, then posts the form (a Blazor form when <paramref name="handler"/> is set).</summary>
    public async Task<HttpResponseMessage> Post(string page, string action, string? handler, Dictionary<string, string> fields, (string Name, string FileName, byte[] Content)? file = null)
    {
        var html = await (await _client.GetAsync(page)).Content.ReadAsStringAsync();
        var token = TokenPattern().Match(html);
        Assert.True(token.Success, $"no antiforgery token on {page}");
        var all = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value) };
        if (handler is not null)
        {
            all["_handler"] = handler;
        }
        HttpContent content;
        if (file is { } f)
        {
            var multipart = new MultipartFormDataContent();
            foreach (var (key, value) in all)
            {
                multipart.Add(new StringContent(value), key);
            }
            multipart.Add(new ByteArrayContent(f.Content), f.Name, f.FileName);
            content = multipart;
        }
        else
        {
            content = new FormUrlEncodedContent(all);
        }
        return await _client.PostAsync(action, content);
    }

    public async Task<string> AntiforgeryToken()
    {
        var response = await _client.GetFromJsonAsync<TokenResponse>("/api/v1/intern/antiforgery");
        return response!.Token;
    }

    private sealed record TokenResponse(string Token);

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

public static class AppExtensions
{
    /// <summary>Runs a query on the app's own database.</summary>
    public static async Task<T> Db<T>(this WebApp app, Func<BusettingDb, Task<T>> query)
    {
        using var scope = app.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<BusettingDb>());
    }

    /// <summary>The id of the user with this e-mail address.</summary>
    public static Task<string> UserId(this WebApp app, string email) => app.Db(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
}

public static class Users
{
    public const string Planner = "planlegger@demo.imdi.no";
    public const string Admin = "admin@demo.imdi.no";
    public const string Ks = "ks@demo.ks.no";
    public const string Vestland = "fylke46@demo.vlfk.no";
    public const string Sogndal = "kommune4640@demo.sogndal.kommune.no";
    public const string Bergen = "kommune4601@demo.bergen.kommune.no";
}
