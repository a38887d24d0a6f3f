using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using ProductionReady.TestSupport;
using static ProductionReady.Analyzers.Tests.Infrastructure.FakeCredentials;

namespace ProductionReady.Analyzers.Tests;

/// <summary>
/// The package as a user gets it: ProductionReady packed into a local folder, a throwaway web project that
/// references it by PackageReference (a temporary nuget.config adds the folder next to the default sources),
/// built with the real SDK; the build output shows PRD001, PRD002 and PRD003, and none once the code is fixed;
/// PRD003's code fix applied by <c>dotnet format</c> gives an app that starts.
/// </summary>
public sealed class EndToEndTests : IDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(3);

    private readonly string _root = Path.Combine(Path.GetTempPath(), "prd-e2e-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder.
        }
    }

    [Fact]
    public async Task Packed_package_reports_in_the_build_and_is_quiet_once_fixed()
    {
        var (app, packages) = await CreateAppAsync();

        // Before: a password in code, a connection-string password in appsettings.json, no probes.
        await File.WriteAllTextAsync(Path.Combine(app, "Program.cs"), $$"""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            var dbPassword = "{{Password}}";
            app.MapGet("/", () => dbPassword.Length);
            app.Run();
            """);
        await File.WriteAllTextAsync(Path.Combine(app, "appsettings.json"), $$"""
            { "ConnectionStrings": { "Default": "Host=db;Username=app;Password={{OtherPassword}}" } }
            """);
        var before = await BuildAsync(app, packages);
        Assert.True(before.Contains("Program.cs(3,18): warning PRD001", StringComparison.Ordinal), "Build output:\n" + Lines(before, "PRD0"));
        Assert.True(before.Contains("appsettings.json(1,68): warning PRD002", StringComparison.Ordinal), "Build output:\n" + Lines(before, "PRD0"));
        Assert.True(before.Contains("Program.cs(5,1): warning PRD003", StringComparison.Ordinal), "Build output:\n" + Lines(before, "PRD0"));
        Assert.DoesNotContain(Password, Lines(before, "PRD001"));

        // After: the value comes from configuration, the probes are mapped.
        await File.WriteAllTextAsync(Path.Combine(app, "Program.cs"), """
            var builder = WebApplication.CreateBuilder(args);
            builder.AddProductionReady();
            var app = builder.Build();
            var dbPassword = builder.Configuration["Db:Password"] ?? "";
            app.MapGet("/", () => dbPassword.Length);
            app.UseProductionReady();
            app.Run();
            """);
        await File.WriteAllTextAsync(Path.Combine(app, "appsettings.json"), """
            { "ConnectionStrings": { "Default": "Host=db;Username=app" }, "Db": { "Password": "" } }
            """);
        var after = await BuildAsync(app, packages);

        // The analyzers load and run cleanly in the real compiler: no load failure (CS8032), no crash (AD0001).
        Assert.DoesNotContain("CS8032", before + after, StringComparison.Ordinal);
        Assert.DoesNotContain("AD0001", before + after, StringComparison.Ordinal);
        Assert.True(!after.Contains("PRD0", StringComparison.Ordinal), "Build output:\n" + Lines(after, "PRD0"));
    }

    /// <summary>
    /// The dotnet-format code-fix run a user would do: PRD003's fix applied to a fresh app built from the packed
    /// package, then the app started in Production on loopback: it must serve its liveness probe (UseProductionReady
    /// without AddProductionReady throws at startup).
    /// </summary>
    [Fact]
    public async Task Code_fix_applied_by_dotnet_format_gives_an_app_that_starts()
    {
        var (app, packages) = await CreateAppAsync();
        var program = Path.Combine(app, "Program.cs");
        await File.WriteAllTextAsync(program, """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.MapGet("/", () => "hello");
            app.Run();
            """);
        var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = packages };
        var restore = await RunAsync(app, environment, "restore", "-nologo");
        Assert.True(restore.ExitCode == 0, "dotnet restore failed:\n" + restore.Output);
        var format = await RunAsync(app, environment, "format", "analyzers", "--diagnostics", "PRD003", "--severity", "warn", "--no-restore");
        Assert.True(format.ExitCode == 0, "dotnet format failed:\n" + format.Output);

        var fixedProgram = await File.ReadAllTextAsync(program);
        Assert.Contains("builder.AddProductionReady();", fixedProgram, StringComparison.Ordinal);
        Assert.Contains("app.UseProductionReady();", fixedProgram, StringComparison.Ordinal);
        var build = await BuildAsync(app, packages);
        Assert.True(!build.Contains("PRD003", StringComparison.Ordinal), "Build output:\n" + Lines(build, "PRD0"));

        // Start it as production would and ask for its liveness probe.
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var start = DotnetCommand.Start(app, Path.Combine(app, "bin", "Debug", "net10.0", "App.dll"), "--urls", $"http://127.0.0.1:{port}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            HttpStatusCode? status = null;
            while (status is null && !process.HasExited && DateTime.UtcNow < deadline)
            {
                try
                {
                    status = (await http.GetAsync(new Uri($"http://127.0.0.1:{port}/health/live"))).StatusCode;
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(250);
                }
            }

            string log;
            lock (output)
            {
                log = output.ToString();
            }

            Assert.True(status == HttpStatusCode.OK, $"The fixed app did not serve /health/live (status {status?.ToString() ?? "none"}, exited: {process.HasExited}).\nProgram.cs:\n{fixedProgram}\nOutput:\n{log}");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
    }

    /// <summary>
    /// Test-ness as the build decides it, with the package's build files: a product project that references an
    /// assertion library keeps PRD001 for its real password; a test project (Microsoft.NET.Test.Sdk, which sets
    /// IsTestProject) gets PRD009 (raised to a warning here so the build shows it).
    /// </summary>
    [Fact]
    public async Task Test_projects_are_told_apart_as_the_build_does()
    {
        var (app, packages) = await CreateAppAsync();
        var library = Directory.CreateDirectory(Path.Combine(_root, "product")).FullName;
        var tests = Directory.CreateDirectory(Path.Combine(_root, "tests")).FullName;
        var version = Directory.GetFiles(Path.Combine(_root, "feed"), "ProductionReady.Analyzers.*.nupkg").Select(Path.GetFileNameWithoutExtension).Single()!["ProductionReady.Analyzers.".Length..];
        File.Copy(Path.Combine(app, "nuget.config"), Path.Combine(library, "nuget.config"));
        File.Copy(Path.Combine(app, "nuget.config"), Path.Combine(tests, "nuget.config"));
        var source = $$"""
            public static class Seed
            {
                public static string AdminPassword() => "{{Password}}";
            }
            """;
        await File.WriteAllTextAsync(Path.Combine(library, "Seed.cs"), source);
        await File.WriteAllTextAsync(Path.Combine(tests, "Seed.cs"), source);
        await File.WriteAllTextAsync(Path.Combine(library, "Product.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="ProductionReady.Analyzers" Version="{version}" />
                <PackageReference Include="xunit.assert" Version="2.9.3" />
              </ItemGroup>
            </Project>
            """);
        await File.WriteAllTextAsync(Path.Combine(tests, "Product.Tests.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="ProductionReady.Analyzers" Version="{version}" />
                <PackageReference Include="Microsoft.NET.Test.Sdk" Version="18.0.1" />
                <PackageReference Include="xunit" Version="2.9.3" />
              </ItemGroup>
            </Project>
            """);
        await File.WriteAllTextAsync(Path.Combine(tests, ".editorconfig"), "root = true\n[*.cs]\ndotnet_diagnostic.PRD009.severity = warning\n");

        var product = await BuildAsync(library, packages);
        Assert.True(product.Contains("Seed.cs(3,45): warning PRD001", StringComparison.Ordinal), "Build output:\n" + Lines(product, "PRD0"));
        var test = await BuildAsync(tests, packages);
        Assert.True(test.Contains("Seed.cs(3,45): warning PRD009", StringComparison.Ordinal) && !test.Contains("PRD001", StringComparison.Ordinal), "Build output:\n" + Lines(test, "PRD0"));
    }

    /// <summary>
    /// ProductionReady packed into a local folder with a version of its own (the global packages folder can never
    /// hand back a stale copy), and a throwaway web project that references it by PackageReference.
    /// </summary>
    private async Task<(string App, string Packages)> CreateAppAsync()
    {
        var repository = Metadata("RepositoryRoot");
        var configuration = Metadata("Configuration");
        var feed = Directory.CreateDirectory(Path.Combine(_root, "feed")).FullName;
        var app = Directory.CreateDirectory(Path.Combine(_root, "app")).FullName;
        var packages = Directory.CreateDirectory(Path.Combine(_root, "packages")).FullName;
        var version = LocalFeed.NewVersion("e2e");
        foreach (var project in new[] { "src/ProductionReady/ProductionReady.csproj", "analyzers/ProductionReady.Analyzers/ProductionReady.Analyzers.csproj" })
        {
            var pack = await RunAsync(repository, LocalFeed.PackArguments(repository, project, configuration, feed, version));
            Assert.True(pack.ExitCode == 0, "dotnet pack failed:\n" + pack.Output);
        }

        foreach (var package in new[] { "ProductionReady", "ProductionReady.Analyzers" })
        {
            using var zip = ZipFile.OpenRead(Path.Combine(feed, $"{package}.{version}.nupkg"));
            var entries = zip.Entries.Select(e => e.FullName).ToList();
            Assert.Contains("analyzers/dotnet/cs/ProductionReady.Analyzers.dll", entries);
            Assert.Contains("analyzers/dotnet/cs/ProductionReady.CodeFixes.dll", entries);
            Assert.Contains($"buildTransitive/{package}.props", entries);
        }

        await LocalFeed.WriteNuGetConfigAsync(app, "productionready-e2e", feed);
        await File.WriteAllTextAsync(Path.Combine(app, "App.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="ProductionReady" Version="{version}" />
              </ItemGroup>
            </Project>
            """);
        return (app, packages);
    }

    private async Task<string> BuildAsync(string app, string packages)
    {
        var build = await RunAsync(app, new Dictionary<string, string> { ["NUGET_PACKAGES"] = packages }, "build", "-nologo", "-nodeReuse:false", "-p:UseSharedCompilation=false", "-clp:NoSummary");
        Assert.True(build.ExitCode == 0, "dotnet build failed:\n" + build.Output);
        return build.Output;
    }

    private static string Lines(string output, string id)
        => string.Join("\n", output.Split('\n').Where(l => l.Contains(id, StringComparison.Ordinal)));

    private static string Metadata(string key)
        => typeof(EndToEndTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    private static Task<(int ExitCode, string Output)> RunAsync(string workingDirectory, params string[] arguments)
        => DotnetCommand.RunAsync(workingDirectory, new Dictionary<string, string>(), CommandTimeout, arguments);

    private static Task<(int ExitCode, string Output)> RunAsync(string workingDirectory, Dictionary<string, string> environment, params string[] arguments)
        => DotnetCommand.RunAsync(workingDirectory, environment, CommandTimeout, arguments);
}
