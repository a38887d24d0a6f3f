using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;
using ProductionReady.Common;
using ProductionReady.Detection;

namespace ProductionReady.Info;

/// <summary>
/// The info document: what runs (service, version, commit, build time, environment), on what (runtime, OS),
/// for how long, with which capabilities, and ProductionReady's settings as configured (every configuration
/// value under <c>ProductionReady</c>) with every secret masked: by key name, by credential format (connection-string
/// and URI passwords, live API keys) and every value the Secrets capability knows as a secret
/// (<see cref="IKnownSecretValues"/>: the configuration scan and every <c>[Secret]</c> property).
/// </summary>
internal sealed class InfoDocument
{
    /// <summary>What a masked value reads as.</summary>
    public const string Masked = "***";

    /// <summary>The assembly metadata key an app can stamp its build time with (ISO 8601).</summary>
    public const string BuildTimeMetadataKey = "BuildTime";

    private readonly ServiceIdentity _identity;
    private readonly IConfiguration _configuration;
    private readonly IEnumerable<CheckedSection> _sections;
    private readonly LogLevelOverrides _overrides;
    private readonly IKnownSecretValues? _secrets;
    private readonly TimeProvider _time;
    private readonly DateTimeOffset _started;
    private readonly DateTimeOffset? _buildTime;

    public InfoDocument(ServiceIdentity identity, IConfiguration configuration, IEnumerable<CheckedSection> sections, LogLevelOverrides overrides, TimeProvider time, IKnownSecretValues? secrets = null)
    {
        _identity = identity;
        _configuration = configuration;
        _sections = sections;
        _overrides = overrides;
        _secrets = secrets;
        _time = time;
        using var process = Process.GetCurrentProcess();
        _started = new DateTimeOffset(process.StartTime.ToUniversalTime(), TimeSpan.Zero);
        _buildTime = BuildTime(Assembly.GetEntryAssembly());
    }

    public void Write(Utf8JsonWriter writer)
    {
        var now = _time.GetUtcNow();
        writer.WriteStartObject();
        writer.WriteString("service", _identity.Name);
        writer.WriteString("version", _identity.Version);
        WriteStringOrNull(writer, "commit", _identity.Commit);
        if (_buildTime is { } built)
        {
            writer.WriteString("buildTime", built);
        }
        else
        {
            writer.WriteNull("buildTime");
        }

        writer.WriteString("environment", _identity.Environment);
        writer.WriteString("started", _started);
        writer.WriteString("uptime", (now - _started).ToString(@"d\.hh\:mm\:ss", System.Globalization.CultureInfo.InvariantCulture));

        writer.WriteStartObject("runtime");
        writer.WriteString("framework", RuntimeInformation.FrameworkDescription);
        writer.WriteString("os", RuntimeInformation.OSDescription);
        writer.WriteString("architecture", RuntimeInformation.ProcessArchitecture.ToString());
        writer.WriteBoolean("nativeAot", !RuntimeFeature.IsDynamicCodeSupported);
        writer.WriteNumber("processors", Environment.ProcessorCount);
        writer.WriteEndObject();

        writer.WriteStartArray("capabilities");
        foreach (var section in _sections.Select(s => s.SectionName).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase))
        {
            writer.WriteStartObject();
            writer.WriteString("name", section[(section.LastIndexOf(':') + 1)..]);
            writer.WriteString("section", section);
            writer.WriteBoolean("enabled", !bool.TryParse(_configuration[section + ":Enabled"], out var enabled) || enabled);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartObject("settings");
        var known = _secrets?.Values ?? [];
        foreach (var (key, value) in _configuration.GetSection(ProductionReadyOptions.SectionName).AsEnumerable()
            .Where(kv => kv.Value is not null)
            .OrderBy(kv => kv.Key, StringComparer.OrdinalIgnoreCase))
        {
            writer.WriteString(key, Mask(key, value!, known));
        }

        writer.WriteEndObject();

        writer.WritePropertyName("logLevels");
        _overrides.WriteTo(writer);
        writer.WriteEndObject();
    }

    /// <summary>The value as shown: <see cref="Masked"/> when its key names a secret, it holds a credential, or it contains a known secret.</summary>
    internal static string Mask(string key, string value, IReadOnlyCollection<string> knownSecrets)
    {
        if (value.Length == 0)
        {
            return value;
        }

        if (SecretNames.IsSecretName(key) || CredentialLocator.FindPassword(value) is not null || TokenFormats.FindLiveCredential(value) is not null)
        {
            return Masked;
        }

        foreach (var secret in knownSecrets)
        {
            if (value.Contains(secret, StringComparison.Ordinal))
            {
                return Masked;
            }
        }

        return value;
    }

    private static void WriteStringOrNull(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    /// <summary>The build time stamped as <c>[assembly: AssemblyMetadata("BuildTime", "...")]</c>, else the entry assembly file's time.</summary>
    private static DateTimeOffset? BuildTime(Assembly? entry)
    {
        foreach (var metadata in entry?.GetCustomAttributes<AssemblyMetadataAttribute>() ?? [])
        {
            if (metadata.Key == BuildTimeMetadataKey
                && DateTimeOffset.TryParse(metadata.Value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var stamped))
            {
                return stamped.ToUniversalTime();
            }
        }

        // Single-file and Native AOT apps have no assembly file: the executable then.
        var file = entry is null ? null : Path.Combine(AppContext.BaseDirectory, entry.GetName().Name + ".dll");
        file = file is not null && File.Exists(file) ? file : Environment.ProcessPath;
        return file is not null && File.Exists(file) ? new DateTimeOffset(File.GetLastWriteTimeUtc(file), TimeSpan.Zero) : null;
    }
}
