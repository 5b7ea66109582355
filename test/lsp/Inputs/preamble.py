#!/usr/bin/env python3
"""`prodready lsp` re-analyses an edit with the unit's precompiled preamble:
the first analysis builds it (a log line "preamble.built"), an edit in a
function body reuses it ("preamble.reused"), and the diagnostics equal
those of a server that parses whole (--no-preamble) given the same text.

Usage: preamble.py PRODREADY PROJECT_DIR
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lsp_client import Client, uri  # noqa: E402

prodready, project = sys.argv[1:3]
source = os.path.join(project, "src", "worker.cpp")
with open(source) as f:
    text = f.read()
# An edit in the function body: a second swallowed exception.
edited = text.replace("  return static_cast<int>",
                      "  try {\n    mayThrow();\n  } catch (...) {\n  }\n"
                      "  return static_cast<int>")
assert edited != text


def check(condition, what, detail=None):
    if not condition:
        sys.exit("FAILED: %s%s" % (what, "" if detail is None else
                                   "\n" + json.dumps(detail, indent=1)))
    print("ok: " + what)


def start(*options):
    client = Client([prodready, "lsp", "--debounce-ms=100"] + list(options), cwd="/")
    client.request("initialize", {"processId": None, "rootUri": uri(project),
                                  "capabilities": {}})
    client.notify("initialized", {})
    return client


def diagnostics(client, version):
    return client.wait_notification(
        "textDocument/publishDiagnostics",
        where=lambda p: p["uri"] == uri(source) and p.get("version") == version)["diagnostics"]


def preamble_log(client, what):
    """The server's log line saying what the last analysis did with the
    preamble of worker.cpp."""
    message = client.wait_notification(
        "window/logMessage",
        where=lambda p: "worker.cpp: preamble." in p["message"])["message"]
    check(message.endswith("worker.cpp: preamble." + what),
          "log: " + message.split(": ", 1)[1].replace(project, "<proj>"))


def stop(client):
    client.request("shutdown", None)
    client.notify("exit", None)
    check(client.finish() == 0, "server exits")


server = start()
server.notify("textDocument/didOpen", {"textDocument": {
    "uri": uri(source), "languageId": "cpp", "version": 1, "text": text}})
opened = diagnostics(server, 1)
check(len(opened) == 1, "open: 1 diagnostic", opened)
preamble_log(server, "built")
server.notify("textDocument/didChange", {"textDocument": {"uri": uri(source), "version": 2},
                                         "contentChanges": [{"text": edited}]})
warm = diagnostics(server, 2)
check(len(warm) == 2, "edit in a function body: 2 diagnostics", warm)
preamble_log(server, "reused")
stop(server)

# The same text, parsed whole: the same diagnostics, and no preamble.
cold_server = start("--no-preamble")
cold_server.notify("textDocument/didOpen", {"textDocument": {
    "uri": uri(source), "languageId": "cpp", "version": 1, "text": edited}})
cold = diagnostics(cold_server, 1)
check(not any("preamble." in m["params"]["message"] for m in cold_server.pending
              if m.get("method") == "window/logMessage"),
      "--no-preamble: no preamble")
stop(cold_server)
check(warm == cold, "diagnostics with the reused preamble == parsed whole "
      "(%d)" % len(cold), {"warm": warm, "cold": cold})
check(warm != opened, "the edit changed the diagnostics")
