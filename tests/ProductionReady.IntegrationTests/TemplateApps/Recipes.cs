using System.Text.RegularExpressions;

namespace ProductionReady.IntegrationTests.TemplateApps;

/// <summary>
/// The README's recipes ("MVC / Razor Pages with nonces", "Swagger / Scalar"), applied to the templates
/// exactly as written there. What only the tests need (an endpoint that throws, a page that echoes a
/// query unencoded, a line in site.js that says it ran) is marked "test only".
/// </summary>
internal static partial class Recipes
{
    public const string SwashbuckleVersion = "11.0.1";
    public const string ScalarVersion = "2.19.0";

    /// <summary>The served version of Identity and EF Core the Identity template's packages are pinned to.</summary>
    public const string IdentityPackagesVersion = "10.0.15";

    /// <summary>The README's "Razor Pages / MVC with Identity" recipe: Identity's validation scripts from the app's own copies.</summary>
    public const string IdentityValidationScriptsPartial = """
        @* The Identity UI's validation scripts from this app's own copies (wwwroot/lib), in every environment:
           the package's partial loads them from a CDN with an inline fallback script, which the CSP blocks. *@
        @await Html.PartialAsync("/Pages/Shared/_ValidationScriptsPartial.cshtml")

        """;

    /// <summary>The inline script the recipe adds to a page; the test reads what it wrote.</summary>
    public const string NoncedInlineScript = """<script csp-nonce>document.documentElement.dataset.inlineScript = "ran";</script>""";

    public static async Task ApplyMvc(string directory, string name)
    {
        await TwoLinesAsync(directory);
        await AppendAsync(Path.Combine(directory, "Views", "_ViewImports.cshtml"), "@addTagHelper *, ProductionReady\n");
        await AppendAsync(Path.Combine(directory, "Views", "Home", "Index.cshtml"), "\n" + NoncedInlineScript + "\n");

        // Test only: a page that echoes ?name= unencoded (an injection the CSP must stop while the layout's scripts run).
        await AppendAsync(Path.Combine(directory, "Views", "Home", "Privacy.cshtml"), "\n<p>@Html.Raw(Context.Request.Query[\"name\"].ToString())</p>\n");

        // Test only: a login action under the auth preset; the template calls UseRouting() after UseProductionReady().
        await File.WriteAllTextAsync(Path.Combine(directory, "Controllers", "LoginController.cs"), $$"""
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.RateLimiting;

            namespace {{name}}.Controllers;

            [EnableRateLimiting("auth")]
            public sealed class LoginController : Controller
            {
                [HttpPost("/login")]
                public IActionResult SignIn() => Unauthorized();
            }
            """);
        await TestOnlyAsync(directory);
    }

    public static async Task ApplyRazorPages(string directory, string name)
    {
        await TwoLinesAsync(directory);
        await AppendAsync(Path.Combine(directory, "Pages", "_ViewImports.cshtml"), "@addTagHelper *, ProductionReady\n");
        await AppendAsync(Path.Combine(directory, "Pages", "Index.cshtml"), "\n" + NoncedInlineScript + "\n");

        // Test only: a login page under the auth preset; the template calls UseRouting() after UseProductionReady().
        await File.WriteAllTextAsync(Path.Combine(directory, "Pages", "Login.cshtml"), """
            @page
            @attribute [Microsoft.AspNetCore.RateLimiting.EnableRateLimiting("auth")]
            @attribute [Microsoft.AspNetCore.Mvc.IgnoreAntiforgeryToken]
            <p>Log in</p>
            """);
        await TestOnlyAsync(directory);
    }

    /// <summary>
    /// <c>dotnet new webapp --auth Individual</c> with the two lines and the README's "Razor Pages / MVC with Identity"
    /// recipe: the nonce tag helper and Identity's validation scripts from the app's own copies. Test only: the
    /// template's package versions pinned to the served ones, and <c>MapIdentityApi</c> under <c>/api/account</c>.
    /// </summary>
    public static async Task ApplyIdentity(string directory, string name)
    {
        await EditAsync(Path.Combine(directory, name + ".csproj"), project => TemplatePackageVersion().Replace(project, $"$1\"{IdentityPackagesVersion}\""));
        await TwoLinesAsync(directory);
        await AppendAsync(Path.Combine(directory, "Pages", "_ViewImports.cshtml"), "@addTagHelper *, ProductionReady\n");
        await File.WriteAllTextAsync(Path.Combine(directory, "Areas", "Identity", "Pages", "_ValidationScriptsPartial.cshtml"), IdentityValidationScriptsPartial);

        // Test only: the Identity API endpoints next to the UI, under an app-level prefix.
        await EditAsync(Path.Combine(directory, "Program.cs"), program => program
            .Replace(
                "    .AddEntityFrameworkStores<ApplicationDbContext>();",
                "    .AddEntityFrameworkStores<ApplicationDbContext>()\n    .AddApiEndpoints();\nbuilder.Services.AddAuthentication().AddBearerToken(IdentityConstants.BearerScheme);",
                StringComparison.Ordinal)
            .Replace("app.Run();", "app.MapGroup(\"/api/account\").MapIdentityApi<IdentityUser>();\n\napp.Run();", StringComparison.Ordinal));
    }

