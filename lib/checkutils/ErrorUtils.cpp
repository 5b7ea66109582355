//===--- ErrorUtils.cpp - helpers for the error-handling rules ------------===//

#include "ErrorUtils.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Regex.h"

using namespace clang;

namespace prodready {

const CXXRecordDecl *recordOf(QualType T) {
  if (T.isNull())
    return nullptr;
  T = T.getNonReferenceType();
  if (const auto *Record = T->getAsCXXRecordDecl())
    return Record;
  // A dependent specialization still names its template.
  if (const auto *Spec = T->getAs<TemplateSpecializationType>())
    if (const auto *TD = Spec->getTemplateName().getAsTemplateDecl())
      return dyn_cast_or_null<CXXRecordDecl>(TD->getTemplatedDecl());
  return nullptr;
}

bool isErrorCodeType(QualType T) {
  const CXXRecordDecl *Record = recordOf(T);
  if (!Record || !Record->getIdentifier() || Record->getName() != "error_code")
    return false;
  std::string Name = qualifiedName(*Record);
  return Name == "std::error_code" || Name == "boost::system::error_code";
}

bool matchesGlob(StringRef Name, StringRef Pattern) {
  if (!Pattern.contains('*'))
    return Name == Pattern;
  size_t Star = Pattern.find('*');
  StringRef Head = Pattern.take_front(Star);
  if (!Name.consume_front(Head))
    return false;
  Pattern = Pattern.drop_front(Star + 1);
  if (Pattern.empty())
    return true;
  for (size_t I = 0; I <= Name.size(); ++I)
    if (matchesGlob(Name.drop_front(I), Pattern))
      return true;
  return false;
}

static bool isHResult(QualType T) {
  while (const auto *Typedef = T->getAs<TypedefType>()) {
    if (Typedef->getDecl()->getName() == "HRESULT")
      return true;
    QualType Next = Typedef->getDecl()->getUnderlyingType();
    if (Next == T)
      break;
    T = Next;
  }
  return false;
}

bool isErrorResultType(QualType T, const OptionRegex &ErrorTypeRegex) {
  if (T.isNull())
    return false;
  if (isHResult(T))
    return true;
  const CXXRecordDecl *Record = recordOf(T);
  if (!Record || !Record->getIdentifier())
    return false;
  static const llvm::StringSet<> Known = {"std::error_code",
                                          "std::error_condition",
                                          "std::expected",
                                          "tl::expected",
                                          "boost::system::error_code",
                                          "boost::system::error_condition",
                                          "absl::Status",
                                          "absl::StatusOr",
                                          "grpc::Status",
                                          "folly::Expected"};
  std::string Name = qualifiedName(*Record);
  if (Known.contains(Name))
    return true;
  if (StringRef(Name).starts_with("boost::outcome_v2::") &&
      Record->getName().ends_with("result"))
    return true;
  // A class with no data and nothing to ask carries no error, whatever its
  // name (inspircd's `Cullable::Result`, a token that makes overrides call
  // their base).
  if (Record->hasDefinition() && Record->isEmpty() &&
      llvm::none_of(Record->methods(), [](const CXXMethodDecl *M) {
        return !M->isImplicit() && !isa<CXXConstructorDecl>(M) &&
               !isa<CXXDestructorDecl>(M);
      }))
    return false;
  return ErrorTypeRegex.match(Record->getName());
}

llvm::SmallVector<std::string, 4> identifierWords(StringRef Name) {
  llvm::SmallVector<std::string, 4> Words;
  std::string Word;
  auto Flush = [&] {
    if (!Word.empty())
      Words.push_back(llvm::StringRef(Word).lower());
    Word.clear();
  };
  for (size_t I = 0; I < Name.size(); ++I) {
    char C = Name[I];
    if (!llvm::isAlnum(C)) {
      Flush();
      continue;
    }
    if (!Word.empty()) {
      char Prev = Word.back();
      bool Boundary =
          (llvm::isDigit(C) != llvm::isDigit(Prev)) ||
          (llvm::isUpper(C) && llvm::isLower(Prev)) ||
          // The last capital of an acronym starts the next word: HTTPStatus.
          (llvm::isUpper(C) && llvm::isUpper(Prev) && I + 1 < Name.size() &&
           llvm::isLower(Name[I + 1]));
      if (Boundary)
        Flush();
    }
    Word.push_back(C);
  }
  Flush();
  return Words;
}

namespace {
// How an enumerator reads: as success, as "nothing" (NONE), as an error.
enum class EnumeratorKind { Ok, None, Error, Other };

EnumeratorKind classifyEnumerator(StringRef Name) {
  auto Words = identifierWords(Name);
  // kOk, kNotFound: the `k` prefix of Google style names.
  if (Words.size() > 1 && Words.front() == "k")
    Words.erase(Words.begin());
  if (Words.empty())
    return EnumeratorKind::Other;
  auto Has = [&](StringRef W) { return llvm::is_contained(Words, W); };
  const std::string &Last = Words.back();
  // BINANCE_OK, E_OK, ERR_OK, kStatusOk, RESULT_SUCCESS, NoError,
  // ERROR_NONE, S_OK.
  if (Last == "ok" || Last == "success" || Last == "succeeded" ||
      Last == "noerror" || Last == "noerr" ||
      (Words.size() >= 2 && Words[Words.size() - 2] == "no" &&
       (Last == "error" || Last == "err")) ||
      (Words.size() >= 2 && (Has("error") || Has("err")) && Last == "none"))
    return EnumeratorKind::Ok;
  if (Words.size() == 1 && Last == "none")
    return EnumeratorKind::None;
  static const llvm::StringSet<> ErrorWords = {
      "error",     "errors",      "err",      "fail",        "failed",
      "failure",   "invalid",     "timeout",  "timedout",    "refused",
      "denied",    "unavailable", "abort",    "aborted",     "corrupt",
      "corrupted", "corruption",  "overflow", "unsupported", "illegal",
      "bad",       "exceeded",    "missing",  "nomem",       "oom",
      "cannot",    "unable",      "rejected", "forbidden",   "unauthorized",
      "notfound",  "exception",   "fatal",    "broken",      "unreachable"};
  for (const std::string &W : Words)
    if (ErrorWords.contains(W))
      return EnumeratorKind::Error;
  for (size_t I = 0; I + 1 < Words.size(); ++I)
    if ((Words[I] == "not" &&
         (Words[I + 1] == "found" || Words[I + 1] == "connected" ||
          Words[I + 1] == "supported" || Words[I + 1] == "allowed")) ||
        (Words[I] == "no" &&
         (Words[I + 1] == "memory" || Words[I + 1] == "space" ||
          Words[I + 1] == "connection" || Words[I + 1] == "permission")) ||
        (Words[I] == "timed" && Words[I + 1] == "out"))
      return EnumeratorKind::Error;
  return EnumeratorKind::Other;
}

// Which error words an enum's (or its typedef's) name holds.
struct EnumNameKind {
  bool SaysError = false;
  bool SaysStatus = false; // status, result, return code
  bool SaysResult = false; // result, return code: an outcome, not a state
};

void classifyEnumName(StringRef Name, EnumNameKind &Kind) {
  auto Words = identifierWords(Name);
  for (size_t I = 0; I < Words.size(); ++I) {
    StringRef W = Words[I];
    if (W == "error" || W == "errors" || W == "err" || W == "errc" ||
        W == "errcode" || W == "errno" || W == "retcode" || W == "rc")
      Kind.SaysError = true;
    if (W == "result" || W == "results" ||
        (W == "return" && I + 1 < Words.size() && Words[I + 1] == "code"))
      Kind.SaysResult = true;
    if (W == "status" || Kind.SaysResult)
      Kind.SaysStatus = true;
  }
}
} // namespace

bool isErrorEnumType(QualType T) {
  if (T.isNull())
    return false;
  T = T.getNonReferenceType();
  const auto *Enum = T->getAs<EnumType>();
  if (!Enum)
    return false;
  const EnumDecl *ED = Enum->getDecl()->getDefinition();
  if (!ED)
    return false;
  EnumNameKind NameKind;
  classifyEnumName(ED->getName(), NameKind);
  if (const TypedefNameDecl *Typedef = ED->getTypedefNameForAnonDecl())
    classifyEnumName(Typedef->getName(), NameKind);
  // `typedef enum foo_e {...} binanceError_t;` names it through sugar.
  for (QualType Sugar = T;;) {
    const auto *TT = Sugar->getAs<TypedefType>();
    if (!TT)
      break;
    classifyEnumName(TT->getDecl()->getName(), NameKind);
    QualType Next = TT->getDecl()->getUnderlyingType();
    if (Next == Sugar)
      break;
    Sugar = Next;
  }
  if (NameKind.SaysError)
    return true;
  bool HasOk = false, HasNone = false;
  unsigned Errors = 0;
  for (const EnumConstantDecl *C : ED->enumerators()) {
    switch (classifyEnumerator(C->getName())) {
    case EnumeratorKind::Ok:
      HasOk = true;
      break;
    case EnumeratorKind::None:
      HasNone = true;
      break;
    case EnumeratorKind::Error:
      ++Errors;
      break;
    case EnumeratorKind::Other:
      break;
    }
  }
  // A result is an outcome, so its OK value says the others are failures
  // (`ParseResult { Success, Incomplete }`). A status may describe a state:
  // it is an error channel when one of its values is a failure, and
  // uWebSockets' `SendStatus { BACKPRESSURE, SUCCESS, DROPPED }` reports
  // flow control that the library's normal use ignores.
  if (NameKind.SaysResult)
    return HasOk || Errors > 0;
  if (NameKind.SaysStatus)
    return Errors > 0;
  return (HasOk && Errors > 0) || (HasNone && Errors > 1);
}

//===-- Teardown contexts -------------------------------------------------===//

namespace {
bool hasWord(StringRef Name, const llvm::StringSet<> &Words) {
  for (const std::string &W : identifierWords(Name))
    if (Words.contains(W))
      return true;
  return false;
}

} // namespace

bool namesLogger(StringRef Name) {
  // Debug output too: a protocol trace (`verbose_on_frame_recv_callback`),
  // a header dump (`dump_nv`).
  static const llvm::StringSet<> Words = {
      "log",  "logs",  "logger",   "loggers", "logging", "logfile", "syslog",
      "sink", "sinks", "appender", "trace",   "verbose", "dump",    "debug"};
  if (hasWord(Name, Words))
    return true;
  // FileLogger is one word only in lower case: filelogger, filesink.
  std::string Lower = Name.lower();
  return StringRef(Lower).contains("logger") ||
         StringRef(Lower).ends_with("sink");
}

bool namesCleanup(StringRef Name) {
  static const llvm::StringSet<> Words = {
      "close",       "cleanup", "clean",     "teardown",   "tear",
      "shutdown",    "shut",    "stop",      "destroy",    "release",
      "reset",       "dispose", "finish",    "finalize",   "finalise",
      "fini",        "deinit",  "uninit",    "disconnect", "terminate",
      "unload",      "dtor",    "unbind",    "unregister", "deregister",
      "unsubscribe", "unwatch", "invalidate"};
  return hasWord(Name, Words);
}

namespace {

const Expr *strip(const Expr *E) {
  while (true) {
    E = E->IgnoreParenImpCasts();
    if (const auto *Cleanups = dyn_cast<ExprWithCleanups>(E))
      E = Cleanups->getSubExpr();
    else if (const auto *Bind = dyn_cast<CXXBindTemporaryExpr>(E))
      E = Bind->getSubExpr();
    else if (const auto *Mat = dyn_cast<MaterializeTemporaryExpr>(E))
      E = Mat->getSubExpr();
    else if (const auto *Cast = dyn_cast<CXXFunctionalCastExpr>(E))
      E = Cast->getSubExpr();
    else if (const auto *Cast = dyn_cast<CStyleCastExpr>(E))
      E = Cast->getSubExpr();
    else
      return E;
  }
}

// The name of the macro \p E is spelled with, if any.
StringRef macroName(const Expr *E, ASTContext &Ctx) {
  SourceLocation Loc = E->getBeginLoc();
  if (!Loc.isMacroID())
    return "";
  return Lexer::getImmediateMacroName(Loc, Ctx.getSourceManager(),
                                      Ctx.getLangOpts());
}

bool namesError(StringRef Name) {
  if (Name.empty())
    return false;
  auto Kind = classifyEnumerator(Name);
  if (Kind == EnumeratorKind::Error)
    return true;
  static const llvm::StringSet<> Words = {"unexpected", "errno", "ec", "rc",
                                          "ret"};
  return hasWord(Name, Words);
}

bool namesOk(StringRef Name) {
  return !Name.empty() && classifyEnumerator(Name) == EnumeratorKind::Ok;
}

// Whether \p E is an error value being returned: false, a negative number,
// a null pointer, an error enumerator or macro (EXIT_FAILURE, SOCKET_ERROR),
// or a call that builds an error (Status::IOError(), std::unexpected(...)).
bool isErrorValue(const Expr *E, ASTContext &Ctx) {
  if (!E)
    return false;
  if (E->getBeginLoc().isMacroID()) {
    StringRef Macro = macroName(E, Ctx);
    if (classifyEnumerator(Macro) == EnumeratorKind::Error)
      return true;
  }
  if (E->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull) &&
      E->getType()->isAnyPointerType())
    return true;
  E = strip(E);
  if (const auto *Bool = dyn_cast<CXXBoolLiteralExpr>(E))
    return !Bool->getValue();
  if (isa<CXXNullPtrLiteralExpr, GNUNullExpr>(E))
    return true;
  if (const auto *Unary = dyn_cast<UnaryOperator>(E))
    return Unary->getOpcode() == UO_Minus;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    if (isa<EnumConstantDecl>(Ref->getDecl()))
      return classifyEnumerator(Ref->getDecl()->getName()) ==
             EnumeratorKind::Error;
  const NamedDecl *Callee = nullptr;
  if (const auto *Call = dyn_cast<CallExpr>(E))
    Callee = Call->getDirectCallee();
  else if (const auto *Construct = dyn_cast<CXXConstructExpr>(E))
    Callee = Construct->getConstructor()->getParent();
  if (Callee && Callee->getIdentifier()) {
    static const llvm::StringSet<> Words = {"error",   "err",        "fail",
                                            "failure", "unexpected", "invalid"};
    if (hasWord(Callee->getName(), Words))
      return true;
  }
  return false;
}

// Whether `!E` tests for failure: E is a pointer (`!conn`), a call
// (`!SendAll(fd, buf)`, `!s.ok()`), or a name that says success (`!ok`).
// `!done`, `!keep_open` and `!ec` are not failure tests.
bool negatesSuccess(const Expr *E) {
  E = strip(E);
  if (E->getType()->isAnyPointerType())
    return true;
  if (isa<CallExpr>(E))
    return !isErrorCodeType(E->getType());
  const NamedDecl *D = nullptr;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    D = Ref->getDecl();
  else if (const auto *Member = dyn_cast<MemberExpr>(E))
    D = Member->getMemberDecl();
  if (!D || !D->getIdentifier())
    return false;
  static const llvm::StringSet<> Words = {
      "ok",     "success",   "succeeded", "good",       "valid",
      "opened", "connected", "ready",     "initialized"};
  return hasWord(D->getName(), Words);
}

// Whether \p Cond tests for a failure: `x < 0`, `x == -1`, `p == nullptr`,
// `!x`, `rc != 0`, `rc != SQLITE_OK`, `if (ec)`, `if (err)`, `s.failed()`.
bool testsFailure(const Expr *Cond, ASTContext &Ctx) {
  if (!Cond)
    return false;
  Cond = strip(Cond);
  if (const auto *Binary = dyn_cast<BinaryOperator>(Cond)) {
    BinaryOperatorKind Op = Binary->getOpcode();
    if (Op == BO_LOr || Op == BO_LAnd)
      return testsFailure(Binary->getLHS(), Ctx) ||
             testsFailure(Binary->getRHS(), Ctx);
    const Expr *RHS = Binary->getRHS();
    const Expr *StrippedRHS = strip(RHS);
    auto IsZero = [&](const Expr *E) {
      const auto *Lit = dyn_cast<IntegerLiteral>(strip(E));
      return Lit && Lit->getValue() == 0;
    };
    if ((Op == BO_LT || Op == BO_LE) && IsZero(RHS))
      return true;
    if (Op == BO_EQ || Op == BO_NE) {
      if (const auto *Unary = dyn_cast<UnaryOperator>(StrippedRHS);
          Unary && Unary->getOpcode() == UO_Minus)
        return true;
      StringRef Macro = macroName(RHS, Ctx);
      StringRef Enumerator;
      if (const auto *Ref = dyn_cast<DeclRefExpr>(StrippedRHS))
        if (isa<EnumConstantDecl>(Ref->getDecl()))
          Enumerator = Ref->getDecl()->getName();
      if (Op == BO_EQ)
        return RHS->isNullPointerConstant(Ctx,
                                          Expr::NPC_ValueDependentIsNotNull) &&
                   Binary->getLHS()->getType()->isAnyPointerType() ||
               classifyEnumerator(Macro) == EnumeratorKind::Error ||
               classifyEnumerator(Enumerator) == EnumeratorKind::Error;
      return IsZero(RHS) || namesOk(Macro) || namesOk(Enumerator);
    }
    return false;
  }
  if (const auto *Unary = dyn_cast<UnaryOperator>(Cond))
    return Unary->getOpcode() == UO_LNot && negatesSuccess(Unary->getSubExpr());
  // `!stream`; `!ec` on an error_code tests for success.
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Cond))
    return Op->getOperator() == OO_Exclaim && Op->getNumArgs() == 1 &&
           !isErrorCodeType(Op->getArg(0)->getType());
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Cond))
    return isErrorCodeType(Ref->getType()) ||
           namesError(Ref->getDecl()->getName());
  if (const auto *Member = dyn_cast<MemberExpr>(Cond))
    return isErrorCodeType(Member->getType()) ||
           namesError(Member->getMemberDecl()->getName());
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(Cond)) {
    // `if (ec)`: error_code's operator bool.
    if (isa_and_nonnull<CXXConversionDecl>(Call->getMethodDecl()))
      return isErrorCodeType(Call->getImplicitObjectArgument()->getType()) ||
             testsFailure(Call->getImplicitObjectArgument(), Ctx);
  }
  if (const auto *Call = dyn_cast<CallExpr>(Cond))
    if (const FunctionDecl *FD = Call->getDirectCallee();
        FD && FD->getIdentifier()) {
      static const llvm::StringSet<> Words = {"failed", "fail", "error",
                                              "errors", "err"};
      return hasWord(FD->getName(), Words);
    }
  return false;
}

