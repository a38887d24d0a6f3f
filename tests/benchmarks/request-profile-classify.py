"""Puts each sample of a `perf script` dump (call graphs, leaf first) down to the innermost frame that belongs to a
known piece of the request path, and prints each piece's share (and, given µs CPU per request, its µs).
Usage: python3 request-profile-classify.py perf.script [us-cpu-per-request]  (request-profile.sh runs it)."""
import collections
import re
import sys

# (substring of "Namespace.Type::Method", piece); the first marker a frame matches names its piece.
markers=[
 ('ProductionReady.Logging.RequestEventWriter', 'request event: written directly (RequestEventWriter, ScopeProperties)'),
 ('ProductionReady.Logging.ScopeProperties', 'request event: written directly (RequestEventWriter, ScopeProperties)'),
 ('ProductionReady.Logging.PipelineLoggerProvider', 'request event: written directly (RequestEventWriter, ScopeProperties)'),
 ('Serilog.Formatting.', 'request event: CLEF formatting (Serilog.Formatting.Compact)'),
 ('ProductionReady.Detection.', 'masking (secret search)'),
 ('ProductionReady.Logging.SecretMasker', 'masking (secret search)'),
 ('ProductionReady.Logging.MaskedLogState', 'masking (secret search)'),
 ('ProductionReady.Logging.CleanTexts', 'masking (secret search)'),
 ('ProductionReady.Logging.LogDestination', 'log writer thread: write(2) to the pipe'),
 ('ProductionReady.Logging.BatchingLogSink', 'log writer thread + copy into the buffer'),
 ('ProductionReady.Logging.LogEventStage', 'our Serilog stage (identity, request properties)'),
 ('Serilog.', 'Serilog: LogEvent, properties, scope enrichment'),
 ('ProductionReady.Logging.MaskingLogger', 'Microsoft.Extensions.Logging dispatch + scopes'),
 ('Microsoft.Extensions.Logging.', 'Microsoft.Extensions.Logging dispatch + scopes'),
 ('ProductionReady.Logging.RequestLoggingMiddleware', 'request id + timing (RequestLoggingMiddleware itself)'),
 ('ProductionReady.Logging.RequestIds', 'request id + timing (RequestLoggingMiddleware itself)'),
 ('ProductionReady.SecurityHeaders.', 'security headers'),
 ('OpenTelemetry', 'metrics (OpenTelemetry + ASP.NET Core meters)'),
 ('HostingMetrics', 'metrics (OpenTelemetry + ASP.NET Core meters)'),
 ('RoutingMetrics', 'metrics (OpenTelemetry + ASP.NET Core meters)'),
 ('System.Diagnostics.Metrics', 'metrics (OpenTelemetry + ASP.NET Core meters)'),
 ('ProductionReady.Metrics.', 'metrics endpoint gate'),
 ('ProductionReady.SecurityEvents.', 'security events'),
 ('ProductionReady.Info.', 'info endpoint'),
 ('ProductionReady.Common.ConnectionPeer', 'connection peer capture'),
 ('ProductionReady.ForwardedHeaders', 'forwarded headers'),
 ('ProductionReady.RateLimits', 'rate limits'),
 ('RateLimiting', 'rate limits'),
 ('Cors', 'CORS'),
 ('ProductionReady.Health', 'probes'),
 ('Microsoft.AspNetCore.Routing.EndpointMiddleware', 'the endpoint (handler, JSON body) - as in bare'),
 ('Microsoft.AspNetCore.Routing.', 'routing - as in bare'),
 ('HostFiltering', 'host filtering - as in bare'),
 ('HttpsRedirection', "sample's UseHttpsRedirection"),
 ('System.Diagnostics.Activity', 'the request Activity (the host makes one whenever logging is on: bare too)'),
 ('StartActivity', 'the request Activity (the host makes one whenever logging is on: bare too)'),
 ('StopActivity', 'the request Activity (the host makes one whenever logging is on: bare too)'),
]
def fr_name(line):
    s=line.strip().split(' ',1); s=s[1] if len(s)>1 else s[0]
    m=re.search(r'\] ([^\s\(]+)::([^\s\(]+)\(',s)
    return m.group(1)+'::'+m.group(2) if m else s
counts=collections.Counter(); total=0; cur=[]; comm=None
def flush():
    global total
    if not cur: return
    total+=1; cat='everything else (Kestrel, sockets, kernel, endpoint, JSON, GC, JIT)'
    for f in cur:  # leaf first
        hit=next((c for m,c in markers if m in f),None)
        if hit: cat=hit; break
    counts[cat]+=1
for line in open(sys.argv[1],errors='replace'):
    line=line.rstrip('\n')
    if not line.strip(): flush(); cur=[]; continue
    if line[0] in ' \t': cur.append(fr_name(line))
flush()
us=float(sys.argv[2]) if len(sys.argv)>2 else 0
for k,v in counts.most_common(): print(f"{100*v/total:5.1f}%  {us*v/total:5.1f} us  {k}")
print(f"{total} samples")
