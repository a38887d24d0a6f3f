using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using ProductionReady.Analyzers.Tests.Infrastructure;

namespace ProductionReady.Analyzers.Tests;

/// <summary>PRD012: an authentication endpoint without a rate limit. The negatives matter as much as the positives.</summary>
public sealed class PRD012Tests
{
    [Fact]
    public async Task Minimal_API_authentication_routes_without_a_limit_are_flagged_at_the_pattern()
        => await RuleTest.VerifyAsync("PRD012", ProjectKind.WebApp, """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.MapPost([|"/auth/login"|], () => Results.Unauthorized());
            app.MapPost([|"/api/v1/sign-in"|], () => Results.Unauthorized());
            app.MapPost([|"/connect/token"|], () => Results.Unauthorized());
            app.MapPost([|"/account/password/reset"|], () => Results.Ok());
            app.MapPost([|"/Account/ForgotPassword"|], () => Results.Ok());
            app.MapMethods([|"/oauth/token"|], new[] { "POST" }, () => Results.Ok());
            app.MapGroup("/auth").MapPost([|"/refresh-token"|], () => Results.Ok()).WithName("refresh");
            var named = app.MapPost([|"/logon"|], () => Results.Ok());
            named.WithName("logon");
            app.Run();
            """);

    [Fact]
    public async Task MapIdentityApi_without_a_limit_is_flagged_at_its_name()
        => await RuleTest.VerifyAsync("PRD012", ProjectKind.WebApp, """
            using Microsoft.AspNetCore.Identity;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.[|MapIdentityApi<IdentityUser>|]();
            app.Run();
            """);

    [Fact]
    public async Task Controller_actions_on_authentication_routes_without_a_limit_are_flagged_at_the_action()
        => await RuleTest.VerifyAsync("PRD012", ProjectKind.Library, """
            using Microsoft.AspNetCore.Mvc;

            [ApiController]
            [Route("api/account")]
            public sealed class AccountController : ControllerBase
            {
                [HttpPost("login")]
                public IActionResult [|Login|]() => Unauthorized();

                [HttpPost("password-reset")]
                public IActionResult [|Reset|]() => Ok();

                [HttpGet("profile")]
                public IActionResult Profile() => Ok();

                [HttpPost("logout")]
                public IActionResult Logout() => Ok();
            }

            [Route("[controller]/[action]")]
            public sealed class SessionController : ControllerBase
            {
                [HttpPost]
                public IActionResult [|SignIn|]() => Unauthorized();

                [HttpGet]
                public IActionResult History() => Ok();
            }
            """);

    [Fact]
    public async Task Rate_limited_or_explicitly_unlimited_authentication_endpoints_are_not_flagged()
        => await RuleTest.VerifyAsync("PRD012", ProjectKind.WebApp, """
            using Microsoft.AspNetCore.Identity;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.MapPost("/auth/login", () => Results.Unauthorized()).RequireRateLimiting("auth");
            app.MapPost("/connect/token", () => Results.Ok()).WithName("token").RequireRateLimiting("auth");
            app.MapPost("/sign-in", [EnableRateLimiting("auth")] () => Results.Ok());
            app.MapPost("/internal/token", () => Results.Ok()).DisableRateLimiting();
            app.MapGroup("/limited").RequireRateLimiting("auth").MapPost("/login", () => Results.Ok());
            var account = app.MapGroup("/account").RequireRateLimiting("auth");
            account.MapPost("/forgot-password", () => Results.Ok());
            var later = app.MapGroup("/later");
            later.MapPost("/login", () => Results.Ok());
            later.RequireRateLimiting("auth");
            var endpoint = app.MapPost("/password/reset", () => Results.Ok());
            endpoint.RequireRateLimiting("auth");
            app.MapIdentityApi<IdentityUser>().RequireRateLimiting("auth");
            app.Run();

            [EnableRateLimiting("auth")]
            [Route("api/account")]
            public sealed class AccountController : ControllerBase
            {
                [HttpPost("login")]
                public IActionResult Login() => Unauthorized();
            }

            [Route("api/session")]
            public sealed class SessionController : ControllerBase
            {
                [HttpPost("token")]
                [EnableRateLimiting("auth")]
                public IActionResult Token() => Ok();
            }
            """);

