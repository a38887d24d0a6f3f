using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using ProductionReady.Analyzers.Tests.Infrastructure;

namespace ProductionReady.Analyzers.Tests;

/// <summary>
/// PRD003 and PRD004 on the service shapes beyond a web app: a worker (<c>dotnet new worker</c>,
/// <c>Host.CreateApplicationBuilder</c>), whose probes <c>builder.AddProductionReady()</c> answers itself, and a gRPC
/// service (<c>dotnet new grpc</c>), whose probe may be the standard gRPC health service.
/// </summary>
public sealed class PRD003WorkerAndGrpcTests
{
    private static readonly string[] ProbeRules = { "PRD003", "PRD004" };

    private const string WorkerClass = """

        public sealed class Worker(ILogger<Worker> logger) : BackgroundService
        {
            protected override async Task ExecuteAsync(CancellationToken stoppingToken)
            {
                while (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogInformation("Worker running at: {Time}", DateTimeOffset.Now);
                    await Task.Delay(1000, stoppingToken);
                }
            }
        }
        """;

    // Grpc.AspNetCore's and ProductionReady.Grpc's extensions, as their signatures are (stand-in assemblies).
    private const string GrpcServer = """
        namespace Microsoft.Extensions.DependencyInjection
        {
            public static class GrpcServicesExtensions
            {
                public static IServiceCollection AddGrpc(this IServiceCollection services) => services;
                public static IServiceCollection AddGrpcReflection(this IServiceCollection services) => services;
            }
        }

        namespace Microsoft.AspNetCore.Builder
        {
            public static class GrpcEndpointRouteBuilderExtensions
            {
                public static IEndpointConventionBuilder MapGrpcService<TService>(this Microsoft.AspNetCore.Routing.IEndpointRouteBuilder builder) where TService : class => null!;
                public static IEndpointConventionBuilder MapGrpcReflectionService(this Microsoft.AspNetCore.Routing.IEndpointRouteBuilder builder) => null!;
            }
        }
        """;

    private const string GrpcHealthChecks = """
        namespace Microsoft.AspNetCore.Builder
        {
            public static class GrpcHealthChecksEndpointRouteBuilderExtensions
            {
                public static IEndpointConventionBuilder MapGrpcHealthChecksService(this Microsoft.AspNetCore.Routing.IEndpointRouteBuilder builder) => null!;
            }
        }
        """;

    private const string ProductionReadyGrpc = """
        namespace Microsoft.AspNetCore.Builder
        {
            public static class GrpcHealthEndpointRouteBuilderExtensions
            {
                public static IEndpointConventionBuilder MapProductionReadyGrpcHealth(this Microsoft.AspNetCore.Routing.IEndpointRouteBuilder endpoints) => null!;
            }
        }
        """;

    private const string GreeterService = """

        public sealed class GreeterService { }
        """;

    [Theory]
    [InlineData("builder.AddProductionReady();")]
    [InlineData("builder.AddProductionReady(o => o.Health.Port = 9090);")]
    [InlineData("builder.AddProductionReadyLogging(); builder.AddProductionReadyHealth();")]
    [InlineData("if (!builder.Environment.IsDevelopment()) { builder.AddProductionReady(); }")]
    public async Task A_worker_set_up_as_the_README_says_is_not_flagged(string setup)
        => await RuleTest.VerifyOnlyAsync(ProbeRules, ProjectKind.WebApp, $$"""
            var builder = Host.CreateApplicationBuilder(args);
            {{setup}}
            builder.Services.AddHostedService<Worker>();

            var host = builder.Build();
            host.Run();
            """ + WorkerClass);

