// RUN: %check_prodready %s prodready-hardcoded-secret -config="{CheckOptions: {prodready-hardcoded-secret.TestFileRegex: '_test\.cpp$'}}"

// RULES.md, revision of 2026-12-01: an Authorization value needs header
// context, and "secret" is a placeholder except where it is the signing or
// encryption key in use.

#include <map>
#include <string>

void send(const char *);
void print(const std::string &);

struct Headers {
  void set(const std::string &name, const std::string &value);
  void set_header(const char *name, const char *value);
  void add_header(const char *name, const char *value);
  std::string &operator[](const std::string &name);
};
namespace http { enum class field { accept, authorization, user_agent }; }
struct Request {
  void set(http::field name, const char *value);
};

// Header context: the value of a header set under the key "Authorization".
void headerContext(Headers &h, Request &req, std::map<std::string, std::string> &m) {
  h.set("Authorization", "Bot MTA4NjA1NTk4MjQ1NTYzMzk1Mg.Gx1y2z");
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: Authorization header value carries a hard-coded token (Bot ****); anyone who can read the source or the binary has it and rotating it takes a release; load it at run time from a secret store or the environment [prodready-hardcoded-secret]
  h.set_header("authorization", "token 9a8b7c6d5e4f3a2b1c0d");
  // CHECK-MESSAGES: :[[@LINE-1]]:33: warning: Authorization header value carries a hard-coded token (toke****)
  h.add_header("Proxy-Authorization", "Bearer abcdefghijklmnop"); // no digits: needs the header
  // CHECK-MESSAGES: :[[@LINE-1]]:39: warning: Authorization header value carries a hard-coded token (Bear****)
  h["Authorization"] = "Bot NzkyNzE1NDU0MTk2MDg4ODQy.X-hvzA";
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: Authorization header value carries a hard-coded token (Bot ****)
  m.emplace("Authorization", "5f4dcc3b5aa765d61d8327deb882cf99");
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: Authorization header value carries a hard-coded token (5f4d****)
  req.set(http::field::authorization, "Bot ODk1NjQ3MjE0NTYzNjQ0OTk2.YVn3Qw");
  // CHECK-MESSAGES: :[[@LINE-1]]:39: warning: Authorization header value carries a hard-coded token (Bot ****)
  // A literal that starts with the header name or a scheme that is not prose.
  send("Authorization: Bot MTA4NjA1NTk4MjQ1NTYzMzk1Mg.Gx1y2z");
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: Authorization header literal carries a hard-coded token (Auth****)
  send("Bearer 0123456789abcdef0123");
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: Authorization header literal carries a hard-coded token (Bear****)
  // A setting, not a secret (reduced from Crow's CORS middleware).
  m.emplace("Access-Control-Allow-Credentials", "true");
}

// Negatives: words in prose, and header values without a token.
void prose(Headers &h, Request &req) {
  print("Bot username: ");
  print("Bot username: " + std::string("x"));
  send("Token expired, log in again");
  send("token abcdefghijklmnop");      // no header context
  send("Basic authentication failed");
  send("Bearer token:");
  h.set("Authorization", "Bearer ");   // token appended at run time
  h.set("Authorization", "Bot ${DISCORD_TOKEN}");
  h.set("X-Trace", "Bot MTA4NjA1NTk4MjQ1NTYzMzk1Mg.Gx1y2z");
  req.set(http::field::user_agent, "Bot MTA4NjA1NTk4MjQ1NTYzMzk1Mg");
}

// "secret" and friends are stand-ins in documentation and defaults...
const char *password = "changeme";
std::string api_secret = "secret";
const char *db_password = "password";
const char *token_secret = "your-api-key";
void configure(const char *secret = "secret");

