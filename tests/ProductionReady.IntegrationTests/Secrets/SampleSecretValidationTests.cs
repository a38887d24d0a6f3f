using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using ProductionReady.IntegrationTests.Infrastructure;

namespace ProductionReady.IntegrationTests.Secrets;

/// <summary>
/// The sample as a real process with each kind of bad secret: exit code, the full stdout and stderr,
/// and the secret value nowhere in either. Credential-looking data is built from pieces at run time.
/// </summary>
public sealed class SampleSecretValidationTests
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(60);

    private static readonly string PasswordKey = "Pass" + "word";

    private static string StrongKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));

    private static string Random(int length) => RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789", length);

    /// <summary>Name, environment variables, the key and rule the report must name, and the secret that must never show.</summary>
    private sealed record BadSecret(string Name, Dictionary<string, string?> Environment, string Key, string Rule, string? Secret);

    private static IEnumerable<BadSecret> BadSecrets()
    {
        var weak = "admin" + "12345678";
        yield return new("missing", new(), "Sample:ApiKey", "missing", null);
        yield return new("weak", new() { ["Sample__ApiKey"] = weak }, "Sample:ApiKey", "known-weak-value", weak);
        yield return new("variant", new() { ["Sample__ApiKey"] = "P@ss" + "w0rd2024!" }, "Sample:ApiKey", "known-weak-value", "P@ss" + "w0rd2024!");
        yield return new("placeholder", new() { ["Sample__ApiKey"] = "<your-" + "api-key>" }, "Sample:ApiKey", "placeholder", "<your-" + "api-key>");
        var repeated = new string('k', 40);
        yield return new("low-entropy", new() { ["Sample__ApiKey"] = repeated }, "Sample:ApiKey", "low-entropy", repeated);
        var shortKey = Random(20);
        yield return new("too-short", new() { ["Sample__ApiKey"] = shortKey }, "Sample:ApiKey", "too-short", shortKey);

        var dbPassword = "post" + "gres";
        yield return new(
            "postgres-connection-string",
            new() { ["Sample__ApiKey"] = StrongKey(), ["ConnectionStrings__Orders"] = $"Host=db;Username=orders;{PasswordKey}={dbPassword};Database=orders" },
            "ConnectionStrings:Orders",
            "known-weak-value",
            dbPassword);
        var sqlPassword = "Change" + "Me123!";
        yield return new(
            "sqlserver-connection-string",
            new() { ["Sample__ApiKey"] = StrongKey(), ["ConnectionStrings__Billing"] = $"Server=tcp:sql,1433;User ID=billing;{PasswordKey}={sqlPassword};Encrypt=true" },
            "ConnectionStrings:Billing",
            "known-weak-value",
            sqlPassword);
        var uriUser = "cache_" + Random(6);
        yield return new(
            "uri-password-equals-user",
            new() { ["Sample__ApiKey"] = StrongKey(), ["Cache__Url"] = $"redis://{uriUser}:{uriUser}@cache:6379/0" },
            "Cache:Url",
            "equals-user-name",
            uriUser);

        var testKey = "sk" + "_test_" + Random(24);
        yield return new("test-mode-key", new() { ["Sample__ApiKey"] = StrongKey(), ["Payments__SecretKey"] = testKey }, "Payments:SecretKey", "test-mode-key", testKey);
        yield return new(
            "http-authority",
            new() { ["Sample__ApiKey"] = StrongKey(), ["Authentication__Schemes__Bearer__Authority"] = "http://identity.internal" },
            "Authentication:Schemes:Bearer:Authority",
            "insecure-url",
            null);
        yield return new("detailed-errors", new() { ["Sample__ApiKey"] = StrongKey(), ["ASPNETCORE_DETAILEDERRORS"] = "true" }, "DETAILEDERRORS", "debug-switch", null);
    }

    private static Dictionary<string, string?> Production(Dictionary<string, string?> environment) =>
        new(environment) { ["ASPNETCORE_ENVIRONMENT"] = "Production" };

    [Fact]
    public async Task Production_refuses_every_kind_of_bad_secret_with_exit_1_and_a_report_without_the_value()
    {
        var failures = new List<string>();
        using var gate = new SemaphoreSlim(3);
        await Task.WhenAll(BadSecrets().Select(async bad =>
        {
            await gate.WaitAsync();
            try
            {
                var (exitCode, stdout, stderr) = await SampleProcess.RunToExitAsync(Production(bad.Environment), ExitTimeout);
                var output = stdout + "\n" + stderr;
                var expected = $"{bad.Key} [{bad.Rule}]";
                if (exitCode != 1)
                {
                    failures.Add($"{bad.Name}: exit code {exitCode}, expected 1");
                }

                if (!stderr.Contains(expected, StringComparison.Ordinal))
                {
                    failures.Add($"{bad.Name}: stderr does not name '{expected}'");
                }

                if (!stderr.Contains("What to do:", StringComparison.Ordinal))
                {
                    failures.Add($"{bad.Name}: the report says nothing about what to do");
                }

                if (bad.Secret is not null && output.Contains(bad.Secret, StringComparison.OrdinalIgnoreCase))
                {
                    failures.Add($"{bad.Name}: THE SECRET VALUE APPEARS IN THE OUTPUT");
                }

                if (output.Contains("Now listening", StringComparison.Ordinal) || output.Contains("Unhandled exception", StringComparison.Ordinal))
                {
                    failures.Add($"{bad.Name}: the server started listening or the process crashed");
                }

                // One report, no stack trace: not even the host's own "Hosting failed to start" event.
                if (output.Contains("Hosting failed to start", StringComparison.Ordinal) || output.Contains("\\n   at ", StringComparison.Ordinal))
                {
                    failures.Add($"{bad.Name}: a stack trace was logged");
                }

                if (failures.Count > 0 && failures[^1].StartsWith(bad.Name, StringComparison.Ordinal))
                {
                    failures.Add($"--- {bad.Name} stdout:\n{stdout}\n--- stderr:\n{stderr}");
                }
            }
            finally
            {
                gate.Release();
            }
        }));

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Production_with_a_bad_secret_never_accepts_a_connection()
    {
        var weak = "letmein" + "123";
        await using var sample = SampleProcess.Start(Production(new() { ["Sample__ApiKey"] = weak }));

        // Knock on the port for as long as the process lives; the host must exit without ever listening.
        var accepted = await sample.ListensBeforeExitAsync();

        var exitCode = await sample.WaitForExitAsync(ExitTimeout);
        Assert.False(accepted, $"port {sample.Port} accepted a connection\n{sample.Stdout}\n{sample.Stderr}");
        Assert.Equal(1, exitCode);
        Assert.Contains("Sample:ApiKey [known-weak-value]", sample.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(weak, sample.Stdout + sample.Stderr, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Production_with_a_strong_key_starts_and_serves()
    {
        var key = StrongKey();
        await using var sample = SampleProcess.Start(Production(new() { ["Sample__ApiKey"] = key }));
        await sample.WaitUntilListeningAsync();

        using var client = new HttpClient { BaseAddress = sample.BaseAddress };
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);

        sample.SendSigterm();
        Assert.Equal(0, await sample.WaitForExitAsync(ExitTimeout));
        Assert.DoesNotContain(key, sample.Stdout + sample.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Sample:ApiKey", sample.Stdout + sample.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Development_with_a_weak_key_warns_and_starts()
    {
        var weak = "qwerty" + "123";
        await using var sample = SampleProcess.Start(new Dictionary<string, string?> { ["Sample__ApiKey"] = weak });
        await sample.WaitUntilListeningAsync();
        await sample.WaitForLineAsync(l => l.Contains("Sample:ApiKey [known-weak-value]", StringComparison.Ordinal));

        sample.SendSigterm();
        Assert.Equal(0, await sample.WaitForExitAsync(ExitTimeout));
        Assert.DoesNotContain(weak, sample.Stdout + sample.Stderr, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Validate_config_prints_the_report_and_exits_1_without_starting_the_server()
    {
        var weak = "changeme" + "2024";
        var (exitCode, stdout, stderr) = await SampleProcess.RunToExitAsync(Production(new() { ["Sample__ApiKey"] = weak }), ExitTimeout, "--validate-config");

        Assert.Equal(1, exitCode);
        Assert.Contains("Sample:ApiKey [known-weak-value]", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening", stdout + stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(weak, stdout + stderr, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Validate_config_exits_0_when_clean()
    {
        var (exitCode, stdout, stderr) = await SampleProcess.RunToExitAsync(Production(new() { ["Sample__ApiKey"] = StrongKey() }), ExitTimeout, "--validate-config");

        Assert.True(exitCode == 0, $"exit {exitCode}\n{stdout}\n{stderr}");
        Assert.Contains("no problems in environment 'Production'", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening", stdout + stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_config_exits_1_when_the_host_cannot_even_start()
    {
        // A suppression without a reason fails options validation before the secret report runs.
        var (exitCode, stdout, stderr) = await SampleProcess.RunToExitAsync(
            Production(new() { ["Sample__ApiKey"] = StrongKey(), ["ProductionReady__Secrets__Suppressions__0__Key"] = "Sample:ApiKey", ["ProductionReady__Secrets__Suppressions__0__Rule"] = "TooShort" }),
            ExitTimeout,
            "--validate-config");

        Assert.True(exitCode == 1, $"exit {exitCode}\n{stdout}\n{stderr}");
        Assert.Contains("ProductionReady configuration: 1 problem(s)", stdout, StringComparison.Ordinal);
        Assert.Contains("ProductionReady:Secrets:Suppressions:0:Reason", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", stdout + stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_config_json_lists_every_problem_for_ci()
    {
        var testKey = "pk" + "_test_" + Random(24);
        var (exitCode, stdout, _) = await SampleProcess.RunToExitAsync(
            Production(new() { ["Payments__PublishableKey"] = testKey }), ExitTimeout, "--validate-config", "--json");

        Assert.Equal(1, exitCode);
        var lines = stdout.Split('\n');
        var start = Array.FindIndex(lines, l => l.TrimEnd() == "{");
        Assert.True(start >= 0, stdout);
        using var report = JsonDocument.Parse(string.Join('\n', lines[start..]));
        var root = report.RootElement;
        Assert.Equal("Production", root.GetProperty("environment").GetString());
        Assert.False(root.GetProperty("clean").GetBoolean());
        var problems = root.GetProperty("problems").EnumerateArray().Select(p => (p.GetProperty("key").GetString(), p.GetProperty("rule").GetString())).ToArray();
        Assert.Contains(("Sample:ApiKey", "missing"), problems);
        Assert.Contains(("Payments:PublishableKey", "test-mode-key"), problems);
        Assert.DoesNotContain(testKey, stdout, StringComparison.Ordinal);
    }
}
