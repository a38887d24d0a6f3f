using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ProductionReady.Analyzers;

/// <summary>A string built with <c>+</c> from literals only: the text the compiler folds it into, and the whole expression.</summary>
internal static class ConcatenatedLiterals
{
    /// <summary>
    /// The joined text of the <c>+</c> chain <paramref name="literal"/> is the first piece of, when every piece is a string
    /// literal; null when it is not the first piece (the chain is judged once) or when a piece is not a literal.
    /// </summary>
    public static (string Text, ExpressionSyntax Expression)? Join(LiteralExpressionSyntax literal)
    {
        ExpressionSyntax top = literal;
        while (top.Parent is BinaryExpressionSyntax parent && parent.IsKind(SyntaxKind.AddExpression))
        {
            top = parent;
        }

        if (top == literal || FirstPiece(top) != literal)
        {
            return null;
        }

        var text = new StringBuilder();
        return Append(top, text) ? (text.ToString(), top) : null;
    }

    private static ExpressionSyntax FirstPiece(ExpressionSyntax expression)
    {
        while (expression is BinaryExpressionSyntax binary && binary.IsKind(SyntaxKind.AddExpression))
        {
            expression = binary.Left;
        }

        return expression;
    }

    private static bool Append(ExpressionSyntax expression, StringBuilder text)
    {
        switch (expression)
        {
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                return Append(binary.Left, text) && Append(binary.Right, text);
            case LiteralExpressionSyntax piece when piece.IsKind(SyntaxKind.StringLiteralExpression):
                text.Append(piece.Token.ValueText);
                return true;
            case ParenthesizedExpressionSyntax parenthesized:
                return Append(parenthesized.Expression, text);
            default:
                return false;
        }
    }
}
