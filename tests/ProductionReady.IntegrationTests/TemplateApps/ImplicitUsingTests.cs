namespace ProductionReady.IntegrationTests.TemplateApps;

/// <summary>
/// "No using needed" holds for the README's snippets too: a fresh <c>dotnet new web</c> app referencing the
/// packed package compiles them with no <c>using ProductionReady;</c> (the package's build props add it as an
/// implicit using, as the web SDK does for its own namespaces), and an app that opts out gets CS0246 back.
/// </summary>
[Collection(PackedTemplateAppsGroup.Name)]
public sealed class ImplicitUsingTests
{
    /// <summary>The README's snippets that name ProductionReady's types, as a user pastes them.</summary>
    private const string Snippets = """
        public static class ReadmeSnippets
        {
            public static void Register(WebApplicationBuilder builder)
            {
                string[] tags = [HealthCheckTags.Ready, HealthCheckTags.Live];
                builder.AddProductionReady(o => o.SecurityHeaders.Policies["docs"] = new SecurityHeaderPolicy
                {
                    ContentSecurityPolicy = "default-src 'self'; script-src 'self' 'unsafe-inline'; img-src 'self' data:",
                });
                builder.AddProductionReady(o => o.Secrets
                    .RequireSecret("Jwt:SigningKey")
                    .Suppress("Stripe:PublishableKey", SecretRule.TestModeKey, "the demo storefront runs as Production"));
                builder.Services.AddOptions<PartnerOptions>().BindConfiguration("Partner").ValidateOnStart();
                _ = tags;
            }
        }

        public sealed class PartnerOptions
        {
            public const string SectionName = "Partner";
            [Secret(SecretKind.ApiSecret)] public string? ApiKey { get; set; }
            [Secret(SecretKind.Password, MinimumLength = 16)] public string? WebhookPassword { get; set; }
        }
        """;

    private readonly PackedTemplateApps _apps;

    public ImplicitUsingTests(PackedTemplateApps apps) => _apps = apps;

    [Fact]
    public async Task Readme_snippets_compile_in_a_fresh_web_app_without_a_using_and_the_opt_out_works()
    {
        var directory = await _apps.NewAppAsync(["web"], "SnippetsApp", (d, _) => File.WriteAllTextAsync(Path.Combine(d, "ReadmeSnippets.cs"), Snippets));

        var build = await _apps.BuildAsync(directory);
        Assert.DoesNotContain("CS0246", build, StringComparison.Ordinal);

        // Control: with the implicit using turned off the same file does not compile, so the build above can fail.
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => _apps.BuildAsync(directory, "-p:ProductionReadyImplicitUsings=false"));
        Assert.Contains("error CS0246", error.Message, StringComparison.Ordinal);
    }
}
