"""Fault test: the site under gunicorn, read and edited, while Redis is stopped, restarted,
hung and resumed, and PostgreSQL cuts the site's connections and then refuses them; it
checks that readers keep getting pages, that no edit is lost or half-written, and that
everything recovers without a restart.

Run from the repository root (CI runs it after the PostgreSQL suite):

    .venv/bin/python .ci/faults.py

It needs PostgreSQL at 127.0.0.1:5432 (user postgres, no password) and redis-server on the
PATH, and touches nothing shared: it makes its own database (faults_<pid>), its own
redis-server on a free port and its own gunicorn (2 workers, DJANGO_DEBUG=0), and removes
them at the end, even on failure. Readers (threads fetching the home page, an article, a
person, a section, a search and a feed) and one editor (logged in to the admin, saving the
article through its form with a numbered line added to the body) run throughout the
phases, PHASE_SECONDS each; check_phase() says what each must show. docs/operations.md
describes how the site behaves under each fault.
"""

import collections
import http.client
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from html.parser import HTMLParser
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
# The benchmark of a hung Redis has these already.
from hung_cache import free_port, percentile, wait_for_port  # noqa: E402

POSTGRES = "postgresql://postgres@127.0.0.1:5432/"
WORKERS, READERS, PHASE_SECONDS = 2, 4, 6
# Shorter than the default 5 s, so that the phases can be short; the breaker is the same.
RETRY_SECONDS = 2
STOPPED, HUNG = "Redis stopped (SIGTERM)", "Redis hung (SIGSTOP)"
KILLED, REFUSING = "PostgreSQL connections killed", "PostgreSQL refusing connections"
FAULTS = (STOPPED, HUNG, KILLED, REFUSING)
STATE = {"phase": "setup", "running": True}  # read by the reader and editor threads
# One request: when it began and ended (time.monotonic()), who sent it (reader or editor),
# the HTTP status (0: no answer), and X-Cache for a reader, or for the editor the outcome
# (ok, refused, error); then what was asked.
Record = collections.namedtuple("Record", "began ended kind status result what")


def request(port, method, path, data=None, cookies=None):
    """One HTTP request: (status, headers, text), status 0 if nothing answered in time.
    Cookies the site sets are kept in `cookies`, as a browser would."""
    headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in (cookies or {}).items())}
    body = None
    if data is not None:
        body = urllib.parse.urlencode(data)
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request(method, path, body, headers)
        response = connection.getresponse()
        text = response.read().decode(errors="replace")
    except (OSError, http.client.HTTPException):
        return 0, http.client.HTTPMessage(), ""
    finally:
        connection.close()
    for value in response.headers.get_all("Set-Cookie") or ():
        name, _, rest = value.partition("=")
        if cookies is not None:
            cookies[name] = rest.split(";")[0]
    return response.status, response.headers, text


class FormFields(HTMLParser):
    """The fields a browser sends from the form with id `form_id`, as (name, value) pairs."""

    def __init__(self, form_id):
        super().__init__()
        self.form_id, self.inside, self.fields = form_id, False, []
        self.textarea = self.select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        elif not self.inside:
            return
        elif tag == "input" and "name" in attrs:
            kind = attrs.get("type", "text")
            sent = "checked" in attrs or kind not in ("checkbox", "radio")
            if sent and kind not in ("submit", "button", "image", "file", "reset"):
                self.fields.append((attrs["name"], attrs.get("value") or ""))
        elif tag == "textarea":
            self.textarea = [attrs["name"], ""]
        elif tag == "select":
            self.select = attrs["name"]
        elif tag == "option" and self.select and "selected" in attrs:
            self.fields.append((self.select, attrs.get("value") or ""))

    def handle_data(self, data):
        if self.textarea:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "textarea" and self.textarea:
            # Browsers drop the newline that follows <textarea>, as Django writes it.
            self.fields.append((self.textarea[0], self.textarea[1].removeprefix("\n")))
            self.textarea = None
        elif tag == "select":
            self.select = None


def read(port, paths, offset, records):
    """A reader: fetch `paths` in turn until the test ends, recording every answer."""
    n = offset
    while STATE["running"]:
        path, began = paths[n % len(paths)], time.monotonic()
        n += 1
        status, headers, _ = request(port, "GET", path)
        records.append(Record(began, time.monotonic(), "reader", status, headers["X-Cache"], path))


def edit(port, dsn, article_id, password, records, problems, saved):
    """The editor, in a thread of its own: whatever goes wrong in it fails the test."""
    try:
        edit_again_and_again(port, dsn, article_id, password, records, problems, saved)
    except Exception as error:
        problems.append(f"the editor stopped: {error!r}")


