// Hermetic stand-ins for the parts of the C++ standard library that the
// error-handling rules look at (prodready-unchecked-error,
// prodready-unchecked-value-access). Kept under err/ so that they never shadow
// the real headers that the integration tests include.
#pragma once

namespace std {
typedef decltype(sizeof(0)) size_t;
template <class T> struct remove_reference { typedef T type; };
template <class T> struct remove_reference<T &> { typedef T type; };
template <class T> struct remove_reference<T &&> { typedef T type; };
template <class T> constexpr typename remove_reference<T>::type &&move(T &&t) noexcept {
  return static_cast<typename remove_reference<T>::type &&>(t);
}

class error_category {
public:
  const char *name() const noexcept;
};
const error_category &generic_category() noexcept;

class error_code {
public:
  error_code() noexcept;
  error_code(int, const error_category &) noexcept;
  void assign(int, const error_category &) noexcept;
  void clear() noexcept;
  int value() const noexcept;
  const char *message() const;
  explicit operator bool() const noexcept;
};
bool operator==(const error_code &, const error_code &) noexcept;

class error_condition {
public:
  error_condition() noexcept;
  explicit operator bool() const noexcept;
};

struct nullopt_t {
  explicit constexpr nullopt_t(int) {}
};
inline constexpr nullopt_t nullopt{0};
struct in_place_t {
  explicit in_place_t() = default;
};
inline constexpr in_place_t in_place{};

template <class T> class optional {
public:
  constexpr optional() noexcept;
  constexpr optional(nullopt_t) noexcept;
  optional(const optional &);
  optional(optional &&);
  template <class U = T> constexpr optional(U &&);
  template <class... Args> constexpr explicit optional(in_place_t, Args &&...);
  optional &operator=(nullopt_t) noexcept;
  optional &operator=(const optional &);
  optional &operator=(optional &&);
  template <class U = T> optional &operator=(U &&);
  ~optional();
  const T *operator->() const;
  T *operator->();
  const T &operator*() const &;
  T &operator*() &;
  constexpr explicit operator bool() const noexcept;
  constexpr bool has_value() const noexcept;
  T &value() &;
  const T &value() const &;
  template <class U> T value_or(U &&) const &;
  template <class... Args> T &emplace(Args &&...);
  void reset() noexcept;
};
template <class T> constexpr optional<T> make_optional(T &&);
template <class T> constexpr bool operator==(const optional<T> &, nullopt_t) noexcept;
template <class T> constexpr bool operator!=(const optional<T> &, nullopt_t) noexcept;

template <class E> class unexpected {
public:
  constexpr explicit unexpected(const E &);
  constexpr const E &error() const & noexcept;
};
struct unexpect_t {
  explicit unexpect_t() = default;
};
inline constexpr unexpect_t unexpect{};

template <class T, class E> class expected {
public:
  constexpr expected();
  constexpr expected(const expected &);
  constexpr expected(expected &&);
  template <class U = T> constexpr expected(U &&);
  template <class G> constexpr expected(const unexpected<G> &);
  template <class... Args> constexpr explicit expected(unexpect_t, Args &&...);
  expected &operator=(const expected &);
  template <class U = T> expected &operator=(U &&);
  template <class G> expected &operator=(const unexpected<G> &);
  ~expected();
  constexpr const T *operator->() const noexcept;
  constexpr T *operator->() noexcept;
  constexpr const T &operator*() const & noexcept;
  constexpr T &operator*() & noexcept;
  constexpr explicit operator bool() const noexcept;
  constexpr bool has_value() const noexcept;
  constexpr T &value() &;
  constexpr const T &value() const &;
  constexpr const E &error() const & noexcept;
  template <class U> constexpr T value_or(U &&) const &;
  template <class... Args> T &emplace(Args &&...);
};

namespace filesystem {
class path {
public:
  path(const char *);
};
bool remove(const path &);
bool remove(const path &, error_code &) noexcept;
bool create_directories(const path &, error_code &);
void rename(const path &, const path &, error_code &) noexcept;
bool exists(const path &, error_code &) noexcept;
bool is_regular_file(const path &, error_code &) noexcept;
class directory_iterator {
public:
  directory_iterator(const path &, error_code &);
};
} // namespace filesystem
} // namespace std
