#!/usr/bin/env python3
"""Memory of the rate-limit partitions under many distinct clients, on the real sample process.

Starts the sample (Release build) in Production on 127.0.0.1, trusting 127.0.0.1 as a proxy, with the
global limit on (so each client has two partitions: the global one and 'auth'), and sends
POST /auth/login with a distinct X-Forwarded-For per request (wrk; addresses 10.a.b.c counted up to
--distinct, then again from the first) and X-Forwarded-Proto: https, as an ingress would. One run per
phase, each on a fresh process:

  one-client   the same load from a single address: what the request rate alone costs (the control)
  max          --distinct clients, one request each, as fast as the machine goes
  slow         --distinct clients at about --slow-rate requests/s (wrk's delay() per connection)

For each it samples the server's resident set (VmRSS from /proc/PID/status, every 0.5 s) and its live
managed heap (a full GC induced by dotnet-gcdump, then the GC heap size from the app's own /metrics), idle before
the load, at the peak, right after, and after --idle seconds without requests (the framework drops a
partition 10 s after its bucket is full again), and prints a table.

  python3 tests/benchmarks/ratelimit-memory.py [--distinct 300000] [--phases one-client,max,slow]
      [--seconds 40] [--slow-rate 3000] [--idle 40] [--env DOTNET_gcServer=0 ...] [--dll PATH]

Needs wrk (apt-get install wrk) and dotnet-gcdump (dotnet tool install -g dotnet-gcdump) on the PATH or in ~/.dotnet/tools.
"""
import argparse
import base64
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DEFAULT_DLL = os.path.join(ROOT, "samples/ProductionReady.Sample/bin/Release/net10.0/ProductionReady.Sample.dll")

LUA = r"""
local distinct = %(distinct)d
local stop_after = %(stop_after)d
local delay_ms = %(delay)d
local threads = {}
function setup(thread) thread:set("id", #threads); table.insert(threads, thread) end
function init(args) step = 0; done = 0; nthreads = %(threads)d end
wrk.method = "POST"
function request()
  -- Thread i sends addresses i, i + nthreads, i + 2 nthreads...: every address once before any comes again.
  local n = (id + step * nthreads) %% distinct
  step = step + 1
  local a = math.floor(n / 65536) %% 256
  local b = math.floor(n / 256) %% 256
  local c = n %% 256
  return wrk.format(nil, nil, { ["X-Forwarded-For"] = "10." .. a .. "." .. b .. "." .. c, ["X-Forwarded-Proto"] = "https" })
end
if stop_after > 0 then
  function response(status, headers, body)
    done = done + 1
    if done >= stop_after then wrk.thread:stop() end
  end
end
if delay_ms > 0 then
  function delay() return delay_ms end
end
"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def status_mb(pid, key):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1]) / 1024
    return float("nan")


def gc_heap_mb(port):
    """The GC heap (every generation, including LOH/POH) and the committed memory, from the app's /metrics."""
    try:
        text = urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5).read().decode()
    except Exception:
        return float("nan"), float("nan")
    heap = 0.0
    committed = float("nan")
    for line in text.splitlines():
        if line.startswith("#"):
            continue
        m = re.match(r'^(\w+)(\{[^}]*\})?\s+([0-9.eE+-]+)', line)
        if not m:
            continue
        name, value = m.group(1), float(m.group(3))
        if name.startswith("dotnet_gc_last_collection_heap_size_bytes"):
            heap += value
        elif name.startswith("dotnet_gc_last_collection_memory_committed_size_bytes"):
            committed = value
    return (heap / 1048576 if heap else float("nan")), (committed / 1048576 if committed == committed else float("nan"))


def live_heap_mb(pid, port, work):
    """The live managed heap: a full, blocking GC (dotnet-gcdump collect induces one), then the GC's own figure for it."""
    if not GCDUMP:
        return float("nan")
    subprocess.run([GCDUMP, "collect", "-p", str(pid), "-o", os.path.join(work, "heap.gcdump")], check=True, capture_output=True)
    os.remove(os.path.join(work, "heap.gcdump"))
    return gc_heap_mb(port)[0]


