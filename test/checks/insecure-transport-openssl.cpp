// RUN: %check_prodready %s prodready-insecure-transport

// OpenSSL: SSL_VERIFY_NONE, and client contexts this translation unit never
// asks to verify their peer (reported at SSL_CTX_new).

#include <openssl/ssl.h>
#include <memory>

void use(SSL_CTX *ctx);

int explicit_none(int fd) {
  SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());
  SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: SSL_CTX_set_verify(..., SSL_VERIFY_NONE, ...) turns off TLS peer certificate verification, so a man-in-the-middle can impersonate the server and read or alter the traffic; use SSL_VERIFY_PEER and load trust anchors (SSL_CTX_set_default_verify_paths) [prodready-insecure-transport]
  SSL *ssl = SSL_new(ctx);
  SSL_set_verify(ssl, 0, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: SSL_set_verify(..., SSL_VERIFY_NONE, ...) turns off TLS peer certificate verification, so a man-in-the-middle can impersonate the server and read or alter the traffic; use SSL_VERIFY_PEER and load trust anchors (SSL_CTX_set_default_verify_paths) [prodready-insecure-transport]
  SSL_set_fd(ssl, fd);
  return SSL_connect(ssl);
}

int never_verified(int fd) {
  SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: TLS client context created with TLS_client_method() is never asked to verify its peer in this translation unit and OpenSSL verifies nothing by default, so any certificate is accepted; call SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, ...) and load trust anchors (SSL_CTX_set_default_verify_paths) [prodready-insecure-transport]
  SSL_CTX_set_default_verify_paths(ctx); // loads anchors, but verifies nothing
  SSL *ssl = SSL_new(ctx);
  SSL_set_fd(ssl, fd);
  return SSL_connect(ssl);
}

void generic_and_legacy_methods() {
  SSL_CTX *a = SSL_CTX_new(SSLv23_client_method());
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: TLS client context created with TLS_client_method() is never asked to verify its peer
  SSL_CTX *b = SSL_CTX_new(TLS_method());
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: TLS client context created with TLS_method() is never asked to verify its peer
  SSL_CTX *c = SSL_CTX_new_ex(nullptr, nullptr, TLSv1_2_client_method());
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: TLS client context created with TLSv1_2_client_method() is never asked to verify its peer
  std::unique_ptr<SSL_CTX, void (*)(SSL_CTX *)> d(SSL_CTX_new(DTLS_client_method()), SSL_CTX_free);
  // CHECK-MESSAGES: :[[@LINE-1]]:51: warning: TLS client context created with DTLS_client_method() is never asked to verify its peer
  SSL_free(SSL_new(a));
  SSL_free(SSL_new(b));
  SSL_free(SSL_new(c));
  SSL_free(SSL_new(d.get()));
}

class Connection {
public:
  Connection() : ctx_(SSL_CTX_new(TLS_client_method())) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: TLS client context created with TLS_client_method() is never asked
  void reconnect() {
    other_ = SSL_CTX_new(TLS_client_method()); // verified in configure()
    SSL_free(SSL_new(ctx_));
  }
  void configure() {
    SSL_CTX_set_verify(other_, SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT, nullptr);
  }

private:
  SSL_CTX *ctx_;
  SSL_CTX *other_ = nullptr;
};

// Not reported: verification requested on the context (here or later in the
// unit), a context handed to code that may configure it, server contexts,
// unknown methods.
void verified() {
  SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());
  SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, nullptr);
  std::unique_ptr<SSL_CTX, void (*)(SSL_CTX *)> owned(SSL_CTX_new(TLS_client_method()), SSL_CTX_free);
  SSL_CTX_set_verify(owned.get(), SSL_VERIFY_PEER, nullptr);
  SSL_CTX *cb = SSL_CTX_new(TLS_client_method());
  SSL_CTX_set_cert_verify_callback(cb, nullptr, nullptr);
}

SSL_CTX *factory() {
  SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());
  SSL_CTX_set_options(ctx, 0);
  return ctx;
}
SSL_CTX *factory2() { return SSL_CTX_new(TLS_client_method()); }
void escapes() {
  SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());
  use(ctx);
  SSL_CTX *alias = SSL_CTX_new(TLS_client_method());
  SSL_CTX *other = alias;
  use(other);
}

void server() {
  SSL_CTX *ctx = SSL_CTX_new(TLS_server_method());
  SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, nullptr); // no client certificates
  SSL_CTX *legacy = SSL_CTX_new(SSLv23_server_method());
  SSL_free(SSL_new(legacy));
}

void unknown_method(const SSL_METHOD *m) { SSL_free(SSL_new(SSL_CTX_new(m))); }

// A verification setting implemented with if/else: not reported.
void toggle(SSL_CTX *ctx, bool verify) {
  if (verify)
    SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, nullptr);
  else
    SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, nullptr);
}

// In a template: reported once, however often it is instantiated.
template <typename T> void templated(T) {
  SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: TLS client context created with TLS_client_method() is never asked
  SSL_free(SSL_new(ctx));
}
void instantiate() {
  templated(1);
  templated(1.0);
}

// A generic context that only loads a certificate to read it back (i2pd's
// Families::LoadCertificate) connects nowhere: not reported. One that loads
// a client certificate and connects is a client (mutual TLS): reported.
X509 *read_certificate(const char *file) {
  SSL_CTX *ctx = SSL_CTX_new(TLS_method());
  X509 *cert = nullptr;
  if (SSL_CTX_use_certificate_file(ctx, file, SSL_FILETYPE_PEM)) {
    SSL *ssl = SSL_new(ctx);
    cert = SSL_get_certificate(ssl);
    SSL_free(ssl);
  }
  return cert;
}
int mutual_tls_client(int fd, const char *file) {
  SSL_CTX *ctx = SSL_CTX_new(TLS_method());
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: TLS client context created with TLS_method() is never asked
  SSL_CTX_use_certificate_file(ctx, file, SSL_FILETYPE_PEM);
  SSL *ssl = SSL_new(ctx);
  SSL_set_fd(ssl, fd);
  return SSL_connect(ssl);
}
