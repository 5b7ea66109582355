#include "session.h"
#include <chrono>
#include <spdlog/spdlog.h>
#include <thread>

namespace orderd {

using asio::ip::tcp;

OrderServer::OrderServer(asio::io_context &Io, unsigned short Port)
    : Io(Io), Acceptor(Io, tcp::endpoint(tcp::v4(), Port)) {}

void OrderServer::start() { acceptNext(); }

void OrderServer::acceptNext() {
  Acceptor.async_accept([this](boost::system::error_code Error, tcp::socket Socket) {
    if (Error) {
      spdlog::error("accept failed: {}", Error.message());
      return;
    }
    asio::co_spawn(Io, serve(std::move(Socket)), asio::detached);
    acceptNext();
  });
}

asio::awaitable<void> OrderServer::serve(tcp::socket Socket) {
  std::string Buffer;
  try {
    for (;;) {
      std::size_t Size = co_await asio::async_read_until(
          Socket, asio::dynamic_buffer(Buffer), '\n', asio::use_awaitable);
      std::string Line = Buffer.substr(0, Size);
      Buffer.erase(0, Size);
      // Throttling by sleeping stalls every connection on this io_context.
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
      co_await asio::async_write(Socket, asio::buffer(std::string("ok\n")),
                                 asio::use_awaitable);
    }
  } catch (const boost::system::system_error &Error) {
    if (Error.code() != asio::error::eof)
      spdlog::warn("connection closed: {}", Error.what());
  }
}

} // namespace orderd
