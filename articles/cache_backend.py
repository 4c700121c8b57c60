"""A circuit breaker in front of the Redis cache: a dead or hung Redis costs one request the
socket timeout, not every request.

Django's RedisCache makes its redis-py connection pools from OPTIONS["pool_class"]
(settings.CACHES); ours gives every connection it makes a breaker, one per Redis server
per process, so every cache call of the app passes it: the page cache, the content
generation, the gazetteer's stamp, the notes of who is editing.

- Closed (Redis answers): calls go through. A connection error or a timeout opens it,
  logs one warning, and the call raises CacheUnavailable.
- Open: every call raises CacheUnavailable at once, without touching the network. Readers
  get pages built afresh; a save, which must drop the pages it changes, fails whole (the
  page cache middleware answers it with a 503 page that says why).
- NEWSROOM_CACHE_RETRY_SECONDS after the failure, the next call starts a probe in a
  background thread (connect and PING, with the usual timeouts) and is itself skipped; the
  probe's success closes the breaker, with one log line, and a failure waits as long again.

State is per process (each gunicorn worker keeps its own), which is what a breaker needs:
it only spares this process's requests the wait.
"""

import contextlib
import logging
import os
import threading
import time

from django.conf import settings
from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient
from django.core.signals import setting_changed
from redis import Connection, ConnectionPool
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import RedisError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

# What says the server is out of reach (refused, reset, unresolvable, silent), as opposed
# to an answer that is an error (a bad command, out of memory), which leaves it closed.
UNREACHABLE = (RedisConnectionError, RedisTimeoutError, OSError)


class CacheUnavailable(RedisError):
    """The cache is out of reach: it failed to answer just now, or did a moment ago and is
    skipped until a probe finds it answering again.

    A RedisError, so code that already copes with Redis failing copes with this; but not a
    ConnectionError, so that redis-py's own retries never retry it.
    """


def retry_seconds() -> float:
    return max(0.0, float(getattr(settings, "NEWSROOM_CACHE_RETRY_SECONDS", 5)))


class CircuitBreaker:
    """The state of one Redis server as this process sees it."""

    def __init__(self, address: str, connection_class, connection_kwargs: dict):
        self.address = address
        # How to make a connection that bypasses the breaker, for the probe.
        self._connection_class = connection_class
        self._connection_kwargs = connection_kwargs
        self._lock = threading.Lock()
        # When the outage began (time.monotonic()), or None while the server answers.
        self._down_since: float | None = None
        self._retry_at = 0.0
        self.probe: threading.Thread | None = None

    @property
    def is_open(self) -> bool:
        return self._down_since is not None

    def check(self) -> None:
        """Let a call through while the server answers; else refuse it at once, starting a
        probe if it is time for one."""
        if self._down_since is None:
            return
        with self._lock:
            if self._down_since is None:
                return
            probing = self.probe is not None and self.probe.is_alive()
            if not probing and time.monotonic() >= self._retry_at:
                self.probe = threading.Thread(
                    target=self._probe, name=f"cache-probe {self.address}", daemon=True
                )
                self.probe.start()
        raise CacheUnavailable(f"The cache at {self.address} is out of reach (skipped for now).")

    @contextlib.contextmanager
    def watching(self):
        """Open the breaker if what runs inside finds the server out of reach."""
        try:
            yield
        except CacheUnavailable:
            raise
        except UNREACHABLE as error:
            raise self.trip(error) from error

    def trip(self, error: BaseException) -> CacheUnavailable:
        with self._lock:
            began = self._down_since is None
            now = time.monotonic()
            if began:
                self._down_since = now
            self._retry_at = now + retry_seconds()
        if began:
            # One line per outage, no traceback: the cause is all there is to say.
            logger.warning(
                "The cache at %s is out of reach (%s: %s). Until it answers again, pages "
                "are built afresh and saves are refused; it is tried again every %g s.",
                self.address,
                type(error).__name__,
                error,
                retry_seconds(),
            )
        return CacheUnavailable(f"The cache at {self.address} is out of reach: {error}")

    def join_probe(self, timeout: float | None = None) -> None:
        """Wait for the probe under way, if any, to finish (for tests and benchmarks)."""
        probe = self.probe
        if probe is not None:
            probe.join(timeout)

    def _probe(self) -> None:
        """Connect and PING, bypassing the breaker; close it if that works."""
        try:
            connection = self._connection_class(**self._connection_kwargs)
            try:
                connection.connect()
                connection.send_command("PING")
                connection.read_response()
            finally:
                connection.disconnect()
        except Exception as error:
            if not isinstance(error, (RedisError, OSError)):
                logger.exception("The probe of the cache at %s failed", self.address)
            with self._lock:
                self._retry_at = time.monotonic() + retry_seconds()
            return
        with self._lock:
            down_since, self._down_since = self._down_since, None
        if down_since is not None:
            logger.warning(
                "The cache at %s answers again after %.0f s out of reach; pages are cached "
                "again and saves go through.",
                self.address,
                time.monotonic() - down_since,
            )


