using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ProductionReady.Detection;

namespace ProductionReady.Analyzers;

/// <summary>A literal compared with a secret-named value or with a value read from a request: a shared secret the code checks against.</summary>
internal static class ComparedTargets
{
    // The other side of == or !=: a secret-named variable or member, or a value read from a request header or query string.
    // Sentinels ("Bearer", "none") are compared far more often than secrets, so the value must look like one on its own.
    /// <summary>The target of a value compared with <paramref name="other"/> (<c>if (apiKey != "…")</c>, a request header).</summary>
    [MethodImpl(HotPath.Options)]
    public static CredentialTarget Compared(ExpressionSyntax other, ExpressionSyntax value)
    {
        // Asked before anything else: most comparisons are with sentinels, and the request-header test reads the whole member.
        if (value is not LiteralExpressionSyntax literal || !SecretShape.IsSecretShaped(literal.Token.ValueText))
        {
            return CredentialTarget.None;
        }

        var name = other switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
            _ => null,
        };
        if (name is not null && SecretNames.IsSecretName(name))
        {
            return CredentialTarget.Named(name);
        }

        return IsRequestValue(other) ? CredentialTarget.RequestValue(name) : CredentialTarget.None;
    }

    // Request.Headers["X-Api-Key"], or a variable declared by Headers.TryGetValue(…, out var provided) / Query.TryGetValue(…).
    private static bool IsRequestValue(ExpressionSyntax value)
    {
        if (value is ElementAccessExpressionSyntax element)
        {
            return IsRequestCollection(element.Expression);
        }

        if (value is not IdentifierNameSyntax identifier || SyntaxPlaces.EnclosingMemberOrFunction(value) is not { } body)
        {
            return false;
        }

        var name = identifier.Identifier.ValueText;
        foreach (var node in body.DescendantNodes())
        {
            if (node is ArgumentSyntax { RefKindKeyword.ValueText: "out", Expression: DeclarationExpressionSyntax { Designation: SingleVariableDesignationSyntax single } }
                && single.Identifier.ValueText == name
                && node.Parent?.Parent is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "TryGetValue" } tryGet })
            {
                return IsRequestCollection(tryGet.Expression);
            }
        }

        return false;
    }

    private static bool IsRequestCollection(ExpressionSyntax collection)
    {
        var name = collection switch
        {
            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            _ => null,
        };
        return name == "Headers" || name == "Query" || name == "Cookies";
    }
}
