#include "audit.h"
#include <cstdio>

void audit(const std::string &user, const std::string &detail) {
  std::printf("audit %s: %s\n", user.c_str(), detail.c_str());
}

void record_login(const std::string &user, const std::string &credential) {
  audit(user, credential);
}

void remember(const std::string &user, const std::string &token) {
  std::printf("remembered %s\n", user.c_str());
}

void tell(const std::string &text) { relay(text); }
void relay(const std::string &text) {
  if (text.empty())
    tell(text);
}