bool isJump(const Stmt *S) {
  return isa<ReturnStmt, GotoStmt, BreakStmt, ContinueStmt>(S) ||
         (isa<Expr>(S) && isa<CXXThrowExpr>(strip(cast<Expr>(S))));
}

// Whether the block \p Block, whose statement \p Inner holds the call, ends
// on an error path.
bool blockEndsInFailure(const CompoundStmt *Block, const IfStmt *Branch,
                        ASTContext &Ctx) {
  if (Block->body_empty())
    return false;
  const Stmt *Tail = Block->body_back();
  while (const auto *Label = dyn_cast<LabelStmt>(Tail))
    Tail = Label->getSubStmt();
  if (!isJump(Tail))
    return false;
  if (isa<GotoStmt>(Tail))
    return true;
  if (const auto *E = dyn_cast<Expr>(Tail); E && isa<CXXThrowExpr>(strip(E)))
    return true;
  if (const auto *Return = dyn_cast<ReturnStmt>(Tail);
      Return && isErrorValue(Return->getRetValue(), Ctx))
    return true;
  return Branch && testsFailure(Branch->getCond(), Ctx);
}

const Stmt *parentStmt(const Stmt *S, ASTContext &Ctx) {
  auto Parents = Ctx.getParents(*S);
  return Parents.empty() ? nullptr : Parents[0].get<Stmt>();
}

