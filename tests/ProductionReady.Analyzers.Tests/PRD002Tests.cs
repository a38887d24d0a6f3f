using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using ProductionReady.Analyzers.Tests.Infrastructure;
using static ProductionReady.Analyzers.Tests.Infrastructure.ConfigurationFileRun;
using static ProductionReady.Analyzers.Tests.Infrastructure.FakeCredentials;
using static ProductionReady.Analyzers.Tests.Infrastructure.FakeTokens;

namespace ProductionReady.Analyzers.Tests;

/// <summary>PRD002: credentials in configuration files (appsettings*.json and others), with file, line and column.</summary>
public sealed class PRD002Tests
{
    [Fact]
    public async Task Flags_secrets_with_file_line_and_column()
    {
        var json = $$"""
            {
              // comments are allowed, as in the configuration reader
              "ConnectionStrings": {
                "Default": "Host=db;Username=app;Password={{Password}}",
                "Local": "Server=.;Database=app;Integrated Security=true"
              },
              "Jwt": { "Key": "{{SigningKey}}", "Issuer": "https://issuer.example.com" },
              "Stripe": { "ApiKey": "{{StripeLiveKey}}" },
              "Smtp": { "Password": "{{OtherPassword}}", "UserName": "mailer" },
              "GitHub": { "AccessToken": "{{Password}}" },
              "Auth": { "ClientSecret": "{{Password}}", "TokenEndpoint": "https://login.example.com/token" },
              "Cache": { "CacheKey": "users:all", "PartitionKey": "tenant-7f3c9a" },
              "Empty": { "Password": "", "ApiKey": "<set in user secrets>", "Secret": "changeme" },
            }
            """;
        // The verifier: exactly these diagnostics, nothing else (suppression and generated-code checks included).
        var test = new RuleTest(ProjectKind.Library) { TestCode = "class C { }" };
        test.TestState.AdditionalFiles.Add(("/app/appsettings.json", json));
        test.ExpectedDiagnostics.AddRange(new[]
        {
            new DiagnosticResult("PRD002", DiagnosticSeverity.Warning).WithSpan("/app/appsettings.json", 4, 47, 4, 59),
            new DiagnosticResult("PRD002", DiagnosticSeverity.Warning).WithSpan("/app/appsettings.json", 7, 19, 7, 63),
            new DiagnosticResult("PRD002", DiagnosticSeverity.Warning).WithSpan("/app/appsettings.json", 8, 26, 8, 54),
            new DiagnosticResult("PRD002", DiagnosticSeverity.Warning).WithSpan("/app/appsettings.json", 9, 25, 9, 38),
            new DiagnosticResult("PRD002", DiagnosticSeverity.Warning).WithSpan("/app/appsettings.json", 10, 30, 10, 44),
            new DiagnosticResult("PRD002", DiagnosticSeverity.Warning).WithSpan("/app/appsettings.json", 11, 29, 11, 43),
            new DiagnosticResult("PRD002", DiagnosticSeverity.Warning).WithSpan("/app/appsettings.json", 13, 75, 13, 85),
        });
        await test.RunAsync();

        var found = await AnalyzeAsync("/app/appsettings.json", json);
        Assert.Equal(
            new[]
            {
                ("PRD002", "/app/appsettings.json(4,47)-(4,59)"),
                ("PRD002", "/app/appsettings.json(7,19)-(7,63)"),
                ("PRD002", "/app/appsettings.json(8,26)-(8,54)"),
                ("PRD002", "/app/appsettings.json(9,25)-(9,38)"),
                ("PRD002", "/app/appsettings.json(10,30)-(10,44)"),
                ("PRD002", "/app/appsettings.json(11,29)-(11,43)"),
                ("PRD002", "/app/appsettings.json(13,75)-(13,85)"),
            },
            found.Select(f => (f.Id, f.Where)));
        Assert.Contains("Hardcoded connection string password at 'ConnectionStrings:Default' in appsettings.json", found[0].Message);
        Assert.Contains("at 'Empty:Secret'", found[6].Message);
        Assert.Contains("Hardcoded signing key at 'Jwt:Key'", found[1].Message);
        Assert.Contains("Hardcoded Stripe live key at 'Stripe:ApiKey'", found[2].Message);
        Assert.All(found, f => Assert.DoesNotContain(Password, f.Message));
    }

