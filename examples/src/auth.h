#pragma once
#include <string>

namespace orderd {

struct Credentials {
  std::string User;
  std::string Password;
};

/// Reads the service credentials from the environment.
Credentials loadCredentials();
/// Authenticates against the identity provider; returns a session token.
std::string login(const Credentials &Creds);
/// Number of tokens issued so far (a counter, not a secret).
int tokenCount();

} // namespace orderd
