#include "service.h"

namespace svc {
void ping(int n) {
  pong(n);
}

void spin(int n) {
  if (n > 0)
    spin2(n - 1);
}

void chain5() { chain4(); }
void chain4() { link3(); }
void link2() { link1(); }

// A coroutine is an async context too.
boost::asio::awaitable<void> session() {
  handle_request(3);
  co_return;
}
} // namespace svc

// Last, so that the lines above keep their numbers.
#include "vendor_handler.h"