def edit_again_and_again(port, dsn, article_id, password, records, problems, saved):
    """Open the article's form and save it with a new numbered line, again and again.
    After each save the database must hold what the answer said: a save answered 302 is
    there, one refused with 503 left no trace, one that failed is there whole or not at all."""
    cookies, url = {}, f"/admin/articles/article/{article_id}/change/"
    login_page = request(port, "GET", "/admin/login/", cookies=cookies)[2]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login_page)[1]
    login = {"csrfmiddlewaretoken": token, "username": "admin", "password": password}
    if request(port, "POST", "/admin/login/?next=/admin/", login, cookies)[0] != 302:
        raise RuntimeError("the editor could not log in")
    query = "SELECT version, body FROM articles_article WHERE id = %s"
    fields = base = None
    n = 0
    with psycopg.connect(dsn, autocommit=True, application_name="fault-test") as db:
        while STATE["running"]:
            began = time.monotonic()
            status, _, text = request(port, "GET", url, cookies=cookies)
            if status == 200:
                parser = FormFields("article_form")
                parser.feed(text)
                fields = parser.fields
                base = base or dict(fields)["body"]
            elif status != 503:  # 503: the form needs the cache; keep the one we have
                records.append(Record(began, time.monotonic(), "editor", status, "error", url))
            if fields is None:
                time.sleep(0.2)
                continue
            n += 1
            marker = f"Fault test save {n}."
            before = db.execute(query, [article_id]).fetchone()[0]
            data = [(k, v) for k, v in fields if k != "body"]
            data += [("body", f"{base}<p>{marker}</p>"), ("_continue", "1")]
            posted = time.monotonic()
            status, _, text = request(port, "POST", url, data, cookies)
            version, body = db.execute(query, [article_id]).fetchone()
            kept = version == before + 1 and marker in body
            untouched = version == before and marker not in body
            what = f"save {n} ({STATE['phase']})"
            if status == 302:
                result = "ok"
                if not kept:
                    problems.append(f"{what}, was answered 302 but is not in the database")
            elif status == 503 and "Nothing was saved" in text:
                result = "refused"
                if not untouched:
                    problems.append(f"{what}, was refused (503) but written")
            else:
                result = "error"
                if not (kept or untouched):
                    problems.append(f"{what}, was answered {status} and is half-written")
                elif kept:
                    print(f"note: {what}, was answered {status} but kept")
                said = re.findall(r'<ul class="errorlist[^>]*>(.*?)</ul>', text, re.S)
                if said:
                    problems.append(f"{what}, was refused by the form: {said}")
            if kept:
                saved.update(count=saved["count"] + 1, marker=marker)
            records.append(Record(posted, time.monotonic(), "editor", status, result, what))
            # The version the form shows once reloaded, for when it cannot be reloaded.
            fields = [(k, v) for k, v in fields if k != "loaded_version"]
            fields.append(("loaded_version", str(version)))
            time.sleep(0.1)


def phase_at(moment, timeline) -> str:
    """The phase under way at `moment`: a fault's from when it begins to be made, a
    recovery's once it is made, so that what fails meanwhile counts in the fault's."""
    current = "setup"
    for name, begun, ready in timeline:
        if (begun if name in FAULTS else ready) <= moment:
            current = name
    return current


def counted_in(record, timeline) -> str:
    """The phase a request counts in: the one it began in, but a PostgreSQL phase if it
    ended in one, since a request in flight as connections are cut fails with them."""
    ended = phase_at(record.ended, timeline)
    return ended if ended in (KILLED, REFUSING) else phase_at(record.began, timeline)


def check_phase(name, rows, outage, cuts):
    """Print the phase's line of the table; return what it got wrong. `outage`: when the
    phase's fault was in place; `cuts`: when PostgreSQL connections were being cut."""
    reads = [r for r in rows if r.kind == "reader"]
    saves = [r for r in rows if r.kind == "editor"]
    failed = [r for r in reads if r.status != 200]
    errors = [r for r in saves if r.result == "error"]
    hits = sum(r.result == "hit" for r in reads)
    outcomes = collections.Counter(r.result for r in saves)
    times = [(r.ended - r.began) * 1000 for r in reads]
    print(
        f"{name:<34}{len(reads):>6}{len(failed):>7}{percentile(times, 0.5):>7.0f}"
        f"{percentile(times, 0.99):>7.0f}{hits:>6}{outcomes['ok']:>6}{outcomes['refused']:>8}"
        f"{len(errors):>7}"
    )
    bad, wrong = failed + errors, []
    if name == REFUSING:
        # Cached pages are served, others get the 500 page, and so do saves (they leave no
        # trace, as is checked for every save); but every request must get an answer.
        bad = [r for r in bad if r.status == 0]
    elif name == KILLED:
        # A request whose connection is cut while it runs fails, but only that one: a
        # connection cut while idle is replaced before its next use (CONN_HEALTH_CHECKS).
        bad = [r for r in bad if not any(r.began < end and start < r.ended for start, end in cuts)]
        wrong += [] if outcomes["ok"] else [f"{name}: no save went through"]
    elif name in (STOPPED, HUNG):
        # A save must drop the cached pages it changes, so none may pass while Redis is out
        # of reach.
        during = [r for r in saves if outage[0] <= r.began and r.ended <= outage[1]]
        passed = [r for r in during if r.result == "ok"]
        wrong += [f"{name}: {r.what}, went through" for r in passed[:5]]
        wrong += [] if outcomes["refused"] else [f"{name}: no save was refused"]
    else:
        wrong += [] if outcomes["ok"] else [f"{name}: no save went through"]
        wrong += [] if hits else [f"{name}: no page came from the cache"]
    wrong += [f"{name}: {r.kind} got {r.status or 'no answer'} for {r.what}" for r in bad[:5]]
    return wrong + ([f"{name}: and {len(bad) - 5} more failed"] if len(bad) > 5 else [])


