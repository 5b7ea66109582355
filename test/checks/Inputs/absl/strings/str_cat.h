// Hermetic stand-in for absl/strings/str_cat.h.
#pragma once
#include <string>
#include <string_view>

namespace absl {
class AlphaNum {
public:
  AlphaNum(int x);
  AlphaNum(unsigned long x);
  AlphaNum(const char *c_str);
  AlphaNum(std::string_view pc);
  template <typename Allocator>
  AlphaNum(const std::basic_string<char, std::char_traits<char>, Allocator> &str);
};
std::string StrCat(const AlphaNum &a);
std::string StrCat(const AlphaNum &a, const AlphaNum &b);
std::string StrCat(const AlphaNum &a, const AlphaNum &b, const AlphaNum &c);
std::string StrCat(const AlphaNum &a, const AlphaNum &b, const AlphaNum &c,
                   const AlphaNum &d);
void StrAppend(std::string *dest, const AlphaNum &a);
void StrAppend(std::string *dest, const AlphaNum &a, const AlphaNum &b);
} // namespace absl
