// Hermetic stand-ins for C/POSIX/C-library functions whose return value is
// their only error channel (prodready-unchecked-error's CheckedFunctions).
#pragma once
extern "C" {
typedef long ssize_t;
typedef unsigned long size_t;
typedef struct _IO_FILE FILE;
typedef unsigned long pthread_t;
int close(int);
ssize_t write(int, const void *, size_t);
ssize_t read(int, void *, size_t);
int fsync(int);
int rename(const char *, const char *);
int unlink(const char *);
int remove(const char *);
int rmdir(const char *);
int mkdir(const char *, unsigned);
int setuid(unsigned);
int setsockopt(int, int, int, const void *, unsigned);
int fclose(FILE *);
int fflush(FILE *);
int printf(const char *, ...);
int fprintf(FILE *, const char *, ...);
int pthread_create(pthread_t *, const void *, void *(*)(void *), void *);
int pthread_join(pthread_t, void **);
int pthread_detach(pthread_t);
int open(const char *, int, ...);
int dup2(int, int);
FILE *fopen(const char *, const char *);
unsigned long fread(void *, unsigned long, unsigned long, FILE *);
int socket(int, int, int);
int accept(int, void *, unsigned *);
int pipe(int[2]);
int shutdown(int, int);
int connect(int, const void *, unsigned);
int bind(int, const void *, unsigned);
int listen(int, int);
ssize_t send(int, const void *, size_t, int);
void perror(const char *);
extern FILE *stdin;
extern FILE *stdout;
extern FILE *stderr;
#define stdin stdin
#define stdout stdout
#define stderr stderr
#define SHUT_WR 1
#define SHUT_RDWR 2
// wordexp.h, arpa/inet.h, netdb.h
typedef struct { size_t we_wordc; char **we_wordv; size_t we_offs; } wordexp_t;
int wordexp(const char *, wordexp_t *, int);
int inet_pton(int, const char *, void *);
struct addrinfo;
int getaddrinfo(const char *, const char *, const struct addrinfo *,
                struct addrinfo **);
// sqlite3, libcurl, OpenSSL
typedef struct sqlite3 sqlite3;
typedef struct sqlite3_stmt sqlite3_stmt;
int sqlite3_exec(sqlite3 *, const char *, int (*)(void *, int, char **, char **),
                 void *, char **);
int sqlite3_step(sqlite3_stmt *);
int sqlite3_finalize(sqlite3_stmt *);
typedef void CURL;
int curl_easy_perform(CURL *);
typedef struct ssl_st SSL;
typedef struct evp_md_ctx_st EVP_MD_CTX;
typedef struct evp_cipher_ctx_st EVP_CIPHER_CTX;
int SSL_write(SSL *, const void *, int);
int SSL_connect(SSL *);
int EVP_DigestFinal_ex(EVP_MD_CTX *, unsigned char *, unsigned *);
int EVP_EncryptFinal_ex(EVP_CIPHER_CTX *, unsigned char *, int *);
int EVP_DigestUpdate(EVP_MD_CTX *, const void *, size_t);
int RAND_bytes(unsigned char *, int);
// Windows
typedef long HRESULT;
HRESULT CoInitialize(void *);
}
