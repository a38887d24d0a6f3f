using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ProductionReady.Analyzers;

/// <summary>
/// Where a string literal ends up: the variable, field, property, parameter, configuration key or API
/// argument it is assigned or passed to (found by <see cref="LiteralTargets.Find"/>). A positional argument needs the
/// semantic model to name its parameter, which is only asked for when the value looks like a credential.
/// </summary>
internal readonly struct CredentialTarget
{
    private CredentialTarget(string? name, bool isConfigurationKey, CredentialKind? directKind, SyntaxNode? argumentOwner, int argumentIndex, TargetFlags flags = TargetFlags.None)
    {
        Name = name;
        IsConfigurationKey = isConfigurationKey;
        DirectKind = directKind;
        ArgumentOwner = argumentOwner;
        ArgumentIndex = argumentIndex;
        Flags = flags;
    }

    /// <summary>How the value reaches its target, where that changes the judgement.</summary>
    public TargetFlags Flags { get; }

    /// <summary>The identifier or configuration key; null when unknown yet (positional argument) or none.</summary>
    public string? Name { get; }

    public bool IsConfigurationKey { get; }

    /// <summary>The kind, when the position alone says it (<c>new SymmetricSecurityKey(Encoding.UTF8.GetBytes("…"))</c>).</summary>
    public CredentialKind? DirectKind { get; }

    /// <summary>
    /// The invocation, object creation or attribute whose parameter the literal is passed to positionally; with
    /// <see cref="IsConfigurationKey"/>, the call whose parameter must take the key's value (<see cref="KeyedArgument"/>).
    /// </summary>
    public SyntaxNode? ArgumentOwner { get; }

    public int ArgumentIndex { get; }

    public bool IsNone => Name is null && DirectKind is null && ArgumentOwner is null;

    public static CredentialTarget None => default;

    /// <summary>A variable, field, property or parameter named <paramref name="name"/>; none without a name.</summary>
    internal static CredentialTarget Named(string? name, TargetFlags flags = TargetFlags.None) => name is null ? None : new CredentialTarget(name, false, null, null, -1, flags);

    /// <summary>A configuration key (<c>config["Jwt:Key"] = "…"</c>, <c>("DB_PASSWORD", "…")</c>).</summary>
    internal static CredentialTarget ConfigurationKey(string key) => new CredentialTarget(key, true, null, null, -1);

    /// <summary>
    /// The argument after a key literal in a call that is not a known key/value sink (<c>new("signingKeys", "required", "…")</c>):
    /// the key's value only if the parameter it binds to takes a value (<see cref="KeyValueCalls.IsValueParameter"/>).
    /// </summary>
    internal static CredentialTarget KeyedArgument(string key, SyntaxNode owner, int index) => new CredentialTarget(key, true, null, owner, index);

    /// <summary>A position that alone says the kind (<c>new SymmetricSecurityKey(Encoding.UTF8.GetBytes("…"))</c>).</summary>
    internal static CredentialTarget Direct(CredentialKind kind) => new CredentialTarget(null, false, kind, null, -1);

    /// <summary>A value read from a request (a header, the query string) that the code compares with a literal: an API key.</summary>
    internal static CredentialTarget RequestValue(string? name) => new CredentialTarget(name ?? "request value", false, CredentialKind.ApiKey, null, -1);

    /// <summary>A positional argument of <paramref name="owner"/>, whose parameter the semantic model names when asked.</summary>
    internal static CredentialTarget Positional(SyntaxNode owner, int index, TargetFlags flags = TargetFlags.None) => new CredentialTarget(null, false, null, owner, index, flags);

    /// <summary>True when the argument before this positional one is the same literal (new NetworkCredential("alerts", "alerts")).</summary>
    public bool FollowsEqualArgument(string value)
    {
        var arguments = ArgumentOwner switch
        {
            InvocationExpressionSyntax invocation => invocation.ArgumentList.Arguments,
            BaseObjectCreationExpressionSyntax creation when creation.ArgumentList is not null => creation.ArgumentList.Arguments,
            _ => default,
        };
        return ArgumentIndex > 0 && ArgumentIndex <= arguments.Count
            && arguments[ArgumentIndex - 1].Expression is LiteralExpressionSyntax previous
            && string.Equals(previous.Token.ValueText, value, System.StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The parameter a positional argument binds to, through the semantic model.</summary>
    public string? ResolveParameterName(SemanticModel model, System.Threading.CancellationToken cancellationToken)
        => ResolveParameter(model, cancellationToken)?.Name;

    /// <summary>The parameter a positional argument binds to, through the semantic model.</summary>
    public IParameterSymbol? ResolveParameter(SemanticModel model, System.Threading.CancellationToken cancellationToken)
    {
        if (ArgumentOwner is null || ArgumentIndex < 0)
        {
            return null;
        }

        var info = model.GetSymbolInfo(ArgumentOwner, cancellationToken);
        var method = info.Symbol as IMethodSymbol;
        if (method is null && info.CandidateSymbols.Length == 1)
        {
            method = info.CandidateSymbols[0] as IMethodSymbol;
        }

        if (method is null || method.Parameters.Length == 0)
        {
            return null;
        }

        var parameters = method.Parameters;
        if (ArgumentIndex < parameters.Length)
        {
            return parameters[ArgumentIndex];
        }

        var last = parameters[parameters.Length - 1];
        return last.IsParams ? last : null;
    }
}
