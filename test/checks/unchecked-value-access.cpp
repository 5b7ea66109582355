// RUN: %check_prodready %s prodready-unchecked-value-access

#include <err/absl.h>
#include <err/others.h>
#include <err/std.h>

struct Point { int x; };
std::optional<int> find(int);
std::optional<Point> find_point();
std::expected<int, int> parse(const char *);
absl::StatusOr<int> lookup(int);
absl::StatusOr<Point> lookup_point();
boost::optional<int> bfind(int);
tl::expected<int, int> tparse();
folly::Expected<int, int> fparse();
int use(int);
bool cond();

// --- unchecked accesses of every supported type ----------------------------

void unchecked() {
  std::optional<int> o = find(1);
  use(*o);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: operator* of 'std::optional<int>' is not preceded by a check that it holds a value on every path, so an empty or failed result throws or is undefined behaviour in production; test it first (has_value(), ok(), if (x)) or use value_or() [prodready-unchecked-value-access]
  use(find(2).value());
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: .value() of 'std::optional<int>' is not preceded by a check
  use(find_point()->x);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: operator-> of 'std::optional<Point>' is not preceded by a check
  auto e = parse("1");
  use(e.value());
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: .value() of 'std::expected<int, int>' is not preceded by a check
  auto s = lookup(1);
  use(*s);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: operator* of 'absl::StatusOr<int>' is not preceded by a check
  use(lookup_point()->x);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: operator-> of 'absl::StatusOr<Point>' is not preceded by a check
  auto b = bfind(1);
  use(b.get());
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: .get() of 'boost::optional<int>' is not preceded by a check
  auto t = tparse();
  use(*t);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: operator* of 'tl::expected<int, int>' is not preceded by a check
  auto f = fparse();
  use(f.value());
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: .value() of 'folly::Expected<int, int>' is not preceded by a check
}

// A check on only one path does not dominate the access.
void one_path(bool flag) {
  auto e = parse("1");
  if (flag && !e)
    return;
  use(*e);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: operator* of 'std::expected<int, int>' is not preceded by a check
  auto s = lookup(1);
  if (s.ok())
    use(1);
  use(s.value());
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: .value() of 'absl::StatusOr<int>' is not preceded by a check
}

// Emptied again after a check.
void reset_after_check() {
  boost::optional<int> b = bfind(1);
  if (!b)
    return;
  b.reset();
  use(*b);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: operator* of 'boost::optional<int>' is not preceded by a check
  std::expected<int, int> e = std::unexpected<int>(3);
  use(*e);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: operator* of 'std::expected<int, int>' is not preceded by a check
  std::optional<int> o = 1;
  o = std::nullopt;
  use(o.value());
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: .value() of 'std::optional<int>' is not preceded by a check
}

// Fields, lambdas and macros.
struct Cache {
  std::optional<int> cached;
  absl::StatusOr<int> loaded;
  int get() { return *cached; }
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: operator* of 'std::optional<int>' is not preceded by a check
  int get_loaded() { return loaded.value(); }
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: .value() of 'absl::StatusOr<int>' is not preceded by a check
};
auto lambda = [](absl::StatusOr<int> v) { return *v; };
// CHECK-MESSAGES: :[[@LINE-1]]:51: warning: operator* of 'absl::StatusOr<int>' is not preceded by a check
#define UNWRAP(x) (x).value()
int macro_use() {
  auto e = parse("2");
  return UNWRAP(e);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: .value() of 'std::expected<int, int>' is not preceded by a check
}
template <class T> int generic(T v) { return *v; }
// Reported once, for the first instantiation.
// CHECK-MESSAGES: :[[@LINE-2]]:47: warning: operator* of 'std::expected<int, int>' is not preceded by a check
int instantiate() { return generic(parse("3")) + generic(lookup(3)); }

// --- checked accesses: no findings -----------------------------------------

void checked_if() {
  auto o = find(1);
  if (o)
    use(*o);
  if (o.has_value())
    use(o.value());
  auto e = parse("1");
  if (e.has_value())
    use(*e);
  if (e)
    use(e.value());
  auto s = lookup(1);
  if (s.ok())
    use(*s);
  if (s.status().ok())
    use(s.value());
  auto b = bfind(1);
  if (b)
    use(*b);
  if (b.is_initialized())
    use(b.get());
  if (b != boost::none)
    use(b.value());
  auto t = tparse();
  if (t.has_value())
    use(*t);
  auto f = fparse();
  if (f.hasValue())
    use(*f);
  if (!f.hasError())
    use(f.value());
}

void early_exits(int n) {
  auto o = find(1);
  if (!o)
    return;
  use(*o);
  auto e = parse("x");
  if (!e.has_value())
    throw 1;
  use(e.value());
  for (int i = 0; i < n; ++i) {
    auto s = lookup(i);
    if (!s.ok())
      continue;
    use(*s);
    auto b = bfind(i);
    if (!b)
      break;
    use(*b);
  }
  auto t = tparse();
  if (!t)
    return;
  use(t.value());
}

// value_or is always fine; objects just given a value are known non-empty.
void known_values() {
  use(find(1).value_or(0));
  use(parse("1").value_or(0));
  use(lookup(1).value_or(0));
  use(bfind(1).value_or(0));
  std::optional<int> o = 3;
  use(*o);
  std::optional<int> o2;
  o2.emplace(4);
  use(o2.value());
  std::optional<int> o3 = std::make_optional(5);
  use(*o3);
  std::expected<int, int> e = 5;
  use(*e);
  absl::StatusOr<int> s = 7;
  use(s.value());
  boost::optional<int> b = 3;
  use(*b);
  boost::optional<int> b2;
  b2.emplace(1);
  use(b2.get());
  b2 = 5;
  use(*b2);
  tl::expected<int, int> t = 1;
  use(*t);
}

