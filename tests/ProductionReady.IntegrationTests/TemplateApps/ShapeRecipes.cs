namespace ProductionReady.IntegrationTests.TemplateApps;

/// <summary>
/// The README's "Blazor Web App" and "gRPC service" recipes, applied to <c>dotnet new blazor</c> and
/// <c>dotnet new grpc</c> exactly as written there. What only the tests need (a nested route) is marked "test only".
/// </summary>
internal static class ShapeRecipes
{
    /// <summary>The newest Grpc.AspNetCore served (the template's own version is not).</summary>
    public const string GrpcAspNetCoreVersion = "2.85.0";

    /// <summary>The Blazor template's inline handler (NavMenu.razor), which no CSP without <c>'unsafe-inline'</c> lets run.</summary>
    private const string NavMenuInlineHandler = " onclick=\"document.querySelector('.navbar-toggler').click()\"";

    public static async Task ApplyBlazor(string directory, string name)
    {
        await TwoLinesAsync(directory);
        var components = Path.Combine(directory, "Components");

        // 1. The import map gets the response's nonce; 2. the menu's inline onclick becomes a nonce'd script.
        await EditAsync(Path.Combine(components, "App.razor"), app => app
            .Replace("<ImportMap />", """<ImportMap nonce="@HttpContext.GetCspNonce()" />""", StringComparison.Ordinal)
            .Replace(
                """<script src="@Assets["_framework/blazor.web.js"]"></script>""",
                """
                <script src="@Assets["_framework/blazor.web.js"]"></script>
                    <script nonce="@HttpContext.GetCspNonce()">
                        document.addEventListener('click', e => e.target.closest('.nav-scrollable') && document.querySelector('.navbar-toggler').click());
                    </script>
                """,
                StringComparison.Ordinal)
            + "\n@code {\n    [CascadingParameter] private HttpContext HttpContext { get; set; } = default!;\n}\n");
        await EditAsync(Path.Combine(components, "Layout", "NavMenu.razor"), menu => menu
            .Replace(NavMenuInlineHandler, string.Empty, StringComparison.Ordinal));

        // Test only: a nested route, where a relative URL resolves against <base href="/"> or breaks.
        await File.WriteAllTextAsync(Path.Combine(components, "Pages", "Order.razor"), """
            @page "/orders/{Id}"
            @rendermode InteractiveServer

            <PageTitle>Order</PageTitle>

            <h1>Order @Id</h1>
            <p role="status">Clicks: @clicks</p>
            <button class="btn btn-primary" @onclick="() => clicks++">Click me</button>

            @code {
                private int clicks;

                [Parameter]
                public string Id { get; set; } = string.Empty;
            }
            """);
    }

    /// <summary>The two lines, the served Grpc.AspNetCore, and the standard health service (ProductionReady.Grpc, added by the fixture).</summary>
    public static async Task ApplyGrpc(string directory, string name)
    {
        await TwoLinesAsync(directory);
        await EditAsync(Path.Combine(directory, "Program.cs"), program => program.Replace(
            "app.MapGrpcService<GreeterService>();",
            "app.MapGrpcService<GreeterService>();\napp.MapProductionReadyGrpcHealth();",
            StringComparison.Ordinal));
        await EditAsync(Path.Combine(directory, name + ".csproj"), project => System.Text.RegularExpressions.Regex.Replace(
            project,
            """<PackageReference Include="Grpc.AspNetCore" Version="[^"]*" />""",
            $"""<PackageReference Include="Grpc.AspNetCore" Version="{GrpcAspNetCoreVersion}" />"""));
    }

    /// <summary>The quickstart's two lines, right after the builder is created and right after it is built.</summary>
    private static Task TwoLinesAsync(string directory) => EditAsync(Path.Combine(directory, "Program.cs"), program => program
        .Replace("var builder = WebApplication.CreateBuilder(args);", "var builder = WebApplication.CreateBuilder(args);\nbuilder.AddProductionReady();", StringComparison.Ordinal)
        .Replace("var app = builder.Build();", "var app = builder.Build();\napp.UseProductionReady();", StringComparison.Ordinal));

    private static async Task EditAsync(string path, Func<string, string> edit)
    {
        var before = await File.ReadAllTextAsync(path);
        var after = edit(before);
        if (after == before || (path.EndsWith("App.razor", StringComparison.Ordinal) && !after.Contains("nonce=\"@HttpContext.GetCspNonce()\" />", StringComparison.Ordinal)))
        {
            throw new InvalidOperationException($"The recipe changed nothing in {path}: the template changed; update the recipe and the README.");
        }

        await File.WriteAllTextAsync(path, after);
    }
}
