using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ProductionReady.Analyzers;

/// <summary>Finds the syntax a diagnostic was reported on.</summary>
internal static class DiagnosticSyntax
{
    /// <summary>The call a diagnostic points at (its name or the whole call), or null.</summary>
    public static InvocationExpressionSyntax? InvocationAt(SyntaxNode root, Diagnostic diagnostic)
        => root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)?.FirstAncestorOrSelf<InvocationExpressionSyntax>();
}
