"""Runs Python module texts against the real httpx and prints the configuration they build, as JSON.

Reads a JSON list of {"source": str, "run": bool} on stdin. For each: compiles the text; when
"run" is true, executes it in a fresh namespace and describes every module-level httpx object
(Timeout, Limits, clients, transports with the pool settings that reached httpcore) plus every
request sent. No request leaves the process: the transports' handle_request methods are replaced
by a recorder that answers 200, and sockets refuse to connect. Exits 2 when httpx is missing.
"""
import sys

try:
    import httpx
except ImportError as error:  # The TypeScript test turns this into a failure, never a skip.
    sys.stderr.write(f"{sys.executable} cannot import httpx ({error}); install Debian's python3-httpx\n")
    sys.exit(2)

from fixture_runner import SENT, execute, isolate_network, serve

isolate_network("run_config.py")


def plain(value):
    return value if isinstance(value, (int, float, str, bool)) or value is None else None


def public_fields(obj):
    return {k: plain(v) for k, v in vars(obj).items() if not k.startswith("_")}


def describe_pool(pool):
    """Every plain attribute of the httpcore pool, without the leading underscore, and its TLS checks."""
    described = {"type": type(pool).__name__}
    for key, value in vars(pool).items():
        if isinstance(value, (int, float, str, bool)) or value is None:
            described[key.lstrip("_")] = value
    context = getattr(pool, "_ssl_context", None)
    if context is not None:
        described["ssl_verify_mode"] = int(context.verify_mode)
        described["ssl_check_hostname"] = context.check_hostname
    return described


def describe(obj):
    if isinstance(obj, (httpx.Timeout, httpx.Limits)):
        return {"type": type(obj).__name__, **public_fields(obj)}
    if isinstance(obj, (httpx.Client, httpx.AsyncClient)):
        return {
            "type": type(obj).__name__,
            "timeout": describe(obj.timeout),
            "max_redirects": obj.max_redirects,
            "follow_redirects": obj.follow_redirects,
            "trust_env": obj.trust_env,
            "transport": describe(obj._transport),
        }
    if isinstance(obj, (httpx.HTTPTransport, httpx.AsyncHTTPTransport)):
        return {"type": type(obj).__name__, "pool": describe_pool(obj._pool)}
    if isinstance(obj, httpx.Response):
        return {"type": "Response", "status_code": obj.status_code}
    return None


def record(transport, request):
    SENT.append({"transport": describe(transport), "timeout": request.extensions.get("timeout")})
    return httpx.Response(200, request=request)


async def record_async(transport, request):
    return record(transport, request)


httpx.HTTPTransport.handle_request = record
httpx.AsyncHTTPTransport.handle_async_request = record_async


serve(lambda code: execute(code, describe), {"version": httpx.__version__})
