// Hermetic stand-in for {fmt}'s core API (fmt 9 shapes): compile-time format
// strings, format, print/println, format_to, runtime, memory_buffer.
#pragma once
#include <cstdio>
#include <iterator>
#include <string>
#include <string_view>
#include <type_traits>

namespace fmt {
inline namespace v9 {
template <typename T> struct type_identity { using type = T; };
template <typename T> using type_identity_t = typename type_identity<T>::type;

template <typename Char> class basic_string_view {
public:
  constexpr basic_string_view(const Char *s) : data_(s) {}
  basic_string_view(const std::basic_string<Char> &s);
  constexpr const Char *data() const { return data_; }
  size_t size() const;

private:
  const Char *data_;
};
using string_view = basic_string_view<char>;

template <typename Char> struct basic_runtime { basic_string_view<Char> str; };
inline basic_runtime<char> runtime(string_view s) { return {s}; }

template <typename Char, typename... Args> class basic_format_string {
public:
  template <typename S>
    requires std::is_convertible_v<const S &, basic_string_view<Char>>
  consteval basic_format_string(const S &s) : str_(s) {}
  basic_format_string(basic_runtime<Char> r) : str_(r.str) {}
  operator basic_string_view<Char>() const { return str_; }

private:
  basic_string_view<Char> str_;
};
template <typename... Args>
using format_string = basic_format_string<char, type_identity_t<Args>...>;

template <typename T, size_t SIZE = 500> class basic_memory_buffer {
public:
  using value_type = T;
  void push_back(const T &value);
  const T *data() const;
  size_t size() const;
};
using memory_buffer = basic_memory_buffer<char>;
class appender {
public:
  appender(basic_memory_buffer<char> &buf);
};

template <typename... T> std::string format(format_string<T...> fmt, T &&...args);
template <typename... T> void print(format_string<T...> fmt, T &&...args);
template <typename... T>
void print(std::FILE *f, format_string<T...> fmt, T &&...args);
template <typename... T> void println(format_string<T...> fmt, T &&...args);
template <typename... T>
void println(std::FILE *f, format_string<T...> fmt, T &&...args);
template <typename OutputIt, typename... T>
OutputIt format_to(OutputIt out, format_string<T...> fmt, T &&...args);
template <typename T, size_t SIZE>
std::string to_string(const basic_memory_buffer<T, SIZE> &buf);
template <typename T> std::string to_string(const T &value);
} // namespace v9
} // namespace fmt
