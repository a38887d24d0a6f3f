using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;

namespace ProductionReady.Detection;

/// <summary>Why a secret value is weak. Never carries the value itself.</summary>
internal enum Weakness
{
    None = 0,

    /// <summary>A known default or weak value (changeme, postgres, admin123, Password1!).</summary>
    KnownWeakValue,

    /// <summary>A placeholder someone forgot to replace (&lt;password&gt;, ${DB_PASS}, REPLACE_ME).</summary>
    Placeholder,

    /// <summary>Too little variety to be a secret: one repeated character, a keyboard walk, a sequence.</summary>
    LowEntropy,

    /// <summary>The password equals the user name next to it.</summary>
    EqualsUserName,
}

/// <summary>
/// Known weak, default and placeholder values, and low-entropy strings. Comparisons are
/// case-insensitive and see through trivial variants (separators, leet digits, trailing digits and
/// symbols, a "my" prefix).
/// </summary>
/// <remarks>Shared source: compiled into the runtime library and into the analyzers (netstandard2.0).</remarks>
internal static class WeakSecrets
{
    private static readonly HashSet<string> KnownWeak = new HashSet<string>(StringComparer.Ordinal)
    {
        "changeme", "changeit", "changethis", "password", "passwd", "pass", "pwd", "postgres", "postgresql",
        "admin", "administrator", "root", "toor", "secret", "supersecret", "topsecret", "test", "testing",
        "default", "qwerty", "qwertz", "azerty", "letmein", "welcome", "guest", "master", "demo", "example",
        "sample", "dev", "development", "user", "temp", "login", "sa", "mysql", "oracle", "redis", "rabbitmq",
        "mongo", "mongodb", "jwtsecret", "jwtkey", "secretkey", "apikey", "token", "key", "abc", "iloveyou",
        "monkey", "dragon", "football", "baseball", "sunshine", "princess", "trustno", "access", "shadow",
        "local", "localhost", "database", "db", "insecure", "notsecure", "hunter", "foobar", "foo", "bar", "client",
    };

    // Matched against each word of the value, and against the whole value with separators removed.
    private static readonly HashSet<string> PlaceholderWords = new HashSet<string>(StringComparer.Ordinal)
    {
        "todo", "fixme", "tbd", "replaceme", "placeholder", "dummy", "notset", "insertkeyhere", "yourkeyhere",
        "secretgoeshere", "keygoeshere", "redacted",
    };

    private static readonly string[] KeyboardRows =
    {
        "1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm", "qwertzuiop", "yxcvbnm", "azertyuiop", "qsdfghjklm", "wxcvbn",
        "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p", "qazwsxedcrfvtgbyhnujmikolp", "abcdefghijklmnopqrstuvwxyz",
    };

    /// <summary>
    /// Classifies <paramref name="value"/>; <paramref name="userName"/> is the user name next to it,
    /// when known. Empty values are not judged here (a missing secret is a separate rule).
    /// </summary>
    public static Weakness Classify(string? value, string? userName = null)
    {
        if (string.IsNullOrEmpty(value))
        {
            return Weakness.None;
        }

        if (IsPlaceholder(value!))
        {
            return Weakness.Placeholder;
        }

        if (IsKnownWeak(value!))
        {
            return Weakness.KnownWeakValue;
        }

        if (!string.IsNullOrEmpty(userName) && string.Equals(value, userName, StringComparison.OrdinalIgnoreCase))
        {
            return Weakness.EqualsUserName;
        }

        return IsLowEntropy(value!) ? Weakness.LowEntropy : Weakness.None;
    }

