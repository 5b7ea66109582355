// RUN: %check_prodready %s prodready-insecure-transport

// A translation unit that only accepts TLS connections: SSL_VERIFY_NONE there
// means "no client certificates", the normal server setup, and a context
// created with a generic method is a server context.

#include <openssl/ssl.h>

SSL_CTX *g_ctx;

void init() {
  g_ctx = SSL_CTX_new(TLS_method());
  SSL_CTX_set_verify(g_ctx, SSL_VERIFY_NONE, nullptr);
  SSL_CTX_use_certificate_file(g_ctx, "cert.pem", 1);
  SSL_CTX_use_PrivateKey_file(g_ctx, "key.pem", 1);
}

int serve(int fd) {
  SSL *ssl = SSL_new(g_ctx);
  SSL_set_verify(ssl, SSL_VERIFY_NONE, nullptr);
  SSL_set_fd(ssl, fd);
  return SSL_accept(ssl);
}

// A context explicitly created for a client is still judged, even though the
// unit also connects (so it is no longer server-only).
int fetch(int fd) {
  // (Its creation is not reported again: the SSL_VERIFY_NONE below is.)
  SSL_CTX *client = SSL_CTX_new(TLS_client_method());
  SSL_CTX_set_verify(client, SSL_VERIFY_NONE, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: SSL_CTX_set_verify(..., SSL_VERIFY_NONE, ...) turns off TLS peer certificate verification
  SSL *ssl = SSL_new(client);
  SSL_set_fd(ssl, fd);
  return SSL_connect(ssl);
}