    [Fact]
    public async Task A_worker_that_uses_ProductionReady_without_its_probes_is_flagged_at_Run()
    {
        var test = new RuleTest(ProjectKind.WebApp, "PRD003")
        {
            TestCode = """
                var builder = Host.CreateApplicationBuilder(args);
                builder.AddProductionReadyLogging();
                builder.AddProductionReadySecrets();
                builder.Services.AddHostedService<Worker>();

                var host = builder.Build();
                await {|#0:host.RunAsync()|};
                """ + WorkerClass,
        };
        test.DisabledDiagnostics.AddRange(RuleTest.AllAnalyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Where(id => id != "PRD003"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("PRD003", DiagnosticSeverity.Warning).WithLocation(0).WithMessage(
            "'RunAsync' starts a worker that answers no health probe: call builder.AddProductionReady() (or AddProductionReadyHealth()) on its HostApplicationBuilder, which answers the probes on ProductionReady:Health:Port, so an orchestrator can tell when it is ready and alive"));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_worker_without_ProductionReady_is_left_alone()
        => await RuleTest.VerifyOnlyAsync(ProbeRules, ProjectKind.WebApp, """
            var builder = Host.CreateApplicationBuilder(args);
            builder.Services.AddHostedService<Worker>();
            builder.Build().Run();
            """ + WorkerClass);

    [Fact]
    public async Task A_worker_whose_probes_are_added_only_in_Development_is_flagged()
        => await RuleTest.VerifyOnlyAsync(ProbeRules, ProjectKind.WebApp, """
            var builder = Host.CreateApplicationBuilder(args);
            builder.AddProductionReadyLogging();
            if (builder.Environment.IsDevelopment())
            {
                builder.{|PRD004:AddProductionReady|}();
            }

            builder.Services.AddHostedService<Worker>();
            builder.Build().Run();
            """ + WorkerClass);

    [Fact]
    public async Task The_message_for_a_web_application_names_its_fix()
    {
        var test = new RuleTest(ProjectKind.WebApp, "PRD003")
        {
            TestCode = """
                var app = WebApplication.Create(args);
                {|#0:app.Run()|};
                """,
        };
        test.DisabledDiagnostics.AddRange(RuleTest.AllAnalyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Where(id => id != "PRD003"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("PRD003", DiagnosticSeverity.Warning).WithLocation(0).WithMessage(
            "'Run' starts a web application that answers no health probe: call builder.AddProductionReady() and app.UseProductionReady() (or MapHealthChecks, or MapProductionReadyGrpcHealth in a gRPC service) before it so an orchestrator can tell when it is ready and alive"));
        await test.RunAsync();
    }

    [Theory]
    // The README's gRPC recipe.
    [InlineData("app.UseProductionReady();\napp.MapGrpcService<GreeterService>();\napp.MapProductionReadyGrpcHealth();")]
    // The gRPC health service alone: Kubernetes' grpc: probe.
    [InlineData("app.MapGrpcService<GreeterService>();\napp.MapProductionReadyGrpcHealth();")]
    [InlineData("app.MapGrpcService<GreeterService>();\napp.MapGrpcHealthChecksService();")]
    public async Task A_gRPC_service_with_its_probes_is_not_flagged(string mapping)
    {
        var test = new RuleTest(ProjectKind.WebApp)
        {
            TestCode = $$"""
                var builder = WebApplication.CreateBuilder(args);
                builder.AddProductionReady();
                builder.Services.AddGrpc();
                builder.Services.AddGrpcReflection();

                var app = builder.Build();
                {{mapping}}
                if (app.Environment.IsDevelopment())
                {
                    app.MapGrpcReflectionService();
                }

                app.MapGet("/", () => "Communication with gRPC endpoints must be made through a gRPC client.");
                app.Run();
                """ + GreeterService,
        };
        AddGrpcReferences(test);
        await test.RunAsync();
    }

    [Fact]
    public async Task A_gRPC_service_without_probes_is_flagged()
    {
        var test = new RuleTest(ProjectKind.WebApp, "PRD003")
        {
            TestCode = """
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddGrpc();
                var app = builder.Build();
                app.MapGrpcService<GreeterService>();
                [|app.Run()|];
                """ + GreeterService,
        };
        AddGrpcReferences(test);
        test.DisabledDiagnostics.AddRange(RuleTest.AllAnalyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Where(id => id != "PRD003"));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_gRPC_health_service_mapped_only_in_Development_is_flagged()
    {
        var test = new RuleTest(ProjectKind.WebApp)
        {
            TestCode = """
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddGrpc();
                var app = builder.Build();
                app.MapGrpcService<GreeterService>();
                if (app.Environment.IsDevelopment())
                {
                    app.{|PRD004:MapGrpcHealthChecksService|}();
                    app.{|PRD004:MapProductionReadyGrpcHealth|}();
                }

                app.Run();
                """ + GreeterService,
        };
        AddGrpcReferences(test);
        test.DisabledDiagnostics.AddRange(RuleTest.AllAnalyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Where(id => id is not "PRD003" and not "PRD004"));
        await test.RunAsync();
    }

    private static void AddGrpcReferences(RuleTest test)
    {
        test.TestState.AdditionalReferences.Add(TestReferences.Assembly("Grpc.AspNetCore.Server", GrpcServer));
        test.TestState.AdditionalReferences.Add(TestReferences.Assembly("Grpc.AspNetCore.HealthChecks", GrpcHealthChecks));
        test.TestState.AdditionalReferences.Add(TestReferences.Assembly("ProductionReady.Grpc", ProductionReadyGrpc));
    }
}
