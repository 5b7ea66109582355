// RUN: %check_prodready %s prodready-missing-timeout

// Beast streams (RULES.md revisions 2026-12-01): a tcp_stream has a deadline
// of its own (expires_after / expires_at), looked up through the TLS and
// WebSocket layers; a WebSocket on a plain tcp::socket has no timeout at all.

#include <async_stubs/beast.hpp>

namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
namespace net = boost::asio;
using net::ip::tcp;
using namespace std::chrono_literals;

// tcp_stream without a deadline: connect and the HTTP exchange.
void httpNoDeadline(net::io_context &io, tcp::endpoint ep) {
  beast::tcp_stream stream(io);
  stream.connect(ep);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: synchronous operation 'boost::beast::basic_stream::connect' on Beast stream 'stream' runs without a deadline (no expires_after or expires_at on the stream before it), so a peer that stops responding blocks this thread forever; set one with beast::get_lowest_layer(stream).expires_after(...) and use the async_* form, which honours it [prodready-missing-timeout]
  http::request<http::string_body> req(http::verb::get, "/", 11);
  http::write(stream, req);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: synchronous operation 'boost::beast::http::write' on Beast stream 'stream' runs without a deadline {{.*}} [prodready-missing-timeout]
  beast::flat_buffer buffer;
  http::response<http::string_body> res;
  http::read(stream, buffer, res);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: synchronous operation 'boost::beast::http::read' on Beast stream 'stream' runs without a deadline {{.*}} [prodready-missing-timeout]
}

// With a deadline set before the calls: not reported.
void httpWithDeadline(net::io_context &io, tcp::endpoint ep) {
  beast::tcp_stream stream(io);
  stream.expires_after(30s);
  stream.connect(ep);
  http::request<http::string_body> req(http::verb::get, "/", 11);
  http::write(stream, req);
  beast::flat_buffer buffer;
  http::response<http::string_body> res;
  http::read(stream, buffer, res);
}

// A deadline set only after the call does not bound it; expires_never()
// removes it again.
void deadlineTooLate(net::io_context &io, tcp::endpoint ep) {
  beast::tcp_stream stream(io);
  stream.connect(ep);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: synchronous operation 'boost::beast::basic_stream::connect' on Beast stream 'stream' runs without a deadline {{.*}} [prodready-missing-timeout]
  stream.expires_after(30s);
  http::request<http::string_body> req(http::verb::get, "/", 11);
  http::write(stream, req);
  stream.expires_never();
  beast::flat_buffer buffer;
  http::response<http::string_body> res;
  http::read(stream, buffer, res);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: synchronous operation 'boost::beast::http::read' on Beast stream 'stream' runs without a deadline {{.*}} [prodready-missing-timeout]
}

// TLS over tcp_stream: the deadline is set on the lowest layer.
void httpsClient(net::io_context &io, net::ssl::context &ctx, tcp::endpoint ep) {
  beast::ssl_stream<beast::tcp_stream> stream(io, ctx);
  beast::get_lowest_layer(stream).connect(ep);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: synchronous operation 'boost::beast::basic_stream::connect' on Beast stream 'stream' runs without a deadline {{.*}} [prodready-missing-timeout]
  stream.handshake(0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: synchronous operation 'boost::beast::ssl_stream::handshake' on Beast stream 'stream' runs without a deadline {{.*}} [prodready-missing-timeout]
  beast::get_lowest_layer(stream).expires_after(30s);
  http::request<http::string_body> req(http::verb::get, "/", 11);
  http::write(stream, req);
}

// WebSocket over ssl_stream<tcp_stream>: looked through both layers.
void websocketTls(net::io_context &io, net::ssl::context &ctx) {
  websocket::stream<beast::ssl_stream<beast::tcp_stream>> ws(io, ctx);
  ws.handshake("example.com", "/");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: synchronous operation 'boost::beast::websocket::stream::handshake' on Beast stream 'ws' runs without a deadline {{.*}} [prodready-missing-timeout]
  beast::flat_buffer buffer;
  ws.read(buffer);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: synchronous operation 'boost::beast::websocket::stream::read' on Beast stream 'ws' runs without a deadline {{.*}} [prodready-missing-timeout]
  auto &lowest = beast::get_lowest_layer(ws);
  lowest.expires_after(10s);
  ws.write(net::buffer("ping", 4));
  ws.next_layer().next_layer().expires_at(std::chrono::steady_clock::now() + 5s);
  ws.read(buffer);
}

// WebSocket on a plain tcp::socket: no timeout is possible at all.
void websocketPlainSocket(net::io_context &io) {
  websocket::stream<tcp::socket> ws(io);
  ws.handshake("example.com", "/");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: synchronous Asio operation 'boost::beast::websocket::stream::handshake' has no timeout, so a peer or DNS server that stops responding blocks this thread forever; use the async_* form with a deadline (a steady_timer that cancels it, or beast's expires_after) [prodready-missing-timeout]
  beast::flat_buffer buffer;
  ws.read(buffer);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: synchronous Asio operation 'boost::beast::websocket::stream::read' has no timeout, {{.*}} [prodready-missing-timeout]
  ws.write(net::buffer("x", 1));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: synchronous Asio operation 'boost::beast::websocket::stream::write' has no timeout, {{.*}} [prodready-missing-timeout]
}
void websocketServer(tcp::socket socket) {
  websocket::stream<tcp::socket> ws(std::move(socket));
  ws.accept();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: synchronous Asio operation 'boost::beast::websocket::stream::accept' has no timeout, {{.*}} [prodready-missing-timeout]
}

// A member stream armed in another member function of the unit; a stream
// received as a parameter (its owner sets the deadline) is not judged.
class Session {
public:
  explicit Session(net::io_context &io) : ws_(io) {}
  void start() { beast::get_lowest_layer(ws_).expires_after(30s); }
  void readOne() {
    beast::flat_buffer buffer;
    ws_.read(buffer);
  }

private:
  websocket::stream<beast::tcp_stream> ws_;
};
class Unarmed {
public:
  explicit Unarmed(net::io_context &io) : ws_(io) {}
  void readOne() {
    beast::flat_buffer buffer;
    ws_.read(buffer);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: synchronous operation 'boost::beast::websocket::stream::read' on Beast stream 'ws_' runs without a deadline {{.*}} [prodready-missing-timeout]
  }

private:
  websocket::stream<beast::tcp_stream> ws_;
};
void readFromCaller(beast::tcp_stream &stream) {
  beast::flat_buffer buffer;
  http::response<http::string_body> res;
  http::read(stream, buffer, res);
}

// The asynchronous forms take the stream's deadline: not reported.
void asyncRead(beast::tcp_stream &stream, websocket::stream<beast::tcp_stream> &ws) {
  beast::flat_buffer buffer;
  http::response<http::string_body> res;
  http::async_read(stream, buffer, res, [](beast::error_code, size_t) {});
  ws.async_read(buffer, [](beast::error_code, size_t) {});
}
