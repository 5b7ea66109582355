// RUN: %check_prodready %s prodready-hardcoded-secret -config="{CheckOptions: {prodready-hardcoded-secret.TestFileRegex: '_test\.cpp$'}}"

// A literal spelled in a project macro is reported once, at its first use,
// with a note pointing at the macro definition.

#define SERVICE_API_KEY "AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q"
#define DB_PASSWORD_DEFAULT "hunter22"

void send(const char *);

void use() {
  send(SERVICE_API_KEY);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: string literal contains a Google API key (AIza****); anyone who can read
  // CHECK-MESSAGES: :6:25: note: the literal is spelled in the definition of macro 'SERVICE_API_KEY'
  send(SERVICE_API_KEY);
  const char *password = DB_PASSWORD_DEFAULT;
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: the value of 'password' is a hard-coded credential (hu****)
  // CHECK-MESSAGES: :7:29: note: the literal is spelled in the definition of macro 'DB_PASSWORD_DEFAULT'
}
