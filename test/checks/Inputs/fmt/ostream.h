#pragma once
#include "core.h"
#include <ostream>
namespace fmt {
inline namespace v9 {
template <typename... T>
void print(std::ostream &os, format_string<T...> fmt, T &&...args);
} // namespace v9
} // namespace fmt
