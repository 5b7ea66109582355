// RUN: %check_prodready %s prodready-process-exit -config="{CheckOptions: {prodready-process-exit.TestFileRegex: '_test\.cpp$'}}"

// RULES.md, revision of 2026-12-01: a coroutine promise's
// unhandled_exception() and command-line handling reached only from main may
// end the process; an exit in a project macro is reported once, at the
// macro's definition.

#include <coroutine>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>

// A coroutine promise that cannot store an exception terminates.
struct Task {
  struct promise_type {
    Task get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() { std::terminate(); }
  };
};
struct Detached {
  struct promise_type {
    Detached get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() { std::abort(); }
  };
};
// Not a promise: a class that merely has a member of that name.
struct Worker {
  void unhandled_exception() { std::abort(); }
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: 'abort' called in 'Worker::unhandled_exception' kills
};

// Command-line handling reached only from main.
static void print_usage(const char *prog) {
  std::fprintf(stderr, "usage: %s [--help] [--version] FILE\n", prog);
  std::exit(2);
}
static void print_version() {
  std::puts("tool 1.0");
  std::exit(0);
}
struct Options { const char *file = nullptr; };
static Options parse_args(int argc, char **argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--help"))
      print_usage(argv[0]);
    else if (!std::strcmp(argv[i], "--version"))
      print_version();
    else if (argv[i][0] == '-') {
      std::fprintf(stderr, "unknown option %s\n", argv[i]);
      exit(1);
    } else
      o.file = argv[i];
  }
  return o;
}
static void check_flags(char **argv) {
  if (!argv[1])
    std::exit(64);
}

// An option callback main hands to a parser (fuse_opt_parse, getopt-style
// libraries): its address is taken only in main.
typedef int (*opt_proc_t)(void *data, const char *arg, int key);
int opt_parse(void *data, opt_proc_t proc);
static int ProcessArgument(void *, const char *arg, int) {
  if (!std::strcmp(arg, "--version")) {
    print_version();
    exit(0);
  }
  return 1;
}

// Positives: a command-line helper that another function (not only main)
// calls, one whose address is taken, and a library function main calls.
void show_help() { std::exit(0); }
// CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'exit' called in 'show_help' kills
void serve_request(int fd) {
  if (fd < 0)
    show_help();
}
void usage_handler() { std::exit(1); }
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: 'exit' called in 'usage_handler' kills
void (*on_bad_option)() = usage_handler;
void load_config(const char *file) {
  if (!file)
    std::exit(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'exit' called in 'load_config' kills
}

// A project macro that ends the process: one finding, at the definition.
#define FATAL(msg) do { std::fputs(msg, stderr); std::abort(); } while (0)
// CHECK-MESSAGES: :[[@LINE-1]]:50: warning: 'abort' called in macro 'FATAL' (3 uses in this unit, the first in 'connect_db') kills the process without unwinding, so in-flight requests, buffered logs and resources are lost and the caller cannot report or recover; return or throw an error and let main decide how to exit [prodready-process-exit]
#define DIE() std::exit(3)
// CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'exit' called in macro 'DIE' (1 use in this unit, the first in 'flush_all') kills
void connect_db(int rc) {
  if (rc)
    FATAL("cannot connect");
}
void read_rows(int rc) {
  if (rc < 0)
    FATAL("read failed");
  if (rc > 100)
    FATAL("too many rows");
}
void flush_all() { DIE(); }

// A parsed command line handed to a helper that only main calls (reduced
// from cinatra's press_tool: init_conf(const cmdline::parser &)); the same
// exit given a plain config struct is still reported.
namespace cmdline {
struct parser {
  bool exist(const char *) const;
};
} // namespace cmdline
struct ServerSettings {
  int port;
};
void init_conf(const cmdline::parser &p) {
  if (!p.exist("url"))
    exit(1);
}
void apply_settings(const ServerSettings &s) {
  if (s.port == 0)
    exit(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'exit' called in 'apply_settings'
}

// main's own arguments handed to a function another unit's main calls
// (reduced from i2pd's i2p::config::ParseCmdline): start-up code. A list of
// names without a count is no command line.
namespace config {
void ParseCmdline(int argc, char *argv[], bool ignoreUnknown) {
  if (argc > 1 && !ignoreUnknown && !std::strcmp(argv[1], "--help")) {
    std::puts("usage: daemon [options]");
    exit(EXIT_SUCCESS);
  }
}
} // namespace config
void load_names(char **names) {
  if (!names)
    exit(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'exit' called in 'load_names'
}

int main(int argc, char **argv) {
  cmdline::parser parsed;
  init_conf(parsed);
  apply_settings(ServerSettings{});
  Options o = parse_args(argc, argv);
  check_flags(argv);
  opt_parse(nullptr, ProcessArgument);
  load_config(o.file);
  if (argc > 5)
    FATAL("in main: not counted");
  return 0;
}
