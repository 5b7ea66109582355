//===--- BlockingInAsyncCheck.h - prodready ---------------------*- C++ -*-===//

#ifndef PRODREADY_CHECKS_BLOCKINGINASYNCCHECK_H
#define PRODREADY_CHECKS_BLOCKINGINASYNCCHECK_H

#include "ProdReadyCheck.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace prodready {

/// Finds blocking calls (sleeps, future waits, joins, synchronous I/O, ...)
/// made inside an async context: a C++20 coroutine body, an Asio completion
/// handler or posted work, or the handler of a function listed in
/// `AsyncContextFunctions`.
///
/// For the user-facing documentation see docs/checks/blocking-in-async.md.
class BlockingInAsyncCheck : public ProdReadyCheck {
public:
  BlockingInAsyncCheck(llvm::StringRef Name,
                       clang::tidy::ClangTidyContext *Context);
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void
  check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;
  bool isLanguageVersionSupported(
      const clang::LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }

private:
  /// An async context established by passing a callable to an initiating
  /// function: what it is and where.
  struct HandlerContext {
    std::string Description;
    clang::SourceLocation Loc;
  };
  enum class BlockingKind { None, Blocking, Lock, CpuBound };
  struct BlockingCall {
    const clang::Expr *Call;
    std::string Callee;
    BlockingKind Kind;
  };
  /// A call in the unit to a function defined in the project: reported when
  /// it runs in an async context and reaches a blocking call.
  struct ProjectCall {
    const clang::CallExpr *Call;
    const clang::FunctionDecl *Callee;
  };
  /// One step of a path from a project function to a blocking call: the
  /// call made in \c Caller.
  struct PathStep {
    const clang::Expr *Call;
    std::string Callee;
  };
  /// The shortest path from a function to a blocking call it makes
  /// (directly, or through project functions it calls).
  struct BlockingPath {
    std::vector<PathStep> Steps;
    BlockingKind Kind = BlockingKind::None;
  };
  /// Whether the function around \p S handles would-block results, making
  /// the socket call \p Callee it makes or reaches non-blocking.
  bool nonBlockingSocketCall(const clang::Expr &S, llvm::StringRef Callee);
  const clang::Stmt *bodyAround(const clang::Stmt &S);
  bool handlesWouldBlockIn(const clang::Stmt *Body);
  /// Per function or lambda body: whether it handles would-block results.
  llvm::DenseMap<const clang::Stmt *, bool> WouldBlockHandled;
  /// Sockets the unit switches to non-blocking mode, collected on first need.
  llvm::DenseSet<const clang::ValueDecl *> NonBlockingSockets;
  bool NonBlockingScanned = false;
  struct ContextInfo {
    std::string Description;
    clang::SourceLocation NoteLoc;
    std::string NoteDescription;
  };

  void recordHandlers(const clang::CallExpr &Call,
                      const clang::FunctionDecl &Callee,
                      const clang::SourceManager &SM);
  BlockingKind blockingKind(const clang::CallExpr &Call,
                            const clang::FunctionDecl &Callee);
  bool returnsAtOnce(const clang::CallExpr &Call,
                     const clang::FunctionDecl &Callee);
  bool isBlockingConstruction(const clang::CXXConstructExpr &Construct) const;
  const BlockingPath &pathFrom(const clang::FunctionDecl &FD);
  bool offloadedBefore(const clang::FunctionDecl *FD,
                       const clang::Expr &Call) const;
  void reportPath(const ProjectCall &PC, const BlockingPath &Path,
                  const ContextInfo &Info);
  bool contextOf(const clang::FunctionDecl *FD, const clang::LambdaExpr *Lambda,
                 ContextInfo &Info, int Depth);
  const clang::FunctionDecl *
  enclosingCallable(const clang::Stmt &S, const clang::LambdaExpr *&Lambda);
  bool isCoroutineBody(const clang::Stmt *Body);
  bool isAsyncContextFunction(const clang::FunctionDecl &FD);
  void recordCallSummaries(
      const std::function<const ContextInfo *(const clang::Expr &)>
          &ContextAround,
      const llvm::DenseSet<const clang::CallExpr *> &Reported);
  bool isInvokedIn(const clang::LambdaExpr &Lambda, const clang::Stmt *Body);

  const std::string RawBlockingFunctions;
  const std::string RawBlockingConstructors;
  const std::string RawCpuBoundFunctions;
  const std::string RawAsyncContextFunctions;
  const bool ReportMutexLocks;
  const unsigned MaxCallDepth;
  std::vector<std::string> BlockingFunctions;
  std::vector<std::string> BlockingConstructors;
  std::vector<std::string> CpuBoundFunctions;
  std::vector<std::string> AsyncContextFunctions;
  std::vector<std::string> MutexLockFunctions;

  clang::ASTContext *Ctx = nullptr;
  llvm::DenseMap<const clang::FunctionDecl *, HandlerContext> Handlers;
  std::vector<BlockingCall> Blocking;
  std::vector<ProjectCall> ProjectCalls;
  /// Only when the driver asks for call summaries (CallSummary.h): the
  /// functions the unit defines, and the calls to project functions it only
  /// declares (defined in another unit, perhaps).
  std::vector<const clang::FunctionDecl *> Defined;
  std::vector<ProjectCall> DeclaredCalls;
  /// Paths memoised per function definition; an entry being computed holds
  /// an empty path, which ends recursion.
  std::map<const clang::FunctionDecl *, BlockingPath> Paths;
  /// Where a coroutine moved itself onto a thread pool
  /// (`co_await asio::post(pool, use_awaitable)`): the rest runs there.
  llvm::DenseMap<const clang::FunctionDecl *, clang::SourceLocation> Offloads;
  // Memoised per translation unit so that the check stays linear in the size
  // of a function however many blocking calls it holds.
  llvm::DenseMap<
      std::pair<const clang::FunctionDecl *, const clang::LambdaExpr *>,
      std::optional<ContextInfo>>
      Contexts;
  llvm::DenseMap<const clang::Stmt *, bool> CoroutineBodies;
  llvm::DenseMap<const clang::Stmt *, llvm::DenseSet<const clang::Decl *>>
      CalledVariables;
};

} // namespace prodready

#endif // PRODREADY_CHECKS_BLOCKINGINASYNCCHECK_H
