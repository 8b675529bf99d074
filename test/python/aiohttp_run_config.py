"""Runs Python module texts against the real aiohttp and prints the configuration they build, as JSON.

Reads a JSON list of {"source": str, "run": bool} on stdin. For each: compiles the text; when
"run" is true, executes it inside a running event loop (sessions and connectors need one) and
describes every module-level aiohttp object: ClientTimeout fields, a session's timeout and its
connector's limits, a connector's limits, and the `timeout=` of every request method called.
Nothing is sent: ClientSession._request is replaced by a recorder, and sockets refuse to connect.
Sessions and connectors are closed afterwards. Exits 2 when aiohttp is missing.
"""
import asyncio
import sys
import warnings

try:
    import aiohttp
    from aiohttp.helpers import sentinel
except ImportError as error:  # The TypeScript test turns this into a failure, never a skip.
    sys.stderr.write(f"{sys.executable} cannot import aiohttp ({error}); install Debian's python3-aiohttp\n")
    sys.exit(2)

warnings.simplefilter("ignore")


from fixture_runner import SENT, execute, isolate_network, serve

isolate_network("aiohttp_run_config.py")


def describe_timeout(value):
    """A ClientTimeout as its fields; anything else (a number, None, the sentinel) as itself."""
    if isinstance(value, aiohttp.ClientTimeout):
        return {"type": "ClientTimeout", **{name: getattr(value, name) for name in ("total", "connect", "sock_read", "sock_connect")}}
    if value is sentinel:
        return "sentinel"
    return {"type": type(value).__name__, "value": value if isinstance(value, (int, float)) or value is None else repr(value)}


def describe_connector(connector):
    return {
        "type": type(connector).__name__,
        "limit": connector.limit,
        "limit_per_host": connector.limit_per_host,
        "force_close": connector.force_close,
        "keepalive_timeout": getattr(connector, "_keepalive_timeout", None),
    }


def describe(obj):
    if isinstance(obj, aiohttp.ClientTimeout):
        return describe_timeout(obj)
    if isinstance(obj, aiohttp.ClientSession):
        return {"type": "ClientSession", "timeout": describe_timeout(obj.timeout), "connector": describe_connector(obj.connector), "connector_owner": obj.connector_owner}
    if isinstance(obj, aiohttp.BaseConnector):
        return describe_connector(obj)
    return None


def record(self, method, url, **kwargs):
    SENT.append({"method": method, "timeout": describe_timeout(kwargs.get("timeout", sentinel))})

    async def nothing():
        return None

    return nothing()


aiohttp.ClientSession._request = record


async def run_in_loop(code):
    """Executes inside a running event loop (sessions and connectors need one), then closes what it built."""
    namespace = {"__name__": "__fixture__"}
    try:
        return execute(code, describe, namespace)
    finally:
        for value in namespace.values():
            if isinstance(value, (aiohttp.ClientSession, aiohttp.BaseConnector)) and not value.closed:
                await value.close()


serve(lambda code: asyncio.run(run_in_loop(code)), {"version": aiohttp.__version__})
