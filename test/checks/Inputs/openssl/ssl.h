// Hermetic stand-in for <openssl/ssl.h> (OpenSSL 3.0): the declarations
// prodready's checks rely on, with the real header's spellings.
#ifndef PRODREADY_STUB_OPENSSL_SSL_H
#define PRODREADY_STUB_OPENSSL_SSL_H

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ssl_st SSL;
typedef struct ssl_ctx_st SSL_CTX;
typedef struct ssl_method_st SSL_METHOD;
typedef struct ossl_lib_ctx_st OSSL_LIB_CTX;
typedef struct x509_store_ctx_st X509_STORE_CTX;
typedef struct bio_st BIO;

typedef int (*SSL_verify_cb)(int preverify_ok, X509_STORE_CTX *x509_ctx);

#define SSL_VERIFY_NONE 0x00
#define SSL_VERIFY_PEER 0x01
#define SSL_VERIFY_FAIL_IF_NO_PEER_CERT 0x02
#define X509_V_OK 0

const SSL_METHOD *TLS_method(void);
const SSL_METHOD *TLS_server_method(void);
const SSL_METHOD *TLS_client_method(void);
const SSL_METHOD *DTLS_client_method(void);
const SSL_METHOD *TLSv1_2_client_method(void);
const SSL_METHOD *TLSv1_2_server_method(void);
#define SSLv23_method TLS_method
#define SSLv23_server_method TLS_server_method
#define SSLv23_client_method TLS_client_method

SSL_CTX *SSL_CTX_new(const SSL_METHOD *meth);
SSL_CTX *SSL_CTX_new_ex(OSSL_LIB_CTX *libctx, const char *propq,
                        const SSL_METHOD *meth);
void SSL_CTX_free(SSL_CTX *);
void SSL_CTX_set_verify(SSL_CTX *ctx, int mode, SSL_verify_cb callback);
void SSL_CTX_set_verify_depth(SSL_CTX *ctx, int depth);
void SSL_CTX_set_cert_verify_callback(SSL_CTX *ctx,
                                      int (*cb)(X509_STORE_CTX *, void *),
                                      void *arg);
int SSL_CTX_set_default_verify_paths(SSL_CTX *ctx);
int SSL_CTX_load_verify_locations(SSL_CTX *ctx, const char *CAfile,
                                  const char *CApath);
int SSL_CTX_use_certificate_file(SSL_CTX *ctx, const char *file, int type);
int SSL_CTX_use_PrivateKey_file(SSL_CTX *ctx, const char *file, int type);
struct x509_st;
typedef struct x509_st X509;
X509 *SSL_get_certificate(const SSL *ssl);
#define SSL_FILETYPE_PEM 1
int SSL_CTX_set_cipher_list(SSL_CTX *, const char *str);
long SSL_CTX_set_options(SSL_CTX *ctx, long op);

SSL *SSL_new(SSL_CTX *ctx);
void SSL_free(SSL *ssl);
int SSL_set_fd(SSL *s, int fd);
void SSL_set_verify(SSL *s, int mode, SSL_verify_cb callback);
int SSL_set1_host(SSL *s, const char *hostname);
int SSL_connect(SSL *ssl);
int SSL_accept(SSL *ssl);
void SSL_set_connect_state(SSL *s);
void SSL_set_accept_state(SSL *s);
long SSL_get_verify_result(const SSL *ssl);
int SSL_read(SSL *ssl, void *buf, int num);
int SSL_write(SSL *ssl, const void *buf, int num);
int SSL_shutdown(SSL *s);
SSL_CTX *SSL_get_SSL_CTX(const SSL *ssl);
BIO *BIO_new_ssl_connect(SSL_CTX *ctx);

#ifdef __cplusplus
}
#endif

#endif // PRODREADY_STUB_OPENSSL_SSL_H
