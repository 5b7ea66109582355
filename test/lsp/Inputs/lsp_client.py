#!/usr/bin/env python3
"""A small LSP client for the tests of `prodready lsp`: starts the server,
frames messages (Content-Length), and waits for responses and notifications.

  client = Client([prodready, "lsp", ...])
  client.request("initialize", {...}) -> the response message
  client.notify("textDocument/didOpen", {...})
  client.wait_notification("textDocument/publishDiagnostics") -> its params
"""
import json
import os
import select
import subprocess
import sys
import time


class Client:
    def __init__(self, cmd, cwd=None):
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, cwd=cwd)
        self.buffer = b""
        self.next_id = 1
        self.pending = []  # messages read but not yet asked for

    def send_raw(self, data):
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def send(self, message):
        body = json.dumps(message).encode()
        self.send_raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def request(self, method, params, timeout=60):
        rid = self.next_id
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": rid, "method": method, "params": params})
        return self.wait(lambda m: m.get("id") == rid and "method" not in m, timeout)

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def wait_notification(self, method, timeout=60, where=lambda params: True):
        return self.wait(lambda m: m.get("method") == method and where(m.get("params")),
                         timeout)["params"]

    def wait(self, predicate, timeout=60):
        deadline = time.time() + timeout
        while True:
            for i, message in enumerate(self.pending):
                if predicate(message):
                    return self.pending.pop(i)
            left = deadline - time.time()
            if left <= 0:
                sys.exit("timed out waiting; received so far:\n" +
                         "\n".join(json.dumps(m) for m in self.pending))
            message = self.read(left)
            if message is None:
                sys.exit("the server closed its output; stderr:\n" +
                         self.proc.stderr.read().decode(errors="replace"))
            self.pending.append(message)

    def read(self, timeout):
        while True:
            header_end = self.buffer.find(b"\r\n\r\n")
            if header_end >= 0:
                headers = self.buffer[:header_end].decode().split("\r\n")
                length = None
                for line in headers:
                    name, _, value = line.partition(":")
                    if name.strip().lower() == "content-length":
                        length = int(value.strip())
                if length is None:
                    sys.exit("a message without Content-Length: %r" % headers)
                start = header_end + 4
                if len(self.buffer) >= start + length:
                    body = self.buffer[start:start + length]
                    self.buffer = self.buffer[start + length:]
                    return json.loads(body)
            ready, _, _ = select.select([self.proc.stdout], [], [], timeout)
            if not ready:
                return None
            chunk = os.read(self.proc.stdout.fileno(), 65536)
            if not chunk:
                return None
            self.buffer += chunk

    def finish(self, timeout=30):
        """The exit code once the server ended."""
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            sys.exit("the server did not exit")


def uri(path):
    return "file://" + os.path.abspath(path)