    [Fact]
    public async Task Ordinary_endpoints_are_never_flagged()
        => await RuleTest.VerifyAsync("PRD012", ProjectKind.WebApp, """
            using Microsoft.AspNetCore.Mvc;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.MapGet("/", () => "hello");
            app.MapGet("/tokens/{id}", (string id) => id);
            app.MapGet("/api/login-history", () => Results.Ok());
            app.MapPost("/logout", () => Results.Ok());
            app.MapPost("/users/{login}", (string login) => Results.Ok());
            app.MapGet("/blog/how-to-reset-your-password", () => Results.Ok());
            app.MapPost("/signup", () => Results.Ok());
            app.MapGet("/health/token-cache", () => Results.Ok());
            app.Run();

            [Route("api/orders")]
            public sealed class OrdersController : ControllerBase
            {
                [HttpGet("{id}")]
                public IActionResult Get(int id) => Ok();

                [HttpPost]
                public IActionResult Login() => Ok();
            }

            public sealed class LoginModel
            {
                public string Map(string pattern) => pattern;
            }
            """);

    [Fact]
    public async Task A_global_limiter_covers_every_authentication_endpoint()
        => await RuleTest.VerifyAsync("PRD012", ProjectKind.WebApp, """
            using System.Threading.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(options =>
                options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(
                    context => RateLimitPartition.GetFixedWindowLimiter("all", _ => new FixedWindowRateLimiterOptions { PermitLimit = 100, Window = TimeSpan.FromSeconds(1) })));
            var app = builder.Build();
            app.UseRateLimiter();
            app.MapPost("/auth/login", () => Results.Unauthorized());
            app.Run();
            """);

    [Fact]
    public async Task Test_projects_are_not_flagged()
        => await RuleTest.VerifyAsync("PRD012", ProjectKind.TestProject, """
            public static class FakeAuthServer
            {
                public static void Map(WebApplication app) => app.MapPost("/connect/token", () => Results.Ok());
            }
            """);

    /// <summary>The Identity UI's registration as Microsoft.AspNetCore.Identity.UI declares it (the package is not among the test's references).</summary>
    private const string IdentityUiExtensions = """
        namespace Microsoft.Extensions.DependencyInjection
        {
            public static class IdentityServiceCollectionUIExtensions
            {
                public static Microsoft.AspNetCore.Identity.IdentityBuilder AddDefaultIdentity<TUser>(this IServiceCollection services) where TUser : class
                    => services.AddIdentityCore<TUser>();
            }
        }
        """;

    private const string IdentityApp = """
        using Microsoft.AspNetCore.Identity;

        var builder = WebApplication.CreateBuilder(args);
        builder.{{ADD}};
        builder.Services.{|#0:AddDefaultIdentity<IdentityUser>|}();
        var app = builder.Build();
        app.UseProductionReady();
        app.MapRazorPages();
        app.{|#1:MapIdentityApi<IdentityUser>|}();
        app.Run();
        """;

    [Theory]
    [InlineData("AddProductionReady()")]
    [InlineData("AddProductionReadyRateLimits()")]
    [InlineData("AddProductionReady(o => o.RateLimits.Auth.PermitsPerSecond = 3)")]
    public async Task Identity_ui_and_MapIdentityApi_are_covered_by_the_presets_identity_default(string add)
    {
        var test = IdentityTest(add);
        await test.RunAsync();
    }

