// Included by a.cpp only: the path from this handler runs through c.cpp and
// b.cpp, so only the link phase sees it.
#pragma once
#include "service.h"

inline void on_edge(boost::asio::ip::tcp::socket &sock, char *buf) {
  sock.async_read_some(buf, [](boost::system::error_code ec, std::size_t) {
    if (ec)
      return;
    svc::chain4();
  });
}
