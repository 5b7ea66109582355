//===--- LogSinks.cpp - the catalogue of logging and console APIs ---------===//

#include "LogSinks.h"
#include "CheckUtils.h"
#include "SecretUtils.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Lex/Lexer.h"
#include "llvm/Support/Regex.h"

using namespace clang;

namespace prodready {

//===--- The catalogue ----------------------------------------------------===//

namespace {

/// Namespaces and classes whose every function is a logging API.
constexpr llvm::StringLiteral LoggingLibraryPrefixes[] = {
    "spdlog::",     "google::", "absl::log_internal::",
    "boost::log::", "fmt::",    "folly::Logger"};

/// Classes whose objects are log streams or produce them (the `<<` base of
/// glog, absl, Boost.Log, Qt, log4cxx, easylogging++, plog, folly, loguru).
const std::vector<std::string> &logStreamClasses() {
  static const std::vector<std::string> Names = {
      "google::LogMessage",
      "google::NullStream",
      "absl::log_internal::LogMessage",
      "boost::log::basic_record_ostream",
      "boost::log::aux::record_pump",
      "QDebug",
      "QMessageLogger",
      "log4cxx::helpers::MessageBuffer",
      "log4cxx::helpers::CharMessageBuffer",
      "el::base::Writer",
      "plog::Record",
      "folly::LogStream",
      "folly::LogStreamProcessor",
      "loguru::StreamLogger"};
  return Names;
}

/// The global console streams of <iostream>.
constexpr llvm::StringLiteral ConsoleStreams[] = {"cout",  "cerr",  "clog",
                                                  "wcout", "wcerr", "wclog"};

/// Level methods of spdlog (free functions and `spdlog::logger` members).
constexpr llvm::StringLiteral SpdlogLevels[] = {
    "trace", "debug", "info", "warn", "error", "critical", "log"};

/// Level methods of Qt's QMessageLogger (what qDebug() & co. expand to).
constexpr llvm::StringLiteral QtLevels[] = {"debug", "info", "warning",
                                            "critical", "fatal"};

/// Qt's logging macros.
constexpr llvm::StringLiteral QtLogMacros[] = {
    "qDebug",  "qInfo",  "qWarning",  "qCritical", "qFatal",
    "qCDebug", "qCInfo", "qCWarning", "qCCritical"};

/// C and POSIX console printers, by the argument their message starts at.
constexpr llvm::StringLiteral ConsolePrintersFromFirst[] = {
    "printf",
    "vprintf",
    "wprintf",
    "vwprintf",
    "puts",
    "perror",
    "warn",
    "warnx",
    "vwarn",
    "vwarnx",
    "OutputDebugStringA",
    "OutputDebugStringW"};
constexpr llvm::StringLiteral ConsolePrintersFromSecond[] = {
    "syslog",
    "vsyslog",
    "err",
    "errx",
    "verr",
    "verrx",
    "sd_journal_print",
    "__android_log_print",
    "__android_log_write"};
/// Printers to a FILE * given first, and writers to a FILE * given last.
constexpr llvm::StringLiteral FilePrinters[] = {"fprintf", "vfprintf",
                                                "fwprintf", "vfwprintf"};
constexpr llvm::StringLiteral FilePutters[] = {"fputs", "fputws"};

/// {fmt}, std::print and Abseil printers, to the console or to a stream or
/// FILE * given first.
constexpr llvm::StringLiteral FormattingPrinters[] = {
    "fmt::print",   "fmt::println",        "fmt::vprint",
    "fmt::printf",  "fmt::fprintf",        "std::print",
    "std::println", "std::vprint_unicode", "std::vprint_nonunicode",
    "absl::PrintF", "absl::FPrintF"};

/// Raw (allocation-free) loggers of glog and Abseil.
constexpr llvm::StringLiteral RawLoggers[] = {"google::RawLog__",
                                              "absl::raw_log_internal::RawLog"};

template <typename Range> bool contains(const Range &Names, StringRef Name) {
  for (StringRef N : Names)
    if (N == Name)
      return true;
  return false;
}

bool hasLoggingLibraryPrefix(StringRef Qualified) {
  for (StringRef Prefix : LoggingLibraryPrefixes)
    if (Qualified.starts_with(Prefix))
      return true;
  return false;
}

template <typename Pred>
bool anyClassInHierarchy(const CXXRecordDecl *RD, Pred P, unsigned Depth = 0) {
  if (!RD || Depth > 8)
    return false;
  if (P(RD))
    return true;
  if (!RD->hasDefinition())
    return false;
  for (const CXXBaseSpecifier &Base : RD->getDefinition()->bases())
    if (anyClassInHierarchy(Base.getType()->getAsCXXRecordDecl(), P, Depth + 1))
      return true;
  return false;
}

bool isCOrStdFunction(const FunctionDecl *FD) {
  const DeclContext *DC = FD->getDeclContext()->getRedeclContext();
  if (DC->isTranslationUnit() || DC->isExternCContext())
    return true;
  if (const auto *NS = dyn_cast<NamespaceDecl>(DC))
    return NS->isStdNamespace() ||
           (NS->getName() == "std" && NS->getParent()->isTranslationUnit());
  return false;
}

} // namespace

//===--- Name-only judgements ---------------------------------------------===//

bool isLogFunctionName(StringRef Qualified, StringRef Name,
                       LogNameMatch Match) {
  if (hasLoggingLibraryPrefix(Qualified))
    return true;
  if (Match == LogNameMatch::AnyWord) {
    static const llvm::Regex AnyLogWord(
        "^(printf|fprintf|dprintf|puts|fputs|perror|syslog|vsyslog|print|"
        "println)$"
        "|log|trace|debug|info|warn|error|fatal|critical|notice|print",
        llvm::Regex::IgnoreCase);
    return AnyLogWord.match(Name);
  }
  if (Name == "operator<<")
    return true;
  static const llvm::Regex WholeLogName(
      "^(log|logf|logv|logger|logmessage|v?f?printf|v?sn?printf|"
      "puts|fputs|perror|syslog|print|println|debug|info|warn|"
      "warning|error|trace|fatal|critical|notice)$|^log_|_log$|"
      "^qdebug$|^qinfo$|^qwarning$|^qcritical$");
  static const llvm::Regex CamelLogName("^Log[A-Z_]|[a-z]Log$");
  return WholeLogName.match(Name.lower()) || CamelLogName.match(Name);
}

bool isLoggingCall(const CallExpr *Call, LogNameMatch Match) {
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call))
    if (Op->getOperator() == OO_LessLess)
      return true;
  const FunctionDecl *FD = Call->getDirectCallee();
  StringRef Name = identifierOf(FD);
  if (Name.empty())
    return false;
  return isLogFunctionName(qualifiedName(*FD), Name, Match);
}

