namespace ProductionReady.Analyzers.Tests.Infrastructure;

/// <summary>What a project under test is: a web app (executable), a library, or a test project.</summary>
public enum ProjectKind
{
    WebApp,
    Library,
    TestProject,
}
