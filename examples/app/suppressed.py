"""A finding silenced on purpose, and an httpx2 client (the maintained fork) read like httpx."""
import httpx2 as httpx

streaming = httpx.Client(timeout=None)  # pool-guide: ignore[PG302]
fork = httpx.Client(timeout=httpx.Timeout(10.0, pool=None))
