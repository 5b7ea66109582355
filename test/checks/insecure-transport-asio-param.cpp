// RUN: %check_prodready %s prodready-insecure-transport
// A verify mode passed through a parameter into set_verify_mode: the callers
// that pass verify_none, or rely on a verify_none default, turn verification
// off (reduced from cinatra's coro_http_client::init_ssl, a miss in held-out
// set 3).

#include <boost/asio/ssl.hpp>
#include <memory>
#include <string>

namespace ssl = boost::asio::ssl;

struct HttpClient {
  std::unique_ptr<ssl::context> ssl_ctx;
  bool has_init_ssl = false;
  bool verify = true;
  bool init_ssl(int verify_mode = ssl::verify_none, const std::string &host = "") {
    ssl_ctx = std::make_unique<ssl::context>(ssl::context::sslv23);
    ssl_ctx->set_default_verify_paths();
    ssl_ctx->set_verify_mode(verify_mode);
    has_init_ssl = true;
    return true;
  }
  bool handshake(const std::string &host) {
    if (!has_init_ssl)
      return init_ssl(ssl::verify_none, host);
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'HttpClient::init_ssl' is called with verify_none, which it passes to set_verify_mode on 'boost::asio::ssl::context', turning off TLS peer certificate verification, so a man-in-the-middle can impersonate the server and read or alter the traffic; pass ssl::verify_peer and verify the host name [prodready-insecure-transport]
    return true;
  }
  void byDefault() {
    init_ssl();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'HttpClient::init_ssl' is called with verify_none
  }
  // Callers that ask for verification, or a setting that toggles it, are fine.
  void verified() { init_ssl(ssl::verify_peer); }
  void configured() {
    if (verify)
      init_ssl(ssl::verify_peer);
    else
      init_ssl(ssl::verify_none);
  }
  void chosen() { init_ssl(verify ? ssl::verify_peer : ssl::verify_none); }
};

// A server context's verify_none only means "no client certificates".
struct Server {
  ssl::context ctx{ssl::context::tls_server};
  void setMode(int mode) { ctx.set_verify_mode(mode); }
  void start() { setMode(ssl::verify_none); }
};
