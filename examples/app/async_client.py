"""aiohttp as it is often written: hover the session, the connector or the timeout."""
import aiohttp

# Only a connect limit: there is no total deadline any more (the session default is 300 s).
SLOW_SERVERS = aiohttp.ClientTimeout(connect=5)


async def crawl(urls):
    connector = aiohttp.TCPConnector(limit=20, limit_per_host=50)
    async with aiohttp.ClientSession(connector=connector, timeout=SLOW_SERVERS) as session:
        for url in urls:
            async with session.get(url) as response:
                await response.read()


async def fetch_one(url):
    # A new session, and so a new pool, for every call.
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(30, 5)) as session:
        return await session.get(url, timeout=None)
