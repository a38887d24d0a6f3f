using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ProductionReady.Analyzers;

/// <summary>
/// Well-known APIs that take a credential positionally, by method name and argument position. Asked only when the
/// semantic model cannot name the parameter (the library is not referenced, the receiver is <c>dynamic</c>): a seed
/// class calling <c>userManager.CreateAsync(user, "…")</c> gives the seeded user's password all the same.
/// </summary>
internal static class CredentialApis
{
    /// <summary>One API: the method, the position of the credential, the parameter's name and the receiver it needs.</summary>
    internal readonly struct Api(string method, int index, string parameter, string? receiverWord)
    {
        public string Method { get; } = method;

        public int Index { get; } = index;

        /// <summary>The parameter's name, as the library declares it (its kind follows from it).</summary>
        public string Parameter { get; } = parameter;

        /// <summary>A word the receiver's name must contain (<c>userManager</c>), where the method name alone is common.</summary>
        public string? ReceiverWord { get; } = receiverWord;
    }

    /// <summary>The table: ASP.NET Core Identity's user and sign-in managers, OpenIddict's and IdentityServer's client setters.</summary>
    public static readonly Api[] Table =
    {
        new("CreateAsync", 1, "password", "user"),
        new("AddPasswordAsync", 1, "password", null),
        new("CheckPasswordAsync", 1, "password", null),
        new("ChangePasswordAsync", 2, "newPassword", null),
        new("ResetPasswordAsync", 2, "newPassword", null),
        new("PasswordSignInAsync", 1, "password", null),
        new("SetClientSecret", 0, "secret", null),
        new("AddClientSecret", 0, "secret", null),
    };

    /// <summary>The parameter name the table gives for argument <paramref name="index"/> of <paramref name="owner"/>, or null.</summary>
    public static string? ParameterName(SyntaxNode? owner, int index)
    {
        if (owner is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access })
        {
            return null;
        }

        var method = access.Name.Identifier.ValueText;
        foreach (var api in Table)
        {
            if (api.Index == index && api.Method == method
                && (api.ReceiverWord is null || ReceiverName(access.Expression)?.IndexOf(api.ReceiverWord, StringComparison.OrdinalIgnoreCase) >= 0))
            {
                return api.Parameter;
            }
        }

        return null;
    }

    private static string? ReceiverName(ExpressionSyntax receiver) => receiver switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        _ => null,
    };
}
