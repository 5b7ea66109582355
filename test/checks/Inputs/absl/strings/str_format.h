// Hermetic stand-in for absl/strings/str_format.h.
#pragma once
#include <string>
#include <string_view>

namespace absl {
namespace str_format_internal {
template <typename... Args> class FormatSpecTemplate {
public:
  FormatSpecTemplate(const char *s);
};
template <typename T> struct Identity { using type = T; };
} // namespace str_format_internal
template <typename... Args>
using FormatSpec = str_format_internal::FormatSpecTemplate<
    typename str_format_internal::Identity<Args>::type...>;
template <typename... Args>
std::string StrFormat(const FormatSpec<Args...> &format, const Args &...args);
template <typename... Args>
int PrintF(const FormatSpec<Args...> &format, const Args &...args);
} // namespace absl
