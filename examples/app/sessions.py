"""requests and urllib3 as they are often written: hover a Session, an adapter or a pool manager."""
import requests
import urllib3
from requests.adapters import HTTPAdapter

# A session has no timeout of its own: every request below can wait forever unless it passes one.
session = requests.Session()
session.timeout = 5  # has no effect: requests ignores a timeout attribute on the session

# Positional adapter arguments, and a pool size raised without pool_block (a soft cap).
session.mount("https://", HTTPAdapter(10, 50))

page = session.get("https://example.org")
report = session.get("https://example.org/report", timeout=(3.05, 27))

# urllib3.Timeout(5, 10) means total=5, connect=10 — not connect=5, read=10.
pool = urllib3.PoolManager(maxsize=20, timeout=urllib3.Timeout(5, 10), retries=urllib3.Retry(3))
