using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ProductionReady.Analyzers;

/// <summary>
/// PRD014: moves the app's <c>app.UseRouting();</c> to just before <c>app.UseProductionReady();</c>, so the rate
/// limiter runs where <c>UseProductionReady()</c> is, after routing and before the app's <c>UseEndpoints</c>. Offered
/// when both are statements of their own in the same block (or both top-level statements).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MoveUseRoutingCodeFixProvider))]
[Shared]
public sealed class MoveUseRoutingCodeFixProvider : ProductionReadyCodeFixProvider
{
    /// <summary>Creates the fix for PRD014.</summary>
    public MoveUseRoutingCodeFixProvider()
        : base(DiagnosticIds.EndpointsBeforeRateLimiter)
    {
    }

    /// <inheritdoc />
    protected override void RegisterCodeFix(CodeFixContext context, SyntaxNode root, Diagnostic diagnostic)
    {
        if (diagnostic.AdditionalLocations.Count < 2
            || StatementOf(root, diagnostic.AdditionalLocations[0]) is not { } routing
            || StatementOf(root, diagnostic.AdditionalLocations[1]) is not { } productionReady
            || routing.Parent != productionReady.Parent)
        {
            return;
        }

        var name = productionReady.DescendantNodes().OfType<MemberAccessExpressionSyntax>().FirstOrDefault()?.Name.Identifier.ValueText ?? "UseProductionReady";
        context.RegisterCodeFix(
            CodeAction.Create(
                "Call UseRouting() before " + name + "()",
                c => MoveAsync(context.Document, routing, productionReady, c),
                equivalenceKey: nameof(MoveUseRoutingCodeFixProvider)),
            diagnostic);
    }

    // The statement that is exactly the call at the location (app.UseRouting();), as a block or top-level member.
    private static SyntaxNode? StatementOf(SyntaxNode root, Location location)
    {
        if (DiagnosticSyntax.InvocationAt(root, location)?.Parent is not ExpressionStatementSyntax statement)
        {
            return null;
        }

        return statement.Parent switch
        {
            GlobalStatementSyntax global => global,
            BlockSyntax => statement,
            _ => null,
        };
    }

    private static async Task<Document> MoveAsync(Document document, SyntaxNode routing, SyntaxNode productionReady, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var tracked = root.TrackNodes(routing, productionReady);
        tracked = tracked.InsertNodesBefore(tracked.GetCurrentNode(productionReady)!, new[] { routing });
        tracked = tracked.RemoveNode(tracked.GetCurrentNode(routing)!, SyntaxRemoveOptions.KeepNoTrivia)!;
        return document.WithSyntaxRoot(tracked);
    }
}
