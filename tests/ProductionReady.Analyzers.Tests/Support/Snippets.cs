using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ProductionReady.Analyzers.Tests.Support;

/// <summary>Parses a piece of C# and finds the target of one of its string literals, without a compilation.</summary>
internal static class Snippets
{
    /// <summary>The string literal of <paramref name="code"/> whose value is <paramref name="value"/>.</summary>
    public static LiteralExpressionSyntax Literal(string code, string value)
    {
        var tree = CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Preview));
        return tree.GetRoot().DescendantNodes().OfType<LiteralExpressionSyntax>()
            .Single(l => l.IsKind(SyntaxKind.StringLiteralExpression) && l.Token.ValueText == value);
    }

    /// <summary>Where the literal <paramref name="value"/> of <paramref name="code"/> ends up.</summary>
    public static CredentialTarget TargetOf(string code, string value) => LiteralTargets.Find(Literal(code, value));
}
