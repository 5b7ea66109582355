#!/usr/bin/env python3
"""Protocol-level test of `prodready lsp`: framing (a message split across
writes, two in one write), bad JSON and a header without Content-Length
answered with errors and the server still serving, unknown methods
(MethodNotFound), a request before initialize, diagnostics for a file in a
compilation database (rule id as code, doc link, severity, notes), a code
action carrying the fix-it, a debounced edit, NOLINT in the unsaved text, a
file outside any database, $/cancelRequest, shutdown and exit.

Usage: protocol.py PRODREADY PROJECT_DIR
"""
import json
import os
import shutil
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lsp_client import Client, uri  # noqa: E402

prodready, project = sys.argv[1:3]
source = os.path.join(project, "src", "fetch.cpp")
# Outside any database: a fresh temporary directory (the test's own output
# directory lies inside the build tree, which has a compile_commands.json).
outside_dir = tempfile.mkdtemp(prefix="prodready-lsp-")
outside = os.path.join(outside_dir, "lonely.cpp")
shutil.copy(source, outside)


def check(condition, what, detail=None):
    if not condition:
        sys.exit("FAILED: %s%s" % (what, "" if detail is None else "\n" + json.dumps(detail, indent=1)))
    print("ok: " + what)


client = Client([prodready, "lsp", "--debounce-ms=200"], cwd="/")

# Before initialize: an error, not a crash.
r = client.request("textDocument/codeAction", {})
check(r.get("error", {}).get("code") == -32002, "request before initialize -> ServerNotInitialized", r)

# Framing: one message written in two pieces.
body = json.dumps({"jsonrpc": "2.0", "id": 100, "method": "initialize",
                   "params": {"processId": None, "rootUri": uri(project), "capabilities": {}}}).encode()
framed = b"Content-Length: %d\r\n\r\n" % len(body) + body
client.send_raw(framed[:30])
client.send_raw(framed[30:])
r = client.wait(lambda m: m.get("id") == 100)
caps = r["result"]["capabilities"]
check(caps["codeActionProvider"] and caps["textDocumentSync"]["openClose"],
      "initialize over a split message", r)
client.notify("initialized", {})

# Bad JSON, then a header without Content-Length: error responses, and the
# server keeps serving.
client.send_raw(b"Content-Length: 9\r\n\r\n{not json")
r = client.wait(lambda m: "error" in m and m.get("id") is None)
check(r["error"]["code"] == -32700, "bad JSON -> ParseError", r)
client.send_raw(b"Content-Type: x\r\n\r\n")
r = client.wait(lambda m: "error" in m and m.get("id") is None)
check(r["error"]["code"] == -32700, "header without Content-Length -> ParseError", r)

# Two messages in one write; the unknown one is MethodNotFound.
a = json.dumps({"jsonrpc": "2.0", "id": 7, "method": "workspace/symbol", "params": {"query": ""}}).encode()
b = json.dumps({"jsonrpc": "2.0", "method": "$/unknownNotification", "params": {}}).encode()
client.send_raw(b"Content-Length: %d\r\n\r\n%s" % (len(a), a) + b"Content-Length: %d\r\n\r\n%s" % (len(b), b))
r = client.wait(lambda m: m.get("id") == 7)
check(r["error"]["code"] == -32601, "unknown method -> MethodNotFound", r)

# A file of the database: the finding arrives with its rule, link, level
# and fix-it.
with open(source) as f:
    text = f.read()
client.notify("textDocument/didOpen", {"textDocument": {
    "uri": uri(source), "languageId": "cpp", "version": 1, "text": text}})
diags = client.wait_notification("textDocument/publishDiagnostics",
                                 where=lambda p: p["uri"] == uri(source))["diagnostics"]
codes = sorted(d["code"] for d in diags)
check(codes == ["prodready-insecure-transport", "prodready-missing-timeout"],
      "diagnostics of the open file", diags)
tls = [d for d in diags if d["code"] == "prodready-insecure-transport"][0]
check(tls["severity"] == 1 and tls["source"] == "prodready" and
      tls["codeDescription"]["href"].endswith("/insecure-transport.md"),
      "severity from the rule table (error), source, doc link", tls)
check(tls["range"]["start"]["line"] == 7, "range on the setopt line", tls)

r = client.request("textDocument/codeAction", {
    "textDocument": {"uri": uri(source)}, "range": tls["range"],
    "context": {"diagnostics": [tls]}})
actions = r["result"]
check(len(actions) == 1 and actions[0]["kind"] == "quickfix", "one quick fix on the line", actions)
edits = actions[0]["edit"]["changes"][uri(source)]
check(edits == [{"range": {"start": {"line": 7, "character": 49}, "end": {"line": 7, "character": 51}},
                 "newText": "1L"}], "the fix-it as a text edit", edits)

# An unsaved edit (incremental change), debounced: NOLINT on the line
# silences the finding, as the driver honours it.
line = text.splitlines()[7]
client.notify("textDocument/didChange", {
    "textDocument": {"uri": uri(source), "version": 2},
    "contentChanges": [{"range": {"start": {"line": 7, "character": len(line)},
                                  "end": {"line": 7, "character": len(line)}},
                        "text": " // NOLINT(prodready-insecure-transport)"}]})
p = client.wait_notification("textDocument/publishDiagnostics",
                             where=lambda p: p["uri"] == uri(source) and p.get("version") == 2)
