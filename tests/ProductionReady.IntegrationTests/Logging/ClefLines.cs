using System.Text.Json;

namespace ProductionReady.IntegrationTests.Logging;

/// <summary>Checks that every stdout line is a CLEF event (JSON with a timestamp and a template).</summary>
internal static class ClefLines
{
    public static List<JsonElement> ParseEvery(IEnumerable<string> lines)
    {
        var events = new List<JsonElement>();
        foreach (var line in lines)
        {
            JsonElement root;
            try
            {
                root = JsonDocument.Parse(line).RootElement.Clone();
            }
            catch (JsonException ex)
            {
                throw new Xunit.Sdk.XunitException($"stdout line is not JSON ({ex.Message}): {line}");
            }

            Assert.True(root.TryGetProperty("@t", out var t) && DateTimeOffset.TryParse(t.GetString(), out _), $"no @t timestamp: {line}");
            Assert.True(root.TryGetProperty("@mt", out _), $"no @mt template: {line}");
            events.Add(root);
        }

        Assert.NotEmpty(events);
        return events;
    }
}