    public static async Task ApplySwagger(string directory, string name)
    {
        var project = Path.Combine(directory, name + ".csproj");
        await File.WriteAllTextAsync(project, OpenApiPackage().Replace(
            await File.ReadAllTextAsync(project),
            $"""<PackageReference Include="Swashbuckle.AspNetCore" Version="{SwashbuckleVersion}" />"""));
        await EditAsync(Path.Combine(directory, "Program.cs"), program => program
            .Replace(
                "builder.Services.AddOpenApi();",
                """
                builder.Services.AddEndpointsApiExplorer();
                builder.Services.AddSwaggerGen();
                builder.AddProductionReady(o => o.SecurityHeaders.PathPolicies["/swagger"] = "swagger-ui");
                """,
                StringComparison.Ordinal)
            .Replace("var app = builder.Build();", "var app = builder.Build();\napp.UseProductionReady();", StringComparison.Ordinal)
            .Replace("    app.MapOpenApi();", "    app.UseSwagger();\n    app.UseSwaggerUI();", StringComparison.Ordinal));
    }

    public static async Task ApplyScalar(string directory, string name)
    {
        var project = Path.Combine(directory, name + ".csproj");
        await EditAsync(project, text => text.Replace(
            "</ItemGroup>",
            $"""  <PackageReference Include="Scalar.AspNetCore" Version="{ScalarVersion}" />""" + "\n  </ItemGroup>",
            StringComparison.Ordinal));
        await EditAsync(Path.Combine(directory, "Program.cs"), program => "using Scalar.AspNetCore;\n\n" + program
            .Replace("builder.Services.AddOpenApi();", "builder.Services.AddOpenApi();\nbuilder.AddProductionReady();", StringComparison.Ordinal)
            .Replace("var app = builder.Build();", "var app = builder.Build();\napp.UseProductionReady();", StringComparison.Ordinal)
            .Replace("    app.MapOpenApi();", "    app.MapOpenApi();\n    app.MapScalarApiReference().WithSecurityHeaders(\"scalar\");", StringComparison.Ordinal));
    }

    /// <summary>The quickstart's two lines, right after the builder is created and right after it is built.</summary>
    private static Task TwoLinesAsync(string directory) => EditAsync(Path.Combine(directory, "Program.cs"), program => program
        .Replace("var builder = WebApplication.CreateBuilder(args);", "var builder = WebApplication.CreateBuilder(args);\nbuilder.AddProductionReady();", StringComparison.Ordinal)
        .Replace(
            "var app = builder.Build();",
            "var app = builder.Build();\napp.UseProductionReady();\n" +
            "app.MapGet(\"/boom\", string () => throw new InvalidOperationException(\"boom\")); // test only: the developer exception page\n",
            StringComparison.Ordinal));

    /// <summary>Test only: site.js says it ran.</summary>
    private static Task TestOnlyAsync(string directory) =>
        AppendAsync(Path.Combine(directory, "wwwroot", "js", "site.js"), "\nwindow.siteJsRan = true;\n");

    private static async Task EditAsync(string path, Func<string, string> edit)
    {
        var before = await File.ReadAllTextAsync(path);
        var after = edit(before);
        if (after == before)
        {
            throw new InvalidOperationException($"The recipe changed nothing in {path}: the template changed; update the recipe and the README.");
        }

        await File.WriteAllTextAsync(path, after);
    }

    private static Task AppendAsync(string path, string text) => File.AppendAllTextAsync(path, text);

    [GeneratedRegex("""<PackageReference Include="Microsoft\.AspNetCore\.OpenApi" Version="[^"]*" />""")]
    private static partial Regex OpenApiPackage();

    [GeneratedRegex(@"(<PackageReference Include=""Microsoft\.(?:AspNetCore|EntityFrameworkCore)\.[A-Za-z.]+"" Version=)""10\.[0-9.]+""")]
    private static partial Regex TemplatePackageVersion();
}
