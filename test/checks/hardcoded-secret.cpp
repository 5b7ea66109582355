// Test files are exempt: with a project-wide test-file pattern that matches
// this file, no findings (the default patterns: test/driver/scope.test).
// RUN: %check_prodready -check-suffix=DEFAULT %s prodready-hardcoded-secret -config="{CheckOptions: {prodready.TestFileRegex: '(^|/)checks/'}}"
// RUN: %check_prodready %s prodready-hardcoded-secret -config="{CheckOptions: {prodready-hardcoded-secret.TestFileRegex: '_test\.cpp$'}}"

// Literals bound to something named like a secret: variables, fields,
// parameter defaults, constructor initializers, assignments, aggregate and
// designated initializers, arguments for secret-named parameters, key/value
// pairs, setters. The message shows at most a quarter of the value (never
// more than 4 characters) and a fixed mask.

#include <cstdlib>
#include <cstring>
#include <map>
#include <string>

const char *password = "hunter22";
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: the value of 'password' is a hard-coded credential (hu****); anyone who can read the source or the binary has it and rotating it takes a release; load it at run time from a secret store or the environment [prodready-hardcoded-secret]
static const char kDbPassword[] = "Pg-admin-2024";
// CHECK-MESSAGES: :[[@LINE-1]]:35: warning: the value of 'kDbPassword' is a hard-coded credential (Pg-****); anyone who can read
std::string api_key = "d41d8cd98f00b204e980";
// CHECK-MESSAGES: :[[@LINE-1]]:23: warning: the value of 'api_key' is a hard-coded credential (d41d****); anyone who can read
constexpr const char *kClientSecret = "9f8e7d6c5b4a";
// CHECK-MESSAGES: :[[@LINE-1]]:39: warning: the value of 'kClientSecret' is a hard-coded credential (9f8****); anyone who can read
const char *db_passwd = "root";
// CHECK-MESSAGES: :[[@LINE-1]]:25: warning: the value of 'db_passwd' is a hard-coded credential (r****); anyone who can read
std::string auth_token = "tok_1234567890abcdef";
// CHECK-MESSAGES: :[[@LINE-1]]:26: warning: the value of 'auth_token' is a hard-coded credential (tok_****); anyone who can read
const char *password_fallback = std::getenv("X") ? std::getenv("X") : "fallback99";
// CHECK-MESSAGES: :[[@LINE-1]]:71: warning: the value of 'password_fallback' is a hard-coded credential (fa****); anyone who can read

struct Settings {
  std::string user = "svc";
  std::string password = "Winter2024!";
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: the value of 'password' is a hard-coded credential (Wi****); anyone who can read
};

class Client {
public:
  Client() : secret_("s3cr3t-value") {}
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: the value of 'secret_' is a hard-coded credential (s3c****); anyone who can read
  void rotate() {
    secret_ = "n3w-s3cr3t";
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: the value assigned to 'secret_' is a hard-coded credential (n3****); anyone who can read
  }

private:
  std::string secret_;
};

struct Credentials {
  std::string user;
  std::string password;
};
Credentials positional{"admin", "hunter23"};
// CHECK-MESSAGES: :[[@LINE-1]]:33: warning: the value of 'password' is a hard-coded credential (hu****); anyone who can read
Credentials designated{.user = "admin", .password = "hunter24"};
// CHECK-MESSAGES: :[[@LINE-1]]:53: warning: the value of 'password' is a hard-coded credential (hu****); anyone who can read

void login(const std::string &user, const std::string &password);
void connect(const char *host, const char *password = "default-pw-1");
// CHECK-MESSAGES: :[[@LINE-1]]:55: warning: the default of parameter 'password' is a hard-coded credential (def****); anyone who can read
void set_api_key(const char *);
struct Session {
  explicit Session(const char *access_token);
};

