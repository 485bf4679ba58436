using System.Data.Common;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Busetting.Web.Services;

/// <summary>
/// When the database cannot be reached — PostgreSQL stopped or restarting, after the execution strategy's retries —
/// the answer is 503 with Retry-After and a plain Norwegian page (or problem JSON under /api), written here without
/// touching the database, instead of an error page that would need it. Nothing was committed: every unit of work is
/// one transaction (docs/adr/0011). The next request after the database is back succeeds: connections are pooled
/// per request, so no restart is needed.
/// </summary>
public sealed class DatabaseUnavailable(RequestDelegate next, ILogger<DatabaseUnavailable> log)
{
    public const int RetryAfterSeconds = 10;

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (IsUnavailable(e) && !context.Response.HasStarted)
        {
            log.LogError(e, "Database unavailable: {Method} {Path} answered 503", context.Request.Method, context.Request.Path);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            context.Response.Headers.CacheControl = "no-store";
            await SecurityHeaders.Add(context, () => Task.CompletedTask);
            var standard = WrittenStandards.NynorskOrBokmal(context.Request.Cookies[Requests.LanguageCookie]);
            var nynorsk = standard == WrittenStandard.Nn;
            var title = nynorsk ? "Tenesta er mellombels utilgjengeleg" : "Tjenesten er midlertidig utilgjengelig";
            var detail = nynorsk
                ? $"Databasen svarer ikkje akkurat no. Ingenting av det du sende, er lagra. Prøv igjen om {RetryAfterSeconds} sekund."
                : $"Databasen svarer ikke akkurat nå. Ingenting av det du sendte, er lagret. Prøv igjen om {RetryAfterSeconds} sekunder.";
            if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/data"))
            {
                await context.Response.WriteAsJsonAsync(new { type = "https://httpstatuses.io/503", title, status = 503, detail, retryAfterSeconds = RetryAfterSeconds },
                    options: null, contentType: "application/problem+json");
                return;
            }
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync($"""
                <!DOCTYPE html>
                <html lang="{standard.Code()}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>{title} – Busetting</title></head>
                <body><main><h1>{title}</h1><p>{detail}</p><p><a href="{System.Net.WebUtility.HtmlEncode(context.Request.Path.Value ?? "/")}">Prøv igjen</a></p></main></body></html>
                """);
        }
    }

    /// <summary>The database could not be reached or went away: connection refused, shut down, retries exhausted.</summary>
    public static bool IsUnavailable(Exception e)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            switch (inner)
            {
                case RetryLimitExceededException:
                case NpgsqlException { IsTransient: true }:
                case PostgresException { SqlState: PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.CrashShutdown }:
                    return true;
                case DbException when inner.InnerException is System.Net.Sockets.SocketException:
                    return true;
            }
        }
        return e is AggregateException aggregate && aggregate.InnerExceptions.Any(IsUnavailable);
    }
}
