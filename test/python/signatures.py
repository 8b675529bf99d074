"""Prints, as JSON, the real signatures of httpx callables.

Run with Debian's /usr/bin/python3 (the interpreter that has python3-httpx). Reads a JSON list of
names under the httpx module on stdin (the brief's set when empty). For each name: null when httpx
has no such attribute, else every parameter's kind, whether it has a default, the default's repr
and type name, and for a default that is a config object (Limits, Timeout) its public attributes.
Exits 2 with a clear message when httpx cannot be imported.
"""
import inspect
import json
import sys

from signature_params import describe_param

try:
    import httpx
except ImportError as error:  # The TypeScript test turns this into a failure, never a skip.
    sys.stderr.write(f"{sys.executable} cannot import httpx ({error}); install Debian's python3-httpx\n")
    sys.exit(2)

DEFAULT_NAMES = ["Client", "AsyncClient", "HTTPTransport", "AsyncHTTPTransport", "Limits", "Timeout", "get", "request", "stream"]


def plain(value):
    """A JSON value for numbers, None, booleans and text; None for anything else."""
    return value if isinstance(value, (int, float, str, bool)) or value is None else None


def config_fields(default):
    """For a config object as a default (Limits, Timeout): its public attributes."""
    if not isinstance(default, (httpx.Limits, httpx.Timeout)):
        return {}
    return {"default_fields": {k: plain(v) for k, v in vars(default).items() if not k.startswith("_")}}


def main():
    text = sys.stdin.read().strip()
    names = json.loads(text) if text else DEFAULT_NAMES
    callables = {}
    for name in names:
        target = getattr(httpx, name, None)
        if target is None:
            callables[name] = None
            continue
        signature = inspect.signature(target)
        callables[name] = [describe_param(p, config_fields) for p in signature.parameters.values()]
    json.dump({"version": httpx.__version__, "callables": callables}, sys.stdout, indent=1)


main()
