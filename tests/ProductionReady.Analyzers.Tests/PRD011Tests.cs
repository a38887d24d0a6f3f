using ProductionReady.Analyzers.Tests.Infrastructure;

namespace ProductionReady.Analyzers.Tests;

/// <summary>PRD011: CORS allows any origin outside Development.</summary>
public sealed class PRD011Tests
{
    [Fact]
    public async Task Any_origin_outside_Development_is_flagged()
        => await RuleTest.VerifyAsync("PRD011", ProjectKind.WebApp, """
            using Microsoft.AspNetCore.Cors.Infrastructure;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
            {
                options.AddDefaultPolicy(policy => policy.[|AllowAnyOrigin|]().AllowAnyHeader());
                options.AddPolicy("list", policy => policy.WithOrigins("https://app.example.com", [|"*"|]));
                options.AddPolicy("predicate", policy => policy.[|SetIsOriginAllowed|](_ => true).AllowCredentials());
                options.AddPolicy("block", policy => policy.[|SetIsOriginAllowed|](delegate (string origin) { return true; }));
                options.AddPolicy("group", policy => policy.[|SetIsOriginAllowed|](Origins.Any));
            });
            var app = builder.Build();
            app.UseCors(policy => policy.[|AllowAnyOrigin|]());
            app.UseProductionReady();
            app.Run();

            static class Origins
            {
                public static bool Any(string origin) => true;
            }
            """);

    [Fact]
    public async Task Listed_origins_real_predicates_and_Development_only_policies_are_not_flagged()
        => await RuleTest.VerifyAsync("PRD011", ProjectKind.WebApp, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
            {
                options.AddDefaultPolicy(policy => policy.WithOrigins("https://app.example.com").AllowAnyHeader().AllowAnyMethod());
                options.AddPolicy("sub", policy => policy.WithOrigins("https://*.example.com").SetIsOriginAllowedToAllowWildcardSubdomains());
                options.AddPolicy("predicate", policy => policy.SetIsOriginAllowed(origin => new Uri(origin).Host == "localhost"));
                options.AddPolicy("env", policy => _ = builder.Environment.IsDevelopment() ? policy.AllowAnyOrigin() : policy.WithOrigins("https://app.example.com"));
                if (builder.Environment.IsDevelopment())
                {
                    options.AddPolicy("dev", policy => policy.AllowAnyOrigin());
                }
            });
            var app = builder.Build();
            if (app.Environment.IsDevelopment())
            {
                app.UseCors(policy => policy.AllowAnyOrigin().SetIsOriginAllowed(_ => true));
            }

            app.UseProductionReady();
            app.Run();

            static class DevelopmentCors
            {
                public static void Add(IServiceCollection services, IHostEnvironment environment)
                {
                    if (!environment.IsDevelopment())
                    {
                        return;
                    }

                    services.AddCors(o => o.AddPolicy("dev", p => p.AllowAnyOrigin()));
                }
            }
            """);

    [Fact]
    public async Task Test_projects_are_not_flagged()
        => await RuleTest.VerifyOnlyAsync(new[] { "PRD011", "PRD013" }, ProjectKind.TestProject, """
            using Microsoft.AspNetCore.HttpOverrides;

            public class CorsTests
            {
                [Xunit.Fact]
                public void Host()
                {
                    var builder = WebApplication.CreateBuilder();
                    builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.AllowAnyOrigin()));
                    builder.Services.Configure<ForwardedHeadersOptions>(o => o.KnownProxies.Clear());
                }
            }
            """);
}
