#pragma once
#include <boost/asio.hpp>
#include <memory>
#include <string>

namespace orderd {

namespace asio = boost::asio;

/// Accepts order-submission connections and answers each line with "ok".
class OrderServer {
public:
  OrderServer(asio::io_context &Io, unsigned short Port);
  void start();

private:
  asio::awaitable<void> serve(asio::ip::tcp::socket Socket);
  void acceptNext();
  asio::io_context &Io;
  asio::ip::tcp::acceptor Acceptor;
};

} // namespace orderd
