using Microsoft.Extensions.Configuration;
using ProductionReady.Logging;
using Serilog.Events;
using Serilog.Parsing;

namespace ProductionReady.Tests.Logging;

/// <summary>
/// Text logs escape control characters so that request data cannot forge a line, but ProductionReady's own
/// multi-line reports (startup and secret reports) keep their line breaks; a Console sink in the app's
/// Serilog section, which would print every line twice, is found wherever Serilog.Settings.Configuration reads it.
/// </summary>
public sealed class ReadableReportTests
{
    private const string Report = "ProductionReady secret validation: 1 problem(s)\n  1. Sample:ApiKey [known-weak-value]\n     What to do: rotate it";

    [Fact]
    public void Our_own_report_keeps_its_line_breaks_while_request_data_in_the_same_event_is_escaped()
    {
        var logEvent = Event(
            "ProductionReady.Secrets.SecretValidationHostedService",
            "Found {Problems}\n{Report}",
            ("Problems", "from a request\r\n[12:00:00 ERR] forged"),
            ("Report", Report));

        var escaped = ControlCharacterEscaper.Escape(logEvent);

        Assert.Equal(Report, ((ScalarValue)escaped.Properties["Report"]).Value);
        Assert.Equal("Found {Problems}\n{Report}", escaped.MessageTemplate.Text);
        Assert.Equal("from a request\\r\\n[12:00:00 ERR] forged", ((ScalarValue)escaped.Properties["Problems"]).Value);
    }

    [Fact]
    public void A_Report_property_of_the_apps_own_category_is_escaped()
    {
        var logEvent = Event("Orders.Import", "Imported {Report}", ("Report", "line one\nline two"));

        var escaped = ControlCharacterEscaper.Escape(logEvent);

        Assert.Equal("line one\\nline two", ((ScalarValue)escaped.Properties["Report"]).Value);
    }

    [Theory]
    [InlineData("Serilog:WriteTo:0:Name", "Console", "Serilog:WriteTo:0:Name")]
    [InlineData("Serilog:WriteTo:ConsoleSink:Name", "console", "Serilog:WriteTo:ConsoleSink:Name")]
    [InlineData("Serilog:WriteTo:0", "Console", "Serilog:WriteTo:0")]
    [InlineData("Serilog:WriteTo:0:Args:configure:0:Name", "Console", "Serilog:WriteTo:0:Args:configure:0:Name")]
    public void A_console_sink_in_the_Serilog_section_is_found(string key, string value, string expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [key] = value,
            ["Serilog:WriteTo:9:Name"] = "File",
            ["Serilog:WriteTo:9:Args:path"] = "Console",
        }).Build();

        Assert.Equal([expected], LogPipeline.ConsoleSinkKeys(configuration.GetSection("Serilog")));
    }

    private static LogEvent Event(string category, string template, params (string Name, string Value)[] properties) =>
        new(
            DateTimeOffset.UnixEpoch,
            LogEventLevel.Warning,
            exception: null,
            new MessageTemplateParser().Parse(template),
            [new LogEventProperty("SourceContext", new ScalarValue(category)), .. properties.Select(p => new LogEventProperty(p.Name, new ScalarValue(p.Value)))]);
}
