#include <cstdio>
#include <string>

// A finding with a note: the secret is logged on line 6 and comes from the
// parameter on line 5.
void login(const std::string &user, const std::string &password) {
  printf("login %s with %s\n", user.c_str(), password.c_str());
}
