using System.Security.Cryptography;
using ProductionReady.IntegrationTests.Infrastructure;

namespace ProductionReady.IntegrationTests.Metrics;

/// <summary>The sample as it runs in production: environment Production, its API key generated for the run.</summary>
internal static class SampleMetrics
{
    public static SampleProcess StartInProduction(Dictionary<string, string?>? extra = null)
    {
        var environment = new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Sample__ApiKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)),
        };
        foreach (var (key, value) in extra ?? [])
        {
            environment[key] = value;
        }

        return SampleProcess.Start(environment);
    }
}