//===--- Classes and macros
//-------------------------------------------------===//

bool isLogStreamClass(const CXXRecordDecl *RD) {
  return anyClassInHierarchy(RD, [](const CXXRecordDecl *C) {
    return matchesAnyName(qualifiedName(*C), logStreamClasses());
  });
}

bool isOutputStreamClass(const CXXRecordDecl *RD) {
  return anyClassInHierarchy(RD, [](const CXXRecordDecl *C) {
    StringRef N = C->getName();
    return N == "basic_ios" || N == "basic_ostream" || N == "basic_streambuf" ||
           N == "QTextStream" || N == "QDebug" || isLogStreamClass(C);
  });
}

bool isLogMacroName(StringRef Name,
                    const std::vector<std::string> &LogFunctions) {
  if (Name.empty())
    return false;
  if (contains(QtLogMacros, Name) || matchesAnyName(Name, LogFunctions))
    return true;
  static const llvm::Regex LogMacro(
      "(^|_)[A-Z]{0,3}LOG[A-Z0-9]{0,6}(_|$)|"
      "^(DEBUG|DBG|TRACE|DPRINTF?|DEBUG_?(PRINT|MSG|LOG))$");
  static const llvm::Regex NotLog(
      "LOGIN|LOGON|LOGOUT|LOGOFF|DIALOG|CATALOG|BACKLOG|PROLOG|EPILOG|ANALOG");
  return LogMacro.match(Name) && !NotLog.match(Name);
}