void calls(std::map<std::string, std::string> &headers) {
  login("admin", "hunter25x");
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: the argument for parameter 'password' of 'login' is a hard-coded credential (hu****); anyone who can read
  Session s("a1b2c3d4e5f6a7b8c9");
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: the argument for parameter 'access_token' of 'Session::Session' is a hard-coded credential (a1b2****); anyone who can read
  set_api_key("k3y-9876543");
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: the argument of 'set_api_key' is a hard-coded credential (k3****); anyone who can read
  headers["X-Api-Key"] = "a9b8c7d6e5f4";
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: the value assigned to 'X-Api-Key' is a hard-coded credential (a9b****); anyone who can read
  headers.emplace("password", "hunter26");
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: the value for key 'password' is a hard-coded credential (hu****); anyone who can read
  std::map<std::string, std::string> m = {{"api_key", "z9y8x7w6v5"}};
  // CHECK-MESSAGES: :[[@LINE-1]]:55: warning: the value for key 'api_key' is a hard-coded credential (z9****); anyone who can read
  char db_pwd[32];
  std::strcpy(db_pwd, "P@ssw0rd");
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: the value copied into 'db_pwd' is a hard-coded credential (P@****); anyone who can read
  std::string token;
  token.assign("tk-20240101-abcdef");
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: the value assigned to 'token' is a hard-coded credential (tk-2****); anyone who can read
}

// Not reported ---------------------------------------------------------------

// Placeholders, environment variable names, masks, obviously fake values.
const char *password_tpl = "<password>";
std::string password_env = "${DB_PASSWORD}";
std::string password_sh = "$(cat /run/secrets/db)";
std::string password_win = "%DB_PASSWORD%";
std::string password_mustache = "{{ db_password }}";
const char *password_var = "DB_PASSWORD";
const char *secret_masked = "********";
const char *api_key_doc = "YOUR_API_KEY";
const char *api_key_doc2 = "your-api-key-here";
const char *secret_example = "example-secret-123";
const char *empty_password = "";
// Looked up at run time.
const char *db_password = std::getenv("DB_PASSWORD");
std::string token_from_env = std::getenv("API_TOKEN") ? std::getenv("API_TOKEN") : "";

// Names that contain a secret word without naming a secret.
int token_count = 5;
const char *tokenizer = "abc123def456";
const char *password_prompt = "Password:";
const char *max_token_len = "12345678";
const char *session_id_header_name = "X-Session-Id";
const char *password_file = "/etc/app/db.pass";
const char *token_url = "https://auth.example.com/oauth/token";
const char *password_hint = "1st pet";
const char *bypass = "yes-12345";

// Values that are labels, key names, paths, format strings or messages.
// (Found in cpprestsdk's OAuth2 sample: the NAME of the token field.)
void set_access_token_key(const char *access_token_key);
void key_names() {
  set_access_token_key("oauth2_access_token");
  set_access_token_key("access_token_v2");
}
const char *kPasswordKey = "password";
const char *auth_header = "Authorization";
const char *token_header = "X-Auth-Token";
const char *password_msg = "invalid password, try again";
const char *password_fmt = "password=%s";
const char *password_fmt2 = "{}:{}";
const char *secret_path = "./secrets/app.key";
const char *password_pem = "client.pem";

// Weak names (token, cookie, session, pass) need a value that looks like a
// credential: 8+ characters mixing letters and digits.
const char *token = "while";
const char *token_sep = ",";
const char *cookie = "session";
std::string pass = "ok";

// Parameters named like a secret with non-credential arguments. Weak names
// (token, cookie, session) need a generated-looking value: 16+ token
// characters mixing letters and digits.
void tokenize(const char *token);
bool has_header_token(const char *key, const char *token);
void uses() {
  tokenize("(");
  tokenize("return");
  has_header_token("Expect", "100-continue"); // an HTTP header token
  Session short_id("abc123");
  login("admin", "");
  connect("db", nullptr);
}

// Inside a template: reported once, in the template definition.
template <typename T> struct Holder {
  std::string password = "t3mpl4te-pw";
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: the value of 'password' is a hard-coded credential (t3****); anyone who can read
};
Holder<int> h1;
Holder<long> h2;