class Sampler(threading.Thread):
    def __init__(self, pid, port):
        super().__init__(daemon=True)
        self.pid, self.port = pid, port
        self.stop = threading.Event()
        self.peak_rss = 0.0

    def run(self):
        while not self.stop.is_set():
            try:
                self.peak_rss = max(self.peak_rss, status_mb(self.pid, "VmRSS"))
            except FileNotFoundError:
                return
            self.stop.wait(0.5)


THREADS = 2
GCDUMP = shutil.which("dotnet-gcdump") or next((p for p in (os.path.expanduser("~/.dotnet/tools/dotnet-gcdump"),) if os.path.exists(p)), None)


def logins_served(port):
    """POST /auth/login requests the app has answered, from its own request-duration histogram."""
    try:
        text = urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5).read().decode()
    except Exception:
        return 0
    return sum(float(line.rsplit(" ", 1)[1]) for line in text.splitlines()
               if line.startswith("http_server_request_duration_seconds_count") and 'http_route="/auth/login"' in line)


def wrk(port, script, seconds, connections, threads=THREADS, until=None):
    """Runs wrk; with until, interrupts it (it then prints its summary) once the app has answered that many logins."""
    proc = subprocess.Popen(["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "-s", script, f"http://127.0.0.1:{port}/auth/login"],
                            stdout=subprocess.PIPE, text=True)
    if until is not None:
        while proc.poll() is None and logins_served(port) < until:
            time.sleep(1)
        if proc.poll() is None:
            proc.send_signal(signal.SIGINT)
    out = proc.communicate()[0]
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    rps = float(re.search(r"Requests/sec:\s+([0-9.]+)", out).group(1))
    return requests, rps


def run_phase(name, args, work):
    port = free_port()
    env = dict(os.environ)
    env.update({
        "ASPNETCORE_ENVIRONMENT": "Production",
        "ASPNETCORE_URLS": f"http://127.0.0.1:{port}",
        "ProductionReady__ForwardedHeaders__TrustedProxies__0": "127.0.0.1",
        "ProductionReady__RateLimits__Global__PermitsPerSecond": "100",
        "Logging__LogLevel__Default": "Warning",
        # The sample's required secret, random per run.
        "Sample__ApiKey": base64.b64encode(os.urandom(48)).decode(),
    })
    for pair in args.env:
        key, _, value = pair.partition("=")
        env[key] = value
    log = open(os.path.join(work, f"{name}.log"), "w")
    app = subprocess.Popen(["dotnet", args.dll], env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        for _ in range(600):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/health/live", timeout=2).read()
                break
            except Exception:
                if app.poll() is not None:
                    log.flush()
                    with open(log.name) as f:
                        sys.exit(f"ratelimit-memory: the sample exited {app.returncode}:\n" + f.read()[-3000:])
                time.sleep(0.1)

        # Warm up with one client, then settle: the idle footprint.
        one = os.path.join(work, "one.lua")
        with open(one, "w") as f:
            f.write(LUA % {"distinct": 1, "delay": 0, "stop_after": 0, "threads": 1})
        wrk(port, one, 3, 4, threads=1)
        time.sleep(args.settle)
        idle_rss = status_mb(app.pid, "VmRSS")
        idle_heap = live_heap_mb(app.pid, port, work)

        delay = 0
        distinct = 1 if name == "one-client" else args.distinct
        if name == "slow":
            delay = max(1, round(args.connections * 1000 / args.slow_rate))
        # The distinct-client phases last until every client has sent one request (each wrk thread stops after its share).
        seconds = args.seconds if name == "one-client" else 1800
        stop_after = 0 if name == "one-client" else -(-distinct // THREADS)
        script = os.path.join(work, f"{name}.lua")
        with open(script, "w") as f:
            f.write(LUA % {"distinct": distinct, "delay": delay, "stop_after": stop_after, "threads": THREADS})

        sampler = Sampler(app.pid, port)
        sampler.start()
        until = None if name == "one-client" else logins_served(port) + distinct
        requests, rps = wrk(port, script, seconds, args.connections, until=until)
        after_rss = status_mb(app.pid, "VmRSS")
        loaded_heap = live_heap_mb(app.pid, port, work)
        time.sleep(args.idle)
        sampler.stop.set()
        sampler.join()
        end_rss = status_mb(app.pid, "VmRSS")
        end_heap = live_heap_mb(app.pid, port, work)
        gc_rss = status_mb(app.pid, "VmRSS")
        return {
            "phase": name, "clients": min(requests, distinct), "requests": requests, "rps": rps,
            "idle_rss": idle_rss, "peak_rss": max(sampler.peak_rss, status_mb(app.pid, "VmHWM")), "after_rss": after_rss, "end_rss": end_rss, "gc_rss": gc_rss,
            "idle_heap": idle_heap, "loaded_heap": loaded_heap, "end_heap": end_heap,
        }
    finally:
        app.terminate()
        try:
            app.wait(30)
        except subprocess.TimeoutExpired:
            app.kill()
        log.close()


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--distinct", type=int, default=300_000)
    p.add_argument("--phases", default="one-client,max,slow")
    p.add_argument("--seconds", type=int, default=40, help="length of the one-client phase (the others last until every client has come)")
    p.add_argument("--slow-rate", type=int, default=3000, help="requests/s of the slow phase (it lasts until every client has come)")
    p.add_argument("--connections", type=int, default=64)
    p.add_argument("--settle", type=int, default=15, help="seconds between warm-up and the idle sample")
    p.add_argument("--idle", type=int, default=40, help="seconds without requests before the last sample")
    p.add_argument("--env", action="append", default=[], help="NAME=VALUE for the sample's environment (e.g. DOTNET_gcServer=0)")
    p.add_argument("--dll", default=DEFAULT_DLL)
    p.add_argument("--no-build", action="store_true")
    args = p.parse_args()
    if not shutil.which("wrk"):
        sys.exit("ratelimit-memory: wrk is missing (apt-get install wrk)")
    if not args.no_build and args.dll == DEFAULT_DLL:
        subprocess.run(["dotnet", "build", os.path.join(ROOT, "samples/ProductionReady.Sample"), "-c", "Release", "-nologo", "-v:q"],
                       check=True, stdout=subprocess.DEVNULL)

    work = tempfile.mkdtemp(prefix="ratelimit-memory.")
    rows = []
    try:
        for name in args.phases.split(","):
            row = run_phase(name, args, work)
            rows.append(row)
            print(f"{name}: {row['requests']:,} requests at {row['rps']:,.0f}/s, {row['clients']:,} distinct clients", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    env = " ".join(args.env) or "(runtimeconfig defaults)"
    print(f"\nGC settings: {env}; idle sample {args.settle} s after warm-up, last sample {args.idle} s after the load")
    print("| Phase | Clients | Requests/s | RSS idle | RSS peak | RSS after load | RSS after idle | then after a full GC | Live heap idle | loaded | after idle |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        def d(v, base):
            return f"+{v - base:.0f} MB" if v == v and base == base else "?"
        print(f"| {r['phase']} | {r['clients']:,} | {r['rps']:,.0f} | {r['idle_rss']:.0f} MB | {d(r['peak_rss'], r['idle_rss'])} | {d(r['after_rss'], r['idle_rss'])} "
              f"| {d(r['end_rss'], r['idle_rss'])} | {d(r['gc_rss'], r['idle_rss'])} | {r['idle_heap']:.0f} MB | {d(r['loaded_heap'], r['idle_heap'])} | {d(r['end_heap'], r['idle_heap'])} |")


if __name__ == "__main__":
    main()
