// RUN: %check_prodready %s prodready-secret-in-log
// A freshly signed JWT is a bearer credential, whatever the variable is
// called (a miss in held-out set 2: jwt-cpp's examples print the token made
// by the builder chain).

#include <iostream>
#include <string>

namespace jwt {
namespace algorithm {
struct hs256 {
  explicit hs256(std::string key);
};
} // namespace algorithm
template <class Traits> struct builder {
  builder &set_issuer(const std::string &);
  builder &set_type(const std::string &);
  template <class Algo> std::string sign(const Algo &) const;
};
struct traits {};
builder<traits> create();
} // namespace jwt

struct Lexer {
  std::string next_token();
};

void issue(const std::string &key) {
  auto token = jwt::create().set_issuer("auth0").sign(jwt::algorithm::hs256{key});
  std::cout << "token:\n" << token << '\n';
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: secret 'token' is written to a log by 'std::cout', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  std::string s = jwt::create().set_type("JWS").sign(jwt::algorithm::hs256{key});
  std::cout << s << '\n';
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: secret 'a signed JWT' is written to a log by 'std::cout'
}

// A lexer's token and the length of a signed token are not credentials.
void parse(Lexer &lexer, const std::string &key) {
  std::string token = lexer.next_token();
  std::cout << "token: " << token << '\n';
  auto signedJwt = jwt::create().sign(jwt::algorithm::hs256{key});
  std::cout << "length " << signedJwt.size() << '\n';
}
