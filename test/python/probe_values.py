"""Runs generated module texts with the real httpx and prints, per text, the max_connections of
every module-level `probe_<n>` Limits object, in n's order, as JSON.

Reads a JSON list of source texts on stdin. Exits 2 when httpx is missing.
"""
import json
import sys

try:
    import httpx  # noqa: F401  (the texts import it themselves)
except ImportError as error:  # The TypeScript test turns this into a failure, never a skip.
    sys.stderr.write(f"{sys.executable} cannot import httpx ({error}); install Debian's python3-httpx\n")
    sys.exit(2)


def probes(source):
    namespace = {}
    exec(compile(source, "<generated>", "exec"), namespace)
    names = sorted((name for name in namespace if name.startswith("probe_")), key=lambda name: int(name[6:]))
    return [namespace[name].max_connections for name in names]


json.dump([probes(source) for source in json.load(sys.stdin)], sys.stdout)
