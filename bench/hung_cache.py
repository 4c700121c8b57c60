"""Benchmark of the site while its Redis hangs: requests per second and latency before,
during and after a SIGSTOP.

Run from the repository root:

    .venv/bin/python bench/hung_cache.py                 # 10 s a phase, 16 clients
    .venv/bin/python bench/hung_cache.py --seconds 20 --clients 32
    .venv/bin/python bench/hung_cache.py --app-dir /tmp/old   # another checkout, to compare

It starts a private redis-server on a free port (never the shared one), migrates a
throwaway SQLite database (or DATABASE_URL's, if set) and loads the demo content into it,
and serves the site with gunicorn, 2 sync workers, DJANGO_DEBUG=0 and REDIS_URL pointing at
the private Redis. Client processes then request the home page and every page it links to,
as fast as the site answers, in three phases:

- before: Redis answers (pages come from the cache);
- during: Redis is stopped with SIGSTOP, as a hung or swapping server is: its kernel
  still accepts connections but nothing answers;
- after: Redis is continued with SIGCONT;
- down: Redis is stopped for good, so connecting is refused at once: every page is built
  afresh at no cost but a refused connection, the speed of the site without a cache, to
  compare "during" with.

For each phase it prints requests per second, median, p99 and the longest wait, the
X-Cache answers, and the requests per second of each second (so the recovery shows); then
what gunicorn logged: how many outage and recovery lines, and how many tracebacks.
Figures only; tests never time anything.
"""

from __future__ import annotations

import argparse
import collections
import http.client
import multiprocessing
import os
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
LINK = re.compile(r'href="(/(?:articles|people|organizations|places|sections|tags)/[^"#?]+)"')


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port: int, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"nothing answered on port {port}")


def get(port: int, path: str, timeout: float = 60) -> tuple[int, str, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.getheader("X-Cache", "-"), response.read()
    finally:
        connection.close()


def client(args) -> list[tuple[float, float, int, str]]:
    """Request `paths` in turn until `until` (time.time()): (start, seconds, status, X-Cache)."""
    port, paths, until, offset = args
    results = []
    n = offset
    while time.time() < until:
        path = paths[n % len(paths)]
        n += 1
        start = time.time()
        try:
            status, x_cache, _ = get(port, path)
        except OSError:
            status, x_cache = 0, "error"
        results.append((start, time.time() - start, status, x_cache))
    return results


def run_phase(pool, port, paths, clients, seconds):
    began = time.time()
    until = began + seconds
    parts = pool.map(client, [(port, paths, until, i * 7) for i in range(clients)])
    # A request started before the end counts, however long it took.
    results = sorted(r for part in parts for r in part)
    return began, time.time(), results


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


def report(name, began, ended, results):
    times = [seconds for _, seconds, _, _ in results]
    failed = sum(1 for _, _, status, _ in results if status != 200)
    answers = collections.Counter(x_cache for _, _, _, x_cache in results)
    print(
        f"{name:<7} {len(results) / (ended - began):8.1f} req/s   "
        f"median {statistics.median(times) * 1000:7.1f} ms   "
        f"p99 {percentile(times, 0.99) * 1000:8.1f} ms   "
        f"max {max(times) * 1000:8.1f} ms   "
        f"non-200 {failed}   X-Cache {dict(answers.most_common())}"
    )
    per_second = collections.Counter(int(start - began) for start, _, _, _ in results)
    whole_seconds = range(int(max(start for start, _, _, _ in results) - began))
    print("        req/s each second: " + " ".join(str(per_second[s]) for s in whole_seconds))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=10, help="length of each phase")
    parser.add_argument("--clients", type=int, default=16, help="concurrent client processes")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers")
    parser.add_argument("--app-dir", type=Path, default=ROOT, help="the checkout to serve")
    args = parser.parse_args()
    redis_server = shutil.which("redis-server")
    if not redis_server:
        raise SystemExit("redis-server is needed (apt-get install redis-server)")

    work = Path(tempfile.mkdtemp(prefix="hung-cache-"))
    redis_port, site_port = free_port(), free_port()
    env = {
        **os.environ,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": os.environ.get("DATABASE_URL") or f"sqlite:///{work / 'db.sqlite3'}",
        "REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
        "DJANGO_LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(args.app_dir),
    }
    redis = gunicorn = None
    log_path = work / "gunicorn.log"
    try:
        redis = subprocess.Popen(
            [redis_server, "--port", str(redis_port), "--bind", "127.0.0.1", "--save", ""]
            + ["--appendonly", "no", "--maxmemory", "64mb", "--maxmemory-policy", "allkeys-lru"],
            stdout=subprocess.DEVNULL,
        )
        wait_for_port(redis_port)
        for command in (
            ["migrate", "--noinput", "-v0"],
            ["collectstatic", "--noinput", "-v0"],
            ["load_demo"],
        ):
            subprocess.run(
                [PYTHON, "manage.py", *command],
                cwd=args.app_dir,
                env=env,
                check=True,
                stdout=subprocess.DEVNULL,
            )
        with open(log_path, "w") as log:
            gunicorn = subprocess.Popen(
                [GUNICORN, "newsroom.wsgi", "--workers", str(args.workers)]
                + ["--bind", f"127.0.0.1:{site_port}", "--timeout", "120"]
                # gunicorn 27's control socket is one per user: another gunicorn running
                # on the machine (a test, a second bench) would collide with it.
                + ["--no-control-socket"],
                cwd=args.app_dir,
                env=env,
                stdout=log,
                stderr=log,
            )
        wait_for_port(site_port)

        home = get(site_port, "/")[2].decode()
        paths = ["/"] + sorted(set(LINK.findall(home)))
        for path in paths:  # warm the cache, and both workers' imports
            get(site_port, path)
            get(site_port, path)
        print(
            f"{args.app_dir}: gunicorn, {args.workers} workers; {args.clients} clients over "
            f"{len(paths)} pages; {args.seconds:g} s a phase; Redis on port {redis_port}"
        )
        with multiprocessing.get_context("fork").Pool(args.clients) as pool:
            phase = (pool, site_port, paths, args.clients, args.seconds)
            report("before", *run_phase(*phase))
            os.kill(redis.pid, signal.SIGSTOP)
            report("during", *run_phase(*phase))
            os.kill(redis.pid, signal.SIGCONT)
            report("after", *run_phase(*phase))
            redis.terminate()
            redis.wait(30)
            redis = None
            report("down", *run_phase(*phase))
    finally:
        if gunicorn is not None:
            gunicorn.terminate()
            gunicorn.wait(30)
        if redis is not None:
            os.kill(redis.pid, signal.SIGCONT)
            redis.terminate()
            redis.wait(30)
    logged = log_path.read_text() if log_path.exists() else ""
    print(
        f"gunicorn logged: {logged.count('is out of reach')} outage lines, "
        f"{logged.count('answers again after')} recovery lines, "
        f"{logged.count('Traceback')} tracebacks, {len(logged.splitlines())} lines in all"
    )
    for line in logged.splitlines():
        if "The cache at" in line:
            print("   ", line)
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
