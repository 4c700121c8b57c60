"""Varnish check: the site under gunicorn behind Varnish (deploy/varnish/newsroom.vcl),
with NEWSROOM_FRONT_CACHES pointing at it. It checks that what changes is dropped from
Varnish at once and nothing else, that nothing a logged-in editor sees is ever stored
there, and that only the app servers may drop pages.

Run from the repository root (CI runs it after the fault test):

    .venv/bin/python .ci/varnish.py
    .venv/bin/python .ci/varnish.py --site-port 8761 --varnish-port 6181

It needs varnishd (apt-get install varnish) and redis-server on the PATH, and touches
nothing shared: its own database (a SQLite file; with DATABASE_URL=postgres://.../NAME, a
database NAME_varnish_<pid> on that server), its own redis-server, gunicorn (2 workers,
DJANGO_DEBUG=0) and varnishd, on free ports unless told, all removed at the end, even on
failure. The pages: twelve published stories on two desks (odd numbers Politics, even
Sport), and a draft that the check schedules. Changes are made the ways editors make
them: a withdrawal by the workflow and a section's edit in a `manage.py shell` process
(which sends its purges itself, as any process that saves does), a story's edit through
the admin's form, through Varnish, answered by gunicorn.
"""

import argparse
import http.client
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from hung_cache import free_port, wait_for_port  # noqa: E402

sys.path.insert(0, str(ROOT / ".ci"))
from faults import FormFields  # noqa: E402

VCL = ROOT / "deploy" / "varnish" / "newsroom.vcl"
WORKERS = 2
# How far ahead the scheduled story goes live: the pages fetched meanwhile must expire
# from Varnish by then.
SCHEDULE_SECONDS = 6
# An address on the loopback network that is not in the VCL's purgers ACL (Linux answers
# on all of 127.0.0.0/8).
OUTSIDER = "127.0.0.2"

SETUP = """
import json
from django.contrib.auth import get_user_model
from django.utils import timezone
from articles.models import Article, ArticleStatus, Section

get_user_model().objects.create_superuser("editor", "editor@example.com", {password!r})
desks = [Section.objects.create(name=name, slug=name.lower()) for name in ("Sport", "Politics")]
an_hour_ago = timezone.now() - timezone.timedelta(hours=1)
ids = {{}}
for n in range(1, 13):
    story = Article.objects.create(
        headline=f"Story {{n}} of the {{desks[n % 2].name}} desk", slug=f"story-{{n}}",
        body=f"The words of story {{n}}.", section=desks[n % 2],
        status=ArticleStatus.PUBLISHED, publish_at=an_hour_ago,
    )
    ids[story.slug] = story.pk
draft = Article.objects.create(
    headline="The scheduled story", slug="scheduled", body="Its words.", section=desks[1],
)
ids[draft.slug] = draft.pk
print(json.dumps(ids))
"""
WITHDRAW = """
from django.contrib.auth import get_user_model
from articles.models import Article
from articles.workflow import take_step

take_step(Article.objects.get(slug={slug!r}), "withdraw", get_user_model().objects.get())
"""
EDIT_SECTION = """
from articles.models import Section

sport = Section.objects.get(slug="sport")
sport.description = "Results, fixtures and the transfer window."
sport.save()
"""
SCHEDULE = """
import json
from django.contrib.auth import get_user_model
from django.utils import timezone
from articles.models import Article
from articles.workflow import take_step

story = Article.objects.get(slug="scheduled")
story.publish_at = timezone.now() + timezone.timedelta(seconds={seconds})
take_step(story, "publish", get_user_model().objects.get())
print(json.dumps(story.publish_at.timestamp()))
"""


def fetch(port, path, method="GET", headers=None, cookies=None, data=None, source=None):
    """One HTTP request to 127.0.0.1:`port` (from `source`, an address to send from):
    (status, headers, text). Cookies the site sets are kept in `cookies`, as a browser
    would keep them."""
    headers = dict(headers or {})
    if cookies:
        headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in cookies.items())
    body = None
    if data is not None:
        body = urllib.parse.urlencode(data)
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    connection = http.client.HTTPConnection(
        "127.0.0.1", port, timeout=30, source_address=(source, 0) if source else None
    )
    try:
        connection.request(method, path, body, headers)
        response = connection.getresponse()
        text = response.read().decode(errors="replace")
    finally:
        connection.close()
    if cookies is not None:
        for value in response.headers.get_all("Set-Cookie") or ():
            name, _, rest = value.partition("=")
            cookies[name] = rest.split(";")[0]
    return response.status, response.headers, text


