// Hermetic stand-in for <boost/beast.hpp> (Boost 1.74): tcp_stream
// (basic_stream) with its deadline, ssl_stream, websocket::stream and the
// synchronous HTTP algorithms, with the real headers' names and layering.
#ifndef PRODREADY_STUB_ASYNC_BEAST_HPP
#define PRODREADY_STUB_ASYNC_BEAST_HPP

#include <async_stubs/asio.hpp>

namespace boost {
namespace asio {
namespace ssl {
class context;
} // namespace ssl
} // namespace asio

namespace beast {
namespace net = boost::asio;
using error_code = boost::system::error_code;

class unlimited_rate_policy {};

template <class Protocol, class Executor = net::any_io_executor,
          class RatePolicy = unlimited_rate_policy>
class basic_stream {
public:
  using socket_type = net::basic_stream_socket<Protocol, Executor>;
  using endpoint_type = typename Protocol::endpoint;
  explicit basic_stream(net::io_context &);
  socket_type &socket();
  void expires_after(std::chrono::steady_clock::duration);
  void expires_at(std::chrono::steady_clock::time_point);
  void expires_never();
  void connect(const endpoint_type &);
  void connect(const endpoint_type &, error_code &);
  template <class EndpointSequence>
  endpoint_type connect(const EndpointSequence &);
  template <class Buffers> size_t read_some(const Buffers &);
  template <class Buffers> size_t write_some(const Buffers &);
  template <class Endpoints, class Handler>
  void async_connect(const Endpoints &, Handler &&) {}
  void close();
};
using tcp_stream = basic_stream<net::ip::tcp>;

template <class NextLayer> class ssl_stream {
public:
  template <class Arg> ssl_stream(Arg &&, net::ssl::context &);
  NextLayer &next_layer();
  void handshake(int type);
  void handshake(int type, error_code &);
  template <class Buffers> size_t read_some(const Buffers &);
  template <class Buffers> size_t write_some(const Buffers &);
};

class flat_buffer {};

namespace websocket {
template <class NextLayer, bool deflateSupported = true> class stream {
public:
  template <class... Args> explicit stream(Args &&...);
  NextLayer &next_layer();
  void handshake(const std::string &host, const std::string &target);
  void handshake(const std::string &host, const std::string &target,
                 error_code &);
  void accept();
  template <class DynamicBuffer> size_t read(DynamicBuffer &);
  template <class DynamicBuffer> size_t read(DynamicBuffer &, error_code &);
  template <class Buffers> size_t write(const Buffers &);
  template <class DynamicBuffer, class Handler>
  void async_read(DynamicBuffer &, Handler &&) {}
  void close(int code);
};
} // namespace websocket

template <class T> struct lowest_layer_of {
  using type = T;
};
template <class N, bool D> struct lowest_layer_of<websocket::stream<N, D>> {
  using type = typename lowest_layer_of<N>::type;
};
template <class N> struct lowest_layer_of<ssl_stream<N>> {
  using type = typename lowest_layer_of<N>::type;
};
template <class T> typename lowest_layer_of<T>::type &get_lowest_layer(T &);

namespace http {
enum class verb { get, post };
struct string_body {};
struct empty_body {};
template <bool isRequest, class Body> class message {
public:
  message();
  message(verb, const std::string &target, int version);
};
template <class Body> using request = message<true, Body>;
template <class Body> using response = message<false, Body>;

template <class Stream, class Buffer, bool isRequest, class Body>
size_t read(Stream &, Buffer &, message<isRequest, Body> &);
template <class Stream, class Buffer, bool isRequest, class Body>
size_t read(Stream &, Buffer &, message<isRequest, Body> &, error_code &);
template <class Stream, bool isRequest, class Body>
size_t write(Stream &, const message<isRequest, Body> &);
template <class Stream, bool isRequest, class Body>
size_t write(Stream &, const message<isRequest, Body> &, error_code &);
template <class Stream, class Buffer, bool isRequest, class Body,
          class Handler>
void async_read(Stream &, Buffer &, message<isRequest, Body> &, Handler &&) {}
} // namespace http
} // namespace beast
} // namespace boost

#endif // PRODREADY_STUB_ASYNC_BEAST_HPP
