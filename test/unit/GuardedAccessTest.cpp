// Tests of the syntactic proof that an optional access is guarded. Each
// access under test is wrapped in `proven(...)` (the prover must prove it) or
// `unproven(...)` (it must not: the dataflow analysis decides those).
#include "GuardedAccess.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Tooling/Tooling.h"
#include <gtest/gtest.h>
#include <set>

using namespace clang;
using namespace clang::ast_matchers;
using namespace prodready;

namespace {

const char *Prelude = R"cpp(
namespace std {
struct nullopt_t { explicit constexpr nullopt_t(int) {} };
inline constexpr nullopt_t nullopt{0};
template <class T> struct optional {
  optional();
  optional(nullopt_t);
  optional(const T &);
  optional(const optional &);
  optional(optional &&);
  optional &operator=(const optional &);
  optional &operator=(nullopt_t);
  bool has_value() const;
  explicit operator bool() const;
  T &operator*();
  T *operator->();
  T &value();
  T value_or(T) const;
  void reset();
};
template <class T> bool operator==(const optional<T> &, nullopt_t);
template <class T> bool operator!=(const optional<T> &, nullopt_t);
template <class T> T &&move(T &);
}
[[noreturn]] void fail();
[[noreturn]] bool die();
std::optional<int> lookup();
bool ready();
void log();
void take(std::optional<int> &);
void peek(const std::optional<int> &);
template <class T> T proven(T);
template <class T> T unproven(T);
)cpp";

struct Outcome {
  unsigned Proven = 0, Unproven = 0;
  std::vector<std::string> Wrong;
};

// Runs the prover on every access wrapped in proven()/unproven() in \p Code.
Outcome run(const std::string &Code) {
  std::unique_ptr<ASTUnit> AST = tooling::buildASTFromCodeWithArgs(
      std::string(Prelude) + Code, {"-std=c++20", "-fsyntax-only"});
  Outcome Result;
  if (!AST || AST->getDiagnostics().hasErrorOccurred()) {
    Result.Wrong.push_back("code does not compile");
    return Result;
  }
  ASTContext &Ctx = AST->getASTContext();
  auto Access =
      expr(anyOf(cxxOperatorCallExpr(hasAnyOverloadedOperatorName("*", "->")),
                 cxxMemberCallExpr(callee(cxxMethodDecl(hasName("value"))))))
          .bind("access");
  auto Marked = callExpr(
      callee(functionDecl(hasAnyName("proven", "unproven")).bind("marker")),
      hasArgument(
          0, ignoringImplicit(anyOf(Access, memberExpr(hasObjectExpression(
                                                ignoringImplicit(Access)))))),
      hasAncestor(functionDecl(isDefinition()).bind("func")));
  std::set<const Expr *> Seen;
  for (const BoundNodes &Node : match(findAll(Marked), Ctx)) {
    const auto *Func = Node.getNodeAs<FunctionDecl>("func");
    const auto *E = Node.getNodeAs<Expr>("access");
    if (!Seen.insert(E).second)
      continue;
    const Expr *Object =
        isa<CXXMemberCallExpr>(E)
            ? cast<CXXMemberCallExpr>(E)->getImplicitObjectArgument()
            : cast<CXXOperatorCallExpr>(E)->getArg(0);
    GuardedAccessProver Prover(*Func);
    bool Expected =
        Node.getNodeAs<FunctionDecl>("marker")->getName() == "proven";
    (Expected ? Result.Proven : Result.Unproven)++;
    if (Prover.isGuarded(*E, *Object) != Expected)
      Result.Wrong.push_back(
          E->getBeginLoc().printToString(Ctx.getSourceManager()));
  }
  return Result;
}

void expectAll(const std::string &Code, unsigned Proven, unsigned Unproven) {
  Outcome Result = run(Code);
  EXPECT_TRUE(Result.Wrong.empty())
      << "wrong at: " << testing::PrintToString(Result.Wrong);
  EXPECT_EQ(Result.Proven, Proven);
  EXPECT_EQ(Result.Unproven, Unproven);
}

TEST(GuardedAccess, BranchesOnTheTest) {
  expectAll(R"cpp(
int f(bool b) {
  std::optional<int> v = lookup();
  if (v) proven(*v);
  if (v.has_value()) proven(v.value());
  if (!v) {} else proven(*v);
  if (v != std::nullopt) proven(*v);
  if (v == std::nullopt) {} else proven(*v);
  if (b && v) proven(*v);
  int x = v ? proven(*v) : 0;
  bool y = v && proven(*v) > 0;
  bool z = !v || proven(*v) > 0;
  while (v) { proven(*v); break; }
  if (v) { if (b) { for (;;) proven(*v); } }
  if (v || b) unproven(*v);
  if (!v) unproven(*v);
  if (v) {} unproven(*v);
  int w = v ? 0 : unproven(*v);
  return x + y + z + w;
}
)cpp",
            11, 4);
}

