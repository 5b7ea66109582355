// Hermetic stand-in for <boost/asio.hpp> (Boost 1.74) with the class and
// function shapes the async rules look at: basic_stream_socket<Protocol,
// Executor> and friends as templates, async_* initiating functions, post /
// dispatch / defer / co_spawn, strands, bind_executor, timers, awaitable.
// Named async_stubs/asio.hpp so that it never shadows the real header.
#ifndef PRODREADY_STUB_ASYNC_ASIO_HPP
#define PRODREADY_STUB_ASYNC_ASIO_HPP

#include <chrono>
#include <coroutine>
#include <cstddef>
#include <string>

namespace boost {
namespace system {
class error_code {
public:
  error_code() noexcept;
  explicit operator bool() const noexcept;
  std::string message() const;
};
} // namespace system

namespace asio {
using std::size_t;

class any_io_executor {};
class mutable_buffer {};
class const_buffer {};
mutable_buffer buffer(void *, size_t);
const_buffer buffer(const void *, size_t);
mutable_buffer buffer(std::string &);
template <class T> class basic_streambuf_ref {};
class streambuf {};

template <class T = void> class awaitable;
namespace detail {
template <class T> struct promise_base {
  std::suspend_always initial_suspend() noexcept { return {}; }
  std::suspend_always final_suspend() noexcept { return {}; }
  void unhandled_exception() {}
  awaitable<T> get_return_object();
};
} // namespace detail
template <class T> class awaitable {
public:
  struct promise_type : detail::promise_base<T> {
    void return_value(T) {}
  };
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>) noexcept;
  T await_resume();
};
template <> class awaitable<void> {
public:
  struct promise_type : detail::promise_base<void> {
    void return_void() {}
  };
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>) noexcept;
  void await_resume();
};

template <class Executor = any_io_executor> struct use_awaitable_t {};
constexpr use_awaitable_t<> use_awaitable;
struct detached_t {};
constexpr detached_t detached;
namespace this_coro {
struct executor_t {};
constexpr executor_t executor;
} // namespace this_coro

class io_context {
public:
  using executor_type = any_io_executor;
  executor_type get_executor() noexcept;
  size_t run();
  size_t run_one();
  void stop();
  template <class Handler> void post(Handler &&handler) {}
  template <class Handler> void dispatch(Handler &&handler) {}
  class strand {
  public:
    explicit strand(io_context &);
    template <class Handler> void post(Handler &&handler) {}
    template <class Handler> void dispatch(Handler &&handler) {}
    template <class Handler> Handler wrap(Handler handler) { return handler; }
  };
};

class thread_pool {
public:
  explicit thread_pool(size_t threads);
  class executor_type {};
  executor_type get_executor() noexcept;
  void join();
};

template <class Executor> class strand {
public:
  explicit strand(const Executor &);
};
template <class Executor> strand<Executor> make_strand(const Executor &);
strand<any_io_executor> make_strand(io_context &);

template <class Executor, class Handler> Handler bind_executor(const Executor &, Handler h) { return h; }
template <class Handler> void post(Handler &&handler) {}
template <class Executor, class Handler> void post(const Executor &, Handler &&handler) {}
template <class Executor, class Handler> void dispatch(const Executor &, Handler &&handler) {}
template <class Executor, class Handler> void defer(const Executor &, Handler &&handler) {}
template <class Executor> awaitable<void> post(const Executor &, use_awaitable_t<>);
template <class Executor, class T, class Token>
void co_spawn(const Executor &, awaitable<T> a, Token &&token) {}
template <class Executor, class F, class Token>
void co_spawn(const Executor &, F &&f, Token &&token) {}

template <class Protocol, class Executor = any_io_executor> class basic_socket {
public:
  using endpoint_type = typename Protocol::endpoint;
  explicit basic_socket(io_context &);
  void connect(const endpoint_type &);
  void connect(const endpoint_type &, system::error_code &);
  template <class Handler> void async_connect(const endpoint_type &, Handler &&) {}
  awaitable<void> async_connect(const endpoint_type &, const use_awaitable_t<> &);
  void close();
};

template <class Protocol, class Executor = any_io_executor>
class basic_stream_socket : public basic_socket<Protocol, Executor> {
public:
  explicit basic_stream_socket(io_context &);
  template <class Buffers> size_t read_some(const Buffers &);
  template <class Buffers> size_t read_some(const Buffers &, system::error_code &);
  template <class Buffers> size_t write_some(const Buffers &);
  template <class Buffers> size_t receive(const Buffers &);
  template <class Buffers> size_t send(const Buffers &);
  template <class Buffers, class Handler> void async_read_some(const Buffers &, Handler &&) {}
  template <class Buffers>
  awaitable<size_t> async_read_some(const Buffers &, const use_awaitable_t<> &);
  template <class Buffers, class Handler> void async_write_some(const Buffers &, Handler &&) {}
};

