using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ProductionReady.Analyzers.Tests.Infrastructure;

namespace ProductionReady.Analyzers.Tests;

/// <summary>
/// Every analyzer over broken and half-typed code, as the IDE hands it over keystroke by keystroke:
/// no exception (AD0001) may come out. AnalyzerRun fails the test on any analyzer exception.
/// </summary>
public sealed class RobustnessTests
{
    public static TheoryData<string> BrokenSources => new()
    {
        "var password = ",
        "var password = \"",
        "var password = \"abc",
        "var cs = $\"Host={",
        "var cs = $\"Host={x};Password=",
        "var s = \"\"\"",
        "var s = $$\"\"\"{{",
        "class C { string Password => ",
        "class C { string Password { get { return",
        "class C { public C() : base(\"",
        "[Credential(Password = ] class C { }",
        "[Credential(\"",
        "Login(password: ",
        "Login(, \"Xk29!fjQ8a0Zp\")",
        "new NetworkCredential(\"user\", ",
        "new System.Net.NetworkCredential(\"u\", \"Xk29!fjQ8a0Zp\", )",
        "var d = new Dictionary<string, string> { [\"Jwt:Key\"] = ",
        "var d = new Dictionary<string, string> { { \"Password\", ",
        "var x = password switch { \"a\" => ",
        "var app = WebApplication.CreateBuilder(args).Build(); app.",
        "var app = WebApplication.CreateBuilder(args).Build(); app.Run(",
        "var app = WebApplication.CreateBuilder(args).Build(); if (app.Environment.IsDevelopment()) app.MapHealthChecks(",
        "var app = WebApplication.CreateBuilder(args).Build(); if (app.Environment.) { app.UseHealthChecks(\"/h\"); } app.Run();",
        "builder.Services.AddHealthChecks().AddCheck<",
        "builder.Services.AddHealthChecks().AddCheck(\"x\", tags: new[] { \"live\"",
        "builder.Services.AddHealthChecks().AddNpgSql(tags: [\"live\"], ",
        "class H : Microsoft.Extensions.Diagnostics.HealthChecks.IHealthCheck { public Task<HealthCheckResult> CheckHealthAsync( { new HttpClient(",
        "services.AddOptions<>().ValidateOnStart(",
        "services.Configure<Missing>(",
        "services.AddOptions<PaymentOptions>().",
        "class PaymentOptions { [ProductionReady.Secret] public string ApiKey { get; set; } = \"",
        "#if DEBUG\nvar password = \"Xk29!fjQ8a0Zp\"\n#else",
        "var ((((((((((((((((((((((((((((((((((((",
        "\"\"\"\"\"\"\"\"\"\"\"\"\"\"",
        "var s = \"\\u12\"; var t = \"\\",
        "@\"",
        "var password = (string)(object)(\"Xk29!fjQ8a0Zp\" ?? ",
        "record Db(string Password = ",
        "class C(string password) : Base(password: ",
        "var t = (\"DB_PASSWORD\", ",
        "Environment.SetEnvironmentVariable(\"DB_PASSWORD\", ",
        "var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(",
        "var x = \"Server=db;Password=\" + ",
        "var x = \"postgres://u:",
        "var x = \"postgres://u:p@",
        "var x = \"Password=;;;=;=;\";",
        "var x = \"=\";",
        "var x = \"://:@\";",
    };

    [Theory]
    [MemberData(nameof(BrokenSources))]
    public async Task Broken_code_never_makes_an_analyzer_throw(string source)
    {
        foreach (var kind in new[] { ProjectKind.WebApp, ProjectKind.Library, ProjectKind.TestProject })
        {
            var compilation = AnalyzerRun.Compile(kind, source);
            await AnalyzerRun.AnalyzeAsync(compilation, new[] { ("/app/appsettings.json", source) });
        }
    }

    [Fact]
    public async Task Every_prefix_of_a_realistic_program_is_analyzed_without_exceptions()
    {
        // The IDE analyzes the file as it is typed: every prefix of a realistic Program.cs.
        var program = """
            using Microsoft.Extensions.Diagnostics.HealthChecks;
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHealthChecks().AddCheck<DbCheck>("db", tags: new[] { "live" });
            builder.Services.AddOptions<PaymentOptions>().BindConfiguration("P");
            var cs = $"Host=db;Username=app;Password={"Xk29!" + "fjQ8a0Zp"}";
            var password = args.Length switch { 0 => "Tr0ub4dor&3x", _ => "" };
            var app = builder.Build();
            if (app.Environment.IsDevelopment()) { app.MapHealthChecks("/health"); }
            app.Run();
            sealed class DbCheck : IHealthCheck
            {
                public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext c, CancellationToken t = default)
                { using var http = new HttpClient(); await Task.Yield(); return HealthCheckResult.Healthy(); }
            }
            sealed class PaymentOptions { [ProductionReady.Secret] public string ApiKey { get; set; } = ""; }
            """;
        var trees = Enumerable.Range(0, program.Length / 13).Select(i => program.Substring(0, i * 13)).ToList();
        foreach (var prefix in trees)
        {
            var compilation = AnalyzerRun.Compile(ProjectKind.WebApp, prefix);
            await AnalyzerRun.AnalyzeAsync(compilation, new[] { ("/app/appsettings.json", "{\"Jwt\":{\"Key\":\"" + prefix) });
        }

        Assert.True(trees.Count > 50);
    }

    [Fact]
    public async Task A_compilation_without_any_framework_reference_is_fine()
    {
        var compilation = CSharpCompilation.Create("Bare", new[] { CSharpSyntaxTree.ParseText("class C { string Password = \"Xk29!fjQ8a0Zp\"; void M() { app.Run(); } }") });
        var diagnostics = await AnalyzerRun.AnalyzeAsync(compilation);
        Assert.Contains(diagnostics, d => d.Id == "PRD001");
    }
}
