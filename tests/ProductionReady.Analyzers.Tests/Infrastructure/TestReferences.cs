using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace ProductionReady.Analyzers.Tests.Infrastructure;

/// <summary>
/// What a project under test compiles against, as <c>dotnet build</c> of a web project would: the SDK's
/// reference packs (Microsoft.NETCore.App.Ref, Microsoft.AspNetCore.App.Ref), Npgsql, and the real
/// ProductionReady.dll built from src/ProductionReady (so <c>AddProductionReady</c>, <c>UseProductionReady</c>
/// and <c>[Secret]</c> have their shipped signatures). The reference packs come from the installed SDK: no
/// package download, the machine may be offline.
/// </summary>
public static class TestReferences
{
    /// <summary>The implicit usings of a web project (Microsoft.NET.Sdk.Web with ImplicitUsings enabled).</summary>
    public const string WebGlobalUsings = """
        global using global::System;
        global using global::System.Collections.Generic;
        global using global::System.IO;
        global using global::System.Linq;
        global using global::System.Net.Http;
        global using global::System.Threading;
        global using global::System.Threading.Tasks;
        global using global::Microsoft.AspNetCore.Builder;
        global using global::Microsoft.AspNetCore.Hosting;
        global using global::Microsoft.AspNetCore.Http;
        global using global::Microsoft.AspNetCore.Routing;
        global using global::Microsoft.Extensions.Configuration;
        global using global::Microsoft.Extensions.DependencyInjection;
        global using global::Microsoft.Extensions.Hosting;
        global using global::Microsoft.Extensions.Logging;
        """;

    private static readonly Lazy<ImmutableArray<MetadataReference>> Framework = new(() =>
        ReferencePack("Microsoft.NETCore.App.Ref").AddRange(ReferencePack("Microsoft.AspNetCore.App.Ref")));

    private static readonly MetadataReference ProductionReady = MetadataReference.CreateFromFile(typeof(global::ProductionReady.SecretAttribute).Assembly.Location);

    private static readonly MetadataReference Npgsql = MetadataReference.CreateFromFile(typeof(global::Npgsql.NpgsqlConnection).Assembly.Location);

    private static readonly MetadataReference Xunit = MetadataReference.CreateFromFile(typeof(FactAttribute).Assembly.Location);

    /// <summary>The references a project of the given kind gets.</summary>
    public static ImmutableArray<MetadataReference> For(ProjectKind kind)
    {
        var references = Framework.Value.Add(Npgsql).Add(ProductionReady);
        return kind == ProjectKind.TestProject ? references.Add(Xunit) : references;
    }

    /// <summary>
    /// The reference assemblies of one targeting pack of the SDK that runs these tests:
    /// <c>{dotnet root}/packs/{pack}/{version}/ref/net{major}.{minor}</c>, the version of the running runtime
    /// when installed, else the newest of the same major version.
    /// </summary>
    private static ImmutableArray<MetadataReference> ReferencePack(string pack)
    {
        // {dotnet root}/shared/Microsoft.NETCore.App/{version}/System.Private.CoreLib.dll
        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var dotnetRoot = Path.GetFullPath(Path.Combine(runtimeDirectory, "..", "..", ".."));
        var packDirectory = Path.Combine(dotnetRoot, "packs", pack);
        var tfm = $"net{Environment.Version.Major}.{Environment.Version.Minor}";
        var version = Directory.Exists(packDirectory)
            ? Directory.GetDirectories(packDirectory)
                .Select(Path.GetFileName)
                .Where(v => v!.StartsWith($"{Environment.Version.Major}.", StringComparison.Ordinal) && Directory.Exists(Path.Combine(packDirectory, v, "ref", tfm)))
                .OrderBy(v => v == Environment.Version.ToString() ? 1 : 0)
                .ThenBy(v => Version.TryParse(v!.Split('-')[0], out var parsed) ? parsed : new Version(0, 0))
                .LastOrDefault()
            : null;
        if (version is null)
        {
            throw new InvalidOperationException(
                $"The targeting pack {pack} for {tfm} is not installed under {packDirectory}: the analyzer tests compile against the SDK's reference packs. Install the .NET SDK that matches the runtime {Environment.Version}.");
        }

        return Directory.GetFiles(Path.Combine(packDirectory, version, "ref", tfm), "*.dll")
            .Order(StringComparer.Ordinal)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
    }
}
