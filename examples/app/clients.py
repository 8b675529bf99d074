"""Clients as they are often written: hover a constructor or an option to see what it really does."""
import httpx
from httpx import Limits

LIMITS = Limits(max_connections=50)

# A partial Limits: max_keepalive_connections is None here, not the client default of 20.
api = httpx.AsyncClient(limits=LIMITS, timeout=httpx.Timeout(30.0, connect=5.0))

# A 2-tuple timeout: write and pool silently get no limit.
legacy = httpx.Client(timeout=(3.05, 27))

# No timeout at all: a stalled server makes this wait forever.
patient = httpx.Client(timeout=None)

# The transport replaces the client's pool, so limits= below has no effect.
mounted = httpx.Client(
    transport=httpx.HTTPTransport(retries=3, limits=httpx.Limits(max_connections=5, max_keepalive_connections=5)),
    limits=httpx.Limits(max_connections=200),
)
