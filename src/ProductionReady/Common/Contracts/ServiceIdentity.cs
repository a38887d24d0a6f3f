using System.Reflection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ProductionReady.Common;

/// <summary>
/// What is running: service name, version, source commit and environment. Resolved once at startup
/// and shared by the health report and the log enricher.
/// </summary>
internal sealed class ServiceIdentity
{
    public ServiceIdentity(string name, string version, string? commit, string environment)
    {
        Name = name;
        Version = version;
        Commit = commit;
        Environment = environment;
    }

    public string Name { get; }

    public string Version { get; }

    public string? Commit { get; }

    public string Environment { get; }

    /// <summary>
    /// Registers the identity once, whichever capability asks first. Its name comes from its own
    /// <see cref="ServiceIdentityOptions"/>: <c>ProductionReady:ServiceName</c>, then whatever the composition root
    /// sets there (the <c>AddProductionReady(o => o.ServiceName = ...)</c> lambda); this service never reads the root options.
    /// </summary>
    public static void Register(IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(ServiceIdentity)))
        {
            return;
        }

        services.AddOptions<ServiceIdentityOptions>().Configure<IConfiguration>(static (o, configuration) => o.ServiceName ??= configuration[ServiceIdentityOptions.NameKey]);
        services.TryAddSingleton(sp => Create(
            sp.GetRequiredService<IHostEnvironment>(),
            sp.GetRequiredService<IOptions<ServiceIdentityOptions>>().Value.ServiceName,
            Assembly.GetEntryAssembly()));
    }

    public static ServiceIdentity Create(IHostEnvironment environment, string? configuredName, Assembly? entryAssembly)
    {
        var name = string.IsNullOrWhiteSpace(configuredName) ? environment.ApplicationName : configuredName;
        var (version, commit) = ParseInformationalVersion(
            entryAssembly?.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? entryAssembly?.GetName().Version?.ToString());
        return new ServiceIdentity(name, version, commit, environment.EnvironmentName);
    }

    /// <summary>
    /// Splits "1.2.3+9f1c2ab" (what the SDK writes when SourceRevisionId is known) into version and commit.
    /// </summary>
    public static (string Version, string? Commit) ParseInformationalVersion(string? informationalVersion)
    {
        if (string.IsNullOrWhiteSpace(informationalVersion))
        {
            return ("unknown", null);
        }

        var plus = informationalVersion.IndexOf('+', StringComparison.Ordinal);
        return plus < 0
            ? (informationalVersion, null)
            : (informationalVersion[..plus], informationalVersion[(plus + 1)..] is { Length: > 0 } c ? c : null);
    }
}
