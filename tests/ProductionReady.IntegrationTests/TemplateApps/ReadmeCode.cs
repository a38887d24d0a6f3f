namespace ProductionReady.IntegrationTests.TemplateApps;

/// <summary>
/// The code of a README recipe as the README prints it: the fenced blocks under a heading, read at test time,
/// so what the packed apps run is the recipe a user copies, not a copy of it that could drift.
/// </summary>
internal static class ReadmeCode
{
    /// <summary>The <paramref name="index"/>-th <c>```<paramref name="language"/></c> block under the heading that starts with <paramref name="heading"/>.</summary>
    public static string Block(string heading, string language, int index = 0)
    {
        var readme = File.ReadAllLines(Path.Combine(Infrastructure.TestPaths.RepositoryRoot, "README.md"));
        var start = Array.FindIndex(readme, l => l.StartsWith(heading, StringComparison.Ordinal));
        if (start < 0)
        {
            throw new InvalidOperationException($"README.md has no heading '{heading}': the recipe moved; update the test.");
        }

        // Up to the next heading outside a code block (a shell comment is not a heading).
        var found = 0;
        for (var i = start + 1; i < readme.Length && !readme[i].StartsWith('#'); i++)
        {
            if (!readme[i].StartsWith("```", StringComparison.Ordinal))
            {
                continue;
            }

            var close = Array.FindIndex(readme, i + 1, l => l == "```");
            if (readme[i] == "```" + language && found++ == index)
            {
                return string.Join('\n', readme[(i + 1)..close]) + "\n";
            }

            i = close;
        }

        throw new InvalidOperationException($"README.md has no {language} block #{index} under '{heading}'.");
    }
}
