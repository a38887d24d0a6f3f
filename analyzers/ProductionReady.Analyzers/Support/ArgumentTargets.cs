using System;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ProductionReady.Detection;

namespace ProductionReady.Analyzers;

/// <summary>
/// Arguments: a named argument names its parameter; a value after a key (<c>Add("Password", "…")</c>) is that key's
/// in a key/value call (<see cref="KeyValueCalls"/>);
/// some created types say the kind by position (a key type from bytes, IdentityServer's <c>Secret</c>, a Basic
/// <c>AuthenticationHeaderValue</c>, AWS credentials); any other positional argument waits for the semantic model.
/// </summary>
internal static class ArgumentTargets
{
    /// <summary>The target of an argument: its parameter's name, a key before it, or a position the created type gives a kind.</summary>
    [MethodImpl(HotPath.Options)]
    public static CredentialTarget Argument(ArgumentSyntax argument, bool bytes)
    {
        if (argument.NameColon is { } nameColon)
        {
            return CredentialTarget.Named(nameColon.Name.Identifier.ValueText);
        }

        if (argument.Parent is TupleExpressionSyntax tuple)
        {
            // var (demoUser, demoPassword) = ("demo@…", "…"): the element lands in the variable at the same place.
            if (tuple.Parent is AssignmentExpressionSyntax { Left: var deconstructed } deconstruction && deconstruction.Right == tuple
                && AssignmentTargets.DeconstructedName(deconstructed, tuple.Arguments.IndexOf(argument)) is { } element)
            {
                return CredentialTarget.Named(element);
            }

            return tuple.Arguments.Count == 2 && tuple.Arguments[1] == argument && SyntaxPlaces.KeyLiteral(tuple.Arguments[0].Expression) is { } tupleKey
                ? CredentialTarget.ConfigurationKey(tupleKey)
                : CredentialTarget.None;
        }

        if (argument.Parent is not ArgumentListSyntax list || list.Parent is null)
        {
            return CredentialTarget.None;
        }

        var index = list.Arguments.IndexOf(argument);

        // Add("Password", "…"), SetEnvironmentVariable("DB_PASSWORD", "…"), new KeyValuePair<,>("Jwt:Key", "…").
        // Not after a command-line option's name: new Option<string>("--encryption-key", "<its description>"). Any other
        // call may only start with a field's name (new ValidationError("signingKeys", "required", "…")): there the
        // parameter the value binds to decides, asked of the semantic model once the value looks like a credential.
        if (index == 1 && SyntaxPlaces.KeyLiteral(list.Arguments[0].Expression) is { } key && key[0] != '-' && CredentialKinds.OfConfigurationKey(key, configurationFile: false) is not null)
        {
            return KeyValueCalls.IsKnownSink(list.Parent) ? CredentialTarget.ConfigurationKey(key) : CredentialTarget.KeyedArgument(key, list.Parent, index);
        }

        if (CreatedTypeName(list.Parent) is { } type)
        {
            // new SymmetricSecurityKey(Encoding.UTF8.GetBytes("…")), new HMACSHA256("…"u8.ToArray()): key material.
            if (bytes && IsKeyType(type))
            {
                return CredentialTarget.Direct(CredentialKind.SigningKey);
            }

            // IdentityServer's new Secret("…".Sha256()), unless its Type says it is a certificate's thumbprint (public).
            if (index == 0 && (type == "Secret" || type == "ClientSecret"))
            {
                return list.Parent is BaseObjectCreationExpressionSyntax { Initializer: { } initializer } && SiblingMembers.NamesPublicValue(initializer)
                    ? CredentialTarget.None
                    : CredentialTarget.Direct(CredentialKind.ClientSecret);
            }

            // new AuthenticationHeaderValue("Basic", "<base64 of user:password>").
            if (index == 1 && type == "AuthenticationHeaderValue" && list.Arguments[0].Expression is LiteralExpressionSyntax scheme
                && string.Equals(scheme.Token.ValueText, "Basic", System.StringComparison.OrdinalIgnoreCase))
            {
                return CredentialTarget.Direct(CredentialKind.BasicCredentials);
            }

            // new BasicAWSCredentials("AKIA…", "…"); with an access key that is not AWS's (LocalStack's "test"), an emulator's.
            if (index == 1 && type.EndsWith("AWSCredentials", System.StringComparison.Ordinal))
            {
                return list.Arguments[0].Expression is LiteralExpressionSyntax accessKey && !IsAwsAccessKeyId(accessKey.Token.ValueText)
                    ? CredentialTarget.None
                    : CredentialTarget.Direct(CredentialKind.AwsSecretAccessKey);
            }
        }

        return CredentialTarget.Positional(list.Parent, index, bytes ? TargetFlags.Bytes : TargetFlags.None);
    }

