"""Runs Python module texts against the real botocore (and boto3) and prints the Configs they build, as JSON.

Reads a JSON list of {"source": str, "run": bool} on stdin. For each: compiles the text; when
"run" is true, executes it and describes every module-level botocore Config (each option of
OPTION_DEFAULTS, and which ones were given) and every boto3/botocore client (its meta.config, and
what it runs with: the connect timeout, the retry mode and the attempts of its retry handler).
No AWS file is read (AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE point nowhere, the credentials
are fake and instance metadata is off) and nothing is sent: sockets refuse to connect. Exits 2 when botocore is missing.
"""
import os
import sys

os.environ["AWS_CONFIG_FILE"] = "/nonexistent/pool-guide-aws-config"
os.environ["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/pool-guide-aws-credentials"
for variable in [name for name in os.environ if name.startswith("AWS_") and name not in ("AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE")]:
    del os.environ[variable]
# Fake credentials and no instance metadata: building a client must not look for real ones.
os.environ.update({"AWS_ACCESS_KEY_ID": "pool-guide", "AWS_SECRET_ACCESS_KEY": "pool-guide", "AWS_EC2_METADATA_DISABLED": "true"})

try:
    import botocore
    from botocore.config import Config
except ImportError as error:  # The TypeScript test turns this into a failure, never a skip.
    sys.stderr.write(f"{sys.executable} cannot import botocore ({error}); install Debian's python3-botocore\n")
    sys.exit(2)

from fixture_runner import execute, isolate_network, serve

isolate_network("botocore_run_config.py")


def describe_config(config):
    options = {name: repr(getattr(config, name, None)) for name in Config.OPTION_DEFAULTS}
    return {"type": "Config", "options": options, "given": sorted(config._user_provided_options)}


def attempts_in_all(client):
    """The attempts (the first included) of the retry handler registered on the client: legacy or standard/adaptive."""
    service = client.meta.service_model.service_id.hyphenize()
    for handler in client.meta.events._emitter._handlers.prefix_search(f"needs-retry.{service}"):
        owner = getattr(handler, "__self__", handler)
        legacy = getattr(getattr(owner, "_checker", None), "_max_attempts", None)
        policy = getattr(owner, "_retry_policy", None)
        standard = getattr(getattr(getattr(policy, "_retry_checker", None), "_max_attempts_checker", None), "_max_attempts", None)
        if legacy is not None or standard is not None:
            return legacy if legacy is not None else standard
    return None


def describe(value):
    if isinstance(value, Config):
        return describe_config(value)
    meta = getattr(value, "meta", None)
    if isinstance(getattr(meta, "config", None), Config):
        runs = {"connect_timeout": meta.config.connect_timeout, "mode": meta.config.retries["mode"], "attempts": attempts_in_all(value)}
        return {"type": "client", "config": describe_config(meta.config), "runs": runs}
    return None


serve(lambda code: execute(code, describe), {"version": botocore.__version__})
