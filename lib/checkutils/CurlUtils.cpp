//===--- CurlUtils.cpp - recognising libcurl calls ------------------------===//

#include "CurlUtils.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace prodready {

StatementMatcher curlEasySetoptCall() {
  return callExpr(callee(functionDecl(hasName("::curl_easy_setopt"))),
                  argumentCountIs(3));
}

static const EnumDecl *enumOf(QualType T) {
  const auto *Enum = T->getAs<EnumType>();
  return Enum ? Enum->getDecl() : nullptr;
}

static StringRef enumeratorFor(const Expr *E, const EnumDecl *Hint, int Depth) {
  if (!E || Depth > 4)
    return {};
  E = E->IgnoreParenImpCasts();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *Enumerator = dyn_cast<EnumConstantDecl>(Ref->getDecl()))
      return Enumerator->getName();
    // curl's type-checking macro copies the option into `CURLoption
    // _curl_opt = (option);` before the call; users sometimes keep options in
    // const locals. Follow such initializers.
    if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl())) {
      if (Var->hasLocalStorage() && Var->getInit() &&
          (Var->getType().isConstQualified() ||
           Var->getName().starts_with("_curl_")))
        return enumeratorFor(
            Var->getInit(),
            enumOf(Var->getType()) ? enumOf(Var->getType()) : Hint, Depth + 1);
    }
  }
  // An integer constant of enum type (e.g. a cast, or in C a conditional
  // whose type is int): find the enumerator.
  const EnumDecl *Decl = enumOf(E->getType());
  if (!Decl)
    Decl = Hint;
  if (!Decl || E->isValueDependent() ||
      !E->getType()->isIntegralOrEnumerationType())
    return {};
  Expr::EvalResult Value;
  if (!E->EvaluateAsInt(Value, Decl->getASTContext()))
    return {};
  for (const EnumConstantDecl *Enumerator : Decl->enumerators())
    if (llvm::APSInt::isSameValue(Enumerator->getInitVal(), Value.Val.getInt()))
      return Enumerator->getName();
  return {};
}

StringRef curlOptionName(const Expr *Option) {
  return enumeratorFor(Option, nullptr, 0);
}

std::optional<CurlSetopt> getCurlSetopt(const CallExpr &Call) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee || Call.getNumArgs() != 3 ||
      !Callee->getDeclName().isIdentifier() ||
      Callee->getName() != "curl_easy_setopt")
    return std::nullopt;
  CurlSetopt Result;
  Result.Call = &Call;
  Result.Handle = Call.getArg(0)->IgnoreParenImpCasts();
  Result.Option = curlOptionName(Call.getArg(1));
  Result.Value = Call.getArg(2)->IgnoreParens();
  return Result;
}

} // namespace prodready
