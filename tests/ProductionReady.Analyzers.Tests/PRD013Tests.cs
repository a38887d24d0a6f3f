using ProductionReady.Analyzers.Tests.Infrastructure;

namespace ProductionReady.Analyzers.Tests;

/// <summary>PRD013: forwarded headers trusted from every proxy outside Development.</summary>
public sealed class PRD013Tests
{
    [Fact]
    public async Task Trusting_every_proxy_outside_Development_is_flagged()
        => await RuleTest.VerifyAsync("PRD013", ProjectKind.WebApp, """
            using Microsoft.AspNetCore.HttpOverrides;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.Configure<ForwardedHeadersOptions>(options =>
            {
                options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
                [|options.KnownIPNetworks.Clear()|];
                [|options.KnownProxies.Clear()|];
            });
            var app = builder.Build();
            var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.All };
            [|forwarded.KnownProxies.Clear()|];
            app.UseForwardedHeaders(forwarded);
            app.UseProductionReady();
            app.Run();
            """);

    [Fact]
    public async Task Clearing_and_listing_the_real_proxies_or_Development_only_code_is_not_flagged()
        => await RuleTest.VerifyAsync("PRD013", ProjectKind.WebApp, """
            using System.Net;
            using Microsoft.AspNetCore.HttpOverrides;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.Configure<ForwardedHeadersOptions>(options =>
            {
                options.KnownIPNetworks.Clear();
                options.KnownProxies.Clear();
                options.KnownProxies.Add(IPAddress.Parse("10.0.0.5"));
            });
            builder.Services.Configure<ForwardedHeadersOptions>(options =>
            {
                options.KnownProxies.Clear();
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse("10.0.0.0/8"));
            });
            if (builder.Environment.IsDevelopment())
            {
                builder.Services.Configure<ForwardedHeadersOptions>(options => { options.KnownIPNetworks.Clear(); options.KnownProxies.Clear(); });
            }

            var list = new List<int> { 1 };
            list.Clear();
            var app = builder.Build();
            app.UseProductionReady();
            app.Run();
            """);
}
