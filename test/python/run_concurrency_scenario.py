"""Runs one concurrency scenario (test/fixtures/concurrency-proof) against a local HTTP server.

Input (JSON on stdin): {"source": Python text defining run(), "fanOut": how many requests the
scenario starts at once}. The server listens on 127.0.0.1 on a free port and holds every GET until
`fanOut` requests are open at once, then answers them all: a client whose pool lets every request
through is answered, and one whose pool holds some back keeps its open requests waiting, so the
others queue for a connection however fast or slow the machine is. No answer depends on a
duration. The scenario gets its URL as the global URL. Output (JSON): what run() returns, plus
"poolFull", the number of "Connection pool is full" warnings urllib3 logged, "concurrent", the
most requests the server saw open at once, and "arrivals", when each request reached the server,
in seconds after run() was called. An alarm ends the process after 60 s.
"""
import json
import logging
import signal
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Barrier:
    """Requests open at the server; all are held until `fan_out` are open at once, or the run ends."""

    def __init__(self, fan_out):
        self.fan_out = fan_out
        self.open = 0
        self.most = 0
        self.started = time.monotonic()
        self.arrivals = []
        self.released = False
        self.condition = threading.Condition()

    def arrive(self):
        with self.condition:
            self.arrivals.append(time.monotonic() - self.started)
            self.open += 1
            self.most = max(self.most, self.open)
            if self.open >= self.fan_out:
                self.release()
            self.condition.wait_for(lambda: self.released)

    def leave(self):
        with self.condition:
            self.open -= 1

    def release(self):
        with self.condition:
            self.released = True
            self.condition.notify_all()


class HeldHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    barrier = None

    def do_GET(self):
        self.barrier.arrive()
        body = b"ok"
        try:
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # The client gave up waiting (the timeouts under test).
        finally:
            self.barrier.leave()

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
    barrier = HeldHandler.barrier = Barrier(request["fanOut"])
    server = ThreadingHTTPServer(("127.0.0.1", 0), HeldHandler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    counter = PoolFullCounter()
    logging.getLogger("urllib3").addHandler(counter)
    try:
        scenario = {"URL": f"http://127.0.0.1:{server.server_address[1]}/"}
        exec(compile(request["source"], "scenario.py", "exec"), scenario)
        barrier.started = time.monotonic()
        result = scenario["run"]()
    finally:
        barrier.release()
        server.shutdown()
        server.server_close()
    result["poolFull"] = counter.count
    result["concurrent"] = barrier.most
    result["arrivals"] = sorted(barrier.arrivals)
    json.dump(result, sys.stdout)


main()
