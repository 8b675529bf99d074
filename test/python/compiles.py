"""Tells which Python texts compile, as JSON.

Reads a JSON list of source texts on stdin and prints a JSON list of booleans: whether
`compile(text, "<fixed>", "exec")` succeeds (a SyntaxError or a NUL byte makes it false).
Nothing is executed.
"""
import json
import sys


def compiles(source):
    try:
        compile(source, "<fixed>", "exec")
        return True
    except (SyntaxError, ValueError):
        return False


json.dump([compiles(source) for source in json.load(sys.stdin)], sys.stdout)
