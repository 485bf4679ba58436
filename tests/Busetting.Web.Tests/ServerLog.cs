using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Busetting.Web.Tests;

/// <summary>Keeps the server's warnings and errors so a failing test can show what went wrong inside the app.</summary>
public sealed class ServerLog : ILoggerProvider
{
    public ConcurrentQueue<string> Entries { get; } = new();

    /// <summary>Every message at every level, to check what never may be logged (passwords).</summary>
    public ConcurrentQueue<string> Everything { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    public override string ToString() => string.Join("\n", Entries);

    private sealed class Logger(ServerLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            log.Everything.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
            if (logLevel >= LogLevel.Error)
            {
                log.Entries.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
            }
        }
    }
}
