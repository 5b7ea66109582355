//===--- LogSinks.h - the catalogue of logging and console APIs -*- C++ -*-===//
//
// The one place that knows which APIs write to a log or to the console:
// the printf family, iostreams, spdlog, glog and Abseil LOG, {fmt} and
// std::print, Boost.Log, Qt, log4cxx/easylogging++/plog/folly/loguru
// streams, logging macros of the project, and the user's `LogFunctions`.
// Every rule that recognises a log call asks here:
//  * secret-in-log needs the exact shape of a sink (which arguments reach
//    the log, and the label written right before each): LogSinkFinder;
//  * unchecked-error ("a completion handler that only logs") and
//    polling-loop / retry-without-backoff ("a loop that only sleeps, reads
//    its state and logs") need a yes/no by name: isLoggingCall() and
//    isLogFunctionName().
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_LIB_CHECKUTILS_LOGSINKS_H
#define PRODREADY_LIB_CHECKUTILS_LOGSINKS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>
#include <vector>

namespace prodready {

//===--- Name-only judgements ---------------------------------------------===//

/// How much of a function's name must say "logging" for isLogFunctionName().
enum class LogNameMatch {
  /// The whole name is a logging verb or a logger's spelling (`log`, `warn`,
  /// `printf`, `log_debug`, `LogError`, `qDebug`): a loop calling anything
  /// else does work, so a name that merely mentions an error is not a log.
  WholeName,
  /// The name contains a logging word anywhere (`report_error`,
  /// `print_info`): a completion handler that calls only such functions
  /// does nothing with the result.
  AnyWord,
};

/// Whether a function called \p Name (qualified: \p Qualified; both the same
/// for a call whose callee is not resolved yet) is a logging or console
/// printing function: a function of a logging library (spdlog, glog, Abseil
/// logging, Boost.Log, {fmt}, folly's Logger) or a name that says so.
bool isLogFunctionName(llvm::StringRef Qualified, llvm::StringRef Name,
                       LogNameMatch Match);

/// Whether \p Call writes to a log or the console judged by its callee's
/// name (isLogFunctionName()); every `<<` counts, since its operands are a
/// message being formatted.
bool isLoggingCall(const clang::CallExpr *Call, LogNameMatch Match);

//===--- Classes and macros
//-------------------------------------------------===//

/// Whether \p RD (or a base) is the stream class of a logging library that
/// `<<` writes into: glog, Abseil, Boost.Log, Qt's QDebug, log4cxx,
/// easylogging++, plog, folly, loguru.
bool isLogStreamClass(const clang::CXXRecordDecl *RD);

/// Whether \p RD (or a base) is an output stream: std::basic_ostream and
/// friends, QTextStream, or a log stream.
bool isOutputStreamClass(const clang::CXXRecordDecl *RD);

/// Whether \p Name is the name of a logging macro: Qt's qDebug family, an
/// entry of \p LogFunctions, or a macro whose name has `LOG` as a word
/// (`LOG`, `VLOG`, `MY_LOG`, `LOG_INFO`) or is `DEBUG`, `TRACE`, `DPRINTF`,
/// ... (not `LOGIN`, `DIALOG`, `CATALOG`, ...).
bool isLogMacroName(llvm::StringRef Name,
                    const std::vector<std::string> &LogFunctions);

/// The name of the outermost macro whose expansion produced \p Loc, or an
/// empty string when \p Loc is not in a macro expansion.
llvm::StringRef macroNameAt(clang::SourceLocation Loc,
                            const clang::ASTContext &Ctx);

/// Whether the user wrote the code at \p Loc: outside any macro, or in a
/// macro argument (not in a macro's body).
bool isSpelledByUser(clang::SourceLocation Loc, const clang::SourceManager &SM);

/// The base of a `a << b << c` chain (`a`).
const clang::Expr *streamChainBase(const clang::Expr *E);

/// The record type \p T names, looking through references and pointers.
const clang::CXXRecordDecl *recordThroughPointer(clang::QualType T);

//===--- Sinks with their arguments
//-----------------------------------------===//

/// One argument a sink writes to the log.
struct LoggedArgument {
  const clang::Expr *Value;
  /// The literal text the sink writes right before this argument: the
  /// format string's text since the previous conversion (`"password=%s"`,
  /// `"token {}"`), or the string literal operand before it in a `<<`
  /// chain. Empty when there is none or it is not known.
  std::string TextBefore;
};

/// A call that writes some of its arguments to a log or the console.
struct LogSink {
  /// What the user wrote: the macro (`LOG`, `SPDLOG_INFO`) or the function
  /// (`printf`, `spdlog::logger::info`, `std::cout`).
  std::string Name;
  llvm::SmallVector<LoggedArgument, 8> Arguments;
};

/// Recognises log and console sinks in one AST.
class LogSinkFinder {
public:
  LogSinkFinder(const clang::ASTContext &Ctx,
                const std::vector<std::string> &LogFunctions)
      : Ctx(Ctx), SM(Ctx.getSourceManager()), LogFunctions(LogFunctions) {}

  /// The sink \p Call is, if it is one.
  std::optional<LogSink> sinkOf(const clang::CallExpr *Call) const;

  /// Whether \p Base (the base of a `<<` chain or the object of `.write()`)
  /// is a log or console stream; \p Name receives its name.
  bool isLogStream(const clang::Expr *Base, std::string &Name) const;

private:
  bool collectArguments(const clang::CallExpr *Call, LogSink &Sink) const;
  bool isConsoleFile(const clang::Expr *E) const;
  bool isConsoleFd(const clang::Expr *E) const;

  const clang::ASTContext &Ctx;
  const clang::SourceManager &SM;
  const std::vector<std::string> &LogFunctions;
};

} // namespace prodready

#endif // PRODREADY_LIB_CHECKUTILS_LOGSINKS_H
