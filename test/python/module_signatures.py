"""Prints, as JSON, the real signatures of callables of one module (requests or urllib3).

Run with Debian's /usr/bin/python3. Reads {"module": str, "paths": [str]} on stdin; each path is
dotted under the module (`adapters.HTTPAdapter`, `Session.get`). For each: null when the module has
no such attribute, else every parameter (without `self`) with its kind, whether it has a default,
and the default's repr and type name. Also prints a few runtime facts the catalog states: what a
pool's `retries=None` becomes, what a default HTTPAdapter retries, and what an unset urllib3
Timeout phase resolves to. Exits 2 with a clear message when the module cannot be imported.
"""
import importlib
import inspect
import json
import sys

from signature_params import describe_param

request = json.load(sys.stdin)
try:
    module = importlib.import_module(request["module"])
except ImportError as error:  # The TypeScript test turns this into a failure, never a skip.
    sys.stderr.write(f"{sys.executable} cannot import {request['module']} ({error}); install Debian's python3-{request['module']}\n")
    sys.exit(2)


def resolve(path):
    target = module
    for part in path.split("."):
        target = getattr(target, part, None)
        if target is None:
            return None
    return target


def signature(path):
    target = resolve(path)
    # urllib3 1.26 has a submodule `urllib3.request` where 2.x has the function.
    if target is None or not callable(target):
        return None
    params = list(inspect.signature(target).parameters.values())
    if inspect.isfunction(target) and params and params[0].name == "self":
        params = params[1:]
    return [describe_param(p) for p in params]


def facts():
    if request["module"] == "urllib3":
        import socket
        timeout = module.Timeout()
        return {
            "retry_default_total": module.Retry.DEFAULT.total,
            "bare_retry_total": module.Retry().total,
            "unset_timeout_connect": timeout.connect_timeout if timeout.connect_timeout is not module.Timeout.DEFAULT_TIMEOUT else socket.getdefaulttimeout(),
        }
    adapter = module.adapters.HTTPAdapter()
    return {
        "adapter_retries_total": adapter.max_retries.total,
        "adapter_retries_read": adapter.max_retries.read,
        "session_adapters": sorted(module.Session().adapters),
        "session_has_timeout_attr": "timeout" in module.Session.__attrs__,
    }


print(json.dumps({"version": module.__version__, "callables": {path: signature(path) for path in request["paths"]}, "facts": facts()}, indent=1))
