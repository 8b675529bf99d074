"""What the signature scripts share: one parameter of an inspect.Signature as JSON.

signatures.py (httpx), aiohttp_signatures.py and module_signatures.py (requests, urllib3) describe
every parameter the same way; each may add facts about a default that only its library has.
"""
import inspect


def describe_param(param, default_facts=lambda default: {}):
    """The parameter's name and kind, whether it has a default, the default's repr and type name,
    and whatever `default_facts` tells of the default."""
    has_default = param.default is not inspect.Parameter.empty
    entry = {"name": param.name, "kind": param.kind.name, "has_default": has_default}
    if has_default:
        entry["default_repr"] = repr(param.default)
        entry["default_type"] = type(param.default).__name__
        entry.update(default_facts(param.default))
    return entry
