// RUN: %check_prodready %s prodready-hardcoded-secret -config="{CheckOptions: {prodready-hardcoded-secret.TestFileRegex: '_test\.cpp$'}}"

// A literal spelled in a project macro is reported once, at its first use,
// with a note pointing at the macro definition; a secret-named macro
// (`#define API_KEY "..."`) is reported once, at the literal in its
// definition, used or not.

#define SERVICE_API_KEY "AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q"
// CHECK-MESSAGES: :[[@LINE-1]]:25: warning: string literal contains a Google API key (AIza****); anyone who can read
#define DB_PASSWORD_DEFAULT "hunter22"
// CHECK-MESSAGES: :[[@LINE-1]]:29: warning: the value of macro 'DB_PASSWORD_DEFAULT' is a hard-coded credential (hu****)

#define API_KEY "abc123def456ghi789"
// CHECK-MESSAGES: :[[@LINE-1]]:17: warning: the value of macro 'API_KEY' is a hard-coded credential (abc1****); anyone who can read the source or the binary has it
#define AUTH_TOKEN ("tk-8f7e6d5c4b3a29180716")
// CHECK-MESSAGES: :[[@LINE-1]]:21: warning: the value of macro 'AUTH_TOKEN' is a hard-coded credential (tk-8****)
#define ENDPOINT_TOKEN "Bearer "
#define BEARER_PREFIX "Bearer"
#define PASSWORD_ENV "DB_PASSWORD"
#define PASSWORD_PROMPT "Password: "
#define SESSION_COOKIE "session_id"
#define DEFAULT_PASSWORD "changeme"
#define GET_PASSWORD(x) "hunter22"
#define TIMEOUT_MS "3000"
#define SERVICE_URL "https://api.example.com/v1"
#define BUILD_ID_HASH "9f8e7d6c5b4a39281706"
#define DEMO_HEADER "Authorization: Bearer 0123456789abcdef0123"
#define HEADER_TOKEN "X-Auth-Token"

void send(const char *);
void use() {
  send(SERVICE_API_KEY);
  send(SERVICE_API_KEY);
  const char *password = DB_PASSWORD_DEFAULT;
  send(password);
  send(DEMO_HEADER);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: Authorization header literal carries a hard-coded token (Auth****)
  // CHECK-MESSAGES: :27:21: note: the literal is spelled in the definition of macro 'DEMO_HEADER'
  send(DEMO_HEADER);
}
