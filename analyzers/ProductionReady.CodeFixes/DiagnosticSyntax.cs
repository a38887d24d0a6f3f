using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ProductionReady.Analyzers;

/// <summary>Finds the syntax a diagnostic was reported on, and chains a call onto it.</summary>
internal static class DiagnosticSyntax
{
    /// <summary>The call a diagnostic points at (its name or the whole call), or null.</summary>
    public static InvocationExpressionSyntax? InvocationAt(SyntaxNode root, Diagnostic diagnostic)
        => InvocationAt(root, diagnostic.Location);

    /// <summary>The call at a location (its name or the whole call), or null.</summary>
    public static InvocationExpressionSyntax? InvocationAt(SyntaxNode root, Location location)
        => root.FindNode(location.SourceSpan, getInnermostNodeForTie: true)?.FirstAncestorOrSelf<InvocationExpressionSyntax>();

    /// <summary><c>call</c> becomes <c>call.Method(arguments)</c>, keeping the call's trailing trivia after the new call.</summary>
    public static async Task<Document> ChainCallAsync(Document document, InvocationExpressionSyntax call, string method, ArgumentListSyntax arguments, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var chained = SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, call.WithoutTrailingTrivia(), SyntaxFactory.IdentifierName(method)),
                arguments)
            .WithTrailingTrivia(call.GetTrailingTrivia());
        return document.WithSyntaxRoot(root.ReplaceNode(call, chained));
    }
}