class Check:
    """Says each check as it is made, and remembers the ones that failed."""

    def __init__(self):
        self.failed = []

    def __call__(self, passed: bool, what: str, got="") -> bool:
        print(f"{'ok  ' if passed else 'FAIL'}  {what}" + ("" if passed else f" (got {got})"))
        if not passed:
            self.failed.append(what + (f" (got {got})" if got != "" else ""))
        return passed


def shell(env, code) -> object:
    """Run `code` in `manage.py shell` (the app's code in a process of its own); the JSON
    it prints last, if any."""
    done = subprocess.run(
        [ROOT / ".venv/bin/python", "manage.py", "shell", "--no-imports", "-c", code],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    lines = done.stdout.strip().splitlines()
    return json.loads(lines[-1]) if lines else None


def varnish_config(site_port: int) -> str:
    """The VCL, with its backend's port set to our gunicorn's."""
    vcl, count = re.subn(r'\.port = "\d+";', f'.port = "{site_port}";', VCL.read_text())
    if count != 1:
        raise SystemExit(f"FAILED: {VCL} should have one backend .port; it has {count}")
    return vcl


def database_for(work: Path):
    """DATABASE_URL for the check's own database, and how to drop it (None for SQLite)."""
    given = os.environ.get("DATABASE_URL", "")
    if not given.startswith(("postgres://", "postgresql://")):
        return f"sqlite:///{work / 'db.sqlite3'}", None
    import psycopg

    address = urllib.parse.urlsplit(given)
    name = f"{address.path.lstrip('/') or 'newsroom'}_varnish_{os.getpid()}"
    admin = psycopg.connect(address._replace(path="/postgres").geturl(), autocommit=True)
    admin.execute(f'CREATE DATABASE "{name}"')

    def drop():
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()

    return address._replace(path=f"/{name}").geturl(), drop


def run_checks(check, site, varnish, env, ids, password):
    """Everything the check asks of Varnish and the site, in order."""

    def get(path, method="GET", **kwargs):
        return fetch(varnish, path, method, **kwargs)

    def x_cache(path, **kwargs):
        return get(path, **kwargs)[1]["X-Cache"]

    def ban(headers, source=None):
        return fetch(varnish, "/", "BAN", headers, source=source)

    story = {slug: f"/articles/{slug}/" for slug in ids}
    withdrawn, edited, unrelated = story["story-3"], story["story-5"], story["story-2"]
    editors_page, sport, politics = story["story-4"], "/sections/sport/", "/sections/politics/"
    # Two stories whose tags are one another's prefix (article-1 and article-12): dropping
    # one must not drop the other.
    short, long = next(
        (a, b) for a in ids for b in ids if a != b and str(ids[b]).startswith(str(ids[a]))
    )
    home_page = get("/")[2]
    static = re.search(r'(?:href|src)="(/static/[^"]+)"', home_page)[1]
    warmed = ["/", sport, politics, withdrawn, edited, unrelated, story[short], story[long]]
    warmed.append(static)

    print("\nPages are kept, and what is for Varnish alone stays there")
    for path in warmed:
        get(path)
        check(x_cache(path) == "HIT", f"{path} is a HIT the second time", x_cache(path))
    status, headers, _ = get(unrelated)
    check("Cache-Tag" not in headers, "readers get no Cache-Tag header", headers["Cache-Tag"])
    check(
        "s-maxage" not in headers["Cache-Control"],
        "readers get no s-maxage",
        headers["Cache-Control"],
    )
    direct = fetch(site, unrelated)[1]
    check(
        f"article-{ids['story-2']}" in direct["Cache-Tag"].split(","),
        "gunicorn names the story in its Cache-Tag",
        direct["Cache-Tag"],
    )
    tracked = f"{unrelated}?utm_source=newsletter&utm_medium=email&fbclid=x1"
    check(x_cache(tracked) == "HIT", "tracking parameters are the same page", x_cache(tracked))

    print("\nOnly the app servers may drop pages")
    status, _, text = ban({"X-Purge-Tags": f"article-{ids['story-2']}"}, source=OUTSIDER)
    check(status == 405, f"a BAN from {OUTSIDER} is refused with 405", f"{status} {text}")
    check(x_cache(unrelated) == "HIT", "and its page is still a HIT", x_cache(unrelated))
    status, _, text = ban({"X-Purge-Tags": "article-2|.*"})
    check(status == 400, "a BAN with tags that are not tags is refused with 400", status)
    status, _, text = ban({})
    check(status == 400, "a BAN naming no tags is refused with 400", status)
    check(x_cache(unrelated) == "HIT", "and nothing was dropped", x_cache(unrelated))

    print(f"\nA tag drops its own pages: article-{ids[short]} is not article-{ids[long]}")
    status, _, text = ban({"X-Purge-Tags": f"article-{ids[short]}"})
    check(status == 200, "the BAN is answered 200", f"{status} {text}")
    check(x_cache(story[short]) == "MISS", f"{story[short]} is dropped", x_cache(story[short]))
    check(x_cache(story[long]) == "HIT", f"{story[long]} is still a HIT", x_cache(story[long]))

    print("\n(a) A story withdrawn through the workflow, in a process of its own")
    for path in ("/", politics):
        get(path)
    shell(env, WITHDRAW.format(slug="story-3"))
    status, headers, _ = get(withdrawn)
    check(status == 404, f"{withdrawn} is 404 through Varnish at once", status)
    home = get("/")
    check(home[1]["X-Cache"] == "MISS", "the home page is fetched again", home[1]["X-Cache"])
    check("Story 3 of" not in home[2], "and does not list it", "listed")
    check("Story 3 of" not in get(politics)[2], "nor does its section's page", "listed")
    for path in (unrelated, sport):
        check(x_cache(path) == "HIT", f"{path}, unrelated, is still a HIT", x_cache(path))

    print("\n(b) A story edited by an editor in the admin, through Varnish")
    editor = {}
    login_page = get("/admin/login/", cookies=editor)
    check(login_page[1]["X-Cache"] == "PASS", "the admin is never cached", login_page[1]["X-Cache"])
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login_page[2])[1]
    login = {"csrfmiddlewaretoken": token, "username": "editor", "password": password}
    status, _, _ = get("/admin/login/?next=/admin/", "POST", cookies=editor, data=login)
    if not check(status == 302 and "sessionid" in editor, "the editor logs in", status):
        return
    get(politics)
    form_url = f"/admin/articles/article/{ids['story-5']}/change/"
    parser = FormFields("article_form")
    parser.feed(get(form_url, cookies=editor)[2])
    fields = [(k, v) for k, v in parser.fields if k != "headline"]
    fields += [("headline", "Story 5, corrected"), ("_continue", "1")]
    status, _, text = get(form_url, "POST", cookies=editor, data=fields)
    said = re.findall(r'<ul class="errorlist[^>]*>(.*?)</ul>', text, re.S)
    if not check(status == 302, "the edit is saved", f"{status} {said}"):
        return
    status, headers, text = get(edited)
    check("Story 5, corrected" in text, "the story shows the edit at once", headers["X-Cache"])
    check("Story 5, corrected" in get(politics)[2], "and so does its section's page", "old")
    check(x_cache(unrelated) == "HIT", "an unrelated story is still a HIT", x_cache(unrelated))

    print("\n(c) What a logged-in editor sees is never stored")
    status, headers, _ = get(editors_page, cookies=editor)
    check(headers["X-Cache"] == "PASS", "the editor's page is passed", headers["X-Cache"])
    cache_control = headers["Cache-Control"] or ""
    check("private" in cache_control, "and private", cache_control)
    check(x_cache(editors_page) == "MISS", "a reader after the editor is not served it", "HIT")
    check(x_cache(editors_page) == "HIT", "the reader's own copy is kept", x_cache(editors_page))
    status, headers, _ = get(editors_page, cookies=editor)
    check(headers["X-Cache"] == "PASS", "the editor is not served the reader's", headers["X-Cache"])

    print("\nA change to everything (a section) drops every page, and no static file")
    shell(env, EDIT_SECTION)
    check(x_cache(unrelated) == "MISS", f"{unrelated} is dropped", x_cache(unrelated))
    check(x_cache(sport) == "MISS", f"{sport} is dropped", x_cache(sport))
    check(x_cache(static) == "HIT", f"{static} is still a HIT", x_cache(static))

    print(f"\nA story scheduled {SCHEDULE_SECONDS} s ahead is on the home page at its time")
    get("/")
    publish_at = shell(env, SCHEDULE.format(seconds=SCHEDULE_SECONDS))
    check(x_cache("/") == "MISS", "scheduling it drops the pages kept longer", "HIT")
    check(x_cache("/") == "HIT", "the home page is kept again", x_cache("/"))
    cache_control = fetch(site, "/")[1]["Cache-Control"]
    left = publish_at - time.time()
    shared = int(re.search(r"s-maxage=(\d+)", cache_control)[1])
    check(shared <= left, f"for no longer than until then ({left:.1f} s)", cache_control)
    check("The scheduled story" not in get("/")[2], "it is not shown before", "shown")
    time.sleep(max(0, publish_at - time.time()) + 0.2)
    status, headers, text = get("/")
    check("The scheduled story" in text, "it is shown at its time", headers["X-Cache"])


