"""Runs Python module texts against the real requests and urllib3 and prints what they build, as JSON.

Reads a JSON list of {"source": str, "run": bool} on stdin. For each: compiles the text; when "run"
is true, executes it in a fresh namespace and describes every module-level Session, HTTPAdapter,
PoolManager, connection pool, Timeout and Retry (pool sizes, blocking, retries, timeouts), plus
every request sent with the timeout, retries and pool it would use. No request leaves the process:
`HTTPConnectionPool.urlopen` is replaced by a recorder that answers 200, and sockets refuse to
connect. Exits 2 when requests or urllib3 is missing.
"""
import io
import sys

try:
    import requests
    import urllib3
    from urllib3.util.retry import Retry
    from urllib3.util.timeout import Timeout
except ImportError as error:  # The TypeScript test turns this into a failure, never a skip.
    sys.stderr.write(f"{sys.executable} cannot import requests/urllib3 ({error}); install Debian's python3-requests and python3-urllib3\n")
    sys.exit(2)

from fixture_runner import SENT, execute, isolate_network, serve

isolate_network("run_requests.py")


def plain(value):
    if isinstance(value, (set, frozenset)):
        return sorted(value)
    return value if isinstance(value, (int, float, str, bool)) or value is None else repr(type(value))


def timeout_value(value):
    """A Timeout phase: a number, None, or "DEFAULT" for the socket-default sentinel."""
    return "DEFAULT" if value is Timeout.DEFAULT_TIMEOUT else plain(value)


def describe_timeout(timeout):
    if isinstance(timeout, Timeout):
        return {"type": "Timeout", "total": timeout_value(timeout.total), "connect": timeout_value(timeout._connect), "read": timeout_value(timeout._read)}
    return {"type": "scalar", "value": timeout_value(timeout)}


def describe_retry(retry):
    if isinstance(retry, Retry):
        return {"type": "Retry", **{key: plain(value) for key, value in vars(retry).items() if key != "history"}}
    return {"type": "scalar", "value": plain(retry)}


def describe_pool_kw(kw):
    described = {key: plain(value) for key, value in kw.items() if key not in ("timeout", "retries")}
    if "timeout" in kw:
        described["timeout"] = describe_timeout(kw["timeout"])
    if "retries" in kw:
        described["retries"] = describe_retry(kw["retries"])
    return described


def describe(obj):
    if isinstance(obj, requests.Session):
        return {"type": "Session", "adapters": {prefix: describe(adapter) for prefix, adapter in obj.adapters.items()}}
    if isinstance(obj, requests.adapters.HTTPAdapter):
        return {
            "type": type(obj).__name__,
            "max_retries": describe_retry(obj.max_retries),
            "num_pools": obj.poolmanager.pools._maxsize,
            "pool_kw": describe_pool_kw(obj.poolmanager.connection_pool_kw),
        }
    if isinstance(obj, urllib3.PoolManager):
        return {"type": type(obj).__name__, "num_pools": obj.pools._maxsize, "headers": dict(obj.headers or {}), "pool_kw": describe_pool_kw(obj.connection_pool_kw)}
    if isinstance(obj, urllib3.HTTPConnectionPool):
        return {
            "type": type(obj).__name__,
            "host": obj.host,
            "port": obj.port,
            "strict": plain(getattr(obj, "strict", None)),
            "timeout": describe_timeout(obj.timeout),
            "maxsize": obj.pool.maxsize,
            "block": obj.block,
            "retries": describe_retry(obj.retries),
        }
    if isinstance(obj, Timeout):
        return describe_timeout(obj)
    if isinstance(obj, Retry):
        return describe_retry(obj)
    return None


def record(pool, method, url, body=None, headers=None, retries=None, redirect=True, assert_same_host=True, timeout=Timeout.DEFAULT_TIMEOUT, pool_timeout=None, *args, **kwargs):
    SENT.append({
        "pool": describe(pool),
        "timeout": describe_timeout(pool._get_timeout(timeout)),
        "retries": describe_retry(retries if retries is not None else pool.retries),
        "pool_timeout": plain(pool_timeout),
    })
    return urllib3.response.HTTPResponse(body=io.BytesIO(b""), headers={}, status=200, preload_content=False, decode_content=False)


urllib3.connectionpool.HTTPConnectionPool.urlopen = record


serve(lambda code: execute(code, describe), {"versions": {"requests": requests.__version__, "urllib3": urllib3.__version__}})
