"""Tell the front caches (Varnish, deploy/varnish/) which pages to drop once a change is
committed, by the tags every public page names in its Cache-Tag header
(articles/page_tags.py).

Each front cache in NEWSROOM_FRONT_CACHES gets one request a change (a few for thousands
of tags):

    BAN / HTTP/1.1
    X-Purge-Tags: article-12 article-any list-all list-section-3

or, when everything may have changed (a section, a redirect), `X-Purge-All: 1`. With none
configured nothing is sent. A front cache that is down or refuses costs the save at most
twice TIMEOUT_SECONDS (to connect, then to be answered) and a line in the log, never the
save itself: its pages then stay until their s-maxage (NEWSROOM_CDN_MAX_AGE) ends. A
front cache that answers costs a save under a millisecond.

articles/caching.py calls these once the change is committed, after the page cache has
dropped the same pages, so that a front cache fetching a page again gets it fresh.
"""

import http.client
import logging
from urllib.parse import urlsplit

from django.conf import settings

logger = logging.getLogger(__name__)

# Seconds to connect, and again to be answered: a purge is answered at once, and a save
# must not hang on a front cache that is down.
TIMEOUT_SECONDS = 1
# The longest X-Purge-Tags header sent; more tags go in further requests. Varnish refuses
# a request header over 8 kB (its http_req_hdr_len).
MAX_HEADER_CHARS = 4000


def purge_tags(tags) -> None:
    """Drop the pages kept under any of `tags` from every front cache."""
    if not settings.NEWSROOM_FRONT_CACHES or not tags:
        return
    for batch in _batches(sorted(tags)):
        _send_to_all({"X-Purge-Tags": " ".join(batch)})


def purge_everything() -> None:
    """Drop every page from every front cache."""
    if settings.NEWSROOM_FRONT_CACHES:
        _send_to_all({"X-Purge-All": "1"})


def _batches(tags: list[str]):
    """`tags` in runs whose header fits in MAX_HEADER_CHARS."""
    batch, length = [], 0
    for tag in tags:
        if batch and length + 1 + len(tag) > MAX_HEADER_CHARS:
            yield batch
            batch, length = [], 0
        batch.append(tag)
        length += len(tag) + (1 if length else 0)
    if batch:
        yield batch


def _send_to_all(headers: dict) -> None:
    for base_url in settings.NEWSROOM_FRONT_CACHES:
        _send(base_url, headers)


def _send(base_url: str, headers: dict) -> None:
    """One BAN request; a failure is logged, never raised: the change is committed."""
    address = urlsplit(base_url)
    kind = http.client.HTTPSConnection if address.scheme == "https" else http.client.HTTPConnection
    connection = kind(address.hostname, address.port, timeout=TIMEOUT_SECONDS)
    try:
        connection.request("BAN", address.path or "/", headers=headers)
        response = connection.getresponse()
        answer = response.read(200).decode(errors="replace").strip()
    except (OSError, http.client.HTTPException) as error:
        logger.warning("Front cache %s was not told to drop pages: %s", base_url, error)
        return
    finally:
        connection.close()
    if response.status != 200:
        said = f"{response.status} {answer}".strip()
        logger.warning("Front cache %s refused to drop pages: %s", base_url, said)