StringRef macroNameAt(SourceLocation Loc, const ASTContext &Ctx) {
  if (!Loc.isMacroID())
    return {};
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation Expansion = SM.getExpansionLoc(Loc);
  return Lexer::getSourceText(CharSourceRange::getTokenRange(Expansion), SM,
                              Ctx.getLangOpts());
}

bool isSpelledByUser(SourceLocation Loc, const SourceManager &SM) {
  while (Loc.isMacroID()) {
    if (!SM.isMacroArgExpansion(Loc))
      return false;
    Loc = SM.getImmediateSpellingLoc(Loc);
  }
  return true;
}

const Expr *streamChainBase(const Expr *E) {
  while (true) {
    E = stripFullValue(E);
    const auto *Op = dyn_cast_or_null<CXXOperatorCallExpr>(E);
    if (!Op || Op->getOperator() != OO_LessLess || Op->getNumArgs() != 2)
      return E;
    E = Op->getArg(0);
  }
}

const CXXRecordDecl *recordThroughPointer(QualType T) {
  if (T.isNull())
    return nullptr;
  T = T.getNonReferenceType();
  if (const auto *Ptr = T->getAs<PointerType>())
    T = Ptr->getPointeeType();
  return T->getAsCXXRecordDecl();
}

//===--- Labels: the literal text before each argument --------------------===//

namespace {

const StringLiteral *narrowLiteral(const Expr *E) {
  E = stripFullValue(E);
  if (const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(E))
    if (Construct->getNumArgs() >= 1)
      E = stripFullValue(Construct->getArg(0));
  const auto *Lit = dyn_cast_or_null<StringLiteral>(E);
  return Lit && Lit->getCharByteWidth() == 1 ? Lit : nullptr;
}

/// The literal text before each conversion of a printf-style (`%s`) or
/// {fmt}-style (`{}`, `{0}`, `{:>8}`) format string, in argument order.
std::vector<std::string> textBeforeConversions(StringRef Format) {
  std::vector<std::string> Texts;
  std::string Text;
  bool Braces = Format.contains("{}") || Format.contains("{:") ||
                llvm::Regex("\\{[0-9]+[}:]").match(Format);
  for (size_t I = 0; I < Format.size(); ++I) {
    char C = Format[I];
    if (Braces) {
      if ((C == '{' || C == '}') && I + 1 < Format.size() &&
          Format[I + 1] == C) {
        Text += C;
        ++I;
        continue;
      }
      if (C != '{') {
        Text += C;
        continue;
      }
      size_t Close = Format.find('}', I);
      if (Close == StringRef::npos)
        break;
      StringRef Index = Format.slice(I + 1, Close).split(':').first;
      unsigned Position = Texts.size();
      if (!Index.empty() && Index.getAsInteger(10, Position))
        Position = Texts.size();
      if (Texts.size() <= Position)
        Texts.resize(Position + 1);
      Texts[Position] = Text;
      Text.clear();
      I = Close;
      continue;
    }
    if (C != '%') {
      Text += C;
      continue;
    }
    if (I + 1 < Format.size() && Format[I + 1] == '%') {
      Text += '%';
      ++I;
      continue;
    }
    // Flags, width, precision and length; a `*` takes an argument of its own.
    size_t J = I + 1;
    for (; J < Format.size(); ++J) {
      char D = Format[J];
      if (D == '*') {
        Texts.push_back("");
        continue;
      }
      if (!llvm::is_contained(StringRef("-+ #0123456789.'hlLqjztI$"), D))
        break;
    }
    Texts.push_back(Text);
    Text.clear();
    I = J;
  }
  return Texts;
}

/// Fills in TextBefore for arguments after a format literal.
void labelFormattedArguments(LogSink &Sink) {
  auto &Args = Sink.Arguments;
  for (size_t I = 0; I < Args.size(); ++I) {
    const StringLiteral *Format = narrowLiteral(Args[I].Value);
    if (!Format)
      continue;
    std::vector<std::string> Texts = textBeforeConversions(Format->getString());
    for (size_t K = 0; K < Texts.size() && I + 1 + K < Args.size(); ++K)
      Args[I + 1 + K].TextBefore = Texts[K];
    return;
  }
}

} // namespace

