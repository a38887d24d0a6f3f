using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;

namespace ProductionReady.RateLimits;

/// <summary>
/// The ProblemDetails body of a 429, serialized by generated code: a Native AOT app's JSON options know only the
/// app's own types (the <c>webapiaot</c> template replaces the resolver), so the framework's reflection-free
/// writer has no metadata for <see cref="ProblemDetails"/> unless the app called <c>AddProblemDetails()</c>.
/// </summary>
[JsonSerializable(typeof(ProblemDetails))]
internal sealed partial class ProblemDetailsJsonContext : JsonSerializerContext;
