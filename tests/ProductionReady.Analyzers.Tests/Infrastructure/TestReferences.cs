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

    /// <summary>xunit.assert: an assertion library, which product code may reference too.</summary>
    public static readonly MetadataReference XunitAssert = MetadataReference.CreateFromFile(typeof(Assert).Assembly.Location);

    /// <summary>What Microsoft.NET.Test.Sdk adds to a test project's references: its test host (this test run's own).</summary>
    public static readonly MetadataReference TestHost = MetadataReference.CreateFromFile(Path.Combine(AppContext.BaseDirectory, "Microsoft.TestPlatform.CrossPlatEngine.dll"));

    /// <summary>The global analyzer config the build writes for a test project (IsTestProject made visible by ProductionReady.props).</summary>
    public const string TestProjectGlobalConfig = "is_global = true\nbuild_property.IsTestProject = true\n";

    /// <summary>The references a project of the given kind gets; a test project has xunit and Microsoft.NET.Test.Sdk's.</summary>
    public static ImmutableArray<MetadataReference> For(ProjectKind kind)
    {
        var references = Framework.Value.Add(Npgsql).Add(ProductionReady);
        return kind == ProjectKind.TestProject ? references.Add(Xunit).Add(XunitAssert).Add(TestHost) : references;
    }

    /// <summary>An assembly built here from <paramref name="source"/>, referenced as a file would be: the code of another project, invisible to the analyzers.</summary>
    public static MetadataReference Assembly(string name, string source = "namespace Marker { public sealed class Marker { } }")
    {
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
            name,
            new[] { Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(WebGlobalUsings), Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(source) },
            For(ProjectKind.Library),
            new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        Assert.True(result.Success, "The referenced assembly does not compile:\n" + string.Join("\n", result.Diagnostics));
        return MetadataReference.CreateFromImage(image.ToArray(), filePath: name + ".dll");
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
