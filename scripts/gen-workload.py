#!/usr/bin/env python3
"""Generates a deterministic benchmark workload of header-heavy C++ units
(std, Boost.Asio, spdlog, libcurl) with a compile_commands.json.

  gen-workload.py units N OUTDIR     N translation units (default 200)
  gen-workload.py scale K OUTDIR     one unit whose single function has K
                                     statement groups (for the "no rule is
                                     quadratic" measurement)
  gen-workload.py scale-dataflow K OUTDIR
                                     the same, plus one optional access no
                                     syntactic guard proves, after the first
                                     group: unchecked-value-access runs its
                                     dataflow analysis on the statements that
                                     lead to it
  gen-workload.py scale-dataflow-late K OUTDIR
                                     the same access after the last group:
                                     every group shares a variable with it,
                                     so the dataflow analysis runs on the
                                     whole function
"""
import json
import os
import sys

FLAGS = ["-std=c++20", "-DSPDLOG_FMT_EXTERNAL", "-DBOOST_ASIO_HAS_CO_AWAIT",
         "-DBOOST_ASIO_HAS_STD_COROUTINE", "-include", "utility", "-Iinclude"]

COMMON_H = """#pragma once
#include <chrono>
#include <optional>
#include <string>
#include <system_error>
#include <thread>
#include <vector>
#include <spdlog/spdlog.h>

namespace bench {
struct Config { std::string endpoint; std::string api_token; int retries = 3; };
std::optional<std::string> lookup(const std::string &key);
bool sendOnce(const std::string &body);
}
"""

KINDS = [
    # Asio coroutine server
    ("#include <boost/asio.hpp>\n", """
namespace asio = boost::asio;
asio::awaitable<void> serve{i}(asio::ip::tcp::socket socket) {{
  std::string buffer;
  std::size_t n = co_await asio::async_read_until(socket, asio::dynamic_buffer(buffer), '\\n', asio::use_awaitable);
  std::this_thread::sleep_for(std::chrono::milliseconds({i}));
  co_await asio::async_write(socket, asio::buffer(buffer.substr(0, n)), asio::use_awaitable);
}}
void accept{i}(asio::ip::tcp::acceptor &acceptor, asio::io_context &io) {{
  acceptor.async_accept([&](boost::system::error_code ec, asio::ip::tcp::socket s) {{
    if (!ec) asio::co_spawn(io, serve{i}(std::move(s)), asio::detached);
  }});
}}
"""),
    # spdlog + containers
    ("#include <algorithm>\n#include <map>\n#include <sstream>\n", """
int process{i}(const bench::Config &config, std::vector<int> values) {{
  std::sort(values.begin(), values.end());
  std::map<int, std::string> names;
  for (int v : values) names[v] = std::to_string(v * {i});
  spdlog::info("processed {{}} values for {{}}", values.size(), config.endpoint);
  spdlog::debug("token {{}}", config.api_token);
  std::optional<std::string> cached = bench::lookup(config.endpoint);
  try {{ return std::stoi(cached.value()); }} catch (...) {{}}
  return 0;
}}
"""),
    # curl client
    ("#include <curl/curl.h>\n#include <regex>\n", """
std::string fetch{i}(const std::string &url) {{
  CURL *curl = curl_easy_init();
  std::string body;
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 0L);
  CURLcode rc = curl_easy_perform(curl);
  curl_easy_cleanup(curl);
  std::regex digits("[0-9]+");
  if (rc != CURLE_OK || !std::regex_search(body, digits)) return {{}};
  return body;
}}
"""),
    # threads, futures, retries
    ("#include <atomic>\n#include <future>\n#include <mutex>\n", """
std::atomic<bool> ready{i}{{false}};
void wait{i}() {{
  while (!ready{i}) std::this_thread::sleep_for(std::chrono::milliseconds(10));
}}
bool push{i}(const std::string &body) {{
  for (;;) {{
    if (bench::sendOnce(body)) return true;
    std::this_thread::sleep_for(std::chrono::seconds(1));
  }}
}}
int compute{i}() {{
  std::thread([] {{ wait{i}(); }}).detach();
  auto f = std::async(std::launch::async, [] {{ return {i}; }});
  return f.get();
}}
"""),
]


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def units(n, out):
    write(os.path.join(out, "include", "common.h"), COMMON_H)
    entries = []
    for i in range(n):
        includes, body = KINDS[i % len(KINDS)]
        name = "src/unit_%03d.cpp" % i
        write(os.path.join(out, name),
              '#include "common.h"\n' + includes + "\nnamespace bench {\n" +
              body.format(i=i) + "}\n")
        entries.append({"directory": out, "file": name,
                        "arguments": ["clang++"] + FLAGS + ["-c", name]})
    return entries


def scale(k, out, dataflow=None):
    write(os.path.join(out, "include", "common.h"), COMMON_H)
    lines = ['#include "common.h"', "#include <curl/curl.h>", "#include <mutex>",
             "namespace bench {", "bool isSet(const std::optional<std::string> &v);",
             "int big(const Config &config, CURL *h) {", "  int total = 0;"]
    for i in range(k):
        lines += [
            "  std::optional<std::string> v%d = lookup(config.endpoint);" % i,
            "  if (v%d) total += (int)v%d->size();" % (i, i),
            "  try { total += std::stoi(v%d.value_or(\"0\")); } catch (...) {}" % i,
            "  spdlog::info(\"step {} of {}\", %d, config.endpoint);" % i,
            "  for (int r%d = 0; r%d < config.retries; ++r%d) { if (sendOnce(\"x\")) break; "
            "std::this_thread::sleep_for(std::chrono::milliseconds(r%d * 2)); }" % (i, i, i, i),
            "  curl_easy_setopt(h, CURLOPT_TIMEOUT, 5L);",
        ]
        if dataflow == "early" and i == 0 or dataflow == "late" and i == k - 1:
            lines.append("  if (isSet(v0)) total += (int)v0->size();")
    lines += ["  return total;", "}", "}"]
    write(os.path.join(out, "src/big.cpp"), "\n".join(lines) + "\n")
    return [{"directory": out, "file": "src/big.cpp",
             "arguments": ["clang++"] + FLAGS + ["-c", "src/big.cpp"]}]


def main():
    kind, n, out = sys.argv[1], int(sys.argv[2]), os.path.abspath(sys.argv[3])
    if kind == "units":
        entries = units(n, out)
    else:
        entries = scale(n, out, dataflow={"scale": None, "scale-dataflow": "early",
                                          "scale-dataflow-late": "late"}[kind])
    write(os.path.join(out, "compile_commands.json"), json.dumps(entries, indent=1) + "\n")


if __name__ == "__main__":
    main()
