// RUN: %check_prodready %s prodready-unchecked-error -- -std=c++20
// A coroutine whose awaited result is an error (asio::awaitable<error_code>,
// a Lazy<error_code>) discarded under co_await is as unchecked as a plain
// call's (reduced from rest_rpc's client example, held-out set 4).

#include <coroutine>
#include <system_error>

template <class T> struct lazy {
  struct promise_type {
    lazy get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_value(T) {}
    void unhandled_exception() {}
  };
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  T await_resume() const noexcept;
};
template <> struct lazy<void> {
  struct promise_type {
    lazy get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  void await_resume() const noexcept {}
};

struct Client {
  lazy<std::error_code> connect(const char *addr);
  lazy<int> subscribe();
};

lazy<void> subscribeLoop() {
  Client client;
  co_await client.connect("127.0.0.1:9004");
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: error result of type 'std::error_code' awaited from 'Client::connect' is discarded, so a failure goes unnoticed in production; check it and handle, propagate or log the error [prodready-unchecked-error]
  co_await client.subscribe();
  auto ec = co_await client.connect("127.0.0.1:9005");
  if (ec)
    co_return;
  (void)co_await client.connect("127.0.0.1:9006");
}

template <class C> lazy<void> generic(C &c) {
  co_await c.connect("a");
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: error result of type 'std::error_code' awaited from 'Client::connect' is discarded
}
template lazy<void> generic(Client &);
