using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ProductionReady.Analyzers;

/// <summary>
/// Base of the ProductionReady code fixes that need only the document's syntax: one rule each, batch Fix All,
/// the syntax root read once and each diagnostic offered to <see cref="RegisterCodeFix"/>.
/// </summary>
public abstract class ProductionReadyCodeFixProvider : CodeFixProvider
{
    /// <summary>Creates the code fix for the diagnostic with id <paramref name="diagnosticId"/>.</summary>
    protected ProductionReadyCodeFixProvider(string diagnosticId)
        => FixableDiagnosticIds = ImmutableArray.Create(diagnosticId);

    /// <inheritdoc />
    public sealed override ImmutableArray<string> FixableDiagnosticIds { get; }

    /// <inheritdoc />
    public sealed override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            RegisterCodeFix(context, root, diagnostic);
        }
    }

    /// <summary>Registers the fix for one diagnostic, or nothing where the code is not in a shape the fix can change.</summary>
    protected abstract void RegisterCodeFix(CodeFixContext context, SyntaxNode root, Diagnostic diagnostic);
}
