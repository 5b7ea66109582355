// prodready-unchecked-value-access against the real libstdc++ <optional> and
// <expected> (C++23).
// RUN: %check_prodready %s prodready-unchecked-value-access -- -std=c++23

#include <expected>
#include <optional>
#include <string>
#include <system_error>
#include <utility>

std::optional<std::string> find(int);
std::expected<int, std::error_code> parse(const std::string &);
int use(int);

int unchecked(int k) {
  auto name = find(k);
  auto n = parse(*name);
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: operator* of 'std::optional<std::string>' is not preceded by a check that it holds a value on every path, so an empty or failed result throws or is undefined behaviour in production; test it first (has_value(), ok(), if (x)) or use value_or() [prodready-unchecked-value-access]
  return n.value() + static_cast<int>(name->size());
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: .value() of 'std::expected<int, std::error_code>' is not preceded by a check
}

int checked(int k) {
  auto name = find(k);
  if (!name)
    return -1;
  auto n = parse(*name);
  if (!n.has_value())
    return -n.error().value();
  std::optional<int> fixed = 3;
  std::expected<int, std::error_code> known = 4;
  return *n + *fixed + known.value() + use(find(1).value_or("").size());
}

// ccache: a structured binding is named by its real type, not
// std::tuple_element<...>::type.
std::pair<int, std::optional<int>> split(int);
int structured(int k) {
  auto [key, value] = split(k);
  return key + *value;
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: operator* of 'std::optional<int>' is not preceded by a check
}
