using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ProductionReady.Detection;

namespace ProductionReady.Analyzers;

/// <summary>
/// Finds the <see cref="CredentialTarget"/> of a string literal syntactically: where its value ends up after the
/// expressions that pass it along. Each kind of end (a declaration, an assignment, a comparison, an argument) has its
/// own file.
/// </summary>
internal static class LiteralTargets
{
    /// <summary>
    /// Walks up from a literal through the expressions that pass its value along (parentheses, casts, <c>?:</c>,
    /// <c>??</c>, switch arms, collection initializers, <c>ToArray()</c>, <c>GetBytes</c>) to where it ends up.
    /// </summary>
    [MethodImpl(HotPath.Options)]
    public static CredentialTarget Find(ExpressionSyntax literal)
    {
        SyntaxNode node = literal;
        var bytes = false;
        for (var depth = 0; depth < 12; depth++)
        {
            var parent = node.Parent;
            switch (parent)
            {
                // "…"u8.ToArray(), "…".ToCharArray(), IdentityServer's "…".Sha256(): the value passes through.
                case MemberAccessExpressionSyntax access when access.Expression == node && access.Parent is InvocationExpressionSyntax call
                    && call.Expression == access && call.ArgumentList.Arguments.Count == 0 && IsPassThrough(access.Name.Identifier.ValueText):
                    bytes |= access.Name.Identifier.ValueText == "ToArray";
                    node = call;
                    continue;

                // Convert.FromHexString("…"), Encoding.UTF8.GetBytes("…"): key material on its way to a key.
                case ArgumentSyntax { Parent: ArgumentListSyntax { Arguments.Count: 1, Parent: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax conversion } call } }
                    when IsBytesConversion(conversion.Name.Identifier.ValueText):
                    // Encoding.ASCII.GetBytes("user:password") where the same code builds a Basic-auth header from the bytes.
                    if (node is LiteralExpressionSyntax pair && conversion.Name.Identifier.ValueText == "GetBytes"
                        && BasicAuthValues.IsPlainBasicPair(pair.Token.ValueText) && BuildsBasicHeader(call))
                    {
                        return CredentialTarget.Direct(CredentialKind.BasicUserPassword);
                    }

                    bytes = true;
                    node = call;
                    continue;

                // foreach (var c in "…") secure.AppendChar(c);
                case ForEachStatementSyntax loop when loop.Expression == node:
                    return AppendsChars(loop.Statement) ? CredentialTarget.Direct(CredentialKind.Password) : CredentialTarget.None;
                case ParenthesizedExpressionSyntax:
                case CastExpressionSyntax:
                case PostfixUnaryExpressionSyntax:
                case ArrayCreationExpressionSyntax:
                case ImplicitArrayCreationExpressionSyntax:
                case CollectionExpressionSyntax:
                    node = parent;
                    continue;
                case ExpressionElementSyntax:
                    node = parent;
                    continue;
                case ConditionalExpressionSyntax conditional when conditional.Condition != node:
                    node = parent;
                    continue;
                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.CoalesceExpression) && binary.Right == node:
                    node = parent;
                    continue;
                case SwitchExpressionArmSyntax arm when arm.Expression == node && arm.Parent is not null:
                    node = arm.Parent;
                    continue;
                case InitializerExpressionSyntax initializer:
                    if (initializer.IsKind(SyntaxKind.ComplexElementInitializerExpression))
                    {
                        return AssignmentTargets.KeyValuePair(initializer.Expressions, node);
                    }

                    if (initializer.IsKind(SyntaxKind.ArrayInitializerExpression) || initializer.IsKind(SyntaxKind.CollectionInitializerExpression))
                    {
                        node = initializer.Parent is ObjectCreationExpressionSyntax or ImplicitObjectCreationExpressionSyntax ? initializer.Parent : initializer;
                        continue;
                    }

                    return CredentialTarget.None;
                case EqualsValueClauseSyntax equals:
                    return KeyBytes(bytes, DeclarationTargets.Initialized(equals));
                // if (apiKey != "…"), provided == "…" for a request header: a shared secret the code checks against.
                case BinaryExpressionSyntax equality when equality.IsKind(SyntaxKind.EqualsExpression) || equality.IsKind(SyntaxKind.NotEqualsExpression):
                    return ComparedTargets.Compared(equality.Left == node ? equality.Right : equality.Left, literal);
                case AssignmentExpressionSyntax assignment when assignment.Right == node:
                    return KeyBytes(bytes, AssignmentTargets.Assigned(assignment));
                case ArrowExpressionClauseSyntax arrow:
                    return KeyBytes(bytes, DeclarationTargets.Arrow(arrow));
                case ReturnStatementSyntax @return:
                    return KeyBytes(bytes, DeclarationTargets.Returned(@return));
                case ArgumentSyntax argument:
                    return ArgumentTargets.Argument(argument, bytes);
                case AttributeArgumentSyntax attributeArgument:
                    return ArgumentTargets.AttributeArgument(attributeArgument);
                default:
                    return CredentialTarget.None;
            }
        }

        return CredentialTarget.None;
    }

    // Bytes of a literal assigned to a key (aes.Key = Convert.FromHexString("…"), var hmacKey = …, byte[] AesKey() => …).
    [MethodImpl(HotPath.Options)]
    private static CredentialTarget KeyBytes(bool bytes, CredentialTarget target)
    {
        if (!bytes || target.Name is null || target.IsConfigurationKey)
        {
            return target;
        }

        var words = ProductionReady.Detection.SecretNames.SplitWords(target.Name);
        return words.Count > 0 && words[words.Count - 1] == "key" ? CredentialTarget.Direct(CredentialKind.EncryptionKey) : target;
    }

    // ToArray/ToCharArray, and hashing extensions of identity servers ("…".Sha256(), "…".ToSha256Base64()): the hash of a
    // hardcoded secret is a hardcoded secret.
    private static bool IsPassThrough(string name)
        => name == "ToArray" || name == "ToCharArray" || name.StartsWith("Sha", System.StringComparison.Ordinal) || name.StartsWith("ToSha", System.StringComparison.Ordinal);

    private static bool IsBytesConversion(string name)
        => name == "GetBytes" || name == "FromBase64String" || name == "FromHexString";

    private static bool AppendsChars(StatementSyntax body)
    {
        foreach (var node in body.DescendantNodesAndSelf())
        {
            if (node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "AppendChar" } })
            {
                return true;
            }
        }

        return false;
    }

    // The same method, lambda or top-level program says "Basic" (new AuthenticationHeaderValue("Basic", …), "Basic " + …).
    private static bool BuildsBasicHeader(SyntaxNode node)
    {
        if (SyntaxPlaces.EnclosingMemberOrFunction(node) is not { } body)
        {
            return false;
        }

        foreach (var token in body.DescendantTokens())
        {
            if ((token.IsKind(SyntaxKind.StringLiteralToken) || token.IsKind(SyntaxKind.InterpolatedStringTextToken))
                && token.ValueText.StartsWith("Basic", System.StringComparison.OrdinalIgnoreCase)
                && (token.ValueText.Length == 5 || token.ValueText[5] == ' '))
            {
                return true;
            }
        }

        return false;
    }
}