def main() -> int:
    # A CI runner stops a job with SIGTERM: end as on Ctrl-C, cleaning up on the way out.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("FAILED: stopped by SIGTERM"))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site-port", type=int, default=0, help="gunicorn's (default: free)")
    parser.add_argument("--varnish-port", type=int, default=0, help="Varnish's (default: free)")
    args = parser.parse_args()
    # Debian puts varnishd in /usr/sbin, on root's PATH only.
    varnishd = shutil.which("varnishd") or shutil.which("varnishd", path="/usr/sbin")
    redis_server = shutil.which("redis-server")
    if not varnishd or not redis_server:
        raise SystemExit("FAILED: varnishd and redis-server are needed (apt-get install varnish)")
    work = Path(tempfile.mkdtemp(prefix="varnish-check-"))
    work.chmod(0o711)  # Varnish reads its VCL as its own user
    site, varnish = args.site_port or free_port(), args.varnish_port or free_port()
    redis_port, password = free_port(), secrets.token_urlsafe(12)
    processes, drop_database, check = [], None, Check()
    log_path = work / "servers.log"
    try:
        database_url, drop_database = database_for(work)
        env = {
            **os.environ,
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            "DATABASE_URL": database_url,
            "REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
            "NEWSROOM_FRONT_CACHES": f"http://127.0.0.1:{varnish}",
            "DJANGO_LOG_LEVEL": "WARNING",
        }
        redis_command = [redis_server, "--port", str(redis_port), "--bind", "127.0.0.1"]
        redis_command += ["--save", "", "--appendonly", "no"]
        processes.append(subprocess.Popen(redis_command, stdout=subprocess.DEVNULL))
        for command in ("migrate", "collectstatic"):
            manage = [ROOT / ".venv/bin/python", "manage.py", command, "--noinput", "-v0"]
            subprocess.run(manage, cwd=ROOT, env=env, check=True)
        ids = shell(env, SETUP.format(password=password))
        (work / "newsroom.vcl").write_text(varnish_config(site))
        gunicorn = [ROOT / ".venv/bin/gunicorn", "newsroom.wsgi", "-w", str(WORKERS)]
        gunicorn += ["-b", f"127.0.0.1:{site}", "--no-control-socket"]
        varnish_command = [varnishd, "-F", "-n", work / "varnish", "-f", work / "newsroom.vcl"]
        varnish_command += ["-a", f"127.0.0.1:{varnish}", "-T", "none", "-s", "malloc,64m"]
        with open(log_path, "w") as log:
            for command in (gunicorn, varnish_command):
                processes.append(
                    subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=log)
                )
        wait_for_port(site)
        wait_for_port(varnish)
        print(f"gunicorn on {site}, Varnish on {varnish}; {len(ids)} stories")
        run_checks(check, site, varnish, env, ids, password)
    except (Exception, SystemExit) as error:  # SystemExit: a server did not start
        check(False, "the check ran to its end", repr(error))
        logged = log_path.read_text() if log_path.exists() else ""
        print("gunicorn's and Varnish's log, last lines:", *logged.splitlines()[-40:], sep="\n")
    finally:
        # Cleaning up must finish: a second Ctrl-C would leave the processes behind.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        for process in reversed(processes):
            process.terminate()
            process.wait(30)
        if drop_database:
            drop_database()
        shutil.rmtree(work, ignore_errors=True)
    if check.failed:
        print("\nFAILED:", *check.failed, sep="\n")
        return 1
    print("\nOK: Varnish drops what changed at once and keeps the rest; editors' pages stay out")
    return 0


if __name__ == "__main__":
    sys.exit(main())
