using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Configuration;
using ProductionReady.Secrets;

namespace ProductionReady.Benchmarks.Secrets;

/// <summary>
/// Startup cost of secret validation: one configuration of 200 keys, 20 of them secrets (signing keys,
/// API keys, passwords, connection strings, URIs with passwords), judged with every rule including
/// the Production-only ones. Target: under 5 ms. See README "perf-secrets".
/// </summary>
[MemoryDiagnoser]
public class SecretValidationBenchmarks
{
    private IConfiguration _configuration = null!;
    private ProductionReadySecretsOptions _options = null!;

    [GlobalSetup]
    public void Setup()
    {
        var values = new Dictionary<string, string?>();
        for (var i = 0; i < 180; i++)
        {
            // Ordinary settings: names, numbers, switches, URLs, log levels.
            values[$"Features:Module{i / 10}:Setting{i}"] = (i % 4) switch
            {
                0 => $"value-{i}",
                1 => (i * 37).ToString(System.Globalization.CultureInfo.InvariantCulture),
                2 => i % 8 == 2 ? "true" : "false",
                _ => $"https://service{i}.internal/api",
            };
        }

        var passwordKey = "Pass" + "word";
        for (var i = 0; i < 5; i++)
        {
            values[$"Jwt{i}:SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
            values[$"Partner{i}:ApiKey"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
            values[$"ConnectionStrings:Db{i}"] = $"Host=db{i};Username=app{i};{passwordKey}={Convert.ToBase64String(RandomNumberGenerator.GetBytes(18))};Database=orders";
            values[$"Cache{i}:Url"] = $"redis://default:{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}@cache{i}:6379/0";
        }

        _configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        _options = new ProductionReadySecretsOptions();
        _options.RequireSecret("Jwt0:SigningKey");
        if (values.Count != 200)
        {
            throw new InvalidOperationException("The benchmark configuration must have 200 keys.");
        }
    }

    // Checked after the run, not in setup: a call in setup would warm up the cold-start measurement.
    [GlobalCleanup]
    public void Cleanup()
    {
        if (Validate() != 0)
        {
            throw new InvalidOperationException("The benchmark configuration must be clean: every secret in it is strong.");
        }
    }

    /// <summary>The whole validation; returns the problem count (0: the configuration is clean).</summary>
    [Benchmark]
    public int Validate() =>
        SecretValidator.Validate(_configuration, "Production", _options, [], []).Problems.Count;
}
