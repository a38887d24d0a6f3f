#!/usr/bin/env python3
"""Process start to first accepted TCP connection of the sample, two builds side by side.

Usage: startup-time.py BASE.dll NEW.dll [ROUNDS]
Each round starts BASE then NEW (alternating, so machine load hits both alike) in Production with a
generated key, on 127.0.0.1 only, polls the port until it accepts, then stops the process.
Prints the median and minimum per build.
"""
import base64, os, secrets, socket, statistics, subprocess, sys, time


def run(dll, port, key):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ASPNETCORE_", "DOTNET_"))}
    env.update({"ASPNETCORE_URLS": f"http://127.0.0.1:{port}", "ASPNETCORE_ENVIRONMENT": "Production",
                "Sample__ApiKey": key, "DOTNET_NOLOGO": "1"})
    started = time.monotonic()
    process = subprocess.Popen(["dotnet", dll], env=env, cwd=os.path.dirname(dll),
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.05).close()
                return time.monotonic() - started
            except OSError:
                if process.poll() is not None:
                    raise SystemExit(f"{dll} exited with {process.returncode} before listening")
                time.sleep(0.005)
    finally:
        process.terminate()
        process.wait()


def main():
    builds = {"base": os.path.abspath(sys.argv[1]), "new": os.path.abspath(sys.argv[2])}
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 30
    key = base64.b64encode(secrets.token_bytes(48)).decode()
    times = {name: [] for name in builds}
    for i in range(rounds):
        for name, dll in builds.items():
            times[name].append(run(dll, 5700 + (i % 200), key))
    for name, values in times.items():
        print(f"{name}: median {statistics.median(values) * 1000:.0f} ms, min {min(values) * 1000:.0f} ms, n={len(values)}")


if __name__ == "__main__":
    main()
