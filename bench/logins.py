"""Readers' throughput while clients post wrong passwords to the admin login.

Run from the repository root (wrk from Debian's package must be installed):

    .venv/bin/python bench/logins.py [--seconds 15] [--attackers 8]

It makes a throwaway SQLite database with the demo content in a temporary folder, starts
gunicorn (2 sync workers) on it with a local-memory cache, and measures readers with wrk
(4 connections over the home page, an article and an entity page, uncached: every page is
built, since the cache is what an attack would not hit) twice: quietly, then while
`--attackers` threads each post wrong passwords to /admin/login/ as fast as they can (the
form once, for its CSRF token, then post after post). It prints readers' requests per
second in both and the ratio, and how the login answers went (200: the form again; 429:
locked out). A login refused for a lockout costs no password hash and two database reads,
so the ratio shows what throttling saves.
"""

from __future__ import annotations

import argparse
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
import urllib.parse
import urllib.request
from collections import Counter
from http.cookiejar import CookieJar
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"The site did not answer at {url}")


def readers(base: str, seconds: int) -> float:
    """Readers' requests per second, from wrk over three pages."""
    script = Path(tempfile.mkstemp(suffix=".lua")[1])
    script.write_text(
        'local paths = {"/", "/articles/kim-jong-un-arrives-in-beijing-by-armored-train-for-'
        'talks-with-xi/", "/people/kim-jong-un/"}\n'
        "local n = 0\n"
        "request = function()\n"
        "  n = n + 1\n"
        "  return wrk.format('GET', paths[(n % #paths) + 1])\n"
        "end\n"
    )
    output = subprocess.run(
        ["wrk", "-t2", "-c4", f"-d{seconds}s", "-s", str(script), base],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    script.unlink()
    return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))


def attacker(base: str, stop: threading.Event, answers: Counter, lock: threading.Lock) -> None:
    """Post wrong passwords to the admin login until told to stop, as a guessing script
    does: the form (for its CSRF cookie and token) once, then one post after another."""
    jar = CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(f"{base}/admin/login/", timeout=30).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    n = 0
    while not stop.is_set():
        n += 1
        data = urllib.parse.urlencode(
            {"csrfmiddlewaretoken": token, "username": "admin", "password": f"guess{n}"}
        ).encode()
        request = urllib.request.Request(
            f"{base}/admin/login/", data=data, headers={"Referer": f"{base}/admin/login/"}
        )
        try:
            status = opener.open(request, timeout=30).status
        except urllib.error.HTTPError as error:
            status = error.code
        except OSError:
            status = "error"
        with lock:
            answers[status] += 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--attackers", type=int, default=8)
    options = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is needed: apt-get install wrk")

    folder = Path(tempfile.mkdtemp(prefix="newsroom-logins-"))
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "bench-" + "k" * 30 + "abcdefghijklmnopqrstuvwxyz",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "NEWSROOM_PAGE_CACHE_SECONDS": "0",
        "REDIS_URL": "",
    }
    env.pop("REDIS_URL")
    manage = [PYTHON, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "-v0"], env=env, check=True)
    subprocess.run([*manage, "load_demo", "--password", "demo-password"], env=env, check=True)
    subprocess.run([*manage, "collectstatic", "--noinput", "-v0"], env=env, check=True)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [
            str(Path(PYTHON).parent / "gunicorn"),
            "newsroom.wsgi",
            "-w",
            "2",
            "-b",
            f"127.0.0.1:{port}",
            "--no-control-socket",  # one per user in gunicorn 27: another would collide
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(f"{base}/")
        quiet = readers(base, options.seconds)
        stop, lock, answers = threading.Event(), threading.Lock(), Counter()
        threads = [
            threading.Thread(target=attacker, args=(base, stop, answers, lock))
            for _ in range(options.attackers)
        ]
        for thread in threads:
            thread.start()
        time.sleep(1)  # Let the guessing start before readers are measured.
        attacked = readers(base, options.seconds)
        stop.set()
        for thread in threads:
            thread.join()
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait()
        shutil.rmtree(folder, ignore_errors=True)

    print(f"Readers, quiet:                  {quiet:8.1f} requests/s")
    print(f"Readers, {options.attackers} clients guessing:     {attacked:8.1f} requests/s")
    print(f"Ratio:                           {attacked / quiet:8.0%}  (target >= 80%)")
    print(
        "Login answers while guessing:    "
        + ", ".join(f"{k}: {v}" for k, v in sorted(answers.items(), key=str))
    )


if __name__ == "__main__":
    main()
