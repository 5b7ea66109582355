#include "service.h"

namespace app {
// Defined here; the path continues in b.cpp.
void local_step() { svc::handle_request(1); }

void serve(boost::asio::ip::tcp::socket &sock, char *buf) {
  sock.async_read_some(buf, [&](boost::system::error_code ec, std::size_t n) {
    if (ec)
      return;
    svc::handle_request(int(n));
    svc::notify(int(n));
    svc::ping(int(n));
    svc::spin(int(n));
    svc::chain4();
    svc::chain5();
    local_step();
    svc::hash_password("pw");
    svc::handle_request(2); // NOLINT(prodready-blocking-in-async)
  });
}
} // namespace app

// Last, so that the lines above keep their numbers.
#include "edge.h"
