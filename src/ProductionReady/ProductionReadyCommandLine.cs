using ProductionReady.Common;
using ProductionReady.Health;
using ProductionReady.Secrets;

namespace ProductionReady;

/// <summary>
/// The command-line modes of an app that calls <c>builder.AddProductionReady()</c>, in one place. They
/// are the only code of this package that ends the process on purpose, and they run only when their
/// switch is on the app's own command line:
/// <list type="bullet">
/// <item><c>app --probe live|ready|startup</c> (a container HEALTHCHECK without curl): runs inside
/// <c>AddProductionReady()</c>, before anything is registered or built; sends that one probe to the
/// instance already running on this machine (in a worker: on the probe port ProductionReady listens on
/// itself) and exits 0 on a 200 answer, 1 otherwise.</item>
/// <item><c>app --help</c> (or <c>-h</c>, <c>-?</c>): prints these modes and exits 0 without starting the
/// app. Only ProductionReady's own switches are listed: an app with a <c>--help</c> of its own answers it
/// before <c>AddProductionReady()</c> runs (see the README).</item>
/// <item><c>app --validate-config [--json]</c> (CI with production configuration): a dry run. It runs
/// inside <c>builder.Build()</c> the moment the container exists, so it sees every configuration source
/// and every <c>ValidateOnStart()</c> registration the app added after <c>AddProductionReady()</c>, and
/// exits (0 clean, 1 not) before any of the app's code after <c>Build()</c> runs: no migration, no
/// seeding, no server. It prints the configuration report and the secret report.</item>
/// </list>
/// Without these switches nothing here runs.
/// </summary>
internal static class ProductionReadyCommandLine
{
    public const string ProbeSwitch = "--probe";
    public const string ValidateConfigSwitch = "--validate-config";
    public const string JsonSwitch = "--json";

    /// <summary>The switches that ask for the help text.</summary>
    public static readonly string[] HelpSwitches = ["--help", "-h", "-?"];

    /// <summary>What <c>--help</c> prints: ProductionReady's switches only.</summary>
    public const string HelpText = """
        ProductionReady command-line modes (switches this app gets from ProductionReady; the app's own options are not listed here):
          --validate-config [--json]   Check the configuration and the secrets as a start in this environment would, print the
                                       report (as JSON with --json) and exit: 0 when clean, 1 otherwise. A dry run: none of
                                       the app's own code after builder.Build() runs, nothing listens, no worker starts.
          --probe live|ready|startup   Ask the instance running on this machine for that probe (a container HEALTHCHECK without
                                       curl) and exit: 0 when it answers 200, 1 otherwise.
          --help, -h, -?               Print this text and exit 0 without starting the app.
        Without these switches the app starts as usual.
        """;

    /// <summary>Applies the mode on <paramref name="mode"/>'s command line, if any (called first thing by <c>AddProductionReady</c>).</summary>
    public static void Apply(IHostApplicationBuilder builder, Action<ProductionReadyOptions>? configure, CommandLineMode mode)
    {
        if (HelpSwitches.Any(mode.HasSwitch))
        {
            Console.Out.WriteLine(HelpText);
            Exit(0);
        }

        if (mode.GetValue(ProbeSwitch) is { } probe)
        {
            // The earliest point this package controls: nothing has been built, nothing listens.
            Action<ProductionReadyHealthOptions>? health = configure is null ? null : o => configure(new ProductionReadyOptions { Health = o });
            var hasWebServer = builder is WebApplicationBuilder || WebServer.IsRegistered(builder.Services);
            Exit(ProbeCommand.Run(builder.Configuration, health, probe, Console.Out, Console.Error, hasWebServer));
        }

        if (mode.HasSwitch(ValidateConfigSwitch))
        {
            var json = mode.HasSwitch(JsonSwitch);
            builder.Services.AddSingleton(new ContainerBuiltMode((services, problems) => Exit(ValidateConfig(services, problems, json, Console.Out))));
        }
    }

    /// <summary>The dry run on a built container: prints the report, returns the exit code.</summary>
    public static int ValidateConfig(IServiceProvider services, IReadOnlyList<ConfigurationProblem> problems, bool json, TextWriter output)
    {
        var all = new List<ConfigurationProblem>(problems);
        if (all.Count == 0)
        {
            // The endpoints are not mapped yet in a dry run: the paths are checked against each other.
            all.AddRange(ReservedPathsCheck.Check(services.GetServices<IReservedPaths>(), endpoints: null).Problems);
        }

        SecretValidationReport? secrets = null;
        var validator = services.GetService<SecretValidator>();
        var secretsEnabled = validator is not null && SecretsEnabled(validator);
        if (all.Count == 0 && secretsEnabled)
        {
            secrets = validator!.Validate();
        }

        if (json)
        {
            output.WriteLine(SecretValidationReport.ToJson(secrets, all, secretsEnabled, services.GetRequiredService<IHostEnvironment>().EnvironmentName));
        }
        else
        {
            if (all.Count > 0)
            {
                output.WriteLine(StartupReport.ToText(all));
            }
            else
            {
                output.WriteLine("ProductionReady configuration: no problems.");
            }

            if (secrets is not null)
            {
                output.WriteLine(secrets.ToText());
            }
            else if (!secretsEnabled)
            {
                output.WriteLine("ProductionReady secret validation is disabled (ProductionReady:Secrets:Enabled=false).");
            }
            else
            {
                output.WriteLine("ProductionReady secret validation did not run: fix the configuration problems above first.");
            }
        }

        return all.Count == 0 && (secrets is null || secrets.IsClean) ? 0 : StartupExit.FailureExitCode;
    }

    // Unreadable Secrets settings are in the configuration report already: count validation as on.
    private static bool SecretsEnabled(SecretValidator validator)
    {
        try
        {
            return validator.Options.Enabled;
        }
        catch (Exception ex) when (ConfigurationProblems.IsConfigurationFailure(ex))
        {
            return true;
        }
    }

    private static void Exit(int exitCode)
    {
        Console.Out.Flush();
        Console.Error.Flush();
        Environment.Exit(exitCode);
    }
}
