using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ProductionReady.Tests.Health;

/// <summary>The two lines of the sample map the probes, in every environment.</summary>
public sealed class SampleProbeTests
{
    // Outside Development the sample redirects plain HTTP to HTTPS: the probes still answer over HTTP.
    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task The_sample_answers_every_probe(string environment)
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseEnvironment(environment)
            .UseSetting("ProductionReady:Health:DrainDelay", "00:00:00")

            // The sample's API key, which secret validation requires outside Development; generated, never a literal.
            .UseSetting("Sample:ApiKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
        using var client = factory.CreateClient();

        foreach (var path in new[] { "/health/live", "/health/ready", "/health/startup", "/health" })
        {
            var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        }
    }
}
