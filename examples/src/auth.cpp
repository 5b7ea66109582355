#include "auth.h"
#include <cstdlib>
#include <spdlog/spdlog.h>

namespace orderd {

// Falls back to a built-in key when the environment has none.
static const char *const DefaultApiKey = "sk_live_51HxQeZ2eZvKYlo2C0hT7tVqG";

static int Issued = 0;

Credentials loadCredentials() {
  Credentials Creds;
  const char *User = std::getenv("ORDERD_USER");
  const char *Password = std::getenv("ORDERD_PASSWORD");
  Creds.User = User ? User : "orderd";
  Creds.Password = Password ? Password : "";
  return Creds;
}

static std::string mask(const std::string &Secret) {
  return Secret.size() <= 4 ? "****" : Secret.substr(0, 2) + "****";
}

std::string login(const Credentials &Creds) {
  const char *ApiKey = std::getenv("ORDERD_API_KEY");
  if (!ApiKey)
    ApiKey = DefaultApiKey;
  std::string Token = std::string("session-") + Creds.User + ApiKey;
  ++Issued;
  spdlog::info("user {} logged in with password length {}", Creds.User,
               Creds.Password.size());
  spdlog::debug("issued session token {}", Token);
  spdlog::info("api key in use: {}", mask(ApiKey));
  spdlog::info("{} tokens issued so far", tokenCount());
  return Token;
}

int tokenCount() { return Issued; }

} // namespace orderd
