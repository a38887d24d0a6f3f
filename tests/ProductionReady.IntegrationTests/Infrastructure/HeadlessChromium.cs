using Microsoft.Playwright;

namespace ProductionReady.IntegrationTests.Infrastructure;

/// <summary>
/// Debian's Chromium, headless, driven by Playwright: the one place the browser tests launch it. Fails loudly
/// when Chromium is missing (the tests are never skipped).
/// </summary>
internal static class HeadlessChromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    /// <summary>Throws, saying how to install it, when Chromium is missing.</summary>
    public static void EnsureInstalled()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"Chromium is not installed at {ExecutablePath}: run tests/run-all.sh as root (it installs the Debian package chromium) or apt-get install chromium.");
        }
    }

    /// <summary>Launches Chromium with a fresh user-data directory of the caller's (Playwright passes it as --user-data-dir).</summary>
    public static Task<IBrowserContext> LaunchAsync(IPlaywright playwright, string profileDirectory)
    {
        EnsureInstalled();
        return playwright.Chromium.LaunchPersistentContextAsync(profileDirectory, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
    }
}
