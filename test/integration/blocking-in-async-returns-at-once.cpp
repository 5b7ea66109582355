// REQUIRES: boost
// RUN: rm -rf %t && mkdir -p %t
// RUN: ln -s /usr/include/boost %t/boost
// RUN: %check_prodready %s prodready-blocking-in-async,prodready-missing-timeout -- -std=c++17 -I%t --system-header-prefix=boost/

// Listed blocking calls that return at once where they are made (held-out
// set 10, i2pd): a read of the bytes `available()` says have arrived, a
// `get()` of a future polled ready with a zero wait, and datagram sends on a
// socket whose caller handles `would_block` (a non-blocking socket). Neither
// the handler that makes them nor the handlers that reach them through
// project functions are reported; the same calls without the guard are.

#include <boost/asio.hpp>
#include <chrono>
#include <future>
#include <memory>

namespace asio = boost::asio;
using asio::ip::tcp;
using asio::ip::udp;

struct Session : std::enable_shared_from_this<Session> {
  tcp::socket Socket;
  char Buffer[1024];
  size_t Needed = 16;
  explicit Session(asio::io_context &Io) : Socket(Io) {}

  void handleLength(const boost::system::error_code &Ec, size_t) {
    if (Ec)
      return;
    boost::system::error_code Error;
    size_t MoreBytes = Socket.available(Error);
    if (!Error && MoreBytes >= Needed) {
      // Read the rest at once: it has arrived.
      asio::read(Socket, asio::buffer(Buffer, Needed), asio::transfer_all(),
                 Error);
    }
  }
  void receiveLength() {
    asio::async_read(Socket, asio::buffer(Buffer, 2),
                     [self = shared_from_this()](
                         const boost::system::error_code &Ec, size_t N) {
                       self->handleLength(Ec, N);
                     });
  }

  void handleUnguarded(const boost::system::error_code &Ec, size_t) {
    boost::system::error_code Error;
    asio::read(Socket, asio::buffer(Buffer, Needed), asio::transfer_all(),
               Error);
    // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: synchronous Asio operation 'boost::asio::read' has no timeout, so a peer or DNS server that stops responding blocks this thread forever; use the async_* form with a deadline (a steady_timer that cancels it, or beast's expires_after) [prodready-missing-timeout]
  }
  void receiveUnguarded() {
    asio::async_read(Socket, asio::buffer(Buffer, 2),
                     [self = shared_from_this()](
                         const boost::system::error_code &Ec, size_t N) {
                       self->handleUnguarded(Ec, N);
                       // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: call to 'Session::handleUnguarded' inside completion handler of 'async_read' reaches a blocking call ('Session::handleUnguarded' -> 'boost::asio::read'), which stalls the event-loop thread and starves every other task scheduled on it; use an asynchronous client or move the blocking work to a thread pool [prodready-blocking-in-async]
                       // CHECK-MESSAGES: :[[@LINE-10]]:5: note: 'Session::handleUnguarded' makes the blocking call to 'boost::asio::read' here
                       // CHECK-MESSAGES: :[[@LINE-5]]:22: note: async context: completion handler of 'async_read'
                     });
  }
};

struct Transport {
  std::future<int> Pending;
  udp::socket Socket;
  explicit Transport(asio::io_context &Io) : Socket(Io) {}

  int sendMessages() {
    if (Pending.valid() &&
        Pending.wait_for(std::chrono::seconds(0)) == std::future_status::ready)
      return Pending.get();
    return 0;
  }
  int waitForTransport() { return Pending.get(); }

  // The socket is non-blocking: a full send buffer reports would_block.
  void send(const udp::endpoint &To, const char *Data, size_t Size) {
    boost::system::error_code Ec;
    Socket.send_to(asio::buffer(Data, Size), To, 0, Ec);
    if (Ec == asio::error::would_block)
      return;
  }
  void sendBlocking(const udp::endpoint &To, const char *Data, size_t Size) {
    boost::system::error_code Ec;
    Socket.send_to(asio::buffer(Data, Size), To, 0, Ec);
  }
};

void onTimer(asio::steady_timer &Timer, Transport &T, const udp::endpoint &To) {
  Timer.async_wait([&](const boost::system::error_code &) {
    T.sendMessages();
    T.send(To, "x", 1);
    T.waitForTransport();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: call to 'Transport::waitForTransport' inside completion handler of 'async_wait' reaches a blocking call ('Transport::waitForTransport' -> 'std::future::get'), which stalls the event-loop thread and starves every other task scheduled on it; use an asynchronous client or move the blocking work to a thread pool [prodready-blocking-in-async]
    // CHECK-MESSAGES: :[[@LINE-21]]:35: note: 'Transport::waitForTransport' makes the blocking call to 'std::future::get' here
    // CHECK-MESSAGES: :[[@LINE-6]]:20: note: async context: completion handler of 'async_wait'
    T.sendBlocking(To, "x", 1);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: call to 'Transport::sendBlocking' inside completion handler of 'async_wait' reaches a blocking call ('Transport::sendBlocking' -> 'boost::asio::basic_datagram_socket::send_to'), which stalls the event-loop thread and starves every other task scheduled on it; use an asynchronous client or move the blocking work to a thread pool [prodready-blocking-in-async]
    // CHECK-MESSAGES: :[[@LINE-14]]:5: note: 'Transport::sendBlocking' makes the blocking call to 'boost::asio::basic_datagram_socket::send_to' here
    // CHECK-MESSAGES: :[[@LINE-10]]:20: note: async context: completion handler of 'async_wait'
  });
}

// A socket the unit switches to non-blocking mode, here through a reference
// that picks one of two members (i2pd's SSU2Server::OpenSocket), returns at
// once from every send, also where the sender does not look at would_block.
struct Server {
  udp::socket V4, V6;
  explicit Server(asio::io_context &Io) : V4(Io), V6(Io) {}
  void open(bool v6) {
    auto &socket = v6 ? V6 : V4;
    socket.non_blocking(true);
  }
  void sendThroughProxy(const udp::endpoint &To, const char *Data, size_t N) {
    boost::system::error_code Ec;
    V4.send_to(asio::buffer(Data, N), To, 0, Ec);
  }
};
void onResend(asio::steady_timer &Timer, Server &S, const udp::endpoint &To) {
  Timer.async_wait([&](const boost::system::error_code &) {
    S.sendThroughProxy(To, "x", 1);
  });
}