// Whether the statement \p S, as written, logs an error: `LOG_ERROR << ...`,
// `LOG_SYSERR << ...`, `LOG(ERROR) << ...`, `perror(...)`,
// `spdlog::error(...)`, `logger->error(...)`.
bool logsError(const Stmt &S, ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation Begin = SM.getExpansionLoc(S.getBeginLoc());
  if (Begin.isInvalid())
    return false;
  bool Invalid = false;
  const char *Data = SM.getCharacterData(Begin, &Invalid);
  if (Invalid || !Data)
    return false;
  StringRef Text(
      Data, std::min<size_t>(64, SM.getBufferData(SM.getFileID(Begin)).size() -
                                     SM.getFileOffset(Begin)));
  Text = Text.take_until([](char C) { return C == ';' || C == '\n'; });
  static const llvm::Regex ErrorLog(
      "^[[:space:]]*([A-Za-z0-9_:.>-]*(LOG|Log|log)_?"
      "(ERROR|Error|error|ERR|SYSERR|FATAL|Fatal|fatal|CRIT[A-Z]*)"
      "([^A-Za-z0-9_]|$)|"
      "(LOG|VLOG|PLOG)[[:space:]]*\\([[:space:]]*(ERROR|FATAL)|"
      "perror[[:space:]]*\\(|"
      "(printf|fprintf|puts|fputs)[[:space:]]*\\([^;]*(error|Error|ERROR|fail|"
      "Fail|FAIL)|"
      "[A-Za-z_][A-Za-z0-9_:]*(::|\\.|->)(error|critical|fatal)[[:space:]]*\\("
      ")");
  return ErrorLog.match(Text);
}

