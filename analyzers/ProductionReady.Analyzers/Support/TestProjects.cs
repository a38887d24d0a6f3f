using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ProductionReady.Analyzers;

/// <summary>
/// Recognizes test projects the way the build does. <c>IsTestProject</c> is set by Microsoft.NET.Test.Sdk, the
/// MSTest and Microsoft.Testing.Platform SDKs and the test frameworks' own build files, and is what
/// <c>dotnet test</c> goes by; ProductionReady.props makes it visible to the analyzers. Only when it is not visible
/// (the analyzers loaded without the package's build files) do the assemblies a test host brings decide.
/// A reference to a test framework or an assertion library alone (<c>xunit.assert</c>, NUnit in a shared
/// <c>*.TestFramework</c> helper) does not make product code a test project.
/// </summary>
internal static class TestProjects
{
    private const string IsTestProjectProperty = "build_property.IsTestProject";

    // Referenced only by projects that are run as tests: Microsoft.NET.Test.Sdk's test host, the Microsoft.Testing.Platform
    // runner (MSTest runner, TUnit, xunit.v3), the MSTest adapter.
    private static readonly string[] TestHostAssemblies =
    {
        "Microsoft.TestPlatform.CrossPlatEngine", "Microsoft.TestPlatform.CommunicationUtilities", "Microsoft.Testing.Platform",
        "Microsoft.VisualStudio.TestPlatform.MSTest.TestAdapter", "Microsoft.VisualStudio.TestPlatform.MSTestAdapter.PlatformServices",
    };

    public static bool IsTestProject(Compilation compilation, AnalyzerOptions options)
    {
        if (options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(IsTestProjectProperty, out var value) && !string.IsNullOrWhiteSpace(value))
        {
            return string.Equals(value.Trim(), "true", StringComparison.OrdinalIgnoreCase);
        }

        // The references' file names first: ReferencedAssemblyNames binds every reference, which an analyzer should not
        // be the one to pay for; an in-memory reference without a file name still goes through it.
        var unnamed = false;
        foreach (var reference in compilation.References)
        {
            var name = reference switch
            {
                PortableExecutableReference { FilePath: { } path } => System.IO.Path.GetFileNameWithoutExtension(path),
                CompilationReference project => project.Compilation.AssemblyName,
                _ => null,
            };
            if (name is null)
            {
                unnamed = true;
            }
            else if (IsTestHost(name))
            {
                return true;
            }
        }

        if (unnamed)
        {
            foreach (var assembly in compilation.ReferencedAssemblyNames)
            {
                if (IsTestHost(assembly.Name))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsTestHost(string assemblyName)
    {
        foreach (var name in TestHostAssemblies)
        {
            if (string.Equals(assemblyName, name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
