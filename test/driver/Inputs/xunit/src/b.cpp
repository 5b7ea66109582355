#include "service.h"
#include <chrono>
#include <thread>

extern "C" int PKCS5_PBKDF2_HMAC(const char *pass, int passlen,
                                 const unsigned char *salt, int saltlen,
                                 int iter, const void *digest, int keylen,
                                 unsigned char *out);

namespace svc {
namespace {
boost::asio::thread_pool pool(4);
}

// Internal linkage: another unit's 'fetch' is another function.
static void fetch() {
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
}

void handle_request(int n) {
  fetch();
}

// Handed to a pool: that is the fix, the path ends here.
void notify(int n) {
  boost::asio::post(pool, [n] {
    std::this_thread::sleep_for(std::chrono::milliseconds(n));
  });
}

void pong(int n) {
  if (n > 0)
    ping(n - 1);
  else
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

void spin2(int n) {
  if (n > 0)
    spin(n - 1);
}

void link3() { link2(); }
void link1() { std::this_thread::sleep_for(std::chrono::seconds(1)); }

void hash_password(const char *pw) {
  unsigned char out[32];
  PKCS5_PBKDF2_HMAC(pw, 2, nullptr, 0, 100000, nullptr, 32, out);
}
} // namespace svc
