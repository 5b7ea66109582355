// REQUIRES: openssl
// RUN: rm -rf %t && mkdir -p %t
// RUN: ln -s /usr/include/openssl %t/openssl
// RUN: %check_prodready %s prodready-insecure-transport -- -std=c++20 -I%t --system-header-prefix=openssl/

// OpenSSL 3's real headers (SSLv23_client_method is a macro there).

#include <openssl/ssl.h>

int connect_insecure(int fd) {
  SSL_CTX *ctx = SSL_CTX_new(SSLv23_client_method());
  SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: SSL_CTX_set_verify(..., SSL_VERIFY_NONE, ...) turns off TLS peer certificate verification, so a man-in-the-middle can impersonate the server and read or alter the traffic; use SSL_VERIFY_PEER and load trust anchors (SSL_CTX_set_default_verify_paths) [prodready-insecure-transport]
  SSL *ssl = SSL_new(ctx);
  SSL_set_fd(ssl, fd);
  return SSL_connect(ssl);
}

int connect_unverified(int fd) {
  SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: TLS client context created with TLS_client_method() is never asked to verify its peer in this translation unit and OpenSSL verifies nothing by default, so any certificate is accepted; call SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, ...) and load trust anchors (SSL_CTX_set_default_verify_paths) [prodready-insecure-transport]
  SSL_CTX_set_default_verify_paths(ctx);
  SSL *ssl = SSL_new(ctx);
  SSL_set_fd(ssl, fd);
  SSL_set_tlsext_host_name(ssl, "api.example.com");
  return SSL_connect(ssl);
}

int connect_verified(int fd) {
  SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());
  SSL_CTX_set_default_verify_paths(ctx);
  SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, nullptr);
  SSL *ssl = SSL_new(ctx);
  SSL_set_fd(ssl, fd);
  SSL_set1_host(ssl, "api.example.com");
  return SSL_connect(ssl);
}

SSL_CTX *server_ctx() {
  SSL_CTX *ctx = SSL_CTX_new(TLS_server_method());
  SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, nullptr);
  return ctx;
}
