using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using ProductionReady.Analyzers.Tests.Infrastructure;
using static ProductionReady.Analyzers.Tests.Infrastructure.FakeCredentials;
using static ProductionReady.Analyzers.Tests.Infrastructure.FakeTokens;

namespace ProductionReady.Analyzers.Tests;

/// <summary>
/// PRD009, a credential in test code: fakes stay hidden, live token formats stay PRD001; test-ness decided as the build
/// decides it (IsTestProject; else Microsoft.NET.Test.Sdk's test host), never by a reference to an assertion library.
/// </summary>
public sealed class PRD009Tests
{
    [Fact]
    public async Task Test_projects_get_fakes_at_hidden_severity_and_live_token_formats_as_warnings()
    {
        var source = $$"""
            public class LoginTests
            {
                [Xunit.Fact]
                public void Logs_in()
                {
                    var password = "{{Password}}";
                    var jwt = "{{Jwt}}";
                    var aws = "{{AwsAccessKey}}";
                    System.Console.WriteLine(password + jwt + aws);
                }
            }
            """;
        var test = new RuleTest(ProjectKind.TestProject) { TestCode = source };
        test.ExpectedDiagnostics.AddRange(new[]
        {
            new DiagnosticResult("PRD009", DiagnosticSeverity.Hidden).WithSpan(6, 24, 6, 24 + Password.Length + 2),
            new DiagnosticResult("PRD009", DiagnosticSeverity.Hidden).WithSpan(7, 19, 7, 19 + Jwt.Length + 2),
            new DiagnosticResult("PRD001", DiagnosticSeverity.Warning).WithSpan(8, 19, 8, 19 + AwsAccessKey.Length + 2),
        });
        await test.RunAsync();
    }

    [Fact]
    public async Task A_weak_credential_in_a_test_project_stays_hidden()
    {
        var test = new RuleTest(ProjectKind.TestProject) { TestCode = """class Fixture { const string AdminPassword = "changeme"; }""" };
        test.ExpectedDiagnostics.Add(new DiagnosticResult("PRD009", DiagnosticSeverity.Hidden).WithSpan(1, 46, 1, 56));
        await test.RunAsync();
    }

    private static string Source => $$"""
        public static class Seed
        {
            public static string AdminPassword() => "{{Password}}";
        }
        """;

    private static RuleTest Test(string expectedId, DiagnosticSeverity severity)
    {
        var test = new RuleTest(ProjectKind.Library) { TestCode = Source };
        test.ExpectedDiagnostics.Add(new DiagnosticResult(expectedId, severity).WithSpan(3, 45, 3, 47 + Password.Length));
        return test;
    }

    [Fact]
    public async Task Product_code_that_references_assertion_libraries_is_not_a_test_project()
    {
        // Shared assertion helpers (xunit.assert) and a shipped *.TestFramework helper package that brings NUnit.
        var test = Test("PRD001", DiagnosticSeverity.Warning);
        test.TestState.AdditionalReferences.Add(TestReferences.XunitAssert);
        test.TestState.AdditionalReferences.Add(TestReferences.Assembly("nunit.framework"));
        test.TestState.AdditionalReferences.Add(TestReferences.Assembly("Company.TestFramework"));
        await test.RunAsync();
    }

    [Fact]
    public async Task IsTestProject_from_the_build_makes_a_test_project()
    {
        var test = Test("PRD009", DiagnosticSeverity.Hidden);
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", TestReferences.TestProjectGlobalConfig));
        await test.RunAsync();
    }

    [Fact]
    public async Task IsTestProject_false_wins_over_test_references()
    {
        var test = Test("PRD001", DiagnosticSeverity.Warning);
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = false\n"));
        test.TestState.AdditionalReferences.Add(TestReferences.TestHost);
        await test.RunAsync();
    }

    [Fact]
    public async Task Without_the_property_the_test_host_reference_decides()
    {
        var test = Test("PRD009", DiagnosticSeverity.Hidden);
        test.TestState.AdditionalReferences.Add(TestReferences.TestHost);
        await test.RunAsync();
    }

    [Fact]
    public async Task The_package_makes_IsTestProject_visible_to_the_analyzers()
    {
        var root = System.Reflection.CustomAttributeExtensions.GetCustomAttributes<System.Reflection.AssemblyMetadataAttribute>(typeof(PRD009Tests).Assembly).Single(a => a.Key == "RepositoryRoot").Value!;
        var props = await File.ReadAllTextAsync(Path.Combine(root, "analyzers", "build", "ProductionReady.props"));
        Assert.Contains("<CompilerVisibleProperty Include=\"IsTestProject\" />", props, StringComparison.Ordinal);
    }
}