_breakers: dict[str, CircuitBreaker] = {}
_breakers_lock = threading.Lock()


def breaker_for(address: str, connection_class, connection_kwargs: dict) -> CircuitBreaker:
    """The breaker of the server at `address`, made on first use with how to connect to it."""
    breaker = _breakers.get(address)
    if breaker is None:
        with _breakers_lock:
            breaker = _breakers.get(address)
            if breaker is None:
                breaker = CircuitBreaker(address, connection_class, connection_kwargs)
                _breakers[address] = breaker
    return breaker


def reset_breakers() -> None:
    """Forget every server's state: after a fork, or when the cache settings change."""
    global _breakers_lock
    _breakers.clear()
    _breakers_lock = threading.Lock()


def _on_setting_changed(setting, **kwargs):
    if setting == "CACHES":
        reset_breakers()


setting_changed.connect(_on_setting_changed, dispatch_uid="newsroom-cache-breakers")
if hasattr(os, "register_at_fork"):
    # A worker forked while another thread held a lock would wait on it for ever.
    os.register_at_fork(after_in_child=reset_breakers)


class _BreakerConnection:
    """Mixed into a redis-py connection class: every trip to the server passes the breaker.

    connect() runs before every command (the pool calls it, and it does nothing on an open
    connection), so a refused call never reaches the network; sending and reading are
    watched for the failures that open the breaker."""

    # Set on the class the pool makes: the server's address, and the plain connection class
    # and arguments the breaker's probe connects with.
    breaker_address: str
    probe_class: type
    probe_kwargs: dict

    @property
    def breaker(self) -> CircuitBreaker:
        # Looked up each time (a dictionary read), so a fork or new settings start afresh.
        return breaker_for(self.breaker_address, self.probe_class, self.probe_kwargs)

    def connect(self, *args, **kwargs):
        self.breaker.check()
        with self.breaker.watching():
            return super().connect(*args, **kwargs)

    def send_packed_command(self, *args, **kwargs):
        self.breaker.check()
        with self.breaker.watching():
            return super().send_packed_command(*args, **kwargs)

    def read_response(self, *args, **kwargs):
        with self.breaker.watching():
            return super().read_response(*args, **kwargs)


def _address(kwargs: dict) -> str:
    if kwargs.get("path"):
        return f"unix:{kwargs['path']}"
    return f"{kwargs.get('host', 'localhost')}:{kwargs.get('port', 6379)}"


class CircuitBreakerConnectionPool(ConnectionPool):
    """redis-py's connection pool, making connections that pass the server's breaker.

    Django's RedisCache makes one pool per server per thread; the breaker is shared by
    all of them in the process."""

    def __init__(self, connection_class=Connection, **kwargs):
        guarded = type(
            f"Breaker{connection_class.__name__}",
            (_BreakerConnection, connection_class),
            {"breaker_address": _address(kwargs), "probe_class": connection_class},
        )
        super().__init__(connection_class=guarded, **kwargs)
        # What the pool makes its own connections with.
        guarded.probe_kwargs = self.connection_kwargs


def breaker_at(address: str) -> CircuitBreaker | None:
    """The breaker of the server at "host:port" in this process, if it was used."""
    return _breakers.get(address)


class _ClientPerPool(RedisCacheClient):
    """Django's Redis client, keeping one redis-py client per connection pool where
    Django's makes a new one for every cache call: making one costs as much as a round trip
    to Redis, and a page makes several calls. redis-py clients are safe to share between
    threads (each command takes a connection from the pool)."""

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        clients = self.__dict__.setdefault("_clients", {})
        if index not in clients:
            clients[index] = super().get_client(key, write=write)
        return clients[index]


class RedisCache(DjangoRedisCache):
    """Django's RedisCache with _ClientPerPool: the backend settings.py names."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = _ClientPerPool
