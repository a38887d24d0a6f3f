using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ProductionReady.Analyzers;

/// <summary>
/// PRD003: an ASP.NET Core application (an executable that runs a <c>WebApplication</c>, an <c>IWebHost</c>,
/// or a generic host configured with a web host) that maps no health probe anywhere in the compilation:
/// neither <c>UseProductionReady</c>/<c>UseProductionReadyHealth</c> nor <c>MapHealthChecks</c>/<c>UseHealthChecks</c>.
/// Reported at each <c>Run</c>/<c>RunAsync</c> call. A worker (<c>Host.CreateApplicationBuilder</c>) that uses
/// ProductionReady is reported too when it never calls <c>AddProductionReady</c>/<c>AddProductionReadyHealth</c>
/// on its builder, which answer the probes on <c>ProductionReady:Health:Port</c>; the gRPC health service
/// (<c>MapProductionReadyGrpcHealth</c>, <c>MapGrpcHealthChecksService</c>) counts as a probe.
/// Not reported when the app calls a Map*/Use* extension from another assembly (a service-defaults project),
/// which may map the probes where the analyzer cannot see.
/// PRD004: every probe mapping sits inside a Development-only branch
/// (<c>if (app.Environment.IsDevelopment())</c>), so production has none. Reported at each such mapping, in any
/// method of any project (libraries included: the service-defaults project of .NET Aspire maps its probes so).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HealthProbeAnalyzer : ProductionReadyAnalyzer
{
    // The gRPC health service answers Kubernetes' native grpc: probe: ProductionReady.Grpc's, backed by the same
    // probes, and Grpc.AspNetCore.HealthChecks' MapGrpcHealthChecksService, backed by the app's health checks.
    private static readonly ImmutableHashSet<string> ProbeMappingMethods = ImmutableHashSet.Create(
        "UseProductionReady", "UseProductionReadyHealth", "MapHealthChecks", "UseHealthChecks",
        "MapProductionReadyGrpcHealth", "MapGrpcHealthChecksService");

    // On a worker's HostApplicationBuilder (Host.CreateApplicationBuilder) these answer the probes themselves, on
    // ProductionReady:Health:Port; on a WebApplicationBuilder they only register what UseProductionReady maps.
    private static readonly ImmutableHashSet<string> WorkerProbeMethods = ImmutableHashSet.Create(
        "AddProductionReady", "AddProductionReadyHealth");

    private const string WebApplicationFix = "call builder.AddProductionReady() and app.UseProductionReady() (or MapHealthChecks, or MapProductionReadyGrpcHealth in a gRPC service) before it";
    private const string WorkerFix = "call builder.AddProductionReady() (or AddProductionReadyHealth()) on its HostApplicationBuilder, which answers the probes on ProductionReady:Health:Port,";

    private static readonly ImmutableHashSet<string> WebHostConfigurationMethods = ImmutableHashSet.Create(
        "ConfigureWebHostDefaults", "ConfigureWebHost", "UseStartup");

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.MissingHealthProbes, Descriptors.HealthProbesOnlyInDevelopment);

    /// <inheritdoc />
    protected override void Register(AnalysisContext context)
    {
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext start)
    {
        var compilation = start.Compilation;
        var kind = compilation.Options.OutputKind;

        // Only executables are deployed services (PRD003); a library may still map probes for them, as the
        // service-defaults project of .NET Aspire does, so PRD004 looks at every project.
        var isExecutable = kind == OutputKind.ConsoleApplication || kind == OutputKind.WindowsApplication;
        var webApplication = ReferencedAssemblies.GetType(compilation, "Microsoft.AspNetCore", "Microsoft.AspNetCore.Builder.WebApplication");
        var webHost = ReferencedAssemblies.GetType(compilation, "Microsoft.AspNetCore.Hosting.Abstractions", "Microsoft.AspNetCore.Hosting.IWebHost");
        if ((webApplication is null && webHost is null) || TestProjects.IsTestProject(compilation, start.Options))
        {
            return;
        }

        var host = compilation.GetTypeByMetadataName("Microsoft.Extensions.Hosting.IHost");
        var workerBuilder = compilation.GetTypeByMetadataName("Microsoft.Extensions.Hosting.HostApplicationBuilder");

        var applicationBuilder = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.IApplicationBuilder");
        var endpointRouteBuilder = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Routing.IEndpointRouteBuilder");
        var applicationTypes = new[] { webApplication, applicationBuilder, endpointRouteBuilder };

        var state = new State();
        start.RegisterOperationAction(
            c => AnalyzeInvocation(c, state, webApplication, webHost, host, workerBuilder, applicationTypes),
            OperationKind.Invocation);
        start.RegisterCompilationEndAction(c => Report(c, state, isExecutable));
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, State state, INamedTypeSymbol? webApplication, INamedTypeSymbol? webHost, INamedTypeSymbol? host, INamedTypeSymbol? workerBuilder, INamedTypeSymbol?[] applicationTypes)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        var name = method.Name;
        var onWorkerBuilder = workerBuilder is not null
            && method.ContainingAssembly?.Name == "ProductionReady"
            && SymbolEqualityComparer.Default.Equals(BuilderType(invocation), workerBuilder);
        if (onWorkerBuilder)
        {
            // A worker that adopted ProductionReady (its logging, its secret validation): PRD003 applies to it.
            state.WorkerUsesProductionReady = true;
        }

        if (ProbeMappingMethods.Contains(name) || (onWorkerBuilder && WorkerProbeMethods.Contains(name)))
        {
            if (DevelopmentOnlyCode.Contains(invocation.Syntax))
            {
                state.DevelopmentOnlyProbes.Add(NameLocation(invocation));
            }
            else
            {
                state.HasProductionProbe = true;
            }

            return;
        }

        if (IsUnseenEndpointExtension(method, context.Compilation, Symbols.ReceiverType(invocation), applicationTypes))
        {
            state.CallsUnseenEndpointExtension = true;
            return;
        }

        if (WebHostConfigurationMethods.Contains(name))
        {
            state.ConfiguresWebHost = true;
            return;
        }

        if (name != "Run" && name != "RunAsync")
        {
            return;
        }

        var receiver = Symbols.ReceiverType(invocation);

        // WebApplication.Run(url), not app.Run(RequestDelegate), the terminal-middleware extension.
        if (webApplication is not null && SymbolEqualityComparer.Default.Equals(method.ContainingType, webApplication))
        {
            state.RunCalls.Add(invocation.Syntax.GetLocation());
        }
        else if (receiver is not null && method.Parameters.Length <= 2 && !HasDelegateParameter(method))
        {
            if (webHost is not null && Symbols.Implements(receiver, webHost))
            {
                state.RunCalls.Add(invocation.Syntax.GetLocation());
            }
            else if (host is not null && Symbols.Implements(receiver, host) && (webApplication is null || !Symbols.Implements(receiver, webApplication)))
            {
                state.GenericHostRunCalls.Add(invocation.Syntax.GetLocation());
            }
        }
    }

    // The builder's own type, under the conversion to IHostApplicationBuilder that the extension's call adds.
    private static ITypeSymbol? BuilderType(IInvocationOperation invocation)
    {
        if (!invocation.TargetMethod.IsExtensionMethod || invocation.Arguments.Length == 0)
        {
            return invocation.Instance?.Type;
        }

        var value = invocation.Arguments[0].Value;
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        return value.Type;
    }

    private static void Report(CompilationAnalysisContext context, State state, bool isExecutable)
    {
        if (state.HasProductionProbe)
        {
            return;
        }

        if (!state.DevelopmentOnlyProbes.IsEmpty)
        {
            foreach (var (location, name) in state.DevelopmentOnlyProbes)
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.HealthProbesOnlyInDevelopment, location, name));
            }

            return;
        }

        if (!isExecutable || state.CallsUnseenEndpointExtension)
        {
            // A library runs nothing; an app that hands itself to another assembly's Map*/Use* extension
            // (app.MapDefaultEndpoints() of a service-defaults project) may get its probes there, and the
            // analyzer cannot see into it: saying "no probe" would be a guess.
            return;
        }

        foreach (var location in state.RunCalls)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.MissingHealthProbes, location, RunName(location), "a web application", WebApplicationFix));
        }

        if (state.ConfiguresWebHost)
        {
            foreach (var location in state.GenericHostRunCalls)
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.MissingHealthProbes, location, RunName(location), "a web application", WebApplicationFix));
            }
        }
        else if (state.WorkerUsesProductionReady)
        {
            // A worker (Host.CreateApplicationBuilder) set up with ProductionReady's granular methods but not its
            // probes. A worker that does not use ProductionReady at all is left alone: it may be a job or a console
            // tool, and the framework gives a worker no probe to map.
            foreach (var location in state.GenericHostRunCalls)
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.MissingHealthProbes, location, RunName(location), "a worker", WorkerFix));
            }
        }
    }

    /// <summary>
    /// Assemblies whose Map*/Use* extensions are known not to map health probes: the framework and Microsoft's
    /// packages (their probe mapping is MapHealthChecks/UseHealthChecks, counted above), this package's own
    /// granular middleware, and widely used libraries for API documentation, logging, jobs and endpoints.
    /// </summary>
    private static readonly string[] AssembliesWithoutProbes =
    {
        "Microsoft.", "System.", "ProductionReady", "Swashbuckle.", "Scalar.", "NSwag.", "Serilog", "Hangfire",
        "HotChocolate.", "Carter", "FastEndpoints", "OpenTelemetry", "Yarp.", "HealthChecks.UI", "Elsa", "Grpc.",
    };

    // app.MapDefaultEndpoints(): a Map*/Use* extension of the app from an assembly this compilation cannot see into.
    private static bool IsUnseenEndpointExtension(IMethodSymbol method, Compilation compilation, ITypeSymbol? receiver, INamedTypeSymbol?[] applicationTypes)
    {
        if (!method.IsExtensionMethod || receiver is null
            || !(method.Name.StartsWith("Map", System.StringComparison.Ordinal) || method.Name.StartsWith("Use", System.StringComparison.Ordinal))
            || method.ContainingAssembly is not { } assembly
            || SymbolEqualityComparer.Default.Equals(assembly, compilation.Assembly))
        {
            return false;
        }

        foreach (var prefix in AssembliesWithoutProbes)
        {
            if (assembly.Name.StartsWith(prefix, System.StringComparison.Ordinal) || assembly.Name == prefix.TrimEnd('.'))
            {
                return false;
            }
        }

        foreach (var type in applicationTypes)
        {
            if (type is not null && Symbols.Implements(receiver, type))
            {
                return true;
            }
        }

        return false;
    }

    private static string RunName(Location location)
    {
        var node = location.SourceTree?.GetRoot().FindNode(location.SourceSpan, getInnermostNodeForTie: true);
        return node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } ? member.Name.Identifier.ValueText : "Run";
    }

    private static (Location Location, string Name) NameLocation(IInvocationOperation invocation)
        => (Symbols.NameLocation(invocation), invocation.TargetMethod.Name);

    private static bool HasDelegateParameter(IMethodSymbol method)
    {
        foreach (var parameter in method.Parameters)
        {
            if (parameter.Type.TypeKind == TypeKind.Delegate)
            {
                return true;
            }
        }

        return false;
    }

    private sealed class State
    {
        private int _hasProductionProbe;
        private int _configuresWebHost;
        private int _callsUnseenEndpointExtension;
        private int _workerUsesProductionReady;

        public ConcurrentBag<Location> RunCalls { get; } = new ConcurrentBag<Location>();

        public ConcurrentBag<Location> GenericHostRunCalls { get; } = new ConcurrentBag<Location>();

        public ConcurrentBag<(Location Location, string Name)> DevelopmentOnlyProbes { get; } = new ConcurrentBag<(Location, string)>();

        public bool HasProductionProbe
        {
            get => System.Threading.Volatile.Read(ref _hasProductionProbe) != 0;
            set => System.Threading.Volatile.Write(ref _hasProductionProbe, value ? 1 : 0);
        }

        public bool CallsUnseenEndpointExtension
        {
            get => System.Threading.Volatile.Read(ref _callsUnseenEndpointExtension) != 0;
            set => System.Threading.Volatile.Write(ref _callsUnseenEndpointExtension, value ? 1 : 0);
        }

        public bool WorkerUsesProductionReady
        {
            get => System.Threading.Volatile.Read(ref _workerUsesProductionReady) != 0;
            set => System.Threading.Volatile.Write(ref _workerUsesProductionReady, value ? 1 : 0);
        }

        public bool ConfiguresWebHost
        {
            get => System.Threading.Volatile.Read(ref _configuresWebHost) != 0;
            set => System.Threading.Volatile.Write(ref _configuresWebHost, value ? 1 : 0);
        }
    }
}