    /// <summary>
    /// True for <c>&lt;...&gt;</c>, <c>${...}</c>, <c>{{...}}</c>, <c>__X__</c>, <c>TODO</c>, <c>xxx</c>,
    /// <c>your-...-here</c>, <c>REPLACE_ME</c> and the like.
    /// </summary>
    public static bool IsPlaceholder(string value)
    {
        var v = value.Trim();
        if (v.Length == 0)
        {
            return false;
        }

        if ((v[0] == '<' && v[v.Length - 1] == '>')
            || (v.StartsWith("${", StringComparison.Ordinal) && v.EndsWith("}", StringComparison.Ordinal))
            || (v.StartsWith("{{", StringComparison.Ordinal) && v.EndsWith("}}", StringComparison.Ordinal))
            || (v.StartsWith("#{", StringComparison.Ordinal) && v.EndsWith("}", StringComparison.Ordinal))
            || (v.StartsWith("%", StringComparison.Ordinal) && v.EndsWith("%", StringComparison.Ordinal) && v.Length > 2)
            || (v.Length > 4 && v.StartsWith("__", StringComparison.Ordinal) && v.EndsWith("__", StringComparison.Ordinal))
            || (v.StartsWith("[", StringComparison.Ordinal) && v.EndsWith("]", StringComparison.Ordinal)))
        {
            return true;
        }

        var lower = v.ToLowerInvariant();
        if (lower.StartsWith("your", StringComparison.Ordinal) && (lower.EndsWith("here", StringComparison.Ordinal) || lower.Length <= 30))
        {
            // your-api-key-here, YOUR_SECRET_HERE, yourpassword
            return true;
        }

        if (lower.StartsWith("insert", StringComparison.Ordinal) || lower.StartsWith("enter", StringComparison.Ordinal)
            || lower.StartsWith("put-", StringComparison.Ordinal) || lower.StartsWith("put_", StringComparison.Ordinal))
        {
            return lower.EndsWith("here", StringComparison.Ordinal);
        }

        // A placeholder word inside a longer value ("TODO: set in vault", "dummy-secret") counts only
        // when the value reads like words: letters and plain separators, no digits or other symbols.
        // Otherwise a random password such as "gcv9ndiP1-TbD!W+@i" would hold "tbd" by chance.
        var wordy = IsWordy(lower);
        var whole = new StringBuilder(lower.Length);
        var word = new StringBuilder();
        foreach (var c in lower)
        {
            if (char.IsLetterOrDigit(c))
            {
                whole.Append(c);
                word.Append(c);
            }
            else if (word.Length > 0)
            {
                if (wordy && PlaceholderWords.Contains(word.ToString()))
                {
                    return true;
                }

                word.Clear();
            }
        }

        if ((wordy && PlaceholderWords.Contains(word.ToString())) || PlaceholderWords.Contains(whole.ToString()))
        {
            return true;
        }

        // xxx, XXXX-XXXX, ****, ...
        var masked = 0;
        foreach (var c in lower)
        {
            if (c == 'x' || c == '*' || c == '.' || c == '-' || c == '_' || c == '#')
            {
                masked++;
            }
        }

        return masked == lower.Length && lower.Length >= 3;
    }

    /// <summary>
    /// True for known weak and default values and their trivial variants:
    /// <c>admin123</c>, <c>admin12345678</c>, <c>Password1!</c>, <c>P@ssw0rd</c>, <c>CHANGE_ME</c>, <c>mypassword</c>.
    /// </summary>
    [MethodImpl(HotPath.Options)]
    public static bool IsKnownWeak(string value)
    {
        var normalized = Normalize(value);
        if (normalized.Length == 0)
        {
            // Only digits and symbols, e.g. 123456 or 12345678.
            return IsLowEntropy(value) || IsAllDigits(value);
        }

        if (KnownWeak.Contains(normalized))
        {
            return true;
        }

        // A "my" prefix owns the value without changing it: mypassword, MySecretToken (aria2's RPC secret default).
        return IsWeakWords(normalized) || (normalized.StartsWith("my", StringComparison.Ordinal) && IsWeakWords(normalized.Substring(2)));
    }

