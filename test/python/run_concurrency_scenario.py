"""Runs one concurrency scenario (test/fixtures/concurrency-proof) against a local HTTP server.

Input (JSON on stdin): {"source": Python text defining run(), "delay": seconds each response takes}.
The server listens on 127.0.0.1 on a free port and answers every GET after `delay` seconds; the
scenario gets its URL as the global URL. Output (JSON): what run() returns, plus "poolFull", the
number of "Connection pool is full" warnings urllib3 logged. An alarm ends the process after 60 s.
"""
import json
import logging
import signal
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class SlowHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    delay = 0.5

    def do_GET(self):
        time.sleep(self.delay)
        body = b"ok"
        try:
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # The client gave up waiting (the timeouts under test).

    def log_message(self, *args):
        pass


class PoolFullCounter(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record):
        if "Connection pool is full" in record.getMessage():
            self.count += 1


def main():
    signal.alarm(60)
    request = json.load(sys.stdin)
    SlowHandler.delay = request["delay"]
    server = ThreadingHTTPServer(("127.0.0.1", 0), SlowHandler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    counter = PoolFullCounter()
    logging.getLogger("urllib3").addHandler(counter)
    try:
        scenario = {"URL": f"http://127.0.0.1:{server.server_address[1]}/"}
        exec(compile(request["source"], "scenario.py", "exec"), scenario)
        result = scenario["run"]()
    finally:
        server.shutdown()
        server.server_close()
    result["poolFull"] = counter.count
    json.dump(result, sys.stdout)


main()