// Whether a statement before \p Cur in \p Block (within its case of a
// switch) logs an error: what follows is that failure's cleanup.
bool followsErrorLog(const CompoundStmt &Block, const Stmt *Cur,
                     ASTContext &Ctx) {
  const auto *It = llvm::find(Block.body(), Cur);
  if (It == Block.body_end())
    return false;
  while (It != Block.body_begin()) {
    --It;
    const Stmt *Before = *It;
    if (isa<SwitchCase>(Before)) {
      // The start of this case (`case 1: case 2: LOG_ERROR << ...;`).
      while (const auto *Case = dyn_cast_or_null<SwitchCase>(Before))
        Before = Case->getSubStmt();
      return Before && logsError(*Before, Ctx);
    }
    if (logsError(*Before, Ctx))
      return true;
  }
  return false;
}

bool isOnErrorPath(const Expr &Call, ASTContext &Ctx) {
  const Stmt *Cur = &Call;
  const IfStmt *Branch = nullptr;
  for (unsigned Depth = 0; Depth < 64; ++Depth) {
    const Stmt *Parent = parentStmt(Cur, Ctx);
    if (!Parent)
      return false;
    if (isa<CXXCatchStmt>(Parent))
      return true;
    if (const auto *If = dyn_cast<IfStmt>(Parent)) {
      if (If->getCond() == Cur || If->getInit() == Cur ||
          If->getConditionVariableDeclStmt() == Cur)
        return false;
      // `if (p < 0) close(fd);`: a one-statement branch that tests failure.
      if (Branch == nullptr && !isa<CompoundStmt>(Cur) &&
          testsFailure(If->getCond(), Ctx) && If->getThen() == Cur)
        return true;
      Branch = If;
      Cur = Parent;
      continue;
    }
    if (const auto *Block = dyn_cast<CompoundStmt>(Parent)) {
      const IfStmt *BlockBranch = nullptr;
      if (const auto *If = dyn_cast_or_null<IfStmt>(parentStmt(Block, Ctx)))
        BlockBranch = If;
      if (blockEndsInFailure(Block, BlockBranch, Ctx) ||
          followsErrorLog(*Block, Cur, Ctx))
        return true;
      // A branch that tests failure and falls through is still the
      // failure's handling only if it is the innermost one.
      Branch = nullptr;
      Cur = Parent;
      continue;
    }
    if (isa<Expr, LabelStmt, AttributedStmt>(Parent)) {
      Cur = Parent;
      continue;
    }
    // A loop, switch or the function body's end: stop.
    return false;
  }
  return false;
}
} // namespace

