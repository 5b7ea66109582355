// REQUIRES: sqlite3, openssl, curl
// prodready-unchecked-error against the real sqlite3, OpenSSL and libcurl
// headers (the libraries' return codes are their only error channel).
// RUN: rm -rf %t && mkdir -p %t
// RUN: ln -s /usr/include/x86_64-linux-gnu/curl %t/curl
// RUN: ln -s /usr/include/openssl %t/openssl
// RUN: %check_prodready %s prodready-unchecked-error -- -std=c++20 -I%t --system-header-prefix=curl/ --system-header-prefix=openssl/

#include <curl/curl.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <openssl/ssl.h>
#include <sqlite3.h>

void db(sqlite3 *h, sqlite3_stmt *stmt) {
  sqlite3_exec(h, "BEGIN", nullptr, nullptr, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: return value of 'sqlite3_exec' is discarded although it is the only way the call reports failure, so an error goes unnoticed in production; check it and handle or log the error [prodready-unchecked-error]
  sqlite3_step(stmt);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: return value of 'sqlite3_step' is discarded although
  if (sqlite3_finalize(stmt) != SQLITE_OK)
    return;
}

void tls(SSL *ssl, EVP_MD_CTX *md, unsigned char *out) {
  SSL_write(ssl, "x", 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: return value of 'SSL_write' is discarded although
  unsigned len = 0;
  EVP_DigestFinal_ex(md, out, &len);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: return value of 'EVP_DigestFinal_ex' is discarded although
  RAND_bytes(out, 16);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: return value of 'RAND_bytes' is discarded although
  if (SSL_connect(ssl) != 1)
    return;
}

void http(CURL *h) {
  curl_easy_setopt(h, CURLOPT_URL, "https://example.com");
  curl_easy_perform(h);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: return value of 'curl_easy_perform' is discarded although
  CURLcode rc = curl_easy_perform(h);
  (void)rc;
}
