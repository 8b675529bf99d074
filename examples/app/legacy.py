"""Code written for old httpx releases, and calls that lose connection pooling."""
import httpx as hx

old = hx.Client(pool_limits=hx.PoolLimits(soft_limit=5, hard_limit=10))

broken = hx.Timeout(connect=5.0)

transport = hx.HTTPTransport(True, None, False)


def fetch_all(urls):
    for url in urls:
        hx.get(url, timeout=10)