bool isTeardownFunctionName(StringRef Name) {
  static const llvm::StringSet<> Words = {"cancel", "stop"};
  return namesCleanup(Name) || hasWord(Name, Words);
}

// Whether \p Lambda is handed to a smart pointer as its deleter (a
// constructor argument of std::unique_ptr / std::shared_ptr, or of their
// `reset`) or to a scope guard: code that runs on destruction.
static bool isSmartPointerDeleter(const LambdaExpr &Lambda, ASTContext &Ctx) {
  DynTypedNode Node = DynTypedNode::create(Lambda);
  for (int Guard = 0; Guard < 10; ++Guard) {
    auto Parents = Ctx.getParents(Node);
    if (Parents.size() != 1)
      return false;
    Node = Parents[0];
    const CXXRecordDecl *Owner = nullptr;
    if (const auto *Construct = Node.get<CXXConstructExpr>())
      Owner = Construct->getConstructor()->getParent();
    else if (const auto *Call = Node.get<CXXMemberCallExpr>();
             Call && Call->getMethodDecl() &&
             Call->getMethodDecl()->getIdentifier() &&
             Call->getMethodDecl()->getName() == "reset")
      Owner = Call->getRecordDecl();
    if (Owner) {
      if (!Owner->getIdentifier())
        return false;
      StringRef Name = Owner->getName();
      // The guard usually stores the callable in a std::function first:
      // `ExitCaller del([=] { unlink(path); })`.
      if (Owner->isInStdNamespace() &&
          (Name == "function" || Name == "move_only_function"))
        continue;
      // A scope guard runs its callable from its destructor too
      // (scope_exit, ScopeGuard, handy's ExitCaller, gsl::finally's
      // final_action).
      static const llvm::Regex Guard(
          "^(unique_ptr|shared_ptr|[Ss]cope_?([Ee]xit|[Gg]uard)|"
          "[Ee]xit_?[Cc]aller|final_action|[Ff]inally|[Dd]efer(red)?|"
          "[Cc]leanup(_?[Gg]uard)?|[Oo]n_?[Ss]cope_?[Ee]xit)$");
      return Guard.match(Name);
    }
    if (!Node.get<Expr>())
      return false;
  }
  return false;
}