def main() -> int:
    # A CI runner stops a job with SIGTERM: end as on Ctrl-C, cleaning up on the way out.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("FAILED: stopped by SIGTERM"))
    redis_server = shutil.which("redis-server")
    if not redis_server:
        raise SystemExit("FAILED: redis-server is needed (apt-get install redis-server)")
    work = Path(tempfile.mkdtemp(prefix="faults-"))
    database, password = f"faults_{os.getpid()}", secrets.token_urlsafe(12)
    dsn = POSTGRES + database
    redis_port, site_port = free_port(), free_port()
    redis_command = [redis_server, "--port", str(redis_port), "--bind", "127.0.0.1"]
    redis_command += ["--save", "", "--appendonly", "no"]
    env = {
        **os.environ,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": dsn,
        "REDIS_URL": f"redis://127.0.0.1:{redis_port}/5",
        "NEWSROOM_CACHE_RETRY_SECONDS": str(RETRY_SECONDS),
        "DJANGO_LOG_LEVEL": "WARNING",
    }
    admin = psycopg.connect(POSTGRES + "postgres", autocommit=True)
    redis = gunicorn = None
    records, problems, cuts = [], [], []
    log_path = work / "gunicorn.log"

    def start_redis():
        nonlocal redis
        redis = subprocess.Popen(redis_command, stdout=subprocess.DEVNULL)
        wait_for_port(redis_port)

    def refuse_connections(refuse: bool):
        """Make PostgreSQL refuse the site's connections to its database, as if it were
        down, or accept them again (other databases are not touched)."""
        admin.execute(f'ALTER DATABASE "{database}" ALLOW_CONNECTIONS {not refuse}')

    def cut_connections():
        """Terminate the site's connections to its database (not the editor's checks)."""
        begun = time.monotonic()
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = %s AND application_name <> 'fault-test'",
            [database],
        )
        cuts.append((begun, time.monotonic()))

    try:
        admin.execute(f'CREATE DATABASE "{database}"')
        start_redis()
        for command in ("migrate", "collectstatic", "load_demo"):
            # One argument, "=" joined: a password may start with "-", which argparse
            # would read as an option.
            extra = [f"--password={password}"] if command == "load_demo" else ["--noinput"]
            manage = [ROOT / ".venv/bin/python", "manage.py", command, *extra]
            subprocess.run(manage, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
        with open(log_path, "w") as log:
            gunicorn = subprocess.Popen(
                [ROOT / ".venv/bin/gunicorn", "newsroom.wsgi", "-w", str(WORKERS)]
                + ["-b", f"127.0.0.1:{site_port}", "--no-control-socket"],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=log,
            )
        wait_for_port(site_port)
        time.sleep(2)  # for both workers to boot
        workers = Path(f"/proc/{gunicorn.pid}/task/{gunicorn.pid}/children")
        worker_pids = workers.read_text().split()

        # What readers read: the first article, person and section on the home page.
        home = request(site_port, "GET", "/")[2]
        article, person, section = (
            re.search(rf'href="(/{kind}/[^"]+/)"', home)[1]
            for kind in ("articles", "people", "sections")
        )
        search = "/search/?q=" + person.split("/")[2].split("-")[0]
        paths = ["/", article, person, section, search, "/feeds/latest/rss/"]
        with psycopg.connect(dsn, autocommit=True) as db:
            article_id, start_version = db.execute(
                "SELECT id, version FROM articles_article WHERE slug = %s", [article.split("/")[2]]
            ).fetchone()
        saved = {"count": 0, "marker": None}
        threads = [
            threading.Thread(target=read, args=(site_port, paths, i, records), daemon=True)
            for i in range(READERS)
        ]
        editor = (site_port, dsn, article_id, password, records, problems, saved)
        threads.append(threading.Thread(target=edit, args=editor, daemon=True))
        for thread in threads:
            thread.start()

        # Each phase: its name, what begins it, and what is done each second of it.
        phases = [
            ("quiet", None, None),
            (STOPPED, lambda: (redis.terminate(), redis.wait(10)), None),
            ("Redis restarted", start_redis, None),
            (HUNG, lambda: redis.send_signal(signal.SIGSTOP), None),
            ("Redis resumed (SIGCONT)", lambda: redis.send_signal(signal.SIGCONT), None),
            (KILLED, None, cut_connections),
            (REFUSING, lambda: (refuse_connections(True), cut_connections()), None),
            ("recovered", lambda: refuse_connections(False), None),
        ]
        timeline = []
        for name, begin, every in phases:
            begun = time.monotonic()
            if begin:
                begin()
            timeline.append((name, begun, time.monotonic()))
            STATE["phase"] = name
            ends = time.monotonic() + PHASE_SECONDS
            while time.monotonic() < ends:
                if every:
                    every()
                time.sleep(min(1, max(0, ends - time.monotonic())))
        STATE["running"] = False
        for thread in threads:
            thread.join(60)

        print(f"\nFault test: gunicorn, {WORKERS} workers; {READERS} readers, 1 editor")
        print(f"{'phase':<34} reads failed p50 ms p99 ms  hits saves refused errors")
        until = [begun for _, begun, _ in timeline[1:]] + [time.monotonic()]
        for (name, _, ready), end in zip(timeline, until, strict=True):
            rows = [r for r in records if counted_in(r, timeline) == name]
            problems += check_phase(name, rows, (ready, end), cuts)
        print(f"PostgreSQL connections cut {len(cuts)} times; saves kept: {saved['count']}")

        # After it all: the database holds every save answered as saved, the article's page
        # shows the last one and is cached again, and gunicorn replaced no worker.
        with psycopg.connect(dsn, autocommit=True) as db:
            version, body = db.execute(
                "SELECT version, body FROM articles_article WHERE id = %s", [article_id]
            ).fetchone()
        last = saved["marker"] or "(no save was kept)"
        if version != start_version + saved["count"] or last not in body:
            problems.append(f"the article is at version {version} after {saved['count']} saves")
        # With nothing running, cut every connection: the next request of each worker must
        # find its connection dead and connect afresh (CONN_HEALTH_CHECKS), failing nothing.
        cut_connections()
        idle = [request(site_port, "GET", f"/search/?q=idle{i}")[0] for i in range(4 * WORKERS)]
        if set(idle) != {200}:
            problems.append(f"after connections were cut while idle, searches got {idle}")
        first, second = (request(site_port, "GET", article) for _ in range(2))
        if last not in first[2]:
            problems.append(f"the article's page does not show the last save ({first[0]})")
        if second[1]["X-Cache"] != "hit":
            problems.append(f"the article's page is not cached again ({second[1]['X-Cache']})")
        if workers.read_text().split() != worker_pids:
            problems.append("gunicorn replaced a worker")
    except BaseException:
        # Whatever stopped the test (the site did not start, say), gunicorn may say why.
        print(*(log_path.read_text().splitlines()[-40:] if log_path.exists() else []), sep="\n")
        raise
    finally:
        # Cleaning up must finish: a second Ctrl-C would leave the database and processes.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        STATE["running"] = False
        if gunicorn is not None:
            gunicorn.terminate()
            gunicorn.wait(30)
        if redis is not None and redis.poll() is None:
            redis.send_signal(signal.SIGCONT)
            redis.terminate()
            redis.wait(10)
        # WITH (FORCE) ends its connections, even if the test stopped while it refused them.
        admin.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        admin.close()
        logged = log_path.read_text() if log_path.exists() else ""
        shutil.rmtree(work, ignore_errors=True)
    noise = re.compile(r"\s|Traceback|During handling|The above exception")
    lines = [line for line in logged.splitlines() if not noise.match(line)]
    print(
        f"gunicorn logged: {logged.count('is out of reach (')} cache outages, "
        f"{logged.count('answers again after')} recoveries, "
        f"{logged.count('Service Unavailable')} refusals (503), "
        f"{logged.count('Internal Server Error')} server errors (500), "
        f"{logged.count('Traceback')} tracebacks, {len(logged.splitlines())} lines"
    )
    if not problems:
        print("OK: readers got pages, no save was lost or half-written, all recovered")
        return 0
    print("\nFAILED:", *problems, sep="\n")
    print("\ngunicorn's log, tracebacks left out, last lines:", *lines[-40:], sep="\n")
    return 1


if __name__ == "__main__":
    sys.exit(main())
