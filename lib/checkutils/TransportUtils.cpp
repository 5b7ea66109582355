//===--- TransportUtils.cpp - helpers for the security checks -------------===//

#include "TransportUtils.h"
#include "CheckUtils.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/StringExtras.h"

using namespace clang;

namespace prodready {

bool isZeroConstant(const Expr *E, const ASTContext &Ctx) {
  if (!E || E->isValueDependent() || E->isTypeDependent())
    return false;
  E = E->IgnoreParens();
  if (E->getType()->isPointerType() || E->getType()->isNullPtrType())
    return E->isNullPointerConstant(const_cast<ASTContext &>(Ctx),
                                    Expr::NPC_ValueDependentIsNotNull) !=
           Expr::NPCK_NotNull;
  if (!E->getType()->isIntegralOrEnumerationType())
    return false;
  Expr::EvalResult Result;
  if (!E->EvaluateAsInt(Result, Ctx))
    return false;
  return Result.Val.getInt().isZero();
}

const StringLiteral *getStringLiteral(const Expr *E) {
  for (int Depth = 0; E && Depth < 8; ++Depth) {
    E = stripValue(E);
    if (const auto *Literal = dyn_cast<StringLiteral>(E))
      return Literal;
    if (const auto *UDL = dyn_cast<UserDefinedLiteral>(E)) {
      // "..."s, "..."sv: the cooked literal is the string.
      if (UDL->getLiteralOperatorKind() == UserDefinedLiteral::LOK_String)
        return dyn_cast_or_null<StringLiteral>(
            UDL->getArg(0)->IgnoreParenImpCasts());
      return nullptr;
    }
    if (const auto *Cast = dyn_cast<CXXFunctionalCastExpr>(E)) {
      E = Cast->getSubExpr();
      continue;
    }
    if (const auto *Cast = dyn_cast<ImplicitCastExpr>(E)) {
      E = Cast->getSubExpr();
      continue;
    }
    if (const auto *Init = dyn_cast<InitListExpr>(E)) {
      if (Init->getNumInits() != 1)
        return nullptr;
      E = Init->getInit(0);
      continue;
    }
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
      // One argument that matters; the rest defaulted (e.g. an allocator).
      if (Construct->getNumArgs() == 0)
        return nullptr;
      for (unsigned I = 1; I < Construct->getNumArgs(); ++I)
        if (!isa<CXXDefaultArgExpr>(Construct->getArg(I)))
          return nullptr;
      E = Construct->getArg(0);
      continue;
    }
    return nullptr;
  }
  return nullptr;
}

std::optional<UrlParts> parseUrl(llvm::StringRef Url) {
  size_t SchemeEnd = Url.find("://");
  if (SchemeEnd == llvm::StringRef::npos || SchemeEnd == 0)
    return std::nullopt;
  UrlParts Parts;
  Parts.Scheme = Url.take_front(SchemeEnd);
  if (!llvm::isAlpha(Parts.Scheme.front()) ||
      !llvm::all_of(Parts.Scheme, [](char C) {
        return llvm::isAlnum(C) || C == '+' || C == '-' || C == '.';
      }))
    return std::nullopt;
  llvm::StringRef Authority = Url.drop_front(SchemeEnd + 3);
  Authority = Authority.take_until([](char C) {
    return C == '/' || C == '?' || C == '#' || llvm::isSpace(C);
  });
  size_t At = Authority.rfind('@');
  if (At != llvm::StringRef::npos) {
    Parts.HasUserInfo = true;
    Parts.UserInfo = Authority.take_front(At);
    Authority = Authority.drop_front(At + 1);
  }
  if (Authority.starts_with("[")) {
    size_t Close = Authority.find(']');
    if (Close == llvm::StringRef::npos)
      return std::nullopt;
    Parts.Host = Authority.slice(1, Close);
    llvm::StringRef Rest = Authority.drop_front(Close + 1);
    if (Rest.consume_front(":"))
      Parts.Port = Rest;
  } else {
    auto [Host, Port] = Authority.split(':');
    Parts.Host = Host;
    Parts.Port = Port;
  }
  return Parts;
}

bool isLoopbackHost(llvm::StringRef Host) {
  std::string Lower = Host.lower();
  llvm::StringRef H(Lower);
  H.consume_back(".");
  if (H == "localhost" || H.ends_with(".localhost") || H == "::1" ||
      H == "0:0:0:0:0:0:0:1")
    return true;
  // 127.0.0.0/8 in dotted-quad form.
  llvm::SmallVector<llvm::StringRef, 4> Octets;
  H.split(Octets, '.');
  if (Octets.size() != 4 || Octets[0] != "127")
    return false;
  for (llvm::StringRef Octet : Octets) {
    unsigned Value;
    if (Octet.getAsInteger(10, Value) || Value > 255)
      return false;
  }
  return true;
}

} // namespace prodready
