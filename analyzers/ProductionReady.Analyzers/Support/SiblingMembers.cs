using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ProductionReady.Analyzers;

/// <summary>
/// What the other members of an object initializer say about the value assigned beside them: settings seeded into a
/// table carry their kind in a sibling (<c>new Setting { Type = "…ApiKey", Value = "…" }</c>,
/// <c>new Setting { Name = "Smtp.Password", Value = "…" }</c>), and IdentityServer's secrets say in their <c>Type</c>
/// when the value is a certificate's thumbprint, which is public.
/// </summary>
internal static class SiblingMembers
{
    /// <summary>Members that hold the value of a named or typed entry; their name says nothing about its kind.</summary>
    public static readonly string[] ValueMembers = { "Value", "Data", "Content", "SettingValue", "Val" };

    /// <summary>Sibling members that name the entry or give its type.</summary>
    public static readonly string[] KindMembers = { "Type", "Kind", "Name", "Key", "SettingName", "SecretType", "KeyName" };

    /// <summary>Words in a sibling's type that make the value public: a certificate's thumbprint, a public key.</summary>
    public static readonly string[] PublicValueWords = { "Thumbprint", "X509", "Certificate", "PublicKey", "Fingerprint" };

    /// <summary>
    /// The key a sibling gives the value assigned by <paramref name="assignment"/> (<c>"PaymentGatewayApiKey"</c>,
    /// <c>"SharedSecret"</c> from <c>SecretTypes.SharedSecret</c>) when it names a credential, or null.
    /// </summary>
    public static string? KindKey(InitializerExpressionSyntax initializer, AssignmentExpressionSyntax assignment)
    {
        if (assignment.Left is not IdentifierNameSyntax { Identifier.ValueText: var member } || Array.IndexOf(ValueMembers, member) < 0)
        {
            return null;
        }

        foreach (var expression in initializer.Expressions)
        {
            if (expression is AssignmentExpressionSyntax { Left: IdentifierNameSyntax sibling } other && other != assignment
                && Array.IndexOf(KindMembers, sibling.Identifier.ValueText) >= 0
                && Named(other.Right) is { } key
                && CredentialKinds.OfConfigurationKey(key, configurationFile: false) is not null)
            {
                return key;
            }
        }

        return null;
    }

    /// <summary>True when a <c>Type</c>/<c>Kind</c> sibling says the values of this initializer are public (a thumbprint).</summary>
    public static bool NamesPublicValue(InitializerExpressionSyntax initializer)
    {
        foreach (var expression in initializer.Expressions)
        {
            if (expression is AssignmentExpressionSyntax { Left: IdentifierNameSyntax sibling } other
                && Array.IndexOf(KindMembers, sibling.Identifier.ValueText) >= 0
                && Named(other.Right) is { } type)
            {
                foreach (var word in PublicValueWords)
                {
                    if (type.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    // "Settings.Shipping.ApiKey", SecretTypes.SharedSecret, nameof(ApiKey).
    private static string? Named(ExpressionSyntax expression) => expression switch
    {
        LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) && literal.Token.ValueText.Length <= 100 => literal.Token.ValueText,
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        _ => null,
    };
}
