// RUN: %check_prodready %s prodready-insecure-transport

// Boost.Asio's default verify mode is verify_none: a client context that is
// never asked to verify its peer accepts any certificate (the Asio form of
// OpenSSL's SSL_CTX_new without SSL_CTX_set_verify; reduced from restc-cpp's
// default client context). Judged only when every use of the context is
// visible in its function and no verification is asked for in the unit.

#include <boost/asio/ssl.hpp>

namespace ssl = boost::asio::ssl;
struct Socket {};

void fetch(Socket &sock) {
  ssl::context ctx(ssl::context::tlsv12_client);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: TLS client context asio::ssl::context::tlsv12_client is never asked to verify its peer in this translation unit and Asio verifies nothing by default (verify_none), so any certificate is accepted; call set_verify_mode(ssl::verify_peer) with set_default_verify_paths() and host-name verification [prodready-insecure-transport]
  ctx.set_default_verify_paths();
  ssl::stream<Socket &> stream(sock, ctx);
  stream.handshake(ssl::stream_base::client);
}

// Not judged: a context handed to code elsewhere (it may set the verify
// mode there), a server or generic context, a member.
void loadRoots(ssl::context &ctx);
void fetchWithRoots(Socket &sock) {
  ssl::context ctx(ssl::context::tlsv12_client);
  loadRoots(ctx);
  ssl::stream<Socket &> stream(sock, ctx);
}
void serve(Socket &sock) {
  ssl::context ctx(ssl::context::tlsv12_server);
  ssl::stream<Socket &> stream(sock, ctx);
  stream.handshake(ssl::stream_base::server);
}
void generic(Socket &sock) {
  ssl::context ctx(ssl::context::sslv23);
  ssl::stream<Socket &> stream(sock, ctx);
}
struct Client {
  Client() : ctx_(ssl::context::tls_client) {}
  ssl::context ctx_;
};
