//===--- CurlUtils.cpp - recognising libcurl calls ------------------------===//

#include "CurlUtils.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace prodready {

StatementMatcher curlEasySetoptCall() {
  return callExpr(
      anyOf(allOf(callee(functionDecl(hasName("::curl_easy_setopt"))),
                  argumentCountIs(3)),
            cxxMemberCallExpr(
                callee(cxxMethodDecl(hasName("setOpt"),
                                     ofClass(hasName("::curlpp::Easy")))),
                argumentCountIs(1))));
}

bool isCurlppEasy(QualType T) {
  T = T.getNonReferenceType();
  if (const auto *Pointer = T->getAs<PointerType>())
    T = Pointer->getPointeeType();
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  return RD && RD->getIdentifier() && RD->getName() == "Easy" &&
         RD->getDeclContext()->isNamespace() &&
         cast<NamespaceDecl>(RD->getDeclContext())->getName() == "curlpp";
}

// The CURLoption a curlpp option class stands for: the second template
// argument of the `curlpp::OptionTrait<T, CURLOPT_...>` it is or derives from
// (`curlpp::options::Timeout` is `OptionTrait<long, CURLOPT_TIMEOUT>`).
static StringRef curlppOptionName(const CXXRecordDecl *RD, int Depth = 0) {
  if (!RD || Depth > 4 || !RD->hasDefinition())
    return {};
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD);
      Spec && Spec->getIdentifier() && Spec->getName() == "OptionTrait" &&
      Spec->getTemplateArgs().size() == 2 &&
      Spec->getTemplateArgs()[1].getKind() == TemplateArgument::Integral) {
    const TemplateArgument &Option = Spec->getTemplateArgs()[1];
    if (const auto *Enum = Option.getIntegralType()->getAs<EnumType>())
      for (const EnumConstantDecl *Constant : Enum->getDecl()->enumerators())
        if (llvm::APSInt::isSameValue(Constant->getInitVal(),
                                      Option.getAsIntegral()))
          return Constant->getName();
    return {};
  }
  for (const CXXBaseSpecifier &Base : RD->bases())
    if (StringRef Name =
            curlppOptionName(Base.getType()->getAsCXXRecordDecl(), Depth + 1);
        !Name.empty())
      return Name;
  return {};
}

// `request.setOpt(new curlpp::options::Timeout(30))`,
// `request.setOpt(Timeout(30))`, `request.setOpt(option)`: the option and the
// value it was constructed with (the option itself when unknown).
static std::optional<CurlSetopt> getCurlppSetopt(const CallExpr &Call) {
  const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call);
  const CXXMethodDecl *Method = Member ? Member->getMethodDecl() : nullptr;
  if (!Method || !Method->getIdentifier() || Method->getName() != "setOpt" ||
      Call.getNumArgs() != 1 ||
      !isCurlppEasy(Member->getImplicitObjectArgument()->getType()))
    return std::nullopt;
  const Expr *Arg = Call.getArg(0)->IgnoreParenImpCasts();
  QualType OptionType = Arg->getType().getNonReferenceType();
  const Expr *Constructed = Arg;
  if (const auto *New = dyn_cast<CXXNewExpr>(Arg)) {
    OptionType = New->getAllocatedType();
    Constructed = New->getConstructExpr();
  } else if (const auto *Pointer = OptionType->getAs<PointerType>()) {
    OptionType = Pointer->getPointeeType();
  }
  if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(
          Constructed ? Constructed->IgnoreParenImpCasts() : nullptr))
    if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
        Var && Var->getInit())
      Constructed = Var->getInit();
  CurlSetopt Result;
  Result.Call = &Call;
  Result.Handle = Member->getImplicitObjectArgument()->IgnoreParenImpCasts();
  Result.Option = curlppOptionName(OptionType->getAsCXXRecordDecl());
  Result.Value = Arg;
  const Expr *Inner = Constructed ? Constructed->IgnoreImplicit() : nullptr;
  if (const auto *Cast = dyn_cast_or_null<CXXFunctionalCastExpr>(Inner))
    Inner = Cast->getSubExpr()->IgnoreImplicit();
  if (const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(Inner);
      Construct && Construct->getNumArgs() >= 1)
    Result.Value = Construct->getArg(0)->IgnoreParens();
  return Result;
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
  if (isa<CXXMemberCallExpr>(Call))
    return getCurlppSetopt(Call);
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
