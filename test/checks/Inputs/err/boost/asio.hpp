// Hermetic stand-ins for Boost.System's error_code and the Asio/Beast calls
// the error-handling rules look at. Kept under err/ so that it never shadows
// the real <boost/asio.hpp>.
#pragma once
namespace boost {
namespace system {
class error_category;
class error_code {
public:
  error_code() noexcept;
  int value() const noexcept;
  const char *message() const;
  explicit operator bool() const noexcept;
  bool operator!() const noexcept;
  void clear() noexcept;
};
bool operator==(const error_code &, const error_code &) noexcept;
bool operator!=(const error_code &, const error_code &) noexcept;
} // namespace system
namespace asio {
typedef decltype(sizeof(0)) size_t;
namespace error {
extern const boost::system::error_code operation_aborted;
}
class io_context {
public:
  size_t run();
  void stop();
};
class signal_set {
public:
  signal_set(io_context &, int, int);
  template <class Handler> void async_wait(Handler &&) {}
};
class mutable_buffer {};
mutable_buffer buffer(void *, size_t);
namespace ip {
class tcp {
public:
  class endpoint {};
  class socket {
  public:
    explicit socket(io_context &);
    void close();
    boost::system::error_code close(boost::system::error_code &);
    boost::system::error_code cancel(boost::system::error_code &);
    enum shutdown_type { shutdown_both };
    boost::system::error_code shutdown(shutdown_type, boost::system::error_code &);
    void connect(const endpoint &);
    boost::system::error_code connect(const endpoint &, boost::system::error_code &);
    size_t read_some(const mutable_buffer &, boost::system::error_code &);
    template <class Handler> void async_read_some(const mutable_buffer &, Handler &&);
    template <class Handler> void async_connect(const endpoint &, Handler &&);
  };
  class acceptor {
  public:
    explicit acceptor(io_context &);
    template <class Handler> void async_accept(socket &, Handler &&);
    boost::system::error_code close(boost::system::error_code &);
  };
};
} // namespace ip
template <class Stream, class Buffer, class Handler>
void async_write(Stream &, const Buffer &, Handler &&);
template <class Stream, class Buffer>
size_t write(Stream &, const Buffer &, boost::system::error_code &);
class steady_timer {
public:
  struct duration {};
  struct time_point {
    static time_point max();
    static time_point now();
  };
  explicit steady_timer(io_context &);
  template <class Handler> void async_wait(Handler &&);
  size_t cancel();
  size_t cancel_one();
  size_t expires_at(const time_point &);
  size_t expires_after(const duration &);
  size_t expires_after(const duration &, boost::system::error_code &);
  size_t expires_from_now(const duration &, boost::system::error_code &);
  time_point expiry() const;
};
bool operator<=(const steady_timer::time_point &, const steady_timer::time_point &);
struct use_awaitable_t {};
constexpr use_awaitable_t use_awaitable;
template <class Token> struct redirect_error_t {
  Token token;
  boost::system::error_code &ec;
};
template <class Token>
redirect_error_t<Token> redirect_error(Token, boost::system::error_code &);
} // namespace asio
} // namespace boost
