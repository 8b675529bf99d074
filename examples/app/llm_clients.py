"""OpenAI and Anthropic clients as they are often written: hover a client, `http_client=` or `timeout=`."""
import anthropic
import httpx
import openai

# The SDK's own defaults: 600 s (connect 5 s), 2 retries, a pool of 1000/100, redirects followed.
chat = openai.OpenAI()

# A proxy through a plain httpx client: the pool shrinks to httpx's 100/20 and redirects stop.
proxied = openai.OpenAI(http_client=httpx.Client(proxy="http://proxy.internal:8080"))

# The SDK's DefaultHttpxClient keeps its defaults and adds the proxy.
kept = anthropic.Anthropic(http_client=anthropic.DefaultHttpxClient(proxy="http://proxy.internal:8080"))


def summarize(text):
    # One request with a shorter deadline, and a copy of the client without retries.
    quick = chat.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": text}], timeout=20)
    strict = kept.with_options(max_retries=0, timeout=None).messages.create(model="claude-sonnet-4-5", max_tokens=512, messages=[{"role": "user", "content": text}])
    return quick, strict