    [Fact]
    public async Task Identity_ui_and_MapIdentityApi_are_flagged_where_code_switches_the_identity_default_off()
    {
        var test = IdentityTest("AddProductionReady(o => o.RateLimits.Identity = false)");
        test.ExpectedDiagnostics.AddRange(new[]
        {
            SwitchedOff(0, "the Identity UI (/Identity/Account/Login, Register, ForgotPassword, ResetPassword)", "RateLimits.Identity = false"),
            SwitchedOff(1, "MapIdentityApi (/login, /refresh, /forgotPassword, /resetPassword)", "RateLimits.Identity = false"),
        });
        await test.RunAsync();
    }

    [Fact]
    public async Task Identity_ui_and_MapIdentityApi_are_flagged_where_appsettings_switches_the_identity_default_off()
    {
        var test = IdentityTest("AddProductionReady()");
        test.TestState.AdditionalFiles.Add(("/app/appsettings.json", """{ "ProductionReady": { "RateLimits": { "Identity": false } } }"""));
        test.ExpectedDiagnostics.AddRange(new[]
        {
            SwitchedOff(0, "the Identity UI (/Identity/Account/Login, Register, ForgotPassword, ResetPassword)", "ProductionReady:RateLimits:Identity=false in appsettings.json"),
            SwitchedOff(1, "MapIdentityApi (/login, /refresh, /forgotPassword, /resetPassword)", "ProductionReady:RateLimits:Identity=false in appsettings.json"),
        });
        await test.RunAsync();
    }

    [Fact]
    public async Task Identity_default_switched_off_only_in_development_settings_or_turned_on_is_not_flagged()
    {
        var test = IdentityTest("AddProductionReady(o => o.RateLimits.Identity = true)");
        test.TestState.AdditionalFiles.Add(("/app/appsettings.Development.json", """{ "ProductionReady": { "RateLimits": { "Identity": false } } }"""));
        test.TestState.AdditionalFiles.Add(("/app/appsettings.json", """{ "ProductionReady": { "RateLimits": { "Identity": true, "Auth": { "Burst": 2 } } } }"""));
        await test.RunAsync();
    }

    [Fact]
    public async Task Identity_endpoints_with_the_default_off_but_a_limit_of_their_own_or_a_global_limiter_are_not_flagged()
        => await RuleTest.VerifyAsync("PRD012", ProjectKind.WebApp, """
            using System.Threading.RateLimiting;
            using Microsoft.AspNetCore.Identity;

            var builder = WebApplication.CreateBuilder(args);
            builder.AddProductionReady(o => o.RateLimits.Identity = false);
            builder.Services.AddRateLimiter(options =>
                options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(
                    context => RateLimitPartition.GetFixedWindowLimiter("all", _ => new FixedWindowRateLimiterOptions { PermitLimit = 100, Window = TimeSpan.FromSeconds(1) })));
            builder.Services.AddDefaultIdentity<IdentityUser>();
            var app = builder.Build();
            app.UseProductionReady();
            app.MapIdentityApi<IdentityUser>().RequireRateLimiting("auth");
            app.Run();
            """, IdentityUiExtensions);

    private static RuleTest IdentityTest(string add)
    {
        var test = new RuleTest(ProjectKind.WebApp, "PRD012") { TestCode = IdentityApp.Replace("{{ADD}}", add, StringComparison.Ordinal) };
        test.TestState.Sources.Add(IdentityUiExtensions);
        test.DisabledDiagnostics.AddRange(RuleTest.AllAnalyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct().Where(id => id != "PRD012"));
        return test;
    }

    private static DiagnosticResult SwitchedOff(int location, string endpoint, string where) =>
        new DiagnosticResult("PRD012", DiagnosticSeverity.Warning)
            .WithLocation(location)
            .WithMessage($"'{endpoint}' has no rate limit: {where} switches off the auth preset ProductionReady puts on Identity's POSTs; remove that setting, or limit them yourself (.RequireRateLimiting(\"auth\"), a global limiter)");
}
