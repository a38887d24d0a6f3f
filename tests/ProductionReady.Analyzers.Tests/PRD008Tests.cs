using ProductionReady.Analyzers.Tests.Infrastructure;
using static ProductionReady.Analyzers.Tests.Infrastructure.ConfigurationFileRun;
using static ProductionReady.Analyzers.Tests.Infrastructure.FakeCredentials;

namespace ProductionReady.Analyzers.Tests;

/// <summary>PRD008: credentials in development-only configuration files are information, live token formats still warnings.</summary>
public sealed class PRD008Tests
{
    [Fact]
    public async Task Development_files_get_info_except_for_live_token_formats()
    {
        var json = $$"""
            {
              "ConnectionStrings": { "Default": "Host=localhost;Username=app;Password={{Password}}" },
              "Aws": { "AccessKeyId": "{{AwsAccessKey}}" }
            }
            """;
        var found = await AnalyzeAsync("/app/appsettings.Development.json", json);
        Assert.Equal(new[] { "PRD008", "PRD002" }, found.Select(f => f.Id));
        Assert.Contains("development-only file appsettings.Development.json", found[0].Message);
    }

    [Theory]
    [InlineData("appsettings.Development.json", true)]
    [InlineData("appsettings.Local.json", true)]
    [InlineData("launchSettings.json", true)]
    [InlineData("appsettings.json", false)]
    [InlineData("appsettings.Production.json", false)]
    [InlineData("appsettings.Staging.json", false)]
    public void Knows_which_files_are_development_only(string fileName, bool expected)
        => Assert.Equal(expected, ConfigurationFileCredentialAnalyzer.IsDevelopmentOnly(fileName));
}
