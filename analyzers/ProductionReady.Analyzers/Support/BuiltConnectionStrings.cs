using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ProductionReady.Analyzers;

/// <summary>
/// A connection string the same member builds from nothing with a <c>…ConnectionStringBuilder</c> that is never given a
/// password (Jellyfin's <c>new SqliteConnectionStringBuilder { DataSource = …, Cache = …, Pooling = … }.ToString()</c>):
/// every part of it is in view, and none is a secret. A builder started from another connection string, given a
/// <c>Password</c>/<c>Pwd</c> (or any credential member), indexed, or handed to other code may carry one.
/// </summary>
internal static class BuiltConnectionStrings
{
    /// <summary>
    /// True when <paramref name="local"/> (a connection string, or the builder itself) holds only what a password-less
    /// builder of the same member made: every write of it is <c>builder.ToString()</c> or <c>builder.ConnectionString</c>.
    /// </summary>
    public static bool CarriesNoPassword(ILocalSymbol local)
    {
        if (Declarator(local) is not { } declarator || SyntaxPlaces.EnclosingMemberOrFunction(declarator) is not { } scope)
        {
            return false;
        }

        if (IsPasswordlessBuilder(declarator, scope))
        {
            return true;
        }

        var name = local.Name;
        var written = false;
        foreach (var node in scope.DescendantNodes())
        {
            ExpressionSyntax? value;
            if (node is VariableDeclaratorSyntax other && other.Identifier.ValueText == name)
            {
                if (other.Initializer is null)
                {
                    // string connectionString; and a write below.
                    continue;
                }

                value = other.Initializer.Value;
            }
            else if (node is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == name && IsWritten(identifier, out value))
            {
                // connectionString = …; a write the code does not show (out, ref, +=, a deconstruction) gives value null.
            }
            else
            {
                continue;
            }

            if (value is null || !IsReadFromPasswordlessBuilder(value, scope))
            {
                return false;
            }

            written = true;
        }

        return written;
    }

    /// <summary>True for <c>builder.ConnectionString</c> where <c>builder</c> is a password-less builder of this member.</summary>
    public static bool IsPasswordlessBuilderText(ILocalSymbol builder, string member)
        => member == "ConnectionString" && Declarator(builder) is { } declarator
            && SyntaxPlaces.EnclosingMemberOrFunction(declarator) is { } scope && IsPasswordlessBuilder(declarator, scope);

    private static VariableDeclaratorSyntax? Declarator(ILocalSymbol local)
        => local.DeclaringSyntaxReferences.Length == 1 ? local.DeclaringSyntaxReferences[0].GetSyntax() as VariableDeclaratorSyntax : null;

    // builder.ToString(), builder.ConnectionString.
    private static bool IsReadFromPasswordlessBuilder(ExpressionSyntax value, SyntaxNode scope)
    {
        while (value is ParenthesizedExpressionSyntax parenthesized)
        {
            value = parenthesized.Expression;
        }

        IdentifierNameSyntax? builder = value switch
        {
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ToString", Expression: IdentifierNameSyntax b }, ArgumentList.Arguments.Count: 0 } => b,
            MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConnectionString", Expression: IdentifierNameSyntax b } => b,
            _ => null,
        };
        if (builder is null)
        {
            return false;
        }

        VariableDeclaratorSyntax? declarator = null;
        foreach (var node in scope.DescendantNodes())
        {
            if (node is VariableDeclaratorSyntax candidate && candidate.Identifier.ValueText == builder.Identifier.ValueText)
            {
                if (declarator is not null)
                {
                    // Two builders of that name in the member: which one this is, syntax does not say.
                    return false;
                }

                declarator = candidate;
            }
        }

        return declarator is not null && IsPasswordlessBuilder(declarator, scope);
    }

    // var builder = new XConnectionStringBuilder { DataSource = … } (or XConnectionStringBuilder builder = new() { … }),
    // started from nothing, and every later use a read or a write of a member that is not a credential.
    private static bool IsPasswordlessBuilder(VariableDeclaratorSyntax declarator, SyntaxNode scope)
    {
        var created = declarator.Initializer?.Value;
        TypeSyntax? type = created switch
        {
            ObjectCreationExpressionSyntax explicitCreation => explicitCreation.Type,
            ImplicitObjectCreationExpressionSyntax when declarator.Parent is VariableDeclarationSyntax { Type: { IsVar: false } declared } => declared,
            _ => null,
        };
        if (type is null || SyntaxPlaces.RightmostName(type) is not { } typeName
            || !typeName.EndsWith("ConnectionStringBuilder", StringComparison.Ordinal)
            || created is BaseObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: > 0 })
        {
            return false;
        }

        if (created is BaseObjectCreationExpressionSyntax { Initializer: { } initializer })
        {
            foreach (var expression in initializer.Expressions)
            {
                if (expression is not AssignmentExpressionSyntax { Left: IdentifierNameSyntax member } || MayCarryCredential(member.Identifier.ValueText))
                {
                    return false;
                }
            }
        }

        var name = declarator.Identifier.ValueText;
        foreach (var node in scope.DescendantNodes())
        {
            if (node is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == name && !IsHarmlessUse(identifier))
            {
                return false;
            }
        }

        return true;
    }

    // builder.DataSource = …, builder.ToString(), a read of a member: harmless. builder["Password"] = …, builder.Add(…),
    // builder.ConnectionString = …, Configure(builder), builder = other: the builder may get a password.
    private static bool IsHarmlessUse(IdentifierNameSyntax identifier)
    {
        if (identifier.Parent is not MemberAccessExpressionSyntax access || access.Expression != identifier)
        {
            return false;
        }

        var member = access.Name.Identifier.ValueText;
        if (access.Parent is InvocationExpressionSyntax invocation && invocation.Expression == access)
        {
            return member == "ToString" && invocation.ArgumentList.Arguments.Count == 0;
        }

        if (access.Parent is AssignmentExpressionSyntax assignment && assignment.Left == access)
        {
            return !MayCarryCredential(member);
        }

        // A read; ref or out of a member could write it.
        return access.Parent is not ArgumentSyntax { RefKindKeyword.RawKind: not 0 };
    }

    // Password, Pwd, UserPassword, AccountKey, SharedAccessKey, AccessToken, or the whole text.
    private static bool MayCarryCredential(string member)
        => member == "ConnectionString"
            || member.IndexOf("pass", StringComparison.OrdinalIgnoreCase) >= 0
            || member.IndexOf("pwd", StringComparison.OrdinalIgnoreCase) >= 0
            || CredentialKinds.OfIdentifier(member) is not null
            || CredentialKinds.OfConfigurationKey(member, configurationFile: false) is not null;

    // The value written to the identifier, when it is the target of a plain assignment; true with a null value for any
    // other write (compound assignment, out or ref argument, deconstruction, ++).
    private static bool IsWritten(IdentifierNameSyntax identifier, out ExpressionSyntax? value)
    {
        value = null;
        switch (identifier.Parent)
        {
            case AssignmentExpressionSyntax assignment when assignment.Left == identifier:
                value = assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) ? assignment.Right : null;
                return true;
            case ArgumentSyntax argument when argument.RefKindKeyword.RawKind != 0:
                return true;
            case ArgumentSyntax { Parent: TupleExpressionSyntax { Parent: AssignmentExpressionSyntax deconstruction } tuple } when deconstruction.Left == tuple:
                return true;
            case PrefixUnaryExpressionSyntax or PostfixUnaryExpressionSyntax:
                return true;
            default:
                return false;
        }
    }
}
