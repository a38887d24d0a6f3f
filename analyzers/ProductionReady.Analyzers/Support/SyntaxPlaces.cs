using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ProductionReady.Detection;

namespace ProductionReady.Analyzers;

/// <summary>Syntax questions the target finders share: the enclosing member, names of members and types, a key literal.</summary>
internal static class SyntaxPlaces
{
    /// <summary>The method, accessor, lambda, local function or top-level program around <paramref name="node"/>.</summary>
    public static SyntaxNode? EnclosingMemberOrFunction(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case GlobalStatementSyntax global:
                    return global.Parent;
                case AnonymousFunctionExpressionSyntax:
                case MemberDeclarationSyntax:
                case LocalFunctionStatementSyntax:
                case AccessorDeclarationSyntax:
                    return current;
            }
        }

        return null;
    }

    /// <summary>The member, accessor or local function around <paramref name="node"/>; null inside a lambda.</summary>
    public static SyntaxNode? EnclosingMember(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case AnonymousFunctionExpressionSyntax:
                    return null;
                case MemberDeclarationSyntax:
                case LocalFunctionStatementSyntax:
                case AccessorDeclarationSyntax:
                    return current;
            }
        }

        return null;
    }

    /// <summary>The name of a property, method, local function, or of a getter's property.</summary>
    public static string? MemberName(SyntaxNode? member) => member switch
    {
        PropertyDeclarationSyntax property => property.Identifier.ValueText,
        MethodDeclarationSyntax method => method.Identifier.ValueText,
        LocalFunctionStatementSyntax local => local.Identifier.ValueText,
        AccessorDeclarationSyntax accessor when accessor.IsKind(SyntaxKind.GetAccessorDeclaration) => MemberName(accessor.Parent?.Parent),
        _ => null,
    };

    /// <summary>The last identifier of a type name (<c>Microsoft.IdentityModel.Tokens.SymmetricSecurityKey</c> → SymmetricSecurityKey).</summary>
    [MethodImpl(HotPath.Options)]
    public static string? RightmostName(TypeSyntax type) => type switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => null,
    };

    // A key is one word-ish token: "Jwt:Key", "DB_PASSWORD", "X-Api-Key"; a message ("Value is not a JToken.") is not.
    [MethodImpl(HotPath.Options)]
    public static string? KeyLiteral(ExpressionSyntax expression)
        => expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression) && IsKeyLike(literal.Token.ValueText)
            ? literal.Token.ValueText
            : null;

    [MethodImpl(HotPath.Options)]
    private static bool IsKeyLike(string key)
    {
        if (key.Length == 0 || key.Length > 100 || key[key.Length - 1] == '.')
        {
            return false;
        }

        foreach (var c in key)
        {
            if (char.IsWhiteSpace(c) || c == '=' || c == '*')
            {
                return false;
            }
        }

        return true;
    }
}
