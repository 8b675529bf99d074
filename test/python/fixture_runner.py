"""What the fixture runners share: no network, and the stdin/stdout protocol.

Each runner (run_config.py for httpx, run_requests.py, aiohttp_run_config.py) reads a JSON list of
{"source": str, "run": bool} on stdin, compiles each text and, when "run" is true, executes it and
describes the configuration objects it built and the requests it would have sent; it prints
{"version(s)": ..., "results": [...]} as JSON. This module does the parts that do not depend on
the library: proxies unset, sockets refusing to connect, compiling, executing, and the output.
"""
import json
import os
import socket
import sys

#: Requests the runner's recorder saw during one execution; runners append to it.
SENT = []


def isolate_network(runner):
    """Unsets proxy variables and makes every socket connection fail."""
    for variable in list(os.environ):
        if variable.lower() in ("http_proxy", "https_proxy", "all_proxy", "no_proxy"):
            del os.environ[variable]

    def refuse_network(*args, **kwargs):
        raise RuntimeError(f"{runner} does not allow network access")

    socket.socket.connect = refuse_network
    socket.create_connection = refuse_network
    socket.getaddrinfo = refuse_network


def execute(code, describe, namespace=None):
    """Runs compiled module code in `namespace` (a fresh one by default); returns (error, described module-level objects)."""
    namespace = {"__name__": "__fixture__"} if namespace is None else namespace
    try:
        exec(code, namespace)
    except Exception as error:
        return f"{type(error).__name__}: {error}", {}
    return None, {name: described for name, value in namespace.items() if (described := describe(value)) is not None}


def serve(run_code, versions):
    """The main loop: each item compiled, and run with `run_code(code) -> (error, objects)` when asked."""
    results = []
    for item in json.load(sys.stdin):
        try:
            code = compile(item["source"], "<fixture>", "exec")
        except SyntaxError as error:
            results.append({"compiles": False, "error": f"SyntaxError: {error}"})
            continue
        if not item.get("run", True):
            results.append({"compiles": True})
            continue
        SENT.clear()
        error, objects = run_code(code)
        results.append({"compiles": True, "error": error, "objects": objects, "sent": list(SENT)})
    json.dump({**versions, "results": results}, sys.stdout, indent=1)
