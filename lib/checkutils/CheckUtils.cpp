//===--- CheckUtils.cpp - helpers shared by prodready checks -------------===//

#include "CheckUtils.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/PrettyPrinter.h"

namespace prodready {

std::vector<std::string> splitList(llvm::StringRef Value) {
  std::vector<std::string> Items;
  while (!Value.empty()) {
    size_t Sep = Value.find_first_of(";,");
    llvm::StringRef Part = Value.take_front(Sep).trim();
    if (!Part.empty())
      Items.push_back(Part.str());
    Value = Sep == llvm::StringRef::npos ? llvm::StringRef()
                                         : Value.drop_front(Sep + 1);
  }
  return Items;
}

std::string joinList(const std::vector<std::string> &Items) {
  std::string Result;
  for (const std::string &Item : Items) {
    if (!Result.empty())
      Result += ';';
    Result += Item;
  }
  return Result;
}

OptionRegex::OptionRegex(clang::tidy::ClangTidyCheck &Check,
                         llvm::StringRef OptionName, llvm::StringRef Pat,
                         bool IgnoreCase)
    : Pattern(Pat.str()) {
  if (Pattern.empty())
    return;
  auto Flags = IgnoreCase ? llvm::Regex::IgnoreCase : llvm::Regex::NoFlags;
  auto Re = std::make_shared<llvm::Regex>(Pattern, Flags);
  std::string Error;
  if (!Re->isValid(Error)) {
    Check.configurationDiag("invalid regular expression in option '%0': %1")
        << OptionName << Error;
    return;
  }
  Compiled = std::move(Re);
}

bool OptionRegex::match(llvm::StringRef Text) const {
  return Compiled && Compiled->match(Text);
}

clang::SourceLocation reportLocation(clang::SourceLocation Loc,
                                     const clang::SourceManager &SM) {
  return Loc.isMacroID() ? SM.getExpansionLoc(Loc) : Loc;
}

std::string qualifiedName(const clang::NamedDecl &D) {
  clang::PrintingPolicy Policy(D.getASTContext().getLangOpts());
  Policy.SuppressInlineNamespace = true;
  Policy.SuppressUnwrittenScope = true;
  std::string Name;
  llvm::raw_string_ostream OS(Name);
  D.printQualifiedName(OS, Policy);
  return Name;
}

bool matchesAnyName(llvm::StringRef Qualified,
                    const std::vector<std::string> &Names) {
  for (llvm::StringRef Entry : Names) {
    if (Entry.consume_front("regex:")) {
      llvm::Regex Re(("^(" + Entry + ")$").str());
      if (Re.isValid() && Re.match(Qualified))
        return true;
      continue;
    }
    Entry.consume_front("::");
    if (Qualified == Entry)
      return true;
    if (Qualified.size() > Entry.size() + 2 && Qualified.ends_with(Entry) &&
        Qualified.drop_back(Entry.size()).ends_with("::"))
      return true;
  }
  return false;
}

bool neverReturns(const clang::Expr *E) {
  using namespace clang;
  E = E->IgnoreParenImpCasts();
  if (const auto *Cleanups = dyn_cast<ExprWithCleanups>(E))
    E = Cleanups->getSubExpr()->IgnoreParenImpCasts();
  if (isa<CXXThrowExpr>(E))
    return true;
  if (const auto *Call = dyn_cast<CallExpr>(E))
    if (const FunctionDecl *Callee = Call->getDirectCallee())
      return Callee->isNoReturn();
  return false;
}

const clang::Expr *stripValue(const clang::Expr *E) {
  while (E) {
    const clang::Expr *Next = E->IgnoreParenImpCasts();
    if (const auto *Bind = llvm::dyn_cast<clang::CXXBindTemporaryExpr>(Next))
      Next = Bind->getSubExpr();
    if (const auto *Mat = llvm::dyn_cast<clang::MaterializeTemporaryExpr>(Next))
      Next = Mat->getSubExpr();
    if (const auto *Cleanups = llvm::dyn_cast<clang::ExprWithCleanups>(Next))
      Next = Cleanups->getSubExpr();
    if (const auto *Func = llvm::dyn_cast<clang::CXXFunctionalCastExpr>(Next);
        Func && Func->getCastKind() == clang::CK_NoOp)
      Next = Func->getSubExpr();
    if (Next == E)
      return E;
    E = Next;
  }
  return E;
}

const clang::Expr *stripFullValue(const clang::Expr *E) {
  while (E) {
    const clang::Expr *Next = stripValue(E);
    if (const auto *Full = llvm::dyn_cast<clang::FullExpr>(Next))
      Next = Full->getSubExpr();
    if (const auto *Cast = llvm::dyn_cast<clang::ImplicitCastExpr>(Next))
      Next = Cast->getSubExpr();
    if (Next == E)
      return E;
    E = Next;
  }
  return E;
}

llvm::StringRef identifierOf(const clang::NamedDecl *D) {
  if (!D || !D->getDeclName().isIdentifier())
    return {};
  return D->getName();
}

const clang::Stmt *loopBody(const clang::Stmt &Loop) {
  using namespace clang;
  if (const auto *W = dyn_cast<WhileStmt>(&Loop))
    return W->getBody();
  if (const auto *D = dyn_cast<DoStmt>(&Loop))
    return D->getBody();
  if (const auto *F = dyn_cast<ForStmt>(&Loop))
    return F->getBody();
  if (const auto *R = dyn_cast<CXXForRangeStmt>(&Loop))
    return R->getBody();
  return nullptr;
}

const clang::Expr *loopCondition(const clang::Stmt &Loop) {
  using namespace clang;
  if (const auto *W = dyn_cast<WhileStmt>(&Loop))
    return W->getCond();
  if (const auto *D = dyn_cast<DoStmt>(&Loop))
    return D->getCond();
  if (const auto *F = dyn_cast<ForStmt>(&Loop))
    return F->getCond();
  return nullptr;
}

bool anyStmtIn(const clang::Stmt *Root,
               llvm::function_ref<bool(const clang::Stmt &)> Pred) {
  llvm::SmallVector<const clang::Stmt *, 64> Work = {Root};
  while (!Work.empty()) {
    const clang::Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    if (Pred(*S))
      return true;
    llvm::append_range(Work, S->children());
  }
  return false;
}

const clang::Expr *unwrappedPointer(const clang::Expr *E) {
  using namespace clang;
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *Method = Call->getMethodDecl();
    if (Method && Method->getDeclName().isIdentifier() &&
        Method->getName() == "get")
      return Call->getImplicitObjectArgument();
    return nullptr;
  }
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E))
    return Op->getOperator() == OO_Star || Op->getOperator() == OO_Arrow
               ? Op->getArg(0)
               : nullptr;
  if (const auto *Unary = dyn_cast<UnaryOperator>(E))
    return Unary->getOpcode() == UO_Deref ? Unary->getSubExpr() : nullptr;
  return nullptr;
}

} // namespace prodready
