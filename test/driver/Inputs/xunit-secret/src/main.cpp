#include "audit.h"
#include <cstdlib>
#include <string>

int main() {
  std::string user = "alice";
  std::string password = std::getenv("DB_PASSWORD");
  audit(user, password);
  record_login(user, password);
  remember(user, password);
  tell(password);
  audit(user, password); // NOLINT(prodready-secret-in-log)
  audit(user, user);
  return 0;
}
