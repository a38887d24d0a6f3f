using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ProductionReady.Detection;

namespace ProductionReady.Analyzers;

/// <summary>
/// PRD001's decision about one string literal or interpolated string: a live token format or a connection-string
/// password anywhere, a JSON document with a secret member, or a real-looking value reaching a credential position.
/// Separate from the analyzer so that the benchmark can run the same path over a real code base's literals.
/// </summary>
internal static class LiteralCredentialJudge
{
    /// <summary>Judges a regular, verbatim, raw or UTF-8 string literal.</summary>
    [MethodImpl(HotPath.Options)]
    public static LiteralCredential? JudgeLiteral(LiteralExpressionSyntax literal, SemanticModel? model, CancellationToken cancellationToken)
    {
        var text = literal.Token.ValueText;
        if (!SecretShape.IsLongEnoughToJudge(text))
        {
            return null;
        }

        // "{\"private_key\": \"-----BEGIN PRIVATE KEY-----\n" + "MIIE…" + …: a key assembled from literals is judged whole,
        // from its first piece (each piece alone is a header or a body, neither of which is a key).
        if (literal.Parent is BinaryExpressionSyntax && text.IndexOf("-----BEGIN", System.StringComparison.Ordinal) >= 0
            && ConcatenatedLiterals.Join(literal) is { } whole
            // JSON inside the literals escapes the PEM's line breaks ("\\n"): unescaped, the key reads as the PEM it is.
            && CredentialsInText.Find(whole.Text.Replace("\\r", "\r").Replace("\\n", "\n")) is { IsLiveFormat: true } assembled)
        {
            return new LiteralCredential(assembled.Text, string.Empty, liveInTests: true, at: whole.Expression);
        }

        return Judge(literal, text, text, model, cancellationToken);
    }

    /// <summary>Judges an interpolated string; its holes stand for values read from somewhere else.</summary>
    [MethodImpl(HotPath.Options)]
    public static LiteralCredential? JudgeInterpolated(InterpolatedStringExpressionSyntax interpolated, SemanticModel? model, CancellationToken cancellationToken)
    {
        if (interpolated.Contents.Count == 0)
        {
            return null;
        }

        // Holes stand in as a marker character: a password that is a hole is read from somewhere else.
        var text = new StringBuilder();
        var longestLiteralPart = string.Empty;
        foreach (var content in interpolated.Contents)
        {
            if (content is InterpolatedStringTextSyntax part)
            {
                var value = part.TextToken.ValueText;
                text.Append(value);
                if (value.Length > longestLiteralPart.Length)
                {
                    longestLiteralPart = value;
                }
            }
            else
            {
                text.Append(InterpolatedText.Hole);
            }
        }

        if (longestLiteralPart.Length < 5 && text.Length < 6)
        {
            return null;
        }

        return Judge(interpolated, text.ToString(), longestLiteralPart, model, cancellationToken);
    }

