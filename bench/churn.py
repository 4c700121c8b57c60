"""Readers' throughput while the newsroom is busy: editors saving drafts, and published edits.

Run from the repository root (wrk and redis-server from Debian's packages):

    .venv/bin/python bench/churn.py [--seconds 15] [--pages 20]

It makes a throwaway database with the demo content (SQLite in a temporary folder, or the
database DATABASE_URL names), starts its own Redis and gunicorn (2 sync workers, Redis
page cache), and measures readers with wrk over a mix of public pages: while another
process saves a draft every 0.5 s, and while it edits a published article every 5 s, each
beside a quiet run just before it. It prints readers' requests per second and their share
of the quiet rate (targets in issue 15: at least 90% in both).
"""

from __future__ import annotations

import argparse
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from hung_cache import GUNICORN, LINK, PYTHON, ROOT, free_port, get, wait_for_port  # noqa: E402

# The editor, in a process of its own: saves one article again and again, a new line of
# text each time, as an editor updating a story does.
EDITOR = """
import time
from articles.models import Article, ArticleStatus
article = {find}
n = 0
while True:
    n += 1
    article.body = article.body + "<p>Update " + str(n) + ": the talks went on.</p>"
    article.save()
    if n == 1:
        print("saving", flush=True)  # started: the readers' run begins now
    time.sleep({every})
"""
DRAFT = (
    'Article.objects.create(headline="Breaking", status=ArticleStatus.DRAFT, body="<p>x</p>", '
    "section=Article.objects.first().section)"
)
PUBLISHED = "Article.objects.published().order_by('-publish_at').first()"


def readers(port: int, paths: list[str], seconds: float) -> float:
    """Readers' requests per second, from wrk rotating over `paths`."""
    script = Path(tempfile.mkstemp(suffix=".lua")[1])
    quoted = ", ".join(f'"{path}"' for path in paths)
    script.write_text(
        f"local paths = {{{quoted}}}\nlocal n = 0\n"
        "request = function()\n  n = n + 1\n"
        "  return wrk.format('GET', paths[(n % #paths) + 1])\nend\n"
    )
    output = subprocess.run(
        ["wrk", "-t2", "-c8", f"-d{seconds:g}s", "-s", str(script), f"http://127.0.0.1:{port}"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    script.unlink()
    return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))


def cpu_seconds(pid: int) -> float:
    """The CPU time (user and system) process `pid` has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def pages_to_read(port: int, count: int) -> list[str]:
    """`count` public pages: the home page, search, a feed and pages the home page links."""
    home = get(port, "/")[2].decode()
    paths = ["/", "/search/?q=talks", "/feeds/latest/rss/"]
    paths += sorted(set(LINK.findall(home)))
    return paths[:count]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=15, help="length of each run")
    parser.add_argument("--pages", type=int, default=20, help="public pages in the mix")
    args = parser.parse_args()
    for tool in ("wrk", "redis-server"):
        if shutil.which(tool) is None:
            raise SystemExit(f"{tool} is needed: apt-get install {tool}")

    work = Path(tempfile.mkdtemp(prefix="churn-"))
    redis_port, site_port = free_port(), free_port()
    env = {
        **os.environ,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": os.environ.get("DATABASE_URL") or f"sqlite:///{work / 'db.sqlite3'}",
        "REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
        "DJANGO_LOG_LEVEL": "ERROR",
    }
    redis = gunicorn = editor = None
    try:
        redis = subprocess.Popen(
            ["redis-server", "--port", str(redis_port), "--bind", "127.0.0.1", "--save", ""]
            + ["--appendonly", "no"],
            stdout=subprocess.DEVNULL,
        )
        wait_for_port(redis_port)
        for command in (["migrate", "--noinput", "-v0"], ["collectstatic", "--noinput", "-v0"]):
            subprocess.run([PYTHON, "manage.py", *command], cwd=ROOT, env=env, check=True)
        subprocess.run(
            [PYTHON, "manage.py", "load_demo"], cwd=ROOT, env=env, check=True, capture_output=True
        )
        gunicorn = subprocess.Popen(
            [GUNICORN, "newsroom.wsgi", "--workers", "2", "--bind", f"127.0.0.1:{site_port}"]
            + ["--no-control-socket"],
            cwd=ROOT,
            env=env,
            stderr=subprocess.DEVNULL,
        )
        wait_for_port(site_port)
        paths = pages_to_read(site_port, args.pages)
        for path in paths * 2:  # warm the cache and both workers
            get(site_port, path)

        # Each busy run follows a quiet run of its own, and is compared with it: on a shared
        # machine the quiet rate drifts more than the cache changes it.
        results = []
        for name, find, every in (
            ("a draft saved every 0.5 s", DRAFT, 0.5),
            ("a published article edited every 5 s", PUBLISHED, 5),
        ):
            quiet = readers(site_port, paths, args.seconds)
            code = EDITOR.format(find=find, every=every)
            editor = subprocess.Popen(
                [PYTHON, "manage.py", "shell", "-c", code],
                cwd=ROOT,
                env=env,
                stdout=subprocess.PIPE,
                text=True,
            )
            # Django's start-up is not the editor's saving: the readers' run begins with
            # the first save, and the editor's own CPU time over the run is reported.
            editor.stdout.readline()
            cpu_before = cpu_seconds(editor.pid)
            busy = readers(site_port, paths, args.seconds)
            editor_cpu = (cpu_seconds(editor.pid) - cpu_before) / args.seconds
            results.append((name, quiet, busy, editor_cpu))
            if editor.poll() is not None:
                raise SystemExit(f"The editor stopped (exit {editor.returncode}): see above")
            editor.send_signal(signal.SIGTERM)
            editor.wait(30)
            editor = None
    finally:
        for process in (editor, gunicorn, redis):
            if process is not None:
                process.terminate()
                process.wait(30)
        shutil.rmtree(work, ignore_errors=True)

    print(f"Readers over {len(paths)} pages, gunicorn 2 workers, Redis cache, {args.seconds:g} s")
    for name, quiet, busy, editor_cpu in results:
        print(
            f"  {name:38} {busy:8.1f} requests/s, quiet just before {quiet:8.1f}: "
            f"{busy / quiet:4.0%} (target >= 90%); the editor's saves took "
            f"{editor_cpu:.0%} of a core"
        )
    print(f"  (this machine has {os.cpu_count()} cores for wrk, gunicorn, Redis, the database")
    print("  and the editor together)")


if __name__ == "__main__":
    main()
