namespace ProductionReady.IntegrationTests.TemplateApps;

/// <summary>
/// The README's recipes for the capabilities that reach outside the request (outbound resilience, security events),
/// applied to <c>dotnet new web</c> as the README prints them (read from it by <see cref="ReadmeCode"/>), with the
/// quickstart's two lines. What only the tests need (endpoints that use the recipe's clients, a login that fails, an
/// event with a property) is marked "test only". Logs over OTLP and <c>/info</c> need no code: settings and requests.
/// </summary>
internal static class CapabilityRecipes
{
    public const string OutboundHeading = "### Recipe: outbound HTTP calls";
    public const string SecurityEventsHeading = "### Recipe: alert on failed logins";
    public const string LogLevelHeading = "### Recipe: raise a log level for ten minutes";

    public static async Task Apply(string directory, string name)
    {
        var registrations = ReadmeCode.Block(OutboundHeading, "csharp", 0);
        var paymentsClient = ReadmeCode.Block(OutboundHeading, "csharp", 1);
        var securityEvents = ReadmeCode.Block(SecurityEventsHeading, "csharp", 0);
        if (!registrations.StartsWith("builder.AddProductionReady();", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The outbound recipe no longer starts with the quickstart's first line: update the test.");
        }

        await EditAsync(Path.Combine(directory, "Program.cs"), program => program
            .Replace(
                "var builder = WebApplication.CreateBuilder(args);",
                "var builder = WebApplication.CreateBuilder(args);\n" + registrations + securityEvents,
                StringComparison.Ordinal)
            .Replace(
                "var app = builder.Build();",
                "var app = builder.Build();\napp.UseProductionReady();\n" + TestOnlyEndpoints,
                StringComparison.Ordinal));
        await File.WriteAllTextAsync(Path.Combine(directory, "PaymentsClient.cs"), paymentsClient);
    }

    /// <summary>Test only: endpoints that call through the recipe's clients (answering with the upstream's status), a failed login, an event with a property.</summary>
    private const string TestOnlyEndpoints = """
        // test only: the recipe's clients at work, a login that always fails, an event with a property
        app.MapGet("/payments/status", async (PaymentsClient payments) => Results.StatusCode((int)(await payments.StatusAsync()).StatusCode));
        app.MapPost("/payments/charge", async (PaymentsClient payments) => Results.StatusCode((int)(await payments.ChargeAsync(new StringContent("{}"))).StatusCode));
        app.MapGet("/legacy", async (IHttpClientFactory factory) =>
            Results.StatusCode((int)(await factory.CreateClient("legacy-soap").GetAsync(new Uri(builder.Configuration["Payments:BaseAddress"] + "/legacy"))).StatusCode));
        app.MapPost("/login", () => Results.Unauthorized());
        app.MapGet("/orders/{id}", (int id) =>
        {
            app.Logger.LogInformation("Order {OrderId} placed", id);
            return "ok";
        });

        """;

    private static async Task EditAsync(string path, Func<string, string> edit)
    {
        var before = await File.ReadAllTextAsync(path);
        var after = edit(before);
        if (!after.Contains("app.UseProductionReady();", StringComparison.Ordinal) || !after.Contains("builder.AddProductionReady(", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The recipe did not apply to {path}: the template changed; update the recipe and the README.");
        }

        await File.WriteAllTextAsync(path, after);
    }
}