    /// <summary>
    /// Found dogfooding grandnode2: a "your …" sentence shipped as the API's JWT secret key works as a key (the API signs
    /// tokens with it on an unchanged install); the conventional placeholders, a label-like ApiKey and a three-digit dummy
    /// password stay quiet.
    /// </summary>
    [Fact]
    public async Task A_sentence_shipped_as_a_secret_key_is_a_credential_and_placeholders_are_not()
    {
        var json = """
            {
              "FrontendAPI": { "Enabled": true, "SecretKey": "your private secret key to use api", "ValidAudience": "api" },
              "BackendAPI": { "SecretKey": "your-secret-key-here", "ApiKey": "Your API key from the dashboard", "Password": "123" },
              "Other": { "SecretKey": "<secret key>", "TokenLifetime": "123" }
            }
            """;
        var found = await AnalyzeAsync("/app/appsettings.json", json);
        Assert.Equal(
            new[] { ("PRD002", "/app/appsettings.json(2,50)-(2,86)") },
            found.Select(f => (f.Id, f.Where)));
        Assert.Contains("Hardcoded secret key at 'FrontendAPI:SecretKey'", found[0].Message);
    }

    [Theory]
    [InlineData("{ \"Password\": ")]
    [InlineData("{ \"a\": [1, 2, {\"Password\": \"x")]
    [InlineData("not json at all \"Password\"")]
    [InlineData("")]
    [InlineData("{ \"a\": \"\\u12\" }")]
    [InlineData("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[")]
    public async Task Half_written_files_never_throw(string json)
        => Assert.Empty(await AnalyzeAsync("/app/appsettings.json", json));

    [Fact]
    public async Task Only_json_files_are_read()
        => Assert.Empty(await AnalyzeAsync("/app/notes.txt", $$"""{ "Password": "{{Password}}" }"""));

    [Fact]
    public async Task Weak_values_in_production_configuration_are_flagged_and_development_files_keep_info()
    {
        var json = """
            {
              "ConnectionStrings": { "Reports": "Server=reports-sql;Database=reports;User Id=sa;Password=sa" },
              "Seed": { "AdminPassword": "changeme", "AdminEmail": "admin@example.com" },
              "IdentityServer": { "ClientSecret": "secret" },
              "Smtp": { "Password": "", "ApiKey": "<set in key vault>" },
              "Features": { "EnableWebClientKey": "enablewebclient" },
              "Stripe": { "PublishableKey": "pk_live_51Hq8rT3kWz9mXv2Lp7DaB" }
            }
            """;
        var test = new RuleTest(ProjectKind.Library) { TestCode = "class C { }" };
        test.TestState.AdditionalFiles.Add(("/app/appsettings.json", json));
        test.TestState.AdditionalFiles.Add(("/app/appsettings.Development.json", "{ \"Seed\": { \"AdminPassword\": \"changeme\" } }"));
        test.ExpectedDiagnostics.AddRange(new[]
        {
            new DiagnosticResult("PRD008", DiagnosticSeverity.Info).WithSpan("/app/appsettings.Development.json", 1, 30, 1, 40),
            new DiagnosticResult("PRD002", DiagnosticSeverity.Warning).WithSpan("/app/appsettings.json", 2, 94, 2, 96),
            new DiagnosticResult("PRD002", DiagnosticSeverity.Warning).WithSpan("/app/appsettings.json", 3, 30, 3, 40),
            new DiagnosticResult("PRD002", DiagnosticSeverity.Warning).WithSpan("/app/appsettings.json", 4, 39, 4, 47),
        });
        await test.RunAsync();
    }

    [Fact]
    public async Task Live_tokens_in_other_configuration_files_are_found_at_their_place()
    {
        var npmrc = "registry=https://registry.example.com/\n//registry.example.com/:_authToken=" + NpmToken + "\nalways-auth=true\n";
        var test = new RuleTest(ProjectKind.Library) { TestCode = "class C { }" };
        test.TestState.AdditionalFiles.Add(("/app/.npmrc", npmrc));
        test.TestState.AdditionalFiles.Add(("/app/.env", "GITHUB_TOKEN=" + GitHubToken + "\nDB_HOST=localhost\n"));
        test.ExpectedDiagnostics.AddRange(new[]
        {
            new DiagnosticResult("PRD002", DiagnosticSeverity.Warning).WithSpan("/app/.env", 1, 14, 1, 14 + GitHubToken.Length),
            new DiagnosticResult("PRD002", DiagnosticSeverity.Warning).WithSpan("/app/.npmrc", 2, 36, 2, 36 + NpmToken.Length),
        });
        await test.RunAsync();
    }
}
