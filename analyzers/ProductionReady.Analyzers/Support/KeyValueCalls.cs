using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ProductionReady.Analyzers;

/// <summary>
/// Calls whose second argument is the value of the key before it (<c>Add("Password", "…")</c>,
/// <c>SetEnvironmentVariable("DB_PASSWORD", "…")</c>, <c>new KeyValuePair&lt;,&gt;("Jwt:Key", "…")</c>), told from calls
/// that only start with a field's name (<c>new ValidationError("signingKeys", "required", "…")</c>): a known key/value
/// sink by its name, any other call by the parameter the value binds to.
/// </summary>
internal static class KeyValueCalls
{
    /// <summary>Methods that store a value under a key: collections, headers, settings, environment variables, parameters.</summary>
    public static readonly string[] SinkMethods =
    {
        "Add", "TryAdd", "AddOrUpdate", "GetOrAdd", "Append", "Put", "AddWithValue", "TryAddWithoutValidation",
        "AddHeader", "UseSetting", "WithEnvironment",
    };

    /// <summary>Types whose constructor (or <c>Create</c>) pairs a key with its value.</summary>
    public static readonly string[] PairTypes = { "KeyValuePair", "DictionaryEntry", "Tuple", "ValueTuple" };

    /// <summary>Last words of a parameter that takes a value (<c>value</c>, <c>data</c>), besides names of credentials.</summary>
    public static readonly string[] ValueWords = { "value", "values", "val", "data", "content", "contents" };

    /// <summary>
    /// True when <paramref name="call"/> stores its second argument under the key of its first by its name alone:
    /// <c>Add</c>, <c>TryAdd</c>, a setter (<c>Set…</c>: <c>SetEnvironmentVariable</c>, <c>SetString</c>), a header's or
    /// a setting's writer, a <c>KeyValuePair</c> or a tuple.
    /// </summary>
    public static bool IsKnownSink(SyntaxNode call)
    {
        switch (call)
        {
            case InvocationExpressionSyntax invocation:
                var method = MethodName(invocation.Expression);
                if (method is null)
                {
                    return false;
                }

                // KeyValuePair.Create("Jwt:Key", "…"), Tuple.Create(…).
                if (method == "Create" && invocation.Expression is MemberAccessExpressionSyntax { Expression: var receiver })
                {
                    return receiver is SimpleNameSyntax type && Array.IndexOf(PairTypes, type.Identifier.ValueText) >= 0;
                }

                return Array.IndexOf(SinkMethods, method) >= 0
                    || (method.StartsWith("Set", StringComparison.Ordinal) && (method.Length == 3 || char.IsUpper(method[3])));
            case ObjectCreationExpressionSyntax creation:
                return SyntaxPlaces.RightmostName(creation.Type) is { } created && Array.IndexOf(PairTypes, created) >= 0;
            default:
                // A target-typed new(…) says its type only to the semantic model.
                return false;
        }
    }

    /// <summary>
    /// True when a parameter named <paramref name="name"/> takes a value (<c>value</c>, <c>data</c>, <c>secret</c>,
    /// <c>password</c>): not a message, code, error, description, reason or format, which describe the key before them.
    /// </summary>
    public static bool IsValueParameter(string name)
    {
        if (CredentialKinds.OfIdentifier(name) is not null)
        {
            return true;
        }

        var words = ProductionReady.Detection.SecretNames.SplitWords(name);
        return words.Count > 0 && Array.IndexOf(ValueWords, words[words.Count - 1]) >= 0;
    }

    private static string? MethodName(ExpressionSyntax expression) => expression switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => null,
    };
}
