// RUN: %check_prodready %s prodready-hardcoded-secret -config="{CheckOptions: {prodready-hardcoded-secret.TestFileRegex: '_test\.cpp$'}}"

// Anywhere, whatever the name: well-known credential formats, Authorization
// headers carrying a token, connection strings and URLs with an inline
// password.

#include <string>
#include <vector>

void send(const char *);
void header(const char *name, const char *value);

void formats() {
  send("AKIAQWERTYUIOPASDFGH");
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: string literal contains an AWS access key id (AKIA****); anyone who can read the source or the binary can use it; revoke it and load its replacement at run time from a secret store or the environment [prodready-hardcoded-secret]
  send("key=ASIAQWERTYUIOPASDFGH;");
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: string literal contains an AWS temporary access key id (key=****); anyone who can read
  send("ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789");
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: string literal contains a GitHub token (ghp_****); anyone who can read
  send("gho_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789");
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: string literal contains a GitHub token (gho_****)
  send("ghu_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789");
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: string literal contains a GitHub token (ghu_****)
  send("ghs_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789");
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: string literal contains a GitHub token (ghs_****)
  send("ghr_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789");
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: string literal contains a GitHub token (ghr_****)
  send("github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUV");
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: string literal contains a GitHub token (gith****)
  send("xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx");
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: string literal contains a Slack token (xoxb****)
  send("xoxp-123456789012-abcdefghij");
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: string literal contains a Slack token (xoxp****)
  send("AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q");
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: string literal contains a Google API key (AIza****)
  send("sk_live_4eC39HqLyjWDarjtT1zdp7dc");
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: string literal contains a Stripe live key (sk_l****)
  send("rk_live_4eC39HqLyjWDarjtT1zdp7dc");
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: string literal contains a Stripe live key (rk_l****)
  send("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U");
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: string literal contains a JSON Web Token (eyJh****)
  static const char kKey[] =
      "-----BEGIN RSA PRIVATE KEY-----\n"
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: string literal contains a PEM private key (----****)
      "MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\n"
      "VTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK\n"
      "-----END RSA PRIVATE KEY-----\n";
  send(kKey);
  send(R"(-----BEGIN OPENSSH PRIVATE KEY-----
b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW
-----END OPENSSH PRIVATE KEY-----)");
  // CHECK-MESSAGES: :[[@LINE-3]]:8: warning: string literal contains a PEM private key (----****)
}

void headers() {
  send("Authorization: Bearer 0123456789abcdef0123");
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: Authorization header literal carries a hard-coded token (Auth****); anyone who can read the source or the binary has it and rotating it takes a release; load it at run time from a secret store or the environment [prodready-hardcoded-secret]
  send("Proxy-Authorization: Basic dXNlcjpwYXNzd29yZA==");
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: Authorization header literal carries a hard-coded token (Prox****)
  send("authorization: token 9a8b7c6d5e4f3a2b1c0d");
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: Authorization header literal carries a hard-coded token (auth****)
  header("Authorization", "Bearer 0123456789abcdef0123");
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: Authorization header literal carries a hard-coded token (Bear****)
  send("Authorization: 5f4dcc3b5aa765d61d8327deb882cf99");
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: Authorization header literal carries a hard-coded token (Auth****)
}

void connection_strings() {
  send("host=db.internal port=5432 user=app password=s3cret dbname=orders");
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: connection string literal carries a hard-coded password (host****); anyone who can read the source or the binary has it and rotating it takes a release; load it at run time from a secret store or the environment [prodready-hardcoded-secret]
  send("Server=db;Database=orders;Uid=app;Pwd=s3cret;");
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: connection string literal carries a hard-coded password (Serv****)
  send("host=db password='s3 cret' user=app");
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: connection string literal carries a hard-coded password (host****)
  send("postgres://app:s3cret@db.internal:5432/orders");
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: URL literal carries a hard-coded password (post****); anyone who can read
  send("amqp://guest:guest@mq:5672/");
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: URL literal carries a hard-coded password (amqp****)
  std::string redis = "redis://:hunter22@cache:6379/0";
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: URL literal carries a hard-coded password (redi****)
}

// Not reported ---------------------------------------------------------------
void negatives() {
  send("AKIAIOSFODNN7EXAMPLE");         // AWS's documentation key
  send("AKIA1234");                     // too short
  send("ghp_short");                    // not a token
  send("xoxb-");                        // prefix only
  send("sk_test_4eC39HqLyjWDarjtT1zdp7dc"); // Stripe test key
  send("-----BEGIN RSA PRIVATE KEY-----"); // a parser looking for the header
  // A template to fill in (curl's docs/examples/usercertinmem.c).
  send("-----BEGIN PRIVATE KEY-----\n"
       "XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX\n"
       "XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX\n"
       "-----END PRIVATE KEY-----\n");
  send("-----BEGIN CERTIFICATE-----\nMIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\n");
  send("eyJhbGciOiJIUzI1NiJ9");         // a JWT header alone
  send("Authorization: Bearer ");       // token appended at run time
  send("Authorization: Bearer %s");
  send("Authorization: Bearer {}");
  send("Authorization: Bearer <token>");
  send("Authorization: Bearer ${TOKEN}");
  send("Authorization: Basic");
  send("Bearer");
  send("Bearer realm=\"api\", error=\"invalid_token\"");
  send("host=db user=app password=");  // password appended at run time
  send("host=db user=app password=%s");
  send("Server=db;Uid=app;Pwd={0};");
  send("password=${DB_PASSWORD}");
  send("password=<password>");
  send("password=?");
  send("--password=PASSWORD");
  send("postgres://user:password@host/db"); // documentation template
  send("postgres://app@db/orders");          // no password
  send("postgres://app:%s@db/orders");
  send("https://user:@example.com/");
  send("https://example.com/path?x=1");
  send("mailto:someone@example.com");
  send("Enter password: ");
  send("Passwords do not match");
}
