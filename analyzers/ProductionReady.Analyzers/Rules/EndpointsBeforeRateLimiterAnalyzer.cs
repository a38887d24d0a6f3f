using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ProductionReady.Analyzers;

/// <summary>
/// PRD014: <c>app.UseEndpoints(…)</c> after a <c>UseRouting()</c> that comes after <c>UseProductionReady()</c>
/// (or <c>UseProductionReadyRateLimits()</c>), with no <c>UseRateLimiter()</c> between the routing and the endpoints.
/// The rate limiter picks its policy from the chosen endpoint, so ProductionReady places it behind the app's last
/// middleware when the app routes later; <c>UseEndpoints</c> runs the endpoint before that point, and every
/// <c>RequireRateLimiting</c>/<c>[EnableRateLimiting]</c> is silently off. Every other order works. Reported at
/// <c>UseEndpoints</c>. Test projects are not flagged.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EndpointsBeforeRateLimiterAnalyzer : ProductionReadyAnalyzer
{
    private const string RoutingExtensions = "Microsoft.AspNetCore.Builder.EndpointRoutingApplicationBuilderExtensions";
    private const string RateLimiterExtensions = "Microsoft.AspNetCore.Builder.RateLimiterApplicationBuilderExtensions";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.EndpointsBeforeRateLimiter);

    /// <inheritdoc />
    protected override void Register(AnalysisContext context)
    {
        context.RegisterCompilationStartAction(start =>
        {
            var routing = ReferencedAssemblies.GetType(start.Compilation, "Microsoft.AspNetCore.Routing", RoutingExtensions);
            if (routing is null || TestProjects.IsTestProject(start.Compilation, start.Options))
            {
                return;
            }

            start.RegisterOperationAction(c => AnalyzeInvocation(c, routing), OperationKind.Invocation);
        });
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, INamedTypeSymbol routing)
    {
        var endpoints = (IInvocationOperation)context.Operation;
        if (endpoints.TargetMethod.Name != "UseEndpoints"
            || !SymbolEqualityComparer.Default.Equals(endpoints.TargetMethod.ContainingType, routing)
            || ReceiverOf(endpoints) is not { } app)
        {
            return;
        }

        // The method, lambda or top-level statements the call is in; the pipeline is built in one place.
        IOperation scope = endpoints;
        while (scope.Parent is { } parent && scope is not IAnonymousFunctionOperation)
        {
            scope = parent;
        }

        var calls = new List<(int Position, Step Step, IInvocationOperation Call)>();
        foreach (var operation in scope.Descendants())
        {
            if (operation is IInvocationOperation invocation
                && invocation.Syntax.SpanStart < endpoints.Syntax.SpanStart
                && StepOf(invocation.TargetMethod, routing) is { } step
                && SymbolEqualityComparer.Default.Equals(ReceiverOf(invocation), app))
            {
                calls.Add((invocation.Syntax.SpanStart, step, invocation));
            }
        }

        calls.Sort((a, b) => a.Position.CompareTo(b.Position));
        IInvocationOperation? productionReady = null;
        IInvocationOperation? lateRouting = null;
        foreach (var (_, step, call) in calls)
        {
            switch (step)
            {
                case Step.ProductionReady:
                    productionReady ??= call;
                    break;
                case Step.Routing:
                    if (productionReady is null)
                    {
                        // Routing placed first: the limiter runs where UseProductionReady() is, after it.
                        return;
                    }

                    lateRouting = call;
                    break;
                case Step.RateLimiter:
                    if (lateRouting is not null)
                    {
                        // The app put the limiter between its routing and its endpoints itself.
                        return;
                    }

                    break;
            }
        }

        if (lateRouting is not null && productionReady is not null)
        {
            // The code fix moves the late UseRouting() before UseProductionReady().
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.EndpointsBeforeRateLimiter,
                Symbols.NameLocation(endpoints),
                new[] { lateRouting.Syntax.GetLocation(), productionReady.Syntax.GetLocation() },
                productionReady.TargetMethod.Name));
        }
    }

    private static Step? StepOf(IMethodSymbol method, INamedTypeSymbol routing)
    {
        switch (method.Name)
        {
            case "UseProductionReady":
            case "UseProductionReadyRateLimits":
                return method.ContainingAssembly?.Name == "ProductionReady" ? Step.ProductionReady : null;
            case "UseRouting":
                return SymbolEqualityComparer.Default.Equals(method.ContainingType, routing) ? Step.Routing : null;
            case "UseRateLimiter":
                return method.ContainingType?.ToDisplayString() == RateLimiterExtensions ? Step.RateLimiter : null;
            default:
                return null;
        }
    }

    // The app a pipeline call is made on: a local, parameter, field or property (app, builder.App), else null.
    private static ISymbol? ReceiverOf(IInvocationOperation invocation)
    {
        var receiver = invocation.TargetMethod.IsExtensionMethod
            ? (invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null)
            : invocation.Instance;
        while (receiver is IConversionOperation conversion)
        {
            receiver = conversion.Operand;
        }

        return receiver switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            IFieldReferenceOperation field => field.Field,
            IPropertyReferenceOperation property => property.Property,
            _ => null,
        };
    }

    private enum Step
    {
        ProductionReady,
        Routing,
        RateLimiter,
    }
}
