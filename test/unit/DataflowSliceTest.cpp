// Tests of the slice of a body that the dataflow analysis runs on. In each
// function `f`, the targets are the calls to `target()`; the test names the
// first and last line of the expected slice (counted from the snippet's
// first line), or none when the whole body must be analysed.
#include "DataflowSlice.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Tooling/Tooling.h"
#include <gtest/gtest.h>

using namespace clang;
using namespace clang::ast_matchers;
using namespace prodready;

namespace {

const char *Prelude = R"cpp(
namespace std {
template <class T> struct optional {
  optional();
  bool has_value() const;
  T &operator*();
  void reset();
};
}
std::optional<int> lookup();
int target(int);
void log();
int global;
)cpp";

// The lines of the slice of `f` in \p Code: {first, last}, or {0, 0} when
// there is no slice.
std::pair<unsigned, unsigned> sliceOf(const std::string &Code) {
  std::unique_ptr<ASTUnit> AST = tooling::buildASTFromCodeWithArgs(
      std::string(Prelude) + Code, {"-std=c++20", "-fsyntax-only"});
  if (!AST || AST->getDiagnostics().hasErrorOccurred())
    return {~0u, ~0u};
  ASTContext &Ctx = AST->getASTContext();
  const auto *Func = selectFirst<FunctionDecl>(
      "f", match(functionDecl(anyOf(hasName("f"), cxxConstructorDecl()),
                              isDefinition(), unless(isImplicit()))
                     .bind("f"),
                 Ctx));
  std::vector<const Stmt *> Targets;
  for (const BoundNodes &Node : match(
           findAll(callExpr(callee(functionDecl(hasName("target")))).bind("t")),
           *Func->getBody(), Ctx))
    Targets.push_back(Node.getNodeAs<Stmt>("t"));
  const Stmt *Slice = dataflowSlice(*Func, Targets, Ctx);
  if (!Slice)
    return {0, 0};
  const SourceManager &SM = Ctx.getSourceManager();
  unsigned PreludeLines = std::count(Prelude, Prelude + strlen(Prelude), '\n');
  auto Line = [&](SourceLocation Loc) {
    return SM.getSpellingLineNumber(Loc) - PreludeLines;
  };
  return {Line(Slice->getBeginLoc()), Line(Slice->getEndLoc())};
}

using Lines = std::pair<unsigned, unsigned>;

TEST(DataflowSlice, StartsWhereItsVariablesComeIntoPlay) {
  // Line 1 is the function's opening line.
  EXPECT_EQ(sliceOf(R"cpp(int f() {
  int a = 0;
  log();
  std::optional<int> v = lookup();
  log();
  target(*v);
  a += 1;
  return a;
})cpp"),
            Lines(4, 6));
  // Every variable the slice mentions is declared in it, including those
  // only statements between its ends mention.
  EXPECT_EQ(sliceOf(R"cpp(int f() {
  log();
  int n = 0;
  std::optional<int> v = lookup();
  n += 1;
  log();
  return target(*v);
})cpp"),
            Lines(3, 7));
}

TEST(DataflowSlice, SpansAllTargets) {
  EXPECT_EQ(sliceOf(R"cpp(int f() {
  log();
  std::optional<int> v = lookup();
  int n = target(*v);
  std::optional<int> w = lookup();
  n += target(*w);
  log();
  return n;
})cpp"),
            Lines(3, 6));
}

TEST(DataflowSlice, FollowsVariablesTransitively) {
  // b mentions v's guard g; g is set on line 3.
  EXPECT_EQ(sliceOf(R"cpp(int f() {
  log();
  bool g = lookup().has_value();
  int unrelated = 1;
  std::optional<int> v = lookup();
  bool b = g;
  if (b) target(*v);
  return unrelated;
})cpp"),
            Lines(3, 7));
}

TEST(DataflowSlice, KeepsStatementsOnParametersThisAndGlobals) {
  EXPECT_EQ(sliceOf(R"cpp(int f(std::optional<int> &p) {
  if (!p.has_value()) return 0;
  log();
  return target(*p);
})cpp"),
            Lines(0, 0));
  EXPECT_EQ(sliceOf(R"cpp(int f() {
  global = 1;
  log();
  return target(global);
})cpp"),
            Lines(0, 0));
  EXPECT_EQ(sliceOf(R"cpp(struct S { std::optional<int> m; int f(); };
int S::f() {
  if (!m.has_value()) return 0;
  log();
  int x = target(*m);
  return x;
})cpp"),
            Lines(3, 5));
}

TEST(DataflowSlice, AnAliasJoinsWithEverythingAfterIt) {
  EXPECT_EQ(sliceOf(R"cpp(int f() {
  log();
  std::optional<int> v = lookup();
  std::optional<int> &r = v;
  r.reset();
  log();
  return target(*v);
})cpp"),
            Lines(3, 7));
}

TEST(DataflowSlice, NoSliceForJumpsOrTargetsOutsideTheBody) {
  EXPECT_EQ(sliceOf(R"cpp(int f() {
  log();
  std::optional<int> v = lookup();
again:
  if (!v.has_value()) goto again;
  return target(*v);
})cpp"),
            Lines(0, 0));
  EXPECT_EQ(sliceOf(R"cpp(struct S { int x; S(); };
S::S() : x(target(1)) { log(); log(); }
)cpp"),
            Lines(0, 0));
}

} // namespace