// ... except where passed as a signing or encryption key: there it IS the
// key in use.
namespace jwt {
namespace algorithm {
struct hs256 { explicit hs256(std::string key); };
struct hs512 { explicit hs512(std::string key); };
} // namespace algorithm
struct builder {
  template <typename Algo> std::string sign(const Algo &);
};
builder create();
} // namespace jwt

extern "C" {
struct evp_md_st;
typedef struct evp_md_st EVP_MD;
struct evp_cipher_st;
typedef struct evp_cipher_st EVP_CIPHER;
struct evp_cipher_ctx_st;
typedef struct evp_cipher_ctx_st EVP_CIPHER_CTX;
struct engine_st;
typedef struct engine_st ENGINE;
const EVP_MD *EVP_sha256(void);
const EVP_CIPHER *EVP_aes_256_cbc(void);
unsigned char *HMAC(const EVP_MD *evp_md, const void *key, int key_len,
                    const unsigned char *data, unsigned long data_len,
                    unsigned char *md, unsigned int *md_len);
int EVP_EncryptInit_ex(EVP_CIPHER_CTX *ctx, const EVP_CIPHER *cipher,
                       ENGINE *impl, const unsigned char *key,
                       const unsigned char *iv);
}

std::string signToken() {
  return jwt::create().sign(jwt::algorithm::hs256{"secret"});
  // CHECK-MESSAGES: :[[@LINE-1]]:51: warning: the key passed to 'jwt::algorithm::hs256::hs256' is a hard-coded signing/encryption key (s****); anyone who can read the source or the binary can forge or decrypt with it, and rotating it takes a release; load it at run time from a secret store or the environment [prodready-hardcoded-secret]
}
void verify(const std::string &key) {
  jwt::algorithm::hs512 fromConfig(key);
  jwt::algorithm::hs512 literal("k3y-for-prod");
  // CHECK-MESSAGES: :[[@LINE-1]]:33: warning: the key passed to 'jwt::algorithm::hs512::hs512' is a hard-coded signing/encryption key (k3y****)
}
void mac(const unsigned char *data, unsigned long n, unsigned char *out,
         EVP_CIPHER_CTX *ctx) {
  unsigned int len = 0;
  HMAC(EVP_sha256(), "secret", 6, data, n, out, &len);
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: the key passed to 'HMAC' is a hard-coded signing/encryption key (s****)
  EVP_EncryptInit_ex(ctx, EVP_aes_256_cbc(), nullptr,
                     (const unsigned char *)"0123456789abcdef0123456789abcdef",
  // CHECK-MESSAGES: :[[@LINE-1]]:45: warning: the key passed to 'EVP_EncryptInit_ex' is a hard-coded signing/encryption key (0123****)
                     (const unsigned char *)"iv-is-not-a-key!");
  HMAC(EVP_sha256(), "", 0, data, n, out, &len);
}

// A Basic credential is one however short: base64 of "ben:1234" (reduced
// from restbed's resource_authentication example); base64 of a plain word
// is not.
bool authorised(const std::string &authorisation) {
  return authorisation == "Basic YmVuOjEyMzQ=";
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: Authorization header literal carries a hard-coded token (Basi****)
}
bool colourHeader(const std::string &value) {
  return value == "Basic VGVzdA==";
}

// A translation call's second string is a context, not a value (znc's
// t_s("Password", "listservers") names a table column); a command-line
// option spelled out is a flag, not a password (znc's savebuff module).
std::string t_s(const char *english, const char *context);
void listServers(std::map<std::string, std::string> &table) {
  table.emplace(t_s("Password", "listservers"), "******");
  t_s("Password", "listservers");
  table.emplace("Password", "listservers");
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: the value for key 'Password' is a hard-coded credential (li****)
}
#define CRYPT_ASK_PASS "--ask-pass"
#define CRYPT_LAME_PASS "::__:NOPASS:__::"
// CHECK-MESSAGES: :[[@LINE-1]]:25: warning: the value of macro 'CRYPT_LAME_PASS' is a hard-coded credential (::__****)
