// REQUIRES: boost, openssl
// RUN: rm -rf %t && mkdir -p %t
// RUN: ln -s /usr/include/boost %t/boost
// RUN: ln -s /usr/include/openssl %t/openssl
// RUN: %check_prodready %s prodready-missing-timeout -- -std=c++17 -I%t --system-header-prefix=boost/ --system-header-prefix=openssl/

// Boost 1.74's real Beast: a tcp_stream's deadline (expires_after /
// expires_at) looked up through ssl_stream and websocket::stream, and a
// WebSocket on a plain tcp::socket, which has no timeout at all.

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/beast/websocket/ssl.hpp>
#include <chrono>
#include <string>

namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
namespace net = boost::asio;
using tcp = net::ip::tcp;

std::string getNoDeadline(net::io_context &io, const tcp::resolver::results_type &results) {
  beast::tcp_stream stream(io);
  stream.connect(results);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: synchronous operation 'boost::beast::basic_stream::connect' on Beast stream 'stream' runs without a deadline (no expires_after or expires_at on the stream before it), so a peer that stops responding blocks this thread forever; set one with beast::get_lowest_layer(stream).expires_after(...) and use the async_* form, which honours it [prodready-missing-timeout]
  http::request<http::string_body> req{http::verb::get, "/", 11};
  http::write(stream, req);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: synchronous operation 'boost::beast::http::write' on Beast stream 'stream' runs without a deadline {{.*}} [prodready-missing-timeout]
  beast::flat_buffer buffer;
  http::response<http::string_body> res;
  http::read(stream, buffer, res);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: synchronous operation 'boost::beast::http::read' on Beast stream 'stream' runs without a deadline {{.*}} [prodready-missing-timeout]
  return res.body();
}

std::string getWithDeadline(net::io_context &io, const tcp::resolver::results_type &results) {
  beast::tcp_stream stream(io);
  stream.expires_after(std::chrono::seconds(30));
  stream.connect(results);
  http::request<http::string_body> req{http::verb::get, "/", 11};
  http::write(stream, req);
  beast::flat_buffer buffer;
  http::response<http::string_body> res;
  http::read(stream, buffer, res);
  return res.body();
}

void httpsNoDeadline(net::io_context &io, net::ssl::context &ctx,
                     const tcp::resolver::results_type &results) {
  beast::ssl_stream<beast::tcp_stream> stream(io, ctx);
  beast::get_lowest_layer(stream).connect(results);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: synchronous operation 'boost::beast::basic_stream::connect' on Beast stream 'stream' runs without a deadline {{.*}} [prodready-missing-timeout]
  stream.handshake(net::ssl::stream_base::client);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: synchronous operation 'boost::beast::ssl_stream::handshake' on Beast stream 'stream' runs without a deadline {{.*}} [prodready-missing-timeout]
  http::request<http::string_body> req{http::verb::get, "/", 11};
  http::write(stream, req);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: synchronous operation 'boost::beast::http::write' on Beast stream 'stream' runs without a deadline {{.*}} [prodready-missing-timeout]
}

void websocketTls(net::io_context &io, net::ssl::context &ctx,
                  const tcp::resolver::results_type &results) {
  websocket::stream<beast::ssl_stream<beast::tcp_stream>> ws(io, ctx);
  beast::get_lowest_layer(ws).expires_after(std::chrono::seconds(30));
  beast::get_lowest_layer(ws).connect(results);
  ws.next_layer().handshake(net::ssl::stream_base::client);
  ws.handshake("example.com", "/");
  ws.write(net::buffer(std::string("hello")));
  beast::flat_buffer buffer;
  ws.read(buffer);
}

void websocketTlsNoDeadline(net::io_context &io, net::ssl::context &ctx) {
  websocket::stream<beast::ssl_stream<beast::tcp_stream>> ws(io, ctx);
  ws.handshake("example.com", "/");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: synchronous operation 'boost::beast::websocket::stream::handshake' on Beast stream 'ws' runs without a deadline {{.*}} [prodready-missing-timeout]
  beast::flat_buffer buffer;
  ws.read(buffer);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: synchronous operation 'boost::beast::websocket::stream::read' on Beast stream 'ws' runs without a deadline {{.*}} [prodready-missing-timeout]
}

void websocketPlainSocket(net::io_context &io, const tcp::resolver::results_type &results) {
  websocket::stream<tcp::socket> ws(io);
  net::connect(ws.next_layer(), results);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: synchronous Asio operation 'boost::asio::connect' has no timeout, so a peer or DNS server that stops responding blocks this thread forever; use the async_* form with a deadline (a steady_timer that cancels it, or beast's expires_after) [prodready-missing-timeout]
  ws.handshake("example.com", "/");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: synchronous Asio operation 'boost::beast::websocket::stream::handshake' has no timeout, {{.*}} [prodready-missing-timeout]
  ws.write(net::buffer(std::string("hello")));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: synchronous Asio operation 'boost::beast::websocket::stream::write' has no timeout, {{.*}} [prodready-missing-timeout]
  beast::flat_buffer buffer;
  ws.read(buffer);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: synchronous Asio operation 'boost::beast::websocket::stream::read' has no timeout, {{.*}} [prodready-missing-timeout]
}

void websocketServer(tcp::socket socket) {
  websocket::stream<tcp::socket> ws(std::move(socket));
  ws.accept();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: synchronous Asio operation 'boost::beast::websocket::stream::accept' has no timeout, {{.*}} [prodready-missing-timeout]
}