    /// <summary>The target of an attribute argument: its named property or parameter, or a [DefaultValue] on a property.</summary>
    [MethodImpl(HotPath.Options)]
    public static CredentialTarget AttributeArgument(AttributeArgumentSyntax argument)
    {
        if (argument.NameEquals is { } nameEquals)
        {
            return CredentialTarget.Named(nameEquals.Name.Identifier.ValueText);
        }

        if (argument.NameColon is { } nameColon)
        {
            return CredentialTarget.Named(nameColon.Name.Identifier.ValueText);
        }

        if (argument.Parent is not AttributeArgumentListSyntax { Parent: AttributeSyntax attribute } list)
        {
            return CredentialTarget.None;
        }

        // [DefaultValue("…")] on a Password property: the default is the value.
        var attributeName = SyntaxPlaces.RightmostName(attribute.Name);
        if (list.Arguments.Count == 1 && (attributeName == "DefaultValue" || attributeName == "DefaultValueAttribute"))
        {
            return attribute.Parent?.Parent switch
            {
                PropertyDeclarationSyntax property => CredentialTarget.Named(property.Identifier.ValueText),
                ParameterSyntax parameter => CredentialTarget.Named(parameter.Identifier.ValueText),
                _ => CredentialTarget.None,
            };
        }

        return CredentialTarget.Positional(attribute, list.Arguments.IndexOf(argument));
    }

    /// <summary>True for the key types of System.Security.Cryptography and Microsoft.IdentityModel.Tokens.</summary>
    public static bool IsKeyType(string type)
        => type.EndsWith("SecurityKey", System.StringComparison.Ordinal) || type.StartsWith("HMAC", System.StringComparison.Ordinal);

    /// <summary>An AWS access key id (AKIA…, ASIA…): anything else (LocalStack's "test") is an emulator's.</summary>
    public static bool IsAwsAccessKeyId(string value)
        => value.Length == 20 && (value.StartsWith("AKIA", StringComparison.Ordinal) || value.StartsWith("ASIA", StringComparison.Ordinal));

    // The type of new T(…), or of a target-typed new(…) where the declaration next to it names the type.
    [MethodImpl(HotPath.Options)]
    private static string? CreatedTypeName(SyntaxNode creation)
    {
        if (creation is ObjectCreationExpressionSyntax explicitCreation)
        {
            return SyntaxPlaces.RightmostName(explicitCreation.Type);
        }

        if (creation is not ImplicitObjectCreationExpressionSyntax)
        {
            return null;
        }

        var type = creation.Parent switch
        {
            EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration } } => declaration.Type,
            EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property } => property.Type,
            ArrowExpressionClauseSyntax { Parent: MethodDeclarationSyntax method } => method.ReturnType,
            ArrowExpressionClauseSyntax { Parent: PropertyDeclarationSyntax property } => property.Type,
            ReturnStatementSyntax @return => (SyntaxPlaces.EnclosingMember(@return) as MethodDeclarationSyntax)?.ReturnType,
            _ => null,
        };
        return type is null || type.IsVar ? null : SyntaxPlaces.RightmostName(type is NullableTypeSyntax nullable ? nullable.ElementType : type);
    }
}
