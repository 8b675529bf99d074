"""Prints, as JSON, the real signatures and defaults of the aiohttp callables the catalog covers.

Run with Debian's /usr/bin/python3 (the interpreter that has python3-aiohttp). Reads a JSON list of
names on stdin: a name under the aiohttp module (`ClientTimeout`, `request`) or a method of
ClientSession (`ClientSession.get`). For each: null when aiohttp has no such attribute, else every
parameter's kind, whether it has a default, the default's repr and type name, and whether it is
aiohttp's `sentinel`. Also prints the
session default timeout (`DEFAULT_TIMEOUT`, 3.x) and the limits of the connector a session builds
when given none. Exits 2 with a clear message when aiohttp cannot be imported.
"""
import asyncio
import inspect
import json
import sys
import warnings

from signature_params import describe_param

try:
    import aiohttp
    import aiohttp.client
    from aiohttp.helpers import sentinel
except ImportError as error:  # The TypeScript test turns this into a failure, never a skip.
    sys.stderr.write(f"{sys.executable} cannot import aiohttp ({error}); install Debian's python3-aiohttp\n")
    sys.exit(2)

warnings.simplefilter("ignore")
FIELDS = ("total", "connect", "sock_read", "sock_connect")


def sentinel_fact(default):
    """Whether the default is aiohttp's `sentinel` (an argument left out)."""
    return {"default_is_sentinel": default is sentinel}


def target_of(name):
    owner, _, attribute = name.rpartition(".")
    return getattr(getattr(aiohttp, owner) if owner else aiohttp, attribute, None)


def signature_of(name):
    target = target_of(name)
    if target is None:
        return None
    params = list(inspect.signature(target).parameters.values())
    # Methods and __init__ list `self` first; the catalog counts positions after it.
    if params and params[0].name == "self":
        params = params[1:]
    return [describe_param(param, sentinel_fact) for param in params]


async def default_connector():
    session = aiohttp.ClientSession()
    connector = session.connector
    described = {"limit": connector.limit, "limit_per_host": connector.limit_per_host, "keepalive_timeout": connector._keepalive_timeout}
    await session.close()
    return described


def main():
    names = json.loads(sys.stdin.read())
    default = getattr(aiohttp.client, "DEFAULT_TIMEOUT", None)
    json.dump(
        {
            "version": aiohttp.__version__,
            "callables": {name: signature_of(name) for name in names},
            "default_timeout": {field: getattr(default, field) for field in FIELDS} if default is not None else None,
            "default_connector": asyncio.run(default_connector()),
        },
        sys.stdout,
        indent=1,
    )


main()
