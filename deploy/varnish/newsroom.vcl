vcl 4.1;

# Varnish 7 (Debian's `varnish` package) in front of the Newsroom app servers: it keeps
# the public pages anonymous readers get, for as long as their s-maxage says, and drops
# them by their cache tags when the app says they changed. See README.md beside this file.

import std;

# The app servers (gunicorn). More than one: a director (vmod directors), see README.md.
backend default {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 60s;
}

# Who may drop pages: the app servers, which send a BAN after every change (and whoever
# runs manage.py there). List their addresses or their network, e.g. "10.0.1.0"/24;.
acl purgers {
    "127.0.0.1";
    "::1";
}

# Query parameters no page reads (Django's page cache ignores them too): dropped, so that
# a link shared with ?utm_source=... is the same cached page as without.
sub newsroom_strip_tracking {
    if (req.url ~ "[?&](utm_[a-z]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|_ga)=") {
        set req.url = regsuball(req.url,
            "(?<=[?&])(utm_[a-z]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|_ga)=[^&]*&?",
            "");
        set req.url = regsub(req.url, "[?&]+$", "");
    }
}

sub vcl_recv {
    if (req.method == "BAN") {
        if (client.ip !~ purgers) {
            return (synth(405, "Purging is not allowed from this address"));
        }
        if (req.http.X-Purge-All) {
            # Every page: every object the app tagged, not the static files.
            if (std.ban("obj.http.Cache-Tag ~ ^")) {
                return (synth(200, "Dropped every page"));
            }
            return (synth(400, std.ban_error()));
        }
        # Tags are letters, digits and hyphens (articles/page_tags.py), so they go into the
        # regular expression as they are. A tag matches a whole item of the comma list:
        # article-1 drops no page of article-12.
        if (req.http.X-Purge-Tags !~ "^[a-z0-9-]+( [a-z0-9-]+)*$") {
            return (synth(400, "X-Purge-Tags must name tags (a-z, 0-9, -) separated by spaces"));
        }
        if (std.ban("obj.http.Cache-Tag ~ (^|,)(" +
                regsuball(req.http.X-Purge-Tags, " ", "|") + ")(,|$)")) {
            return (synth(200, "Dropped the pages tagged " + req.http.X-Purge-Tags));
        }
        return (synth(400, std.ban_error()));
    }

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # The admin and shared previews are never cached.
    if (req.url ~ "^/(admin|preview)/") {
        return (pass);
    }
    # A logged-in editor (Django's session cookie) gets the app's own copy, which is never
    # stored: what staff see must not reach readers, nor readers' copies staff.
    if (req.http.Authorization || req.http.Cookie ~ "(^|;)\s*sessionid=") {
        return (pass);
    }
    # Public pages read no cookie: without one, every reader gets the same copy (the app
    # sends Vary: Cookie).
    unset req.http.Cookie;
    call newsroom_strip_tracking;
    set req.url = std.querysort(req.url);
    return (hash);
}

sub vcl_backend_response {
    # No stale copy while a page is fetched again: its s-maxage ends before the next
    # scheduled publication (articles/caching.py), and after that it is wrong.
    set beresp.grace = 0s;
    # The app's own X-Cache (hit, miss) as X-Cache-App: X-Cache says this cache's.
    set beresp.http.X-Cache-App = beresp.http.X-Cache;
    unset beresp.http.X-Cache;
    if (bereq.uncacheable) {
        return (deliver);
    }
    # Stored only when the app says for how long (s-maxage or max-age): not a page for one
    # person (private, no-cache, a cookie), nor an error page or a redirect, which say
    # nothing and may change with no purge (a scheduled article's 404 until its time).
    if (beresp.ttl <= 0s
            || beresp.http.Set-Cookie
            || beresp.http.Cache-Control ~ "(?i)(private|no-cache|no-store)"
            || beresp.http.Cache-Control !~ "(?i)(s-maxage|max-age)="
            || beresp.http.Vary == "*") {
        # For the next 10 s requests for it go straight to the app, none waiting for another.
        set beresp.ttl = 10s;
        set beresp.uncacheable = true;
    }
    return (deliver);
}

sub vcl_deliver {
    if (obj.uncacheable) {
        set resp.http.X-Cache = "PASS";
    } elsif (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    # The tags are for this cache: readers need not see them (nor download them, a
    # sitemap's can be long). Ask the app server directly to see a page's tags.
    unset resp.http.Cache-Tag;
    # s-maxage is for this cache, which is told of changes; another shared cache between
    # here and the reader is not, so it is not invited to keep the page.
    if (resp.http.Cache-Control ~ "s-maxage") {
        set resp.http.Cache-Control = regsub(
            regsub(resp.http.Cache-Control, "(^|,\s*)s-maxage=\d+", ""), "^,\s*", "");
    }
}

sub vcl_synth {
    if (req.method == "BAN") {
        set resp.http.Content-Type = "text/plain; charset=utf-8";
        set resp.body = resp.reason + {"
"};
        return (deliver);
    }
}
