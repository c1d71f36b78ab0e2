#!/usr/bin/env python3
"""A scriptable HTTP receiver for the delivery tests, on 127.0.0.1 only.

Prints "PORT <n>" once listening on a free port; exits when stdin closes (the test process ended).
Every request is recorded; GET /_requests?prefix=/x returns those whose path starts with the prefix.
Query parameters shape the answer: status=503, body=text, echo=1 (the request as JSON),
contentType=..., retryAfter=..., delayMs=... .
"""
import json
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

RECORDED = []
LOCK = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def handle_any(self):
        parts = urlsplit(self.path)
        query = {k: v[-1] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        if parts.path == "/_requests":
            prefix = query.get("prefix", "")
            with LOCK:
                found = [r for r in RECORDED if r["path"].startswith(prefix)]
            return self.answer(200, json.dumps(found).encode(), "application/json", {})
        request = {
            "method": self.command,
            "path": parts.path,
            "query": query,
            "headers": {k: v for k, v in self.headers.items()},
            "body": body.decode("utf-8", "replace"),
        }
        with LOCK:
            RECORDED.append(request)
        if "delayMs" in query:
            time.sleep(int(query["delayMs"]) / 1000)
        extra = {}
        if "retryAfter" in query:
            extra["Retry-After"] = query["retryAfter"]
        if query.get("echo"):
            payload, ctype = json.dumps(request).encode(), "application/json"
        else:
            payload, ctype = query.get("body", "").encode(), query.get("contentType", "text/plain")
        self.answer(int(query.get("status", "200")), payload, ctype, extra)

    def answer(self, status, payload, ctype, extra):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(payload)))
        self.send_header("X-Sink", "yes")
        for name, value in extra.items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            try:
                self.wfile.write(payload)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (timeout tests)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_OPTIONS = handle_any


def exit_when_stdin_closes():
    sys.stdin.read()
    os._exit(0)


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # the tests connect all at once


def main():
    server = Server(("127.0.0.1", 0), Handler)
    threading.Thread(target=exit_when_stdin_closes, daemon=True).start()
    print(f"PORT {server.server_address[1]}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