//===--- Sinks with their arguments
//-----------------------------------------===//

bool LogSinkFinder::isLogStream(const Expr *Base, std::string &Name) const {
  Base = stripFullValue(Base);
  if (!Base)
    return false;
  StringRef Macro = macroNameAt(Base->getBeginLoc(), Ctx);
  bool FromMacroBody =
      !Macro.empty() && !isSpelledByUser(Base->getBeginLoc(), SM);
  auto Found = [&](StringRef What) {
    // Name what the user wrote: the macro (LOG, CHECK, BOOST_LOG_TRIVIAL,
    // qDebug, ...) rather than the class it expands to.
    Name = FromMacroBody ? Macro.str() : What.str();
    return true;
  };
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Base)) {
    StringRef Var = identifierOf(Ref->getDecl());
    if (Ref->getDecl()->isInStdNamespace() && contains(ConsoleStreams, Var))
      return Found(("std::" + Var).str());
  }
  if (const CXXRecordDecl *RD = recordThroughPointer(Base->getType());
      RD && isLogStreamClass(RD))
    return Found(qualifiedName(*RD));
  if (const auto *Call = dyn_cast<CallExpr>(Base)) {
    if (const FunctionDecl *FD = Call->getDirectCallee()) {
      std::string Qualified = qualifiedName(*FD);
      if (matchesAnyName(Qualified, LogFunctions))
        return Found(Qualified);
    }
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
      if (const Expr *Object = Member->getImplicitObjectArgument())
        if (const CXXRecordDecl *RD = recordThroughPointer(Object->getType());
            RD && isLogStreamClass(RD))
          return Found(qualifiedName(*RD));
  }
  // Any other stream obtained from a logging macro (`MY_LOG(INFO) << ...`).
  if (isLogMacroName(Macro, LogFunctions) &&
      !isSpelledByUser(Base->getBeginLoc(), SM) &&
      recordThroughPointer(Base->getType()))
    return Found(Macro);
  return false;
}

bool LogSinkFinder::isConsoleFile(const Expr *E) const {
  E = stripFullValue(E);
  const ValueDecl *D = nullptr;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    D = Ref->getDecl();
  else if (const auto *Member = dyn_cast<MemberExpr>(E))
    D = Member->getMemberDecl();
  StringRef Name = identifierOf(D);
  return Name == "stdout" || Name == "stderr" ||
         Name.contains_insensitive("log");
}

bool LogSinkFinder::isConsoleFd(const Expr *E) const {
  Expr::EvalResult Result;
  if (E->EvaluateAsInt(Result, Ctx))
    return Result.Val.getInt() == 1 || Result.Val.getInt() == 2;
  return isConsoleFile(E);
}

