using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ProductionReady.Analyzers;

/// <summary>
/// Credentials that only open a local development tool: a dev mail catcher (Mailpit, MailHog, smtp4dev…) accepts any
/// user and password, and RabbitMQ's built-in <c>guest</c> user is refused from anywhere but localhost. Where the code
/// binds them to localhost they are that tool's defaults, not secrets; the same values for a remote host stay findings.
/// </summary>
internal static class LocalDevelopmentTools
{
    /// <summary>Names of development mail catchers, found in a host, a user name or a URI next to the credential.</summary>
    public static readonly string[] MailCatchers = { "mailpit", "mailhog", "smtp4dev", "papercut", "maildev", "mailcatcher", "mailcrab" };

    /// <summary>The SMTP port those mail catchers listen on by default.</summary>
    public const int MailCatcherSmtpPort = 1025;

    /// <summary>Built-in users a broker accepts from localhost only, as user/password pairs.</summary>
    public static readonly string[] LocalOnlyDefaults = { "guest" };

    /// <summary>Host names of this machine.</summary>
    public static readonly string[] LocalHosts = { "localhost", "127.0.0.1", "[::1]", "::1", "host.docker.internal" };

    /// <summary>True when <paramref name="text"/> (a URI or connection string) holds a local development tool's credential.</summary>
    public static bool IsLocalToolCredential(string text, string password, string? userName)
    {
        if (!MentionsLocalHost(text))
        {
            return false;
        }

        return (IsLocalOnlyDefault(password) && (userName is null || IsLocalOnlyDefault(userName)))
            || MentionsAny(text, MailCatchers)
            || (text.StartsWith("smtp", StringComparison.OrdinalIgnoreCase) && text.IndexOf(":" + MailCatcherSmtpPort, StringComparison.Ordinal) >= 0);
    }

    /// <summary>
    /// True when the literal <paramref name="value"/> is given to a credential position in code that binds it to a local
    /// development tool: the enclosing member names localhost and either the value is a local-only default (<c>guest</c>)
    /// or the member names a mail catcher or its SMTP port.
    /// </summary>
    public static bool IsLocalToolCredential(SyntaxNode literal, string value)
    {
        var scope = EnclosingScope(literal);
        if (scope is null)
        {
            return false;
        }

        bool local = false, mailCatcher = false;
        foreach (var token in scope.DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.StringLiteralToken))
            {
                var text = token.ValueText;
                local |= IsLocalHostValue(text);
                mailCatcher |= MentionsAny(text, MailCatchers);
            }
            else if (token.IsKind(SyntaxKind.NumericLiteralToken) && token.Value is int port && port == MailCatcherSmtpPort)
            {
                mailCatcher = true;
            }
        }

        return local && (mailCatcher || IsLocalOnlyDefault(value));
    }

    private static bool IsLocalOnlyDefault(string value)
    {
        foreach (var candidate in LocalOnlyDefaults)
        {
            if (string.Equals(value, candidate, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // "localhost", "localhost:5672", "amqp://localhost", "Host=127.0.0.1;…"
    private static bool IsLocalHostValue(string text)
    {
        foreach (var host in LocalHosts)
        {
            var at = text.IndexOf(host, StringComparison.OrdinalIgnoreCase);
            if (at >= 0 && (at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (at + host.Length == text.Length || !char.IsLetterOrDigit(text[at + host.Length])))
            {
                return true;
            }
        }

        return false;
    }

    private static bool MentionsLocalHost(string text) => IsLocalHostValue(text);

    private static bool MentionsAny(string text, string[] words)
    {
        foreach (var word in words)
        {
            if (text.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    // The method, accessor, lambda's member or top-level program the credential is written in.
    private static SyntaxNode? EnclosingScope(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case GlobalStatementSyntax global:
                    return global.Parent;
                case MemberDeclarationSyntax:
                case LocalFunctionStatementSyntax:
                    return current;
            }
        }

        return null;
    }
}