    /// <summary>True for a weak word or two glued together (admin, adminadmin, rootpassword, secrettoken).</summary>
    [MethodImpl(HotPath.Options)]
    private static bool IsWeakWords(string normalized)
    {
        if (KnownWeak.Contains(normalized))
        {
            return true;
        }

        // Only the known words the value starts with are tried as its first half (no substring per split point).
        if (normalized.Length < 4 || !KnownWeakByFirstLetter.TryGetValue(normalized[0], out var candidates))
        {
            return false;
        }

        foreach (var first in candidates)
        {
            if (first.Length >= 2 && normalized.Length - first.Length >= 2 && normalized.StartsWith(first, StringComparison.Ordinal)
                && KnownWeak.Contains(normalized.Substring(first.Length)))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly Dictionary<char, List<string>> KnownWeakByFirstLetter = GroupByFirstLetter(KnownWeak);

    private static Dictionary<char, List<string>> GroupByFirstLetter(IEnumerable<string> words)
    {
        var groups = new Dictionary<char, List<string>>();
        foreach (var word in words)
        {
            if (!groups.TryGetValue(word[0], out var group))
            {
                groups[word[0]] = group = new List<string>();
            }

            group.Add(word);
        }

        return groups;
    }

    /// <summary>
    /// True for one repeated character, a very short alphabet, a repeated short unit, a keyboard walk
    /// or an alphabetic/numeric sequence.
    /// </summary>
    public static bool IsLowEntropy(string value)
    {
        if (value.Length == 0)
        {
            return false;
        }

        var distinct = new HashSet<char>();
        foreach (var c in value)
        {
            distinct.Add(char.ToLowerInvariant(c));
        }

        if (distinct.Count <= 3 || (value.Length >= 16 && distinct.Count <= 5))
        {
            return true;
        }

        if (IsRepeatedUnit(value))
        {
            return true;
        }

        var lower = value.ToLowerInvariant();
        return IsWalk(lower) || IsSequence(lower);
    }

    // Lower-case, separators dropped, leet digits mapped, trailing digits and symbols dropped.
    [MethodImpl(HotPath.Options)]
    private static string Normalize(string value)
    {
        // One buffer, no intermediate strings: this runs for most string arguments the analyzers look at.
        var trimmed = value.Trim();

        // Drop trailing digits and symbols (the leet mapping below only matters inside the word).
        var end = trimmed.Length;
        while (end > 0 && !char.IsLetter(trimmed[end - 1]))
        {
            end--;
        }

        var letters = new char[end];
        var count = 0;
        for (var i = 0; i < end; i++)
        {
            var c = char.ToLowerInvariant(trimmed[i]);
            switch (c)
            {
                case '@': c = 'a'; break;
                case '$': c = 's'; break;
                case '0': c = 'o'; break;
                case '3': c = 'e'; break;
                case '4': c = 'a'; break;
                case '5': c = 's'; break;
                case '7': c = 't'; break;
                case '1': case '!': case '|': c = 'i'; break;
            }

            if (char.IsLetter(c))
            {
                letters[count++] = c;
            }
        }

        return new string(letters, 0, count);
    }

    private static bool IsWordy(string lower)
    {
        foreach (var c in lower)
        {
            if (!char.IsLetter(c) && c != ' ' && c != '-' && c != '_' && c != '.' && c != ':' && c != '!' && c != '?')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAllDigits(string value)
    {
        foreach (var c in value)
        {
            if (!char.IsDigit(c))
            {
                return false;
            }
        }

        return value.Length > 0;
    }

    private static bool IsRepeatedUnit(string value)
    {
        for (var unit = 1; unit <= value.Length / 2 && unit <= 4; unit++)
        {
            if (value.Length % unit != 0)
            {
                continue;
            }

            var repeated = true;
            for (var i = unit; i < value.Length && repeated; i++)
            {
                repeated = char.ToLowerInvariant(value[i]) == char.ToLowerInvariant(value[i - unit]);
            }

            if (repeated)
            {
                return true;
            }
        }

        return false;
    }

    // The whole value lies along one keyboard row or alphabet, forwards or backwards.
    private static bool IsWalk(string lower)
    {
        if (lower.Length < 4)
        {
            return false;
        }

        foreach (var row in KeyboardRows)
        {
            if (row.IndexOf(lower, StringComparison.Ordinal) >= 0 || Reverse(row).IndexOf(lower, StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSequence(string lower)
    {
        if (lower.Length < 4)
        {
            return false;
        }

        var step = lower[1] - lower[0];
        if (step != 1 && step != -1)
        {
            return false;
        }

        for (var i = 2; i < lower.Length; i++)
        {
            if (lower[i] - lower[i - 1] != step)
            {
                return false;
            }
        }

        return true;
    }

    private static string Reverse(string s)
    {
        var chars = s.ToCharArray();
        Array.Reverse(chars);
        return new string(chars);
    }
}