bool LogSinkFinder::collectArguments(const CallExpr *Call,
                                     LogSink &Sink) const {
  auto &Args = Sink.Arguments;
  auto From = [&](unsigned First) {
    for (unsigned I = First, N = Call->getNumArgs(); I < N; ++I)
      Args.push_back({Call->getArg(I), ""});
    return !Args.empty();
  };
  auto Only = [&](unsigned Index) {
    Args.push_back({Call->getArg(Index), ""});
    return true;
  };
  // Stream insertion into a log or console stream.
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call)) {
    if (Op->getOperator() != OO_LessLess || Op->getNumArgs() != 2)
      return false;
    if (!isLogStream(streamChainBase(Op->getArg(0)), Sink.Name))
      return false;
    std::string Before;
    if (const auto *Previous =
            dyn_cast<CXXOperatorCallExpr>(stripFullValue(Op->getArg(0))))
      if (Previous->getOperator() == OO_LessLess && Previous->getNumArgs() == 2)
        if (const StringLiteral *Label = narrowLiteral(Previous->getArg(1)))
          Before = Label->getString().str();
    Args.push_back({Op->getArg(1), Before});
    return true;
  }
  const FunctionDecl *FD = Call->getDirectCallee();
  StringRef Name = identifierOf(FD);
  if (Name.empty())
    return false;
  std::string Qualified = qualifiedName(*FD);
  Sink.Name = Qualified;
  if (matchesAnyName(Qualified, LogFunctions))
    return From(0);

  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call)) {
    const CXXRecordDecl *Class = Member->getMethodDecl()->getParent();
    std::string ClassName = qualifiedName(*Class);
    if (ClassName == "spdlog::logger" && contains(SpdlogLevels, Name))
      return From(0);
    if (ClassName == "QMessageLogger" && contains(QtLevels, Name))
      return From(0);
    std::string Stream;
    if ((Name == "write" || Name == "put") &&
        isLogStream(Member->getImplicitObjectArgument(), Stream)) {
      Sink.Name = Stream + "." + Name.str();
      return From(0);
    }
  } else if (isCOrStdFunction(FD)) {
    Sink.Name = Name.str();
    unsigned N = Call->getNumArgs();
    if (contains(ConsolePrintersFromFirst, Name))
      return From(0);
    if (contains(ConsolePrintersFromSecond, Name))
      return From(1);
    if (contains(FilePrinters, Name))
      return N >= 1 && isConsoleFile(Call->getArg(0)) && From(1);
    if (contains(FilePutters, Name))
      return N == 2 && isConsoleFile(Call->getArg(1)) && From(0);
    if (Name == "fwrite")
      return N == 4 && isConsoleFile(Call->getArg(3)) && Only(0);
    if (Name == "dprintf" || Name == "vdprintf")
      return N >= 1 && isConsoleFd(Call->getArg(0)) && From(1);
    if (Name == "write")
      return N == 3 && isConsoleFd(Call->getArg(0)) && Only(1);
    Sink.Name = Qualified;
  }
  if (FD->getDeclContext()->isNamespace() &&
      StringRef(Qualified).starts_with("spdlog::") &&
      Qualified.rfind("::") == 6 && contains(SpdlogLevels, Name))
    return From(0);
  if (contains(FormattingPrinters, Qualified)) {
    if (Call->getNumArgs() == 0)
      return false;
    QualType First = FD->getParamDecl(0)->getType();
    if (First->isPointerType() && !isStringLikeType(First))
      return isConsoleFile(Call->getArg(0)) && From(1); // FILE *
    if (const CXXRecordDecl *RD = recordThroughPointer(First);
        RD && isOutputStreamClass(RD)) {
      std::string Stream;
      return isLogStream(Call->getArg(0), Stream) && From(1);
    }
    return From(0);
  }
  if (contains(RawLoggers, Qualified))
    return From(0);
  // A printing call made by a logging macro with the user's arguments:
  // `#define LOG_INFO(...) my_log_write(LEVEL_INFO, __VA_ARGS__)`.
  SourceLocation CallLoc = Call->getBeginLoc();
  if (CallLoc.isMacroID() && !isSpelledByUser(CallLoc, SM) &&
      isLogMacroName(macroNameAt(CallLoc, Ctx), LogFunctions)) {
    static const llvm::Regex Printing(
        "log|print|write|out|emit|msg|message|trace|debug|info|warn|err|fatal|"
        "crit|notice",
        llvm::Regex::IgnoreCase);
    if (!Printing.match(Name))
      return false;
    Sink.Name = macroNameAt(CallLoc, Ctx).str();
    for (const Expr *Arg : Call->arguments())
      if (isSpelledByUser(Arg->getBeginLoc(), SM))
        Args.push_back({Arg, ""});
    return !Args.empty();
  }
  return false;
}

std::optional<LogSink> LogSinkFinder::sinkOf(const CallExpr *Call) const {
  LogSink Sink;
  if (!collectArguments(Call, Sink))
    return std::nullopt;
  if (!isa<CXXOperatorCallExpr>(Call)) {
    SourceLocation CallLoc = Call->getBeginLoc();
    if (CallLoc.isMacroID() && !isSpelledByUser(CallLoc, SM))
      if (StringRef Macro = macroNameAt(CallLoc, Ctx); !Macro.empty())
        Sink.Name = Macro.str(); // SPDLOG_INFO rather than spdlog::logger::log
    labelFormattedArguments(Sink);
  }
  return Sink;
}

} // namespace prodready
