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

        foreach (var assembly in compilation.ReferencedAssemblyNames)
        {
            foreach (var name in TestHostAssemblies)
            {
                if (string.Equals(assembly.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