TEST(GuardedAccess, EarlyExits) {
  expectAll(R"cpp(
int a() { std::optional<int> v = lookup(); if (!v) return 0; return proven(*v); }
int b() { std::optional<int> v = lookup(); if (!v.has_value()) { log(); throw 1; } return proven(*v); }
int c() { std::optional<int> v = lookup(); if (v == std::nullopt) fail(); return proven(*v); }
int d() { std::optional<int> v = lookup(); if (v) {} else return 0; return proven(*v); }
int e() { std::optional<int> v = lookup(); v ? void(0) : fail(); return proven(*v); }
int f() { std::optional<int> v = lookup(); v.has_value() || die(); return proven(*v); }
int g() {
  int n = 0;
  for (int i = 0; i < 3; ++i) { std::optional<int> v = lookup(); if (!v) continue; n += proven(*v); }
  return n;
}
int h() { std::optional<int> v = lookup(); std::optional<int> u = lookup(); if (!v || !u) return 0; return proven(*v) + proven(*u); }
int i() { std::optional<int> v = lookup(); if (!v) log(); return unproven(*v); }
int j() { std::optional<int> v = lookup(); if (!v && ready()) return 0; return unproven(*v); }
int k() { std::optional<int> v = lookup(); if (ready()) { if (!v) return 0; } return unproven(*v); }
int l() { std::optional<int> v = lookup(); int n = unproven(*v); if (!v) return 0; return n; }
)cpp",
            9, 4);
}

TEST(GuardedAccess, ModifiedVariablesAreNotProven) {
  expectAll(R"cpp(
int a() { std::optional<int> v = lookup(); if (v) { v.reset(); return unproven(*v); } return 0; }
int b() { std::optional<int> v = lookup(); if (v) { v = std::nullopt; return unproven(*v); } return 0; }
int c() { std::optional<int> v = lookup(); std::optional<int> &r = v; if (v) { r.reset(); return unproven(*v); } return 0; }
int d() { std::optional<int> v = lookup(); if (v) { take(v); return unproven(*v); } return 0; }
int e() { std::optional<int> v = lookup(); if (v) { [&] { v.reset(); }(); return unproven(*v); } return 0; }
int f() { std::optional<int> v = lookup(); auto *p = &v; if (v) { p->reset(); return unproven(*v); } return 0; }
int g() { std::optional<int> v = lookup(); if (v) { std::optional<int> w = std::move(v); return unproven(*v); } return 0; }
int h() { std::optional<int> v = lookup(); if (v) { peek(v); std::optional<int> w = v; return proven(*v) + *w; } return 0; }
std::optional<int> i() { std::optional<int> v = lookup(); if (!v) return v; return proven(*v); }
)cpp",
            2, 7);
}

// Only a change between the test and the access (or later in a loop that
// reaches the access again) defeats the proof; a change before the test does
// not (inspircd assigns a pointer in two branches, then tests it; a call
// given it by reference before the test). A lambda that captures the
// variable changes it wherever it is called.
TEST(GuardedAccess, OnlyChangesAfterTheTestMatter) {
  expectAll(R"cpp(
int a(bool k) { std::optional<int> v; if (k) v = lookup(); else v = lookup(); if (v) return proven(*v); return 0; }
int b() { std::optional<int> v = lookup(); auto clear = [&] { v.reset(); }; if (v) { clear(); return unproven(*v); } return 0; }
int c(int n) { std::optional<int> v = lookup(); if (!v) return 0; int s = 0; for (int i = 0; i < n; ++i) { s += unproven(*v); v = lookup(); } return s; }
int d() { std::optional<int> v = lookup(); v.reset(); v = lookup(); if (v) return proven(*v); return 0; }
int e() { std::optional<int> v = lookup(); take(v); if (v) return proven(*v); return 0; }
)cpp",
            3, 2);
}

TEST(GuardedAccess, JumpsDefeatTheProof) {
  expectAll(R"cpp(
int a(int k) {
  std::optional<int> v = lookup();
  switch (k) {
  case 0:
    break;
    if (!v) return 0;
  case 1:
    return unproven(*v);
  }
  return 0;
}
int b(int k) {
  std::optional<int> v = lookup();
  switch (k) {
  case 0:
    if (!v) return 0;
    return proven(*v);
  }
  return 0;
}
int c() {
  std::optional<int> v = lookup();
  goto skip;
  if (!v) return 0;
skip:
  return unproven(*v);
}
int d(int k) {
  std::optional<int> v = lookup();
  switch (k) {
  case 0:
    if (v) {
  case 1:
      return unproven(*v);
    }
  }
  return 0;
}
)cpp",
            1, 3);
}

TEST(GuardedAccess, OnlyLocalsOfTheFunction) {
  // A member of `this` is an access path the function may test (RULES.md,
  // revision of 2026-12-01); a non-const reference, a capture or a static
  // is not the function's own.
  expectAll(R"cpp(
struct S {
  std::optional<int> m;
  int a() { if (m) return proven(*m); return 0; }
};
int b(std::optional<int> &r) { if (r) return unproven(*r); return 0; }
int c(std::optional<int> p) { if (p) return proven(*p); return 0; }
int d() {
  std::optional<int> v = lookup();
  if (v) return [v]() mutable { return unproven(*v); }();
  return 0;
}
int e() {
  static std::optional<int> s = lookup();
  if (s) return unproven(*s);
  return 0;
}
)cpp",
            2, 3);
}

TEST(GuardedAccess, AccessPathsAccessorsAndAssertions) {
  expectAll(R"cpp(
struct Msg { std::optional<int> id, other; };
struct Holder {
  std::optional<int> x_;
  bool hasX() const { return x_ ? true : false; }
  bool noX() const { return !x_.has_value(); }
  int f(Msg *m, Msg &r) {
    int n = m->id ? proven(*m->id) : 0;
    if (r.id) n += proven(*r.id);
    if (hasX()) n += proven(*x_);
    if (this->hasX()) n += proven(*this->x_);
    if (!noX()) n += proven(*x_);
    if (m->id) n += unproven(*m->other);
    if (hasX()) n += unproven(*m->id);
    return n;
  }
  int g(Msg *m) {
    if (!m->id) return 0;
    m->id.reset();
    return unproven(*m->id);
  }
};
)cpp",
            5, 3);
}

} // namespace
