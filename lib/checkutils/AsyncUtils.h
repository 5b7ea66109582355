//===--- AsyncUtils.h - helpers for the async/timeout rules -----*- C++ -*-===//
//
// Shared by prodready-blocking-in-async, prodready-missing-timeout and
// prodready-detached-thread: the default lists of blocking functions, a
// callee naming scheme that ignores template arguments, and recognisers for
// Asio names and Asio handler arguments.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_LIB_CHECKUTILS_ASYNCUTILS_H
#define PRODREADY_LIB_CHECKUTILS_ASYNCUTILS_H

#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace prodready {

/// The default `BlockingFunctions` of prodready-blocking-in-async (RULES.md):
/// qualified names as produced by qualifiedNameWithoutTemplateArgs(). An entry
/// without `::` names a C function in the global namespace; an entry with `::`
/// matches a name equal to it or ending in `::` + entry; `regex:` entries are
/// regular expressions.
llvm::StringRef defaultBlockingFunctions();

/// Mutex acquisition, reported only with `ReportMutexLocks`.
llvm::StringRef defaultMutexLockFunctions();

/// Classes whose construction blocks (a libpqxx connection connects; a file
/// stream opened with a path opens the file), in the syntax of
/// matchesAnyName() applied to the fully qualified type.
llvm::StringRef defaultBlockingConstructors();

/// CPU-heavy primitives (password hashing: libsodium crypto_pwhash*,
/// OpenSSL PBKDF2/scrypt, bcrypt, argon2) that hold a thread for tens to
/// hundreds of milliseconds.
llvm::StringRef defaultCpuBoundFunctions();

/// Whether \p Callee is a synchronous gRPC stub method: a method of a class
/// named `Stub`/`*Stub` taking a `grpc::ClientContext*` first and returning
/// `grpc::Status`.
bool isSyncGrpcStubCall(const clang::FunctionDecl &Callee);

/// The qualified name of a callee with every template argument dropped and
/// inline namespaces suppressed, e.g. "std::future::get",
/// "boost::asio::basic_stream_socket::read_some", "::sleep" is "sleep".
std::string qualifiedNameWithoutTemplateArgs(const clang::FunctionDecl &FD);

/// The qualified name of a record without template arguments.
std::string recordName(const clang::CXXRecordDecl &RD);

/// Whether \p FD matches one entry of \p Names (see defaultBlockingFunctions
/// for the entry syntax).
bool matchesFunctionList(const clang::FunctionDecl &FD,
                         const std::vector<std::string> &Names);

/// Like matchesFunctionList for the callee of \p Call; a member function is
/// also matched under the class of the object it is called on, so that
/// `std::future<int>::wait` matches although libstdc++ declares it in a base.
bool matchesCallList(const clang::CallExpr &Call,
                     const clang::FunctionDecl &Callee,
                     const std::vector<std::string> &Names);

/// The name to show for the callee of \p Call:
/// qualifiedNameWithoutTemplateArgs(), but for a member function the class of
/// the object it is called on ("std::future::wait").
std::string callDisplayName(const clang::CallExpr &Call,
                            const clang::FunctionDecl &Callee);

/// Whether the qualified name lies in Boost.Asio, standalone Asio or Beast.
bool isAsioName(llvm::StringRef Qualified);

/// The function-like declarations an expression passed as a handler denotes:
/// a lambda's call operator, a named function or member function (`f`, `&f`,
/// `&C::m`), the call operators of a function object of a project class, seen
/// through local variables initialised with one, std::function, and binders
/// and executor wrappers (`std::bind`, `bind_front_handler`, `bind_executor`,
/// `strand.wrap`, `consign`, ...).
void collectHandlerCallables(
    const clang::Expr *E,
    llvm::SmallVectorImpl<const clang::FunctionDecl *> &Out, int Depth = 0);

/// Whether \p E is a constant zero duration or count: `0`, `0s`, `0ms`,
/// `std::chrono::seconds(0)`, `std::chrono::milliseconds{0}`.
bool isZeroDuration(const clang::Expr *E, const clang::ASTContext &Ctx);

/// The variable or member a call works on: the object of a member call, or
/// the first argument of a free stream function (`boost::asio::read(sock,
/// ...)`); null when it is not a named object.
const clang::ValueDecl *callObjectDecl(const clang::CallExpr &Call);

/// The sockets of the unit's own code switched to non-blocking mode
/// (`s.non_blocking(true)`, also through a reference that picks one of two
/// members): their sends and receives return at once.
void collectNonBlockingSockets(clang::ASTContext &Ctx,
                               llvm::DenseSet<const clang::ValueDecl *> &Out);

/// Whether the read or receive \p Call (a member call on a stream or socket,
/// or a free `read(stream, ...)`) only takes bytes the stream already holds:
/// \p Body asks the same stream's `available()` before it (i2pd's "read the
/// rest at once if it has arrived"). Such a read returns without waiting.
bool readsOnlyAvailableBytes(const clang::CallExpr &Call,
                             const clang::FunctionDecl &Callee,
                             const clang::Stmt *Body,
                             const clang::SourceManager &SM);

/// Whether the `get()` or `wait()` \p Call on a future is known to return at
/// once: \p Body polls the same future with a zero `wait_for`/`wait_until`
/// (or asks `is_ready()`) before it.
bool futureKnownReady(const clang::CallExpr &Call,
                      const clang::FunctionDecl &Callee,
                      const clang::Stmt *Body, const clang::ASTContext &Ctx);

/// The loop statements (for, while, do, range-for) whose body encloses \p S
/// within the same function or lambda, innermost first.
llvm::SmallVector<const clang::Stmt *, 4>
enclosingLoops(const clang::Stmt &S, clang::ASTContext &Ctx);

/// Whether a loop's iteration count is bounded: a range-for, or a loop whose
/// condition compares an integer variable that the loop increments or
/// decrements (a counting loop).
bool isBoundedLoop(const clang::Stmt &Loop);

} // namespace prodready

#endif // PRODREADY_LIB_CHECKUTILS_ASYNCUTILS_H
