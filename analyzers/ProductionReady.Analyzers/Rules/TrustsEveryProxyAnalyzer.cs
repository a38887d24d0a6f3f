using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ProductionReady.Analyzers;

/// <summary>
/// PRD013: <c>ForwardedHeadersOptions.KnownProxies</c>/<c>KnownIPNetworks</c>/<c>KnownNetworks</c> cleared, with
/// nothing added to any of them in the same method or lambda, outside a Development-only branch: forwarded headers
/// are then accepted from every peer. Reported at each <c>Clear()</c>. Test projects are not flagged.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TrustsEveryProxyAnalyzer : ProductionReadyAnalyzer
{
    private static readonly ImmutableHashSet<string> TrustLists = ImmutableHashSet.Create("KnownProxies", "KnownNetworks", "KnownIPNetworks");

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.TrustsEveryProxy);

    /// <inheritdoc />
    protected override void Register(AnalysisContext context)
    {
        context.RegisterCompilationStartAction(start =>
        {
            var options = ReferencedAssemblies.GetType(start.Compilation, "Microsoft.AspNetCore.HttpOverrides", "Microsoft.AspNetCore.Builder.ForwardedHeadersOptions");
            if (options is null || TestProjects.IsTestProject(start.Compilation, start.Options))
            {
                return;
            }

            start.RegisterOperationAction(c => AnalyzeInvocation(c, options), OperationKind.Invocation);
        });
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, INamedTypeSymbol options)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (invocation.TargetMethod.Name != "Clear" || TrustList(invocation.Instance, options) is null)
        {
            return;
        }

        // The method or lambda the Clear() is in: an Add to any trust list there keeps some trust.
        IOperation scope = invocation;
        while (scope.Parent is { } parent && scope is not IAnonymousFunctionOperation)
        {
            scope = parent;
        }

        foreach (var operation in scope.Descendants())
        {
            if (operation is IInvocationOperation { TargetMethod.Name: "Add" or "AddRange" or "Insert" } add && TrustList(add.Instance, options) is not null)
            {
                return;
            }
        }

        if (!DevelopmentOnlyCode.Contains(invocation.Syntax, throughLambdas: true))
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.TrustsEveryProxy, invocation.Syntax.GetLocation(), invocation.Syntax.ToString()));
        }
    }

    private static string? TrustList(IOperation? instance, INamedTypeSymbol options)
        => instance is IPropertyReferenceOperation { Property: { } property }
            && TrustLists.Contains(property.Name)
            && SymbolEqualityComparer.Default.Equals(property.ContainingType, options)
                ? property.Name
                : null;
}