    [MethodImpl(HotPath.Options)]
    private static LiteralCredential? Judge(ExpressionSyntax expression, string text, string positionalValue, SemanticModel? model, CancellationToken cancellationToken)
    {
        if (CredentialsInText.Find(text) is { } found)
        {
            return new LiteralCredential(found.Text, string.Empty, liveInTests: found.IsLiveFormat && !found.IsJwt);
        }

        // A JSON document in a (raw) string literal: {"user": "…", "password": "…"}.
        if (JsonCredentials.Find(text) is { } inJson)
        {
            return new LiteralCredential(inJson.Kind.Text(), " in '" + inJson.Key + "'");
        }

        if (positionalValue.Length < 4)
        {
            return null;
        }

        var target = LiteralTargets.Find(expression);
        if (target.IsNone)
        {
            return null;
        }

        CredentialKind? kind;
        string? name = target.Name;
        if (target.DirectKind is { } direct)
        {
            kind = direct;
        }
        else if (target.ArgumentOwner is not null && !target.IsConfigurationKey)
        {
            // Ask the semantic model only for values that already look like a credential (most positional
            // string arguments are messages with spaces, which end here without binding anything).
            // Weak words ("admin") only where a password goes after another argument (a user, a path): NetworkCredential,
            // UserManager.CreateAsync, X509Certificate2; a first argument "admin" is a user name or a path segment.
            var bytes = (target.Flags & TargetFlags.Bytes) != 0;
            // A password equal to the user name before it (new NetworkCredential("alerts", "alerts")) is a weak one.
            // Not for an interpolated string with holes: a positional value built at run time is not hardcoded, and its
            // literal parts ("].[Event_ReadPageByUserId]" of a stored procedure's name) were most of the questions asked
            // on bitwarden/server. Connection strings and tokens inside it were judged above, from the whole text.
            if (expression is InterpolatedStringExpressionSyntax
                || !(SecretShape.IsSecretShaped(positionalValue, weakWordsCount: target.ArgumentIndex > 0) || target.FollowsEqualArgument(positionalValue))
                || !CredentialValues.IsCredentialLike(positionalValue, CredentialKind.Password, direct: bytes))
            {
                return null;
            }

            if (model is null)
            {
                // Without a semantic model (the benchmark of the syntax path) the question is not asked.
                return null;
            }

            var parameter = target.ResolveParameter(model, cancellationToken);
            if ((target.Flags & TargetFlags.Bytes) != 0 && parameter?.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor
                && ArgumentTargets.IsKeyType(constructor.ContainingType.Name))
            {
                // new(...) of a SymmetricSecurityKey or an HMAC from the bytes of a literal: key material.
                return CredentialValues.IsCredentialLike(positionalValue, CredentialKind.SigningKey, direct: true)
                    ? new LiteralCredential(CredentialKind.SigningKey.Text(), string.Empty)
                    : null;
            }

            // A library the compilation does not reference (or a dynamic receiver): the well-known credential APIs by name.
            name = parameter?.Name ?? CredentialApis.ParameterName(target.ArgumentOwner, target.ArgumentIndex);
            kind = CredentialKinds.OfIdentifier(name);
        }
        else
        {
            kind = target.IsConfigurationKey
                ? CredentialKinds.OfConfigurationKey(name, configurationFile: false)
                : CredentialKinds.OfIdentifier(name);
        }

        if (kind is not { } judged
            || ((target.Flags & TargetFlags.CollectionName) != 0 && !SecretShape.IsSecretShaped(positionalValue))
            || !CredentialValues.IsCredentialLike(positionalValue, judged, name, direct: target.DirectKind is not null, nameConstant: (target.Flags & TargetFlags.NameConstant) != 0))
        {
            return null;
        }

        // RabbitMQ's guest or a dev mail catcher's login where the same code points at localhost: a local tool's default.
        if (LocalDevelopmentTools.IsLocalToolCredential(expression, positionalValue))
        {
            return null;
        }

        // After a key in a call that is not a known key/value sink, last (the value already looks like the key's
        // credential): the value is the key's only where its parameter takes a value, not a code or a message
        // (new ValidationError("signingKeys", "required", "…")). A call the model cannot bind keeps the key's reading.
        if (target.IsConfigurationKey && target.ArgumentOwner is not null
            && (model is null || target.ResolveParameterName(model, cancellationToken) is { } valueParameter && !KeyValueCalls.IsValueParameter(valueParameter)))
        {
            return null;
        }

        return new LiteralCredential(judged.Text(), name is null ? string.Empty : " in '" + name + "'");
    }
}

/// <summary>A credential PRD001 found: its kind, where it goes (" in 'Password'") and whether it stays a warning in tests.</summary>
internal readonly struct LiteralCredential(string kindText, string where, bool liveInTests = false, SyntaxNode? at = null)
{
    /// <summary>Where to report, when not the literal itself (a key assembled from several literals).</summary>
    public SyntaxNode? At { get; } = at;

    /// <summary>The kind as the message names it (<see cref="CredentialKindText"/>, or a token format's name).</summary>
    public string KindText { get; } = kindText;

    public string Where { get; } = where;

    /// <summary>A live token format: a finding in test projects too (PRD001, not PRD009).</summary>
    public bool LiveInTests { get; } = liveInTests;
}
