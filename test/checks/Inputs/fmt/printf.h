#pragma once
#include "core.h"
namespace fmt {
inline namespace v9 {
template <typename S, typename... T> std::string sprintf(const S &fmt, const T &...args);
template <typename S, typename... T> int printf(const S &fmt, const T &...args);
template <typename S, typename... T>
int fprintf(std::FILE *f, const S &fmt, const T &...args);
} // namespace v9
} // namespace fmt
