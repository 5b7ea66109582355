// Hermetic stand-ins for tl::expected, folly::Expected, boost::optional and
// Boost.Outcome's result.
#pragma once
namespace tl {
template <class E> class unexpected {
public:
  explicit unexpected(const E &);
};
template <class T, class E> class expected {
public:
  expected();
  expected(const T &);
  expected(const unexpected<E> &);
  expected(const expected &);
  ~expected();
  explicit operator bool() const;
  bool has_value() const;
  T &value() &;
  T &operator*() &;
  T *operator->();
  const E &error() const &;
  template <class U> T value_or(U &&) const &;
};
} // namespace tl
namespace folly {
template <class E> class Unexpected {
public:
  explicit Unexpected(const E &);
};
template <class E> Unexpected<E> makeUnexpected(E);
template <class T, class E> class Expected {
public:
  Expected();
  Expected(const T &);
  template <class G> Expected(const Unexpected<G> &);
  Expected(const Expected &);
  ~Expected();
  explicit operator bool() const;
  bool hasValue() const;
  bool hasError() const;
  T &value() &;
  T &operator*() &;
  T *operator->();
  const E &error() const &;
  template <class U> T value_or(U &&) const &;
};
} // namespace folly
namespace boost {
struct none_t {
  explicit constexpr none_t(int) {}
};
inline constexpr none_t none{0};
// As in Boost, is_initialized() is declared in the base.
template <class T> class optional_base {
public:
  bool is_initialized() const;
};
template <class T> class optional : public optional_base<T> {
public:
  optional();
  optional(none_t);
  optional(const T &);
  optional(const optional &);
  optional &operator=(const optional &);
  optional &operator=(const T &);
  optional &operator=(none_t);
  ~optional();
  explicit operator bool() const;
  bool operator!() const;
  bool has_value() const;
  T &get();
  const T &get() const;
  T &value();
  T &operator*();
  T *operator->();
  template <class U> T value_or(U &&) const;
  template <class... A> void emplace(A &&...);
  void reset();
};
template <class T> bool operator==(const optional<T> &, none_t);
template <class T> bool operator!=(const optional<T> &, none_t);
namespace outcome_v2 {
template <class T, class E, class P> class basic_result {
public:
  basic_result(const T &);
  explicit operator bool() const;
  bool has_value() const;
  T &value() &;
};
template <class T, class E = int> using result = basic_result<T, E, void>;
} // namespace outcome_v2
} // namespace boost