template <class Protocol, class Executor = any_io_executor>
class basic_datagram_socket : public basic_socket<Protocol, Executor> {
public:
  explicit basic_datagram_socket(io_context &);
  template <class Buffers> size_t receive(const Buffers &);
  template <class Buffers>
  size_t receive_from(const Buffers &, typename Protocol::endpoint &sender);
  template <class Buffers>
  size_t send_to(const Buffers &, const typename Protocol::endpoint &destination);
};

template <class Protocol, class Executor = any_io_executor>
class basic_socket_acceptor {
public:
  explicit basic_socket_acceptor(io_context &);
  basic_socket_acceptor(io_context &, const typename Protocol::endpoint &);
  void open(const Protocol &);
  void bind(const typename Protocol::endpoint &);
  void listen(int backlog = 4096);
  void accept(basic_stream_socket<Protocol, Executor> &);
  template <class Handler> void async_accept(Handler &&) {}
  awaitable<basic_stream_socket<Protocol, Executor>> async_accept(const use_awaitable_t<> &);
};

namespace ip {
template <class Protocol> class basic_resolver_results {
public:
  const typename Protocol::endpoint *begin() const;
  const typename Protocol::endpoint *end() const;
};
class resolver_base {
public:
  enum flags { canonical_name = 0x0002, passive = 0x0001, numeric_host = 0x0004 };
};
template <class Protocol, class Executor = any_io_executor>
class basic_resolver : public resolver_base {
public:
  explicit basic_resolver(io_context &);
  basic_resolver_results<Protocol> resolve(const std::string &host, const std::string &service,
                                           resolver_base::flags resolve_flags);
  basic_resolver_results<Protocol> resolve(const std::string &host, const std::string &service);
  basic_resolver_results<Protocol> resolve(const std::string &host, const std::string &service,
                                           system::error_code &);
  template <class Handler>
  void async_resolve(const std::string &host, const std::string &service, Handler &&) {}
};
class address {};
class tcp {
public:
  class endpoint {
  public:
    endpoint();
    endpoint(const address &, unsigned short port);
  };
  using socket = basic_stream_socket<tcp>;
  using acceptor = basic_socket_acceptor<tcp>;
  using resolver = basic_resolver<tcp>;
  static tcp v4();
};
class udp {
public:
  class endpoint {
  public:
    endpoint();
  };
  using socket = basic_datagram_socket<udp>;
  using resolver = basic_resolver<udp>;
};
} // namespace ip

namespace local {
class stream_protocol {
public:
  class endpoint {
  public:
    explicit endpoint(const char *path);
  };
  using socket = basic_stream_socket<stream_protocol>;
};
} // namespace local

template <class Clock> struct wait_traits {};
template <class Clock, class Traits = wait_traits<Clock>, class Executor = any_io_executor>
class basic_waitable_timer {
public:
  explicit basic_waitable_timer(io_context &);
  template <class Duration> void expires_after(Duration);
  void wait();
  template <class Handler> void async_wait(Handler &&) {}
  awaitable<void> async_wait(const use_awaitable_t<> &);
};
using steady_timer = basic_waitable_timer<std::chrono::steady_clock>;

template <class Stream, class Buffers> size_t read(Stream &, const Buffers &);
template <class Stream, class Buffers>
size_t read(Stream &, const Buffers &, system::error_code &);
template <class Stream, class Buffers> size_t write(Stream &, const Buffers &);
template <class Stream, class Buf> size_t read_until(Stream &, Buf &, const std::string &);
template <class Socket, class Endpoints> void connect(Socket &, const Endpoints &);
template <class Stream, class Buffers, class Handler>
void async_read(Stream &, const Buffers &, Handler &&) {}
template <class Stream, class Buffers>
awaitable<size_t> async_read(Stream &, const Buffers &, const use_awaitable_t<> &);
template <class Stream, class Buffers, class Handler>
void async_write(Stream &, const Buffers &, Handler &&) {}
template <class Stream, class Buffers>
awaitable<size_t> async_write(Stream &, const Buffers &, const use_awaitable_t<> &);
template <class Socket, class Endpoints, class Handler>
void async_connect(Socket &, const Endpoints &, Handler &&) {}

} // namespace asio
} // namespace boost

#endif // PRODREADY_STUB_ASYNC_ASIO_HPP
