using System;
using System.Runtime.CompilerServices;
using ProductionReady.Detection;

namespace ProductionReady.Analyzers;

/// <summary>
/// A credential that a string value itself reveals, wherever it sits: a well-known token format, a Basic Authorization
/// header value, the password of a connection string or of a URI with user info, a key in a URL's query string, a Redis
/// or Azure option. Emulators' published keys, placeholders, documented examples and sample configuration are not.
/// </summary>
internal static class CredentialsInText
{
    /// <summary>The first credential the value itself reveals, or null.</summary>
    [MethodImpl(HotPath.Options)]
    public static FoundCredential? Find(string text)
    {
        if (text.Length < 6)
        {
            return null;
        }

        var token = TokenFormats.FindLiveCredential(text);
        if (token is { } t && !IsDocumentedExample(text.Substring(t.Start, t.Length)))
        {
            return new FoundCredential(CredentialKind.TokenFormat, t.Start, t.Length, formatName: t.Kind, isJwt: t.IsJsonWebToken);
        }

        // "Basic <base64 of user:password>", an Authorization header value.
        if (text.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase) && BasicAuthValues.IsBasicCredentials(text.Substring(6)))
        {
            return new FoundCredential(CredentialKind.BasicCredentials, 6, text.Length - 6);
        }

        // Commented-out lines of sample configuration are skipped: the password of a later, live line still counts.
        var offset = 0;
        var password = CredentialLocator.FindPassword(text);
        while (password is { } commented && NotACredential.IsOnCommentedOutLine(text, offset + commented.Start))
        {
            var lineEnd = text.IndexOf('\n', offset + commented.Start);
            if (lineEnd < 0)
            {
                password = null;
                break;
            }

            offset = lineEnd + 1;
            password = CredentialLocator.FindPassword(text.Substring(offset));
        }

        if (password is { } p)
        {
            var value = text.Substring(offset + p.Start, p.Length);
            if (IsRealLookingPassword(value, p.UserName) && !LocalDevelopmentTools.IsLocalToolCredential(text, value, p.UserName) && !IsEmulator(text)
                && !NotACredential.IsExampleInProse(text))
            {
                var start = offset + p.Start;
                var inUri = text.LastIndexOf("://", start, StringComparison.Ordinal) >= 0 && text.IndexOf('@', start) > start;
                return new FoundCredential(inUri ? CredentialKind.PasswordInUri : CredentialKind.ConnectionStringPassword, start, p.Length);
            }
        }

        if (text.IndexOf('=') < 0)
        {
            return null;
        }

        if (IsEmulator(text))
        {
            return null;
        }

        var found = QueryStringCredentials.Find(text) ?? FindOption(text);
        return found is { } f && (NotACredential.IsOnCommentedOutLine(text, f.Start) || NotACredential.IsExampleInProse(text)) ? null : found;
    }

    // StackExchange.Redis configuration strings separate options with commas ("redis:6380,password=…,ssl=true");
    // Azure Storage and Service Bus connection strings carry keys, not passwords ("…;AccountKey=…", "…;SharedAccessKey=…").
    // Tried in this order; the first key found with a real-looking value is the credential.
    private static readonly (string Key, char Separator, CredentialKind Kind)[] Options =
    {
        ("password=", ',', CredentialKind.RedisPassword),
        ("AccountKey=", ';', CredentialKind.AzureStorageAccountKey),
        ("SharedAccessKey=", ';', CredentialKind.AzureSharedAccessKey),
    };

    [MethodImpl(HotPath.Options)]
    private static FoundCredential? FindOption(string text)
    {
        foreach (var (key, separator, kind) in Options)
        {
            if (FindOption(text, key, separator, kind) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    [MethodImpl(HotPath.Options)]
    private static FoundCredential? FindOption(string text, string key, char separator, CredentialKind kind)
    {
        var index = text.IndexOf(key, StringComparison.OrdinalIgnoreCase);
        if (index < 0 || (index > 0 && text[index - 1] != separator))
        {
            return null;
        }

        var start = index + key.Length;
        var end = text.IndexOf(separator, start);
        var length = (end < 0 ? text.Length : end) - start;
        return length > 0 && IsRealLookingPassword(text.Substring(start, length), null)
            ? new FoundCredential(kind, start, length)
            : null;
    }

    // Azurite (devstoreaccount1, UseDevelopmentStorage) and the Cosmos DB emulator (localhost:8081) publish their keys.
    private static readonly string[] EmulatorMarkers =
    {
        "AccountName=devstoreaccount1",
        "UseDevelopmentStorage=true",
        "AccountEndpoint=https://localhost:8081",
    };

    /// <summary>A connection string or key of a local emulator, whose keys are published.</summary>
    [MethodImpl(HotPath.Options)]
    internal static bool IsEmulator(string text)
    {
        if (TokenFormats.IsPublishedEmulatorKey(text))
        {
            return true;
        }

        foreach (var marker in EmulatorMarkers)
        {
            if (text.IndexOf(marker, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    // Weak and default passwords (sa/sa, postgres/postgres) are hardcoded credentials; placeholders and holes are not.
    internal static bool IsRealLookingPassword(string value, string? userName)
    {
        _ = userName;
        if (value.Length == 0 || value.IndexOf(InterpolatedText.Hole) >= 0 || value.IndexOf('{') >= 0 || value.StartsWith("$(", StringComparison.Ordinal))
        {
            return false;
        }

        return !WeakSecrets.IsPlaceholder(value) && value.IndexOf("EXAMPLE", StringComparison.Ordinal) < 0 && !TokenFormats.IsPublishedEmulatorKey(value);
    }

    // AWS documents its examples with this suffix (AKIAIOSFODNN7EXAMPLE); scanners agree to skip it.
    private static bool IsDocumentedExample(string token)
        => token.IndexOf("EXAMPLE", StringComparison.Ordinal) >= 0 || (token.Length >= 16 && WeakSecrets.IsLowEntropy(token.Substring(4)));
}
