using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Serilog;

namespace ProductionReady.Logging;

/// <summary>
/// The <c>Serilog</c> configuration section (Serilog.Settings.Configuration). It finds sinks and enrichers by
/// scanning assemblies and calls them through reflection built at run time, which a Native AOT app cannot do:
/// there the section is not read, and the startup report refuses it, naming what works instead (code
/// configuration through <c>o.Logging.ConfigureSerilog</c>, levels through <c>Logging:LogLevel</c>).
/// </summary>
internal static class SerilogConfigurationSection
{
    public const string Name = "Serilog";

    /// <summary>
    /// Reads <paramref name="configuration"/> into <paramref name="logger"/>. Call it only under
    /// <c>if (RuntimeFeature.IsDynamicCodeSupported)</c>: the Native AOT compiler then drops the call, and
    /// Serilog.Settings.Configuration with it, so its warnings never reach an AOT publish.
    /// </summary>
    [RequiresDynamicCode("Serilog.Settings.Configuration binds sinks and enrichers through reflection at run time.")]
    public static Serilog.LoggerConfiguration Read(Serilog.LoggerConfiguration logger, IConfiguration configuration) =>
        logger.ReadFrom.Configuration(configuration);

    /// <summary>Under Native AOT, the refusal of a present <c>Serilog</c> section; otherwise null.</summary>
    public static string? RefusalWithoutDynamicCode(IConfiguration configuration)
    {
        if (RuntimeFeature.IsDynamicCodeSupported || configuration.GetSection(Name).GetChildren().FirstOrDefault() is not { } first)
        {
            return null;
        }

        return $"{first.Path}: the \"{Name}\" configuration section cannot be read in a Native AOT app (Serilog.Settings.Configuration " +
            "finds sinks and enrichers through reflection and dynamic code, which the app does not have), and it is not silently ignored. " +
            "What to do: remove the section; set levels under Logging:LogLevel, and add sinks, enrichers and overrides in code with " +
            "builder.AddProductionReady(o => o.Logging.ConfigureSerilog(lc => ...)).";
    }
}
