// RUN: %check_prodready %s prodready-missing-timeout
// RUN: %check_prodready -check-suffix=WAITS %s prodready-missing-timeout -config="{CheckOptions: {prodready-missing-timeout.ReportUnboundedWaits: true}}"

// Boost.Asio synchronous network operations (no timeout by design),
// cpp-httplib clients whose timeouts are set to 0, and, with
// ReportUnboundedWaits, future / condition_variable waits without a bound.

#include <async_stubs/asio.hpp>
#include <httplib.h>
#include <condition_variable>
#include <future>
#include <mutex>

namespace asio = boost::asio;
using asio::ip::tcp;
using namespace std::chrono_literals;

void sync_client(asio::io_context &io) {
  tcp::resolver resolver(io);
  auto endpoints = resolver.resolve("example.com", "443");
// CHECK-MESSAGES: :[[@LINE-1]]:20: warning: synchronous Asio operation 'boost::asio::ip::basic_resolver::resolve' has no timeout, so a peer or DNS server that stops responding blocks this thread forever; use the async_* form with a deadline (a steady_timer that cancels it, or beast's expires_after) [prodready-missing-timeout]
// CHECK-MESSAGES-WAITS: :[[@LINE-2]]:20: warning: synchronous Asio operation 'boost::asio::ip::basic_resolver::resolve' has no timeout, so a peer or DNS server that stops responding blocks this thread forever; use the async_* form with a deadline (a steady_timer that cancels it, or beast's expires_after) [prodready-missing-timeout]
  tcp::socket socket(io);
  asio::connect(socket, endpoints);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: synchronous Asio operation 'boost::asio::connect' has no timeout, so a peer or DNS server that stops responding blocks this thread forever; use the async_* form with a deadline (a steady_timer that cancels it, or beast's expires_after) [prodready-missing-timeout]
// CHECK-MESSAGES-WAITS: :[[@LINE-2]]:3: warning: synchronous Asio operation 'boost::asio::connect' has no timeout, so a peer or DNS server that stops responding blocks this thread forever; use the async_* form with a deadline (a steady_timer that cancels it, or beast's expires_after) [prodready-missing-timeout]
  socket.connect(tcp::endpoint());
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: synchronous Asio operation 'boost::asio::basic_stream_socket::connect' has no timeout, so a peer or DNS server that stops responding blocks this thread forever; use the async_* form with a deadline (a steady_timer that cancels it, or beast's expires_after) [prodready-missing-timeout]
// CHECK-MESSAGES-WAITS: :[[@LINE-2]]:3: warning: synchronous Asio operation 'boost::asio::basic_stream_socket::connect' has no timeout, so a peer or DNS server that stops responding blocks this thread forever; use the async_* form with a deadline (a steady_timer that cancels it, or beast's expires_after) [prodready-missing-timeout]
  char buf[128];
  asio::write(socket, asio::buffer(buf, 4));
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: synchronous Asio operation 'boost::asio::write' has no timeout, so a peer or DNS server that stops responding blocks this thread forever; use the async_* form with a deadline (a steady_timer that cancels it, or beast's expires_after) [prodready-missing-timeout]
// CHECK-MESSAGES-WAITS: :[[@LINE-2]]:3: warning: synchronous Asio operation 'boost::asio::write' has no timeout, so a peer or DNS server that stops responding blocks this thread forever; use the async_* form with a deadline (a steady_timer that cancels it, or beast's expires_after) [prodready-missing-timeout]
  asio::read(socket, asio::buffer(buf, 128));
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: synchronous Asio operation 'boost::asio::read' has no timeout, so a peer or DNS server that stops responding blocks this thread forever; use the async_* form with a deadline (a steady_timer that cancels it, or beast's expires_after) [prodready-missing-timeout]
// CHECK-MESSAGES-WAITS: :[[@LINE-2]]:3: warning: synchronous Asio operation 'boost::asio::read' has no timeout, so a peer or DNS server that stops responding blocks this thread forever; use the async_* form with a deadline (a steady_timer that cancels it, or beast's expires_after) [prodready-missing-timeout]
  socket.read_some(asio::buffer(buf, 128));
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: synchronous Asio operation 'boost::asio::basic_stream_socket::read_some' has no timeout, so a peer or DNS server that stops responding blocks this thread forever; use the async_* form with a deadline (a steady_timer that cancels it, or beast's expires_after) [prodready-missing-timeout]
// CHECK-MESSAGES-WAITS: :[[@LINE-2]]:3: warning: synchronous Asio operation 'boost::asio::basic_stream_socket::read_some' has no timeout, so a peer or DNS server that stops responding blocks this thread forever; use the async_* form with a deadline (a steady_timer that cancels it, or beast's expires_after) [prodready-missing-timeout]
  socket.receive(asio::buffer(buf, 128));
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: synchronous Asio operation 'boost::asio::basic_stream_socket::receive' has no timeout, so a peer or DNS server that stops responding blocks this thread forever; use the async_* form with a deadline (a steady_timer that cancels it, or beast's expires_after) [prodready-missing-timeout]
// CHECK-MESSAGES-WAITS: :[[@LINE-2]]:3: warning: synchronous Asio operation 'boost::asio::basic_stream_socket::receive' has no timeout, so a peer or DNS server that stops responding blocks this thread forever; use the async_* form with a deadline (a steady_timer that cancels it, or beast's expires_after) [prodready-missing-timeout]
  std::string line;
  asio::read_until(socket, line, "\n");
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: synchronous Asio operation 'boost::asio::read_until' has no timeout, so a peer or DNS server that stops responding blocks this thread forever; use the async_* form with a deadline (a steady_timer that cancels it, or beast's expires_after) [prodready-missing-timeout]
// CHECK-MESSAGES-WAITS: :[[@LINE-2]]:3: warning: synchronous Asio operation 'boost::asio::read_until' has no timeout, so a peer or DNS server that stops responding blocks this thread forever; use the async_* form with a deadline (a steady_timer that cancels it, or beast's expires_after) [prodready-missing-timeout]
  boost::system::error_code ec;
  asio::read(socket, asio::buffer(buf, 128), ec);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: synchronous Asio operation 'boost::asio::read' has no timeout, so a peer or DNS server that stops responding blocks this thread forever; use the async_* form with a deadline (a steady_timer that cancels it, or beast's expires_after) [prodready-missing-timeout]
// CHECK-MESSAGES-WAITS: :[[@LINE-2]]:3: warning: synchronous Asio operation 'boost::asio::read' has no timeout, so a peer or DNS server that stops responding blocks this thread forever; use the async_* form with a deadline (a steady_timer that cancels it, or beast's expires_after) [prodready-missing-timeout]
}

// Regressions from Asio's own examples: resolving a local listen address
// (`passive`), connect() on a UDP socket (it only records the default peer)
// and a UDP server waiting for the next datagram are not remote calls.
void udp_and_listen(asio::io_context &io) {
  tcp::resolver resolver(io);
  auto listen = resolver.resolve("0.0.0.0", "8080", tcp::resolver::passive);
  asio::ip::udp::socket broadcaster(io);
  broadcaster.connect(asio::ip::udp::endpoint());
  char buf[512];
  asio::ip::udp::endpoint sender;
  broadcaster.receive_from(asio::buffer(buf, 512), sender);
  broadcaster.receive(asio::buffer(buf, 512));
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: synchronous Asio operation 'boost::asio::basic_datagram_socket::receive' has no timeout, so a peer or DNS server that stops responding blocks this thread forever; use the async_* form with a deadline (a steady_timer that cancels it, or beast's expires_after) [prodready-missing-timeout]
// CHECK-MESSAGES-WAITS: :[[@LINE-2]]:3: warning: synchronous Asio operation 'boost::asio::basic_datagram_socket::receive' has no timeout, so a peer or DNS server that stops responding blocks this thread forever; use the async_* form with a deadline (a steady_timer that cancels it, or beast's expires_after) [prodready-missing-timeout]
}

// Regressions from Asio's HTTP server example and websocketpp: resolving the
// address a server binds to (in a listen/bind function, or next to the
// acceptor setup) is not a remote call.
class Server {
public:
  Server(asio::io_context &io, const std::string &address, const std::string &port)
      : acceptor_(io) {
    tcp::resolver resolver(io);
    tcp::endpoint endpoint = *resolver.resolve(address, port).begin();
    acceptor_.open(tcp::v4());
    acceptor_.bind(endpoint);
    acceptor_.listen();
  }
  void listen(asio::io_context &io, const std::string &host, const std::string &service) {
    tcp::resolver resolver(io);
    auto results = resolver.resolve(host, service);
    (void)results;
  }

private:
  tcp::acceptor acceptor_;
};

// The asynchronous forms take a deadline from a timer: not reported.
void async_client(tcp::socket &socket) {
  char buf[16];
  socket.async_read_some(asio::buffer(buf, 16), [](boost::system::error_code, std::size_t) {});
  asio::async_read(socket, asio::buffer(buf, 16), [](boost::system::error_code, std::size_t) {});
}

// A local (Unix-domain) socket is not remote.
void local_ipc(asio::io_context &io) {
  asio::local::stream_protocol::socket socket(io);
  socket.connect(asio::local::stream_protocol::endpoint("/run/app.sock"));
  char buf[16];
  asio::read(socket, asio::buffer(buf, 16));
}

void http_client() {
  httplib::Client cli("https://api.example.com");
  cli.set_connection_timeout(0);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'set_connection_timeout' sets cpp-httplib's connection timeout to 0, which leaves the client without a usable bound on waiting for the server; set a positive timeout [prodready-missing-timeout]
// CHECK-MESSAGES-WAITS: :[[@LINE-2]]:3: warning: 'set_connection_timeout' sets cpp-httplib's connection timeout to 0, which leaves the client without a usable bound on waiting for the server; set a positive timeout [prodready-missing-timeout]
  cli.set_read_timeout(0, 0);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'set_read_timeout' sets cpp-httplib's read timeout to 0, which leaves the client without a usable bound on waiting for the server; set a positive timeout [prodready-missing-timeout]
// CHECK-MESSAGES-WAITS: :[[@LINE-2]]:3: warning: 'set_read_timeout' sets cpp-httplib's read timeout to 0, which leaves the client without a usable bound on waiting for the server; set a positive timeout [prodready-missing-timeout]
  cli.set_write_timeout(0s);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'set_write_timeout' sets cpp-httplib's write timeout to 0, which leaves the client without a usable bound on waiting for the server; set a positive timeout [prodready-missing-timeout]
// CHECK-MESSAGES-WAITS: :[[@LINE-2]]:3: warning: 'set_write_timeout' sets cpp-httplib's write timeout to 0, which leaves the client without a usable bound on waiting for the server; set a positive timeout [prodready-missing-timeout]
  cli.set_read_timeout(std::chrono::milliseconds(0));
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'set_read_timeout' sets cpp-httplib's read timeout to 0, which leaves the client without a usable bound on waiting for the server; set a positive timeout [prodready-missing-timeout]
// CHECK-MESSAGES-WAITS: :[[@LINE-2]]:3: warning: 'set_read_timeout' sets cpp-httplib's read timeout to 0, which leaves the client without a usable bound on waiting for the server; set a positive timeout [prodready-missing-timeout]
  auto res = cli.Get("/v1/status");
  httplib::Client ok("https://api.example.com");
  ok.set_connection_timeout(3);
  ok.set_read_timeout(0, 500000); // half a second
  ok.set_write_timeout(5s);
  ok.Get("/v1/status");
  httplib::ClientImpl impl("api.example.com", 443);
  impl.set_read_timeout(0);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'set_read_timeout' sets cpp-httplib's read timeout to 0, which leaves the client without a usable bound on waiting for the server; set a positive timeout [prodready-missing-timeout]
// CHECK-MESSAGES-WAITS: :[[@LINE-2]]:3: warning: 'set_read_timeout' sets cpp-httplib's read timeout to 0, which leaves the client without a usable bound on waiting for the server; set a positive timeout [prodready-missing-timeout]
}

int compute();

void waits(std::future<int> &f, std::shared_future<int> sf, std::condition_variable &cv,
           std::mutex &m, bool &ready) {
  f.get();
// CHECK-MESSAGES-WAITS: :[[@LINE-1]]:3: warning: 'std::future::get' waits without a bound, so this thread hangs forever if the result or notification never arrives; use wait_for/wait_until with a deadline and handle the timeout [prodready-missing-timeout]
  sf.wait();
// CHECK-MESSAGES-WAITS: :[[@LINE-1]]:3: warning: 'std::shared_future::wait' waits without a bound, so this thread hangs forever if the result or notification never arrives; use wait_for/wait_until with a deadline and handle the timeout [prodready-missing-timeout]
  std::unique_lock<std::mutex> lock(m);
  cv.wait(lock);
// CHECK-MESSAGES-WAITS: :[[@LINE-1]]:3: warning: 'std::condition_variable::wait' waits without a bound, so this thread hangs forever if the result or notification never arrives; use wait_for/wait_until with a deadline and handle the timeout [prodready-missing-timeout]
  cv.wait(lock, [&] { return ready; });
// CHECK-MESSAGES-WAITS: :[[@LINE-1]]:3: warning: 'std::condition_variable::wait' waits without a bound, so this thread hangs forever if the result or notification never arrives; use wait_for/wait_until with a deadline and handle the timeout [prodready-missing-timeout]
  std::async(std::launch::async, compute).get();
// CHECK-MESSAGES-WAITS: :[[@LINE-1]]:3: warning: 'std::future::get' waits without a bound, so this thread hangs forever if the result or notification never arrives; use wait_for/wait_until with a deadline and handle the timeout [prodready-missing-timeout]
  // Bounded waits.
  cv.wait_for(lock, 1s);
  cv.wait_until(lock, std::chrono::steady_clock::now() + 1s);
  std::future<int> g = std::async(std::launch::async, compute);
  if (g.wait_for(2s) == std::future_status::ready)
    g.get(); // the timed wait bounded it
}

// An untimed operation next to an overload that takes a timeout (reduced from
// CppServer's TCPClient::Receive): the caller chose the untimed form.
class Timespan {};
class Client {
  tcp::socket &socket_;

public:
  explicit Client(tcp::socket &s) : socket_(s) {}
  std::size_t Receive(char *buffer, std::size_t size) {
    return socket_.read_some(asio::buffer(buffer, size));
  }
  std::size_t Receive(char *buffer, std::size_t size, const Timespan &timeout);
  std::size_t Peek(char *buffer, std::size_t size) {
    return socket_.read_some(asio::buffer(buffer, size));
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: synchronous Asio operation 'boost::asio::basic_stream_socket::read_some' has no timeout
    // CHECK-MESSAGES-WAITS: :[[@LINE-2]]:12: warning: synchronous Asio operation 'boost::asio::basic_stream_socket::read_some' has no timeout
  }
};