check(sorted(d["code"] for d in p["diagnostics"]) == ["prodready-missing-timeout"],
      "the unsaved NOLINT is honoured", p)

# Buffers that are not C-family files on disk are left alone.
client.notify("textDocument/didOpen", {"textDocument": {
    "uri": uri(os.path.join(project, "notes.md")), "languageId": "markdown", "version": 1,
    "text": "# notes"}})
client.notify("textDocument/didOpen", {"textDocument": {
    "uri": "untitled:Untitled-1", "languageId": "cpp", "version": 1, "text": "int x;"}})

# A finding with a note: related information pointing at the secret's source.
login = os.path.join(project, "src", "login.cpp")
client.notify("textDocument/didOpen", {"textDocument": {
    "uri": uri(login), "languageId": "cpp", "version": 1, "text": open(login).read()}})
diags = client.wait_notification("textDocument/publishDiagnostics",
                                 where=lambda p: p["uri"] == uri(login))["diagnostics"]
check(len(diags) == 1 and diags[0]["code"] == "prodready-secret-in-log" and
      diags[0]["relatedInformation"][0]["location"]["uri"] == uri(login) and
      diags[0]["relatedInformation"][0]["location"]["range"]["start"]["line"] == 5 and
      "comes from here" in diags[0]["relatedInformation"][0]["message"],
      "notes as related information", diags)
client.notify("textDocument/didClose", {"textDocument": {"uri": uri(login)}})

# A code action request cancelled while it waits: RequestCancelled.
rid = 500
client.send({"jsonrpc": "2.0", "id": rid, "method": "textDocument/codeAction", "params": {
    "textDocument": {"uri": uri(source)}, "range": tls["range"], "context": {"diagnostics": []}}})
client.send({"jsonrpc": "2.0", "method": "$/cancelRequest", "params": {"id": rid}})
r = client.wait(lambda m: m.get("id") == rid)
check("result" in r or r["error"]["code"] == -32800, "a cancelled request is answered", r)

# A file outside any compilation database: no diagnostics, a log message,
# no crash.
client.notify("textDocument/didOpen", {"textDocument": {
    "uri": uri(outside), "languageId": "cpp", "version": 1,
    "text": open(outside).read()}})
p = client.wait_notification("textDocument/publishDiagnostics", where=lambda p: p["uri"] == uri(outside))
check(p["diagnostics"] == [], "no diagnostics outside any database", p)
log = client.wait_notification("window/logMessage", where=lambda p: outside in p["message"])
check("compile_commands.json" in log["message"], "the log says why", log)

client.notify("textDocument/didClose", {"textDocument": {"uri": uri(source)}})
p = client.wait_notification("textDocument/publishDiagnostics",
                             where=lambda p: p["uri"] == uri(source) and not p["diagnostics"])
check(True, "closing clears the diagnostics")

# An edit arriving while the file is analysed: the stale analysis is
# stopped (or finishes first); the edit's own diagnostics always arrive.
client.notify("textDocument/didOpen", {"textDocument": {
    "uri": uri(source), "languageId": "cpp", "version": 10, "text": text}})
time.sleep(0.05)
client.notify("textDocument/didChange", {"textDocument": {"uri": uri(source), "version": 11},
                                         "contentChanges": [{"text": text + "\n// edited\n"}]})
p = client.wait_notification("textDocument/publishDiagnostics",
                             where=lambda p: p["uri"] == uri(source) and p.get("version") == 11)
check(len(p["diagnostics"]) == 2, "an edit during an analysis gets its own diagnostics", p)

r = client.request("shutdown", None)
check("result" in r and r["result"] is None, "shutdown", r)
r = client.request("textDocument/codeAction", {})
check(r["error"]["code"] == -32600, "requests after shutdown are refused", r)
client.notify("exit", None)
check(client.finish() == 0, "exit after shutdown -> 0")
check(not any(m.get("method") == "textDocument/publishDiagnostics" and
              not m["params"]["uri"].startswith(uri(project) + "/src/") and
              m["params"]["uri"] != uri(outside) for m in client.pending),
      "no diagnostics for non-C buffers", client.pending)

# An analysis that crashes is reported in the log; the server lives on.
client = Client([prodready, "lsp", "--debug-crash-on=fetch.cpp"], cwd="/")
client.request("initialize", {"processId": None, "rootUri": uri(project), "capabilities": {}})
client.notify("textDocument/didOpen", {"textDocument": {
    "uri": uri(source), "languageId": "cpp", "version": 1, "text": text}})
log = client.wait_notification("window/logMessage", where=lambda p: "crashed" in p["message"])
check(log["type"] == 1, "a crashing analysis is logged as an error", log)
r = client.request("shutdown", None)
check("result" in r, "the server survives the crash", r)
client.notify("exit", None)
check(client.finish() == 0, "and exits cleanly")

# exit without shutdown -> 1
client = Client([prodready, "lsp"], cwd="/")
client.request("initialize", {"processId": None, "rootUri": None, "capabilities": {}})
client.notify("exit", None)
check(client.finish() == 1, "exit without shutdown -> 1")
# End of input without exit -> the server ends too.
client = Client([prodready, "lsp"], cwd="/")
client.proc.stdin.close()
check(client.finish() == 1, "end of input ends the server")
shutil.rmtree(outside_dir)
