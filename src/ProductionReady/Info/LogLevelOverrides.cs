using Microsoft.Extensions.Primitives;

namespace ProductionReady.Info;

/// <summary>
/// Levels changed at run time, each for a limited time. They act where every provider's level is decided: as
/// <see cref="LoggerFilterOptions"/> rules added after the configured ones (<c>Logging:LogLevel</c>), and for each
/// provider that has rules of its own (<c>Logging:Console:LogLevel</c>, ...) a rule for that provider too, so the
/// change reaches ProductionReady's Serilog pipeline (which takes its levels from these filters) and every other
/// provider alike. A change signals the options' change token; the logger factory then re-applies the filters to
/// every logger. When the time ends, a timer removes the rule and signals again.
/// </summary>
internal sealed class LogLevelOverrides : IConfigureOptions<LoggerFilterOptions>, IOptionsChangeTokenSource<LoggerFilterOptions>, IDisposable
{
    private readonly Dictionary<string, Override> _overrides = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private readonly IServiceProvider _services;
    private ILogger? _logger;
    private CancellationTokenSource _changed = new();

    public LogLevelOverrides(TimeProvider time, IServiceProvider services)
    {
        _time = time;
        _services = services;
    }

    public string Name => Options.DefaultName;

    /// <summary>The levels in force now, ordered by category.</summary>
    public IReadOnlyList<(string Category, LogLevel Level, DateTimeOffset Until)> Current
    {
        get
        {
            lock (_lock)
            {
                return [.. _overrides.OrderBy(o => o.Key, StringComparer.OrdinalIgnoreCase).Select(o => (o.Key, o.Value.Level, o.Value.Until))];
            }
        }
    }

    /// <summary>The levels in force, as the JSON array both the info document and the log-level endpoint show.</summary>
    public void WriteTo(System.Text.Json.Utf8JsonWriter writer)
    {
        writer.WriteStartArray();
        foreach (var (category, level, until) in Current)
        {
            writer.WriteStartObject();
            writer.WriteString("category", category);
            writer.WriteString("level", level.ToString());
            writer.WriteString("until", until);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

        public IChangeToken GetChangeToken() => new CancellationChangeToken(Volatile.Read(ref _changed).Token);

    public void Configure(LoggerFilterOptions options)
    {
        lock (_lock)
        {
            if (_overrides.Count == 0)
            {
                return;
            }

            var providers = options.Rules.Select(r => r.ProviderName).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            foreach (var (name, entry) in _overrides)
            {
                // "Default" names the rule without a category, as under Logging:LogLevel.
                var category = name.Equals("Default", StringComparison.OrdinalIgnoreCase) ? null : name;
                options.Rules.Add(new LoggerFilterRule(null, category, entry.Level, null));
                foreach (var provider in providers)
                {
                    options.Rules.Add(new LoggerFilterRule(provider, category, entry.Level, null));
                }
            }
        }
    }

    /// <summary>Sets <paramref name="category"/> to <paramref name="level"/> for <paramref name="duration"/>; returns when it falls back.</summary>
    public DateTimeOffset Set(string category, LogLevel level, TimeSpan duration, string caller)
    {
        var until = _time.GetUtcNow() + duration;
        var entry = new Override(level, until);
        lock (_lock)
        {
            if (_overrides.Remove(category, out var previous))
            {
                previous.Timer?.Dispose();
            }

            _overrides[category] = entry;
            entry.Timer = _time.CreateTimer(_ => Expire(category, entry), null, duration, Timeout.InfiniteTimeSpan);
        }

        SignalChange();
        InfoLog.LogLevelChanged(Logger, category, level.ToString(), caller, until);
        return until;
    }

    public void Dispose()
    {
        lock (_lock)
        {
            foreach (var entry in _overrides.Values)
            {
                entry.Timer?.Dispose();
            }

            _overrides.Clear();
        }
    }

    private ILogger Logger => _logger ??= _services.GetRequiredService<ILoggerFactory>().CreateLogger(InfoLog.Category);

    private void Expire(string category, Override entry)
    {
        lock (_lock)
        {
            // A newer change of the same category replaced this one: it has a timer of its own.
            if (!_overrides.TryGetValue(category, out var current) || !ReferenceEquals(current, entry))
            {
                return;
            }

            _overrides.Remove(category);
            entry.Timer?.Dispose();
        }

        SignalChange();
        InfoLog.LogLevelRestored(Logger, category, entry.Level.ToString(), entry.Until);
    }

    private void SignalChange()
    {
        // The options monitor asks for a new token as soon as this one fires.
        var previous = Interlocked.Exchange(ref _changed, new CancellationTokenSource());
        previous.Cancel();
    }

    private sealed class Override(LogLevel level, DateTimeOffset until)
    {
        public LogLevel Level { get; } = level;

        public DateTimeOffset Until { get; } = until;

        public ITimer? Timer { get; set; }
    }
}