// The check covers the copy too.
void copies() {
  auto e = parse("1");
  if (!e)
    return;
  auto e2 = e;
  use(*e2);
}

// --- regressions from real code --------------------------------------------

// ccache: a scope guard's lambda uses an object that the enclosing function
// checked; the lambda alone cannot see that check.
template <class F> struct Defer {
  F f;
  ~Defer() { f(); }
};
template <class F> Defer<F> defer(F f) { return {f}; }
bool scope_guard() {
  auto tmp = parse("1");
  if (!tmp)
    return false;
  auto guard = defer([&] { use(*tmp); });
  struct Holder {
    std::optional<int> field;
    void later() {
      auto task = [this] { return *field; };
      task();
    }
  };
  return true;
}
// A lambda's own parameters and locals are still analysed (see `lambda`
// above), and later accesses of an already reported object are not repeated.
int repeated() {
  auto o = find(1);
  int a = *o;
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: operator* of 'std::optional<int>' is not preceded by a check
  return a + o.value() + *o;
}

// --- the syntactic proof and its limits ------------------------------------
// Evidently guarded accesses are proven without the dataflow analysis; when
// the object may change between the test and the access, or a jump can skip
// the test, the dataflow analysis decides, and reports these.
int modifiedAfterTest() {
  std::optional<int> o = find(1);
  if (o) {
    o.reset();
    return *o;
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: operator* of 'std::optional<int>' is not preceded by a check
  }
  return 0;
}
int reassignedAfterTest() {
  std::optional<int> o = find(1);
  if (!o)
    return 0;
  o = find(2);
  return o.value();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: .value() of 'std::optional<int>' is not preceded by a check
}
int caseLabelSkipsTheTest(int k) {
  std::optional<int> o = find(k);
  switch (k) {
  case 0:
    if (!o)
      return 0;
    [[fallthrough]];
  case 1:
    return *o;
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: operator* of 'std::optional<int>' is not preceded by a check
  }
  return 0;
}
int provenAndUnproven(bool b) {
  std::optional<int> a = find(1), c = find(2);
  absl::StatusOr<int> s = lookup(3);
  if (!s.ok())
    return 0;
  int n = a ? *a : 0;
  n += use(*s);
  if (b && c.has_value())
    n += *c;
  return n + *c;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: operator* of 'std::optional<int>' is not preceded by a check
}

// --- the slice the dataflow analysis runs on -------------------------------
// The dataflow analysis runs on the statements that lead to the unproven
// accesses; earlier ones that touch the object, through `this` or a
// parameter, stay in that slice.
struct HitCache {
  std::optional<int> hit;
  int read();
};
int HitCache::read() {
  use(0);
  if (!hit)
    return 0;
  use(1);
  return *hit;
}
int defaulted(std::optional<int> p) {
  use(0);
  if (!p)
    p = 1;
  use(1);
  return *p;
}
int sliceReportsTheUnchecked() {
  use(0);
  std::optional<int> o = find(1);
  use(2);
  return *o;
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: operator* of 'std::optional<int>' is not preceded by a check
}

// --- a test the proof cannot follow, left to the dataflow model -------------
// SimpleAmqpClient's Channel::Open: the optional is tested with
// is_initialized() (declared in boost's optional_base), the untested branch
// leaves through a switch whose every case returns, and the accesses come
// after. The model saw no test through the base class.
struct TlsParams { int verify; };
struct OpenOpts { int kind; boost::optional<TlsParams> tls; };
int openPlain();
int openSecure(const TlsParams &);
int openChannel(const OpenOpts &opts) {
  if (!opts.tls.is_initialized()) {
    switch (opts.kind) {
    case 0:
      return openPlain();
    default:
      return -1;
    }
  }
  switch (opts.kind) {
  case 0:
    return openSecure(opts.tls.get());
  default:
    return openSecure(opts.tls.get());
  }
}
int openChannelUnchecked(const OpenOpts &opts) {
  if (opts.tls.is_initialized()) {
    switch (opts.kind) {
    case 0:
      return openPlain();
    default:
      return -1;
    }
  }
  return openSecure(opts.tls.get());
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: .get() of 'boost::optional<TlsParams>' is not preceded by a check
}

// A pointer assigned before the test (inspircd's `User *u; if (local) u =
// FindNick(n); else u = Find(n);`) stays proven by an inline predicate
// reached through it; one assigned between the test and the access, or
// later in a loop that reaches the access again, does not.
struct Away {
  int since;
};
struct User {
  std::optional<Away> away;
  bool IsAway() const { return away.has_value(); }
};
User *find_nick(int);
User *find_uid(int);
void invite(bool local, int n) {
  User *u;
  if (local)
    u = find_nick(n);
  else
    u = find_uid(n);
  if (u->IsAway())
    use(u->away->since);
}
void reassigned(User *u, User *other) {
  if (u->IsAway()) {
    u = other;
    use(u->away->since);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: operator-> of 'std::optional<Away>' is not preceded by a check
  }
}
void in_loop(User *u, int n) {
  if (!u->IsAway())
    return;
  for (int i = 0; i < n; ++i) {
    use(u->away->since);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: operator-> of 'std::optional<Away>' is not preceded by a check
    u = find_uid(i);
  }
}
