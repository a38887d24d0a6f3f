using Microsoft.CodeAnalysis.Diagnostics;

namespace ProductionReady.Analyzers;

/// <summary>
/// Base of every ProductionReady analyzer: the policy all rules share lives here once: concurrent
/// execution, generated code skipped.
/// </summary>
public abstract class ProductionReadyAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        Register(context);
    }

    /// <summary>Registers the rule's actions (resolve symbols once, in a compilation-start action).</summary>
    /// <param name="context">The analysis context.</param>
    protected abstract void Register(AnalysisContext context);
}
