using System.Globalization;

namespace ProductionReady.TestSupport;

/// <summary>
/// Packages packed from this repository into a local folder, the way the tests that build real apps against the
/// packed packages restore them. Compiled into the test projects that pack.
/// </summary>
internal static class LocalFeed
{
    /// <summary>A version of its own, <c>0.1.0-{label}.{UTC time}</c>: the packages folders can never hand back a stale copy.</summary>
    public static string NewVersion(string label) =>
        $"0.1.0-{label}." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);

    /// <summary>The <c>dotnet</c> arguments that pack <paramref name="project"/> (built already) into <paramref name="feed"/>.</summary>
    public static string[] PackArguments(string repository, string project, string configuration, string feed, string version) =>
        ["pack", Path.Combine(repository, project), "--no-build", "--no-restore", "-c", configuration, "-o", feed, "-p:Version=" + version];

    /// <summary>A nuget.config in <paramref name="directory"/>: <paramref name="feed"/> as the source, the user's packages folder as the fallback.</summary>
    public static Task WriteNuGetConfigAsync(string directory, string key, string feed)
    {
        var userPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        return File.WriteAllTextAsync(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="{key}" value="{feed}" />
              </packageSources>
              <fallbackPackageFolders>
                <add key="user" value="{userPackages}" />
              </fallbackPackageFolders>
            </configuration>
            """);
    }
}
