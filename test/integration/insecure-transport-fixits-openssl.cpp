// REQUIRES: openssl
// Fix-its of prodready-insecure-transport on OpenSSL's real headers:
// SSL_VERIFY_NONE -> SSL_VERIFY_PEER on contexts known to be clients only.
// RUN: rm -rf %t && mkdir -p %t
// RUN: ln -s /usr/include/openssl %t/openssl
// RUN: %check_prodready %s prodready-insecure-transport -- -std=c++20 -I%t --system-header-prefix=openssl/
// RUN: %check_fixes %s prodready-insecure-transport %t/fixed -- -std=c++20 -I%t --system-header-prefix=openssl/
// Verification turned on for an SSL object makes the rule trust the whole
// unit (it cannot tell which context the object came from), so that case
// is analysed alone.
// RUN: %check_prodready -check-suffix=SSL %s prodready-insecure-transport -- -std=c++20 -I%t --system-header-prefix=openssl/ -DSSL_OBJECT
// RUN: %check_fixes -check-suffixes=SSL %s prodready-insecure-transport %t/fixed-ssl -- -std=c++20 -I%t --system-header-prefix=openssl/ -DSSL_OBJECT

#include <openssl/ssl.h>

#ifndef SSL_OBJECT
int client(int fd) {
  SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());
  SSL_CTX_set_default_verify_paths(ctx);
  SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: SSL_CTX_set_verify(..., SSL_VERIFY_NONE, ...) turns off TLS peer certificate verification
  // CHECK-FIXES: SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, nullptr);
  SSL *ssl = SSL_new(ctx);
  SSL_set_fd(ssl, fd);
  return SSL_connect(ssl);
}
#else
int client_object(SSL_CTX *shared, int fd) {
  SSL *ssl = SSL_new(shared);
  SSL_set_verify(ssl, 0, nullptr);
  // CHECK-MESSAGES-SSL: :[[@LINE-1]]:3: warning: SSL_set_verify(..., SSL_VERIFY_NONE, ...) turns off TLS peer certificate verification
  // CHECK-FIXES-SSL: SSL_set_verify(ssl, SSL_VERIFY_PEER, nullptr);
  SSL_set_fd(ssl, fd);
  return SSL_connect(ssl);
}
#endif

// A context made with the generic method whose role this unit does not
// show: reported, but asking for certificates might be wrong on a server.
#ifndef SSL_OBJECT
void generic(SSL_CTX *&out) {
  SSL_CTX *ctx = SSL_CTX_new(TLS_method());
  SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: SSL_CTX_set_verify(..., SSL_VERIFY_NONE, ...) turns off TLS peer certificate verification
  // CHECK-FIXES: SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, nullptr);
  out = ctx;
}
#endif
// CHECK-REMAINING: fixed-by-{{tidy|driver}}.cpp:{{[0-9]+}}:3: {{warning|error}}: SSL_CTX_set_verify(..., SSL_VERIFY_NONE, ...)
