using Microsoft.Extensions.Primitives;
using ProductionReady.Detection;
using ProductionReady.Common;

namespace ProductionReady.Secrets;

/// <summary>
/// The secret values this app holds, for Logging to mask: every value the configuration scan
/// recognises as a secret (by key name, connection-string and URI passwords) and every
/// <see cref="SecretAttribute"/> property value. In memory only; rebuilt when configuration reloads.
/// </summary>
internal sealed class KnownSecretValues : IKnownSecretValues, IDisposable
{
    /// <summary>Shorter values are not masked: masking "db" would mangle every log line.</summary>
    public const int MinimumMaskedLength = 4;

    private readonly IConfiguration _configuration;
    private readonly IDisposable _reloadSubscription;
    private readonly object _gate = new();
    private readonly HashSet<string> _fromOptions = new(StringComparer.Ordinal);
    private string[]? _snapshot;

    public KnownSecretValues(IConfiguration configuration)
    {
        _configuration = configuration;
        _reloadSubscription = ChangeToken.OnChange(configuration.GetReloadToken, () => Volatile.Write(ref _snapshot, null));
    }

    public IReadOnlyCollection<string> Values => Volatile.Read(ref _snapshot) ?? Rebuild();

    public void Add(string value)
    {
        if (!IsMaskable(value))
        {
            return;
        }

        lock (_gate)
        {
            if (_fromOptions.Add(value))
            {
                _snapshot = null;
            }
        }
    }

    public void Dispose() => _reloadSubscription.Dispose();

    private static bool IsMaskable(string? value) =>
        value is { Length: >= MinimumMaskedLength } && !WeakSecrets.IsPlaceholder(value);

    private string[] Rebuild()
    {
        lock (_gate)
        {
            var values = new HashSet<string>(_fromOptions, StringComparer.Ordinal);
            foreach (var (key, value) in _configuration.AsEnumerable())
            {
                if (!string.IsNullOrEmpty(value))
                {
                    ConfigurationSecretScanner.CheckSecret(key, value, problems: null, v =>
                    {
                        if (IsMaskable(v))
                        {
                            values.Add(v);
                        }
                    });
                }
            }

            var snapshot = values.ToArray();
            _snapshot = snapshot;
            return snapshot;
        }
    }
}
