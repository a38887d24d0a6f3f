#!/usr/bin/env python3
"""Native AOT: the webapiaot template with ProductionReady against the bare template, side by side.

Usage: python3 tests/benchmarks/aot-startup-memory.py [ROUNDS] [WORKDIR]
Packs ProductionReady and ProductionReady.Prometheus from this repository (Release), creates two
`dotnet new webapiaot` apps (bare; with the two lines and the Prometheus package), publishes both with
Native AOT, then runs ROUNDS rounds (default 20), alternating the two binaries so machine load hits
both alike. Each round: start the binary in Production on 127.0.0.1, poll GET /health/live until any
HTTP answer (the bare app answers 404: its first answered request), note the time; send 1,000
GET /todos on one keep-alive connection, read the working set (VmRSS); stop the process.
Prints median and minimum of both figures per app, and the differences of the medians.
"""
import http.client, os, shutil, socket, statistics, subprocess, sys, tempfile, time

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def dotnet(cwd, *args, env=None):
    result = subprocess.run(["dotnet", *args], cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if result.returncode != 0:
        raise SystemExit(f"dotnet {' '.join(args)} failed:\n{result.stdout}")
    return result.stdout


def build(work):
    feed, packages = os.path.join(work, "feed"), os.path.join(work, "packages")
    os.makedirs(feed, exist_ok=True)
    env = dict(os.environ, NUGET_PACKAGES=packages, DOTNET_NOLOGO="1", DOTNET_CLI_TELEMETRY_OPTOUT="1")
    version = "0.1.0-bench." + time.strftime("%Y%m%d%H%M%S")
    for project in ("src/ProductionReady/ProductionReady.csproj", "src/ProductionReady.Prometheus/ProductionReady.Prometheus.csproj"):
        dotnet(REPO, "pack", project, "-c", "Release", "-o", feed, f"-p:Version={version}", env=env)
    user = os.environ.get("NUGET_PACKAGES") or os.path.expanduser("~/.nuget/packages")
    with open(os.path.join(work, "nuget.config"), "w") as f:
        f.write(f'<?xml version="1.0" encoding="utf-8"?><configuration><packageSources><add key="bench" value="{feed}" />'
                f'</packageSources><fallbackPackageFolders><add key="user" value="{user}" /></fallbackPackageFolders></configuration>')
    binaries = {}
    for name in ("Bare", "WithPackage"):
        app = os.path.join(work, name)
        dotnet(work, "new", "webapiaot", "-o", app, "-n", name, "--no-restore", env=env)
        if name == "WithPackage":
            for package in ("ProductionReady", "ProductionReady.Prometheus"):
                dotnet(app, "add", "package", package, "--version", version, "--no-restore", env=env)
            program = os.path.join(app, "Program.cs")
            source = open(program, newline="").read()
            source = source.replace("var builder = WebApplication.CreateSlimBuilder(args);",
                                    "var builder = WebApplication.CreateSlimBuilder(args);\nbuilder.AddProductionReady();", 1)
            source = source.replace("var app = builder.Build();", "var app = builder.Build();\napp.UseProductionReady();", 1)
            open(program, "w", newline="").write(source)
        print(f"publishing {name} (Native AOT, minutes)...", flush=True)
        dotnet(app, "publish", "-c", "Release", "-nologo", env=env)
        binaries[name] = os.path.join(app, "bin", "Release", "net10.0", "linux-x64", "publish", name)
    return binaries


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(binary):
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ASPNETCORE_", "DOTNET_"))}
    env.update({"ASPNETCORE_URLS": f"http://127.0.0.1:{port}", "ASPNETCORE_ENVIRONMENT": "Production"})
    started = time.monotonic()
    process = subprocess.Popen([binary], env=env, cwd=os.path.dirname(binary), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while True:
            try:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
                connection.request("GET", "/health/live")
                connection.getresponse().read()
                first = time.monotonic() - started
                break
            except OSError:
                if process.poll() is not None:
                    raise SystemExit(f"{binary} exited with {process.returncode} before answering")
                time.sleep(0.002)
        for _ in range(1000):
            connection.request("GET", "/todos")
            response = connection.getresponse()
            response.read()
            if response.status != 200:
                raise SystemExit(f"{binary}: GET /todos answered {response.status}")
        connection.close()
        with open(f"/proc/{process.pid}/status") as status:
            rss_kb = next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))
        return first, rss_kb / 1024
    finally:
        process.terminate()
        process.wait()


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    work = sys.argv[2] if len(sys.argv) > 2 else tempfile.mkdtemp(prefix="pr-aot-bench-")
    binaries = build(work)
    results = {name: ([], []) for name in binaries}
    for _ in range(rounds):
        for name, binary in binaries.items():
            first, rss = run(binary)
            results[name][0].append(first * 1000)
            results[name][1].append(rss)
    for name, (firsts, rsss) in results.items():
        print(f"{name}: first answer median {statistics.median(firsts):.1f} ms (min {min(firsts):.1f}); "
              f"working set after 1,000 requests median {statistics.median(rsss):.1f} MB (min {min(rsss):.1f}); "
              f"binary {os.path.getsize(binaries[name]) / 1048576:.1f} MB; n={len(firsts)}")
    (bf, br), (wf, wr) = results["Bare"], results["WithPackage"]
    print(f"difference of medians: first answer {statistics.median(wf) - statistics.median(bf):+.1f} ms, "
          f"working set {statistics.median(wr) - statistics.median(br):+.1f} MB")
    if len(sys.argv) <= 2:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