TeardownContext teardownContext(const Expr &Call, ASTContext &Ctx) {
  // The enclosing functions (through lambdas) and their classes.
  DynTypedNode Node = DynTypedNode::create(Call);
  for (unsigned Depth = 0; Depth < 256; ++Depth) {
    auto Parents = Ctx.getParents(Node);
    if (Parents.empty())
      break;
    Node = Parents[0];
    const auto *D = Node.get<Decl>();
    if (const auto *Lambda = Node.get<LambdaExpr>()) {
      D = Lambda->getCallOperator();
      // A smart pointer's deleter runs when the object is destroyed:
      // `std::unique_ptr<sqlite3_stmt, D>(p, [](auto *s) { finalize(s); })`.
      if (isSmartPointerDeleter(*Lambda, Ctx))
        return TeardownContext::Destructor;
    }
    const auto *FD = dyn_cast_or_null<FunctionDecl>(D);
    if (!FD)
      continue;
    if (isa<CXXDestructorDecl>(FD))
      return TeardownContext::Destructor;
    if (FD->getIdentifier()) {
      if (namesLogger(FD->getName()))
        return TeardownContext::Logger;
      if (namesCleanup(FD->getName()))
        return TeardownContext::CleanupFunction;
    }
    if (const auto *Method = dyn_cast<CXXMethodDecl>(FD)) {
      const CXXRecordDecl *Class = Method->getParent();
      if (Class->getIdentifier() && namesLogger(Class->getName()))
        return TeardownContext::Logger;
    }
    // A lambda's call operator: go on to the function around the lambda.
    if (const auto *Method = dyn_cast<CXXMethodDecl>(FD);
        Method && Method->getParent()->isLambda())
      continue;
    break;
  }
  if (isOnErrorPath(Call, Ctx))
    return TeardownContext::ErrorPath;
  return TeardownContext::None;
}

} // namespace prodready
