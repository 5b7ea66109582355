// RUN: %check_prodready %s prodready-unchecked-error
// A timer used as a signal does not need its error read (RULES.md revision
// 2026-12-01): cancellation is the event. A timer whose handler still acts
// as if it had expired is reported.

#include <coroutine>
#include <err/boost/asio.hpp>

namespace asio = boost::asio;
void deliver();
void tick();

// A minimal coroutine type so that the test can co_await a wait.
struct task {
  struct promise_type {
    task get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};
struct wait_op {
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  void await_resume() const noexcept {}
};
struct awaitable_timer : asio::steady_timer {
  using asio::steady_timer::steady_timer;
  template <class Token> wait_op async_wait(Token &&);
};

struct Channel {
  awaitable_timer signal_;
  asio::steady_timer deadline_;
  asio::steady_timer wakeup_;
  asio::steady_timer periodic_;

  // A timer set to expire never and cancelled to wake the waiter.
  task wait_for_message() {
    boost::system::error_code ec;
    signal_.expires_at(asio::steady_timer::time_point::max());
    co_await signal_.async_wait(asio::redirect_error(asio::use_awaitable, ec));
    deliver();
  }
  void notify() { signal_.cancel_one(); }

  // redirect_error into a plain timer wait: cancellation ends the sleep.
  void sleep() {
    boost::system::error_code ec;
    periodic_.async_wait(asio::redirect_error(asio::use_awaitable, ec));
  }

  // The Asio deadline idiom: the handler judges by the timer's expiry.
  void check_deadline() {
    deadline_.async_wait([this](const boost::system::error_code &) {
      if (deadline_.expiry() <= asio::steady_timer::time_point::now())
        tick();
      check_deadline();
    });
  }

  // A timer woken with cancel_one(): its handler runs on the signal.
  void arm() {
    wakeup_.async_wait([this](boost::system::error_code) { deliver(); });
  }
  void wake() { wakeup_.cancel_one(); }

  // Still reported: a periodic timer whose handler re-arms on cancellation.
  void schedule() {
    periodic_.async_wait([this](const boost::system::error_code &) {
      // CHECK-MESSAGES: :[[@LINE-1]]:33: warning: completion handler passed to 'boost::asio::steady_timer::async_wait' never reads its error_code parameter but still acts on the result
      tick();
      schedule();
    });
  }
};

// A signal_set wait used as the shutdown trigger: stopping is right whatever
// the outcome. A handler that does other work is still reported.
void reload_config();
void wait_for_signals(asio::io_context &ioc, asio::signal_set &signals) {
  signals.async_wait([&ioc](const boost::system::error_code &, int) { ioc.stop(); });
  signals.async_wait([](const boost::system::error_code &, int) {
    // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: completion handler passed to 'boost::asio::signal_set::async_wait' never reads its error_code parameter but still acts on the result
    reload_config();
  });
}

// Still reported: redirect_error into a socket operation's completion.
template <class Handler> void async_read(asio::ip::tcp::socket &, Handler &&);
void read_into(asio::ip::tcp::socket &s) {
  boost::system::error_code ec;
  async_read(s, asio::redirect_error(asio::use_awaitable, ec));
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: the error reported by 'boost::asio::redirect_error' through 'ec' is never checked
}

// A handler that only tears down ends the operation the same way on success
// and failure (i2pd's ReadSomethingAndTerminate); one that also acts on the
// result is still reported, and so is a timer's: a deadline handler that
// closes on operation_aborted ends the work it was guarding.
struct Session {
  asio::ip::tcp::socket s_;
  asio::steady_timer t_;
  void Terminate();
  void Process();
  void readSomethingAndTerminate() {
    async_read(s_, [this](const boost::system::error_code &ecode, std::size_t) { Terminate(); });
    async_read(s_, [this](const boost::system::error_code &ecode, std::size_t) {
      // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: completion handler passed to 'async_read' never reads its error_code parameter 'ecode' but still acts on the result
      Process();
      Terminate();
    });
    t_.async_wait([this](const boost::system::error_code &ecode) { Terminate(); });
    // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: completion handler passed to 'boost::asio::steady_timer::async_wait' never reads its error_code parameter 'ecode' but still acts on the result
  }
};
