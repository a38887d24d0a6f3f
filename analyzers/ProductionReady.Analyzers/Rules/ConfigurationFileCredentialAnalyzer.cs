using System;
using System.Collections.Immutable;
using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ProductionReady.Analyzers;

/// <summary>
/// PRD002: a credential in a JSON configuration file (appsettings*.json, made AdditionalFiles by the
/// package's build props, and any other .json AdditionalFiles): connection-string and URI passwords,
/// well-known token formats anywhere, and real-looking values of keys named like secrets
/// (<c>*Password</c>, <c>*Secret</c>, <c>*Key</c>, <c>*Token</c>).
/// PRD008 (info): the same in development-only files (appsettings.Development.json, *.local.json,
/// launchSettings.json), except live token formats, which stay PRD002 wherever they are.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConfigurationFileCredentialAnalyzer : ProductionReadyAnalyzer
{
    // Larger files are data, not configuration.
    private const int MaximumFileLength = 4 * 1024 * 1024;

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.HardcodedCredentialInConfiguration, Descriptors.CredentialInDevelopmentConfiguration);

    /// <inheritdoc />
    protected override void Register(AnalysisContext context)
    {
        context.RegisterAdditionalFileAction(AnalyzeFile);
    }

    /// <summary>True for files whose values are only used on a developer's machine.</summary>
    internal static bool IsDevelopmentOnly(string fileName)
    {
        var name = fileName.ToLowerInvariant();
        return name.Contains(".development.") || name.Contains(".local.") || name.EndsWith(".local.json", StringComparison.Ordinal)
            || name == "launchsettings.json" || name == "secrets.json" || name.EndsWith(".dev.json", StringComparison.Ordinal);
    }

    private static void AnalyzeFile(AdditionalFileAnalysisContext context)
    {
        var path = context.AdditionalFile.Path;
        if (path is null)
        {
            return;
        }

        if (!path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            if (IsOtherConfigurationFile(Path.GetFileName(path)))
            {
                AnalyzeLines(context, path);
            }

            return;
        }

        var source = context.AdditionalFile.GetText(context.CancellationToken);
        if (source is null || source.Length == 0 || source.Length > MaximumFileLength)
        {
            return;
        }

        var fileName = Path.GetFileName(path);
        var developmentOnly = IsDevelopmentOnly(fileName);
        var text = source.ToString();
        foreach (var value in JsonStringScanner.Scan(text))
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            AnalyzeValue(context, source, path, fileName, developmentOnly, value);
        }
    }

    // .npmrc, .env, YAML, XML and INI files handed to the analyzers: only live token formats are certain there.
    private static bool IsOtherConfigurationFile(string fileName)
    {
        var name = fileName.ToLowerInvariant();
        return name == ".npmrc" || name == ".yarnrc" || name == ".yarnrc.yml" || name == ".env" || name.StartsWith(".env.", StringComparison.Ordinal)
            || name.EndsWith(".yml", StringComparison.Ordinal) || name.EndsWith(".yaml", StringComparison.Ordinal)
            || name.EndsWith(".config", StringComparison.Ordinal) || name.EndsWith(".xml", StringComparison.Ordinal)
            || name.EndsWith(".ini", StringComparison.Ordinal) || name.EndsWith(".properties", StringComparison.Ordinal);
    }

    private static void AnalyzeLines(AdditionalFileAnalysisContext context, string path)
    {
        var source = context.AdditionalFile.GetText(context.CancellationToken);
        if (source is null || source.Length == 0 || source.Length > MaximumFileLength)
        {
            return;
        }

        var fileName = Path.GetFileName(path);
        foreach (var line in source.Lines)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var text = line.ToString();
            if (CredentialsInText.Find(text) is { IsLiveFormat: true } found)
            {
                // The key is what precedes the value on its line ("//registry/:_authToken", "GITHUB_TOKEN"), else the line number.
                var equals = text.LastIndexOf('=', found.Start);
                var colon = text.LastIndexOf(':', found.Start);
                var separator = Math.Max(equals, colon);
                var key = separator > 0 ? text.Substring(0, separator).Trim() : "line " + (line.LineNumber + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                Report(context, source, path, new TextSpan(line.Start + found.Start, found.Length), found.Text, key, fileName, developmentOnly: false);
            }
        }
    }

    private static void AnalyzeValue(AdditionalFileAnalysisContext context, SourceText source, string path, string fileName, bool developmentOnly, JsonStringValue value)
    {
        if (!SecretShape.IsLongEnoughToJudge(value.Value))
        {
            return;
        }

        if (CredentialsInText.Find(value.Value) is { } found)
        {
            // Point at the credential itself when the file's text maps one to one onto the value.
            var span = value.HasEscapes
                ? new TextSpan(value.TokenStart, value.TokenLength)
                : new TextSpan(value.TokenStart + 1 + found.Start, found.Length);
            Report(context, source, path, span, found.Text, value.Path, fileName, developmentOnly && !found.IsLiveFormat);
            return;
        }

        var kind = CredentialKinds.OfConfigurationKey(value.Path, configurationFile: true);
        if (kind is not { } judged || !CredentialValues.IsCredentialLike(value.Value, judged, value.Path))
        {
            return;
        }

        Report(context, source, path, new TextSpan(value.TokenStart, value.TokenLength), judged.Text(), value.Path, fileName, developmentOnly);
    }

    private static void Report(AdditionalFileAnalysisContext context, SourceText source, string path, TextSpan span, string kindText, string key, string fileName, bool developmentOnly)
    {
        var location = Location.Create(path, span, source.Lines.GetLinePositionSpan(span));
        var descriptor = developmentOnly ? Descriptors.CredentialInDevelopmentConfiguration : Descriptors.HardcodedCredentialInConfiguration;
        context.ReportDiagnostic(Diagnostic.Create(descriptor, location, kindText, key, fileName));
    }
}
