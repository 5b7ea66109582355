// RUN: %check_prodready %s prodready-insecure-transport

// Verification done by hand: SSL_VERIFY_NONE lets the handshake finish, then
// the code checks SSL_get_verify_result before trusting the peer. Nothing in
// this unit is reported.

#include <openssl/ssl.h>

int connect_checked(int fd) {
  SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());
  SSL_CTX_set_default_verify_paths(ctx);
  SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, nullptr);
  SSL *ssl = SSL_new(ctx);
  SSL_set_fd(ssl, fd);
  if (SSL_connect(ssl) != 1)
    return -1;
  if (SSL_get_verify_result(ssl) != X509_V_OK)
    return -1;
  return 0;
}
