using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using ProductionReady.Logging;
using Serilog.Events;
using Serilog.Formatting.Compact;
using Serilog.Formatting.Json;

namespace ProductionReady.Benchmarks.Logging;

/// <summary>
/// One event formatted to a reused in-memory writer: Serilog.Formatting.Compact's CLEF formatters (what ships), Serilog's JsonFormatter, and
/// Microsoft.Extensions.Logging's JSON console formatter, on the same events.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class ClefFormattingBenchmarks
{
    private static readonly Func<BenchmarkEvents.RequestState, Exception?, string> MelFormatter = static (s, _) => s.ToString();

    private readonly CharBufferWriter _output = new();
    private readonly JsonFormatter _serilogJson = new();
    private readonly CompactJsonFormatter _compact = new();
    private readonly RenderedCompactJsonFormatter _renderedCompact = new();
    private LogEvent _request = null!;
    private LogEvent _rich = null!;
    private ConsoleFormatter _melJson = null!;
    private ServiceProvider _services = null!;

    [GlobalSetup]
    public void Setup()
    {
        _request = BenchmarkEvents.Request();
        _rich = BenchmarkEvents.Rich();
        _services = new ServiceCollection().AddLogging(b => b.AddJsonConsole()).BuildServiceProvider();
        _melJson = _services.GetServices<ConsoleFormatter>().Single(f => f.Name == ConsoleFormatterNames.Json);
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Request")]
    public int CompactJsonFormatter_Request()
    {
        _output.Reset();
        _compact.Format(_request, _output);
        return _output.Written.Length;
    }

    [Benchmark]
    [BenchmarkCategory("Request")]
    public int RenderedCompactJsonFormatter_Request()
    {
        _output.Reset();
        _renderedCompact.Format(_request, _output);
        return _output.Written.Length;
    }

    [Benchmark]
    [BenchmarkCategory("Request")]
    public int SerilogJsonFormatter_Request()
    {
        _output.Reset();
        _serilogJson.Format(_request, _output);
        return _output.Written.Length;
    }

    [Benchmark]
    [BenchmarkCategory("Request")]
    public int MelJsonConsoleFormatter_Request()
    {
        _output.Reset();
        var entry = new LogEntry<BenchmarkEvents.RequestState>(LogLevel.Information, "ProductionReady.RequestLogging", new EventId(4001, "RequestCompleted"), default, null, MelFormatter);
        _melJson.Write(in entry, null, _output);
        return _output.Written.Length;
    }

    [Benchmark]
    [BenchmarkCategory("Rich")]
    public int CompactJsonFormatter_Rich()
    {
        _output.Reset();
        _compact.Format(_rich, _output);
        return _output.Written.Length;
    }

    [Benchmark]
    [BenchmarkCategory("Rich")]
    public int SerilogJsonFormatter_Rich()
    {
        _output.Reset();
        _serilogJson.Format(_rich, _output);
        return _output.Written.Length;
    }
}
