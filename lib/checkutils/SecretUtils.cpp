//===--- SecretUtils.cpp - secret-name classification ---------------------===//

#include "SecretUtils.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include <algorithm>

namespace prodready {

bool isSecretName(llvm::StringRef Name, const OptionRegex &Include,
                  const OptionRegex &Exclude) {
  if (Name.empty())
    return false;
  return Include.match(Name) && !Exclude.match(Name);
}

SecretNameOptions::SecretNameOptions(
    clang::tidy::ClangTidyCheck &Check,
    clang::tidy::ClangTidyCheck::OptionsView &Options)
    : IncludePattern(Options.get("SecretNameRegex", DefaultSecretNameRegex)),
      ExcludePattern(
          Options.get("SecretNameExcludeRegex", DefaultSecretNameExcludeRegex)),
      Include(Check, "SecretNameRegex", IncludePattern, /*IgnoreCase=*/true),
      Exclude(Check, "SecretNameExcludeRegex", ExcludePattern,
              /*IgnoreCase=*/true) {}

void SecretNameOptions::store(
    clang::tidy::ClangTidyCheck::OptionsView &Options,
    clang::tidy::ClangTidyOptions::OptionMap &Opts) const {
  Options.store(Opts, "SecretNameRegex", IncludePattern);
  Options.store(Opts, "SecretNameExcludeRegex", ExcludePattern);
}

llvm::StringRef secretLabelAtEnd(llvm::StringRef Text,
                                 const SecretNameOptions &Names) {
  static const llvm::Regex Label(
      "(^|[^A-Za-z0-9_])((pass(word|wd|phrase)?|pwd|secret|token|"
      "api[ _-]?key|apikey|access[ _-]?key|private[ _-]?key|credentials?|"
      "bearer|jwt|cookie|session[ _-]?(id|key)|auth[ _-]?(header|token)|"
      "authorization|client[ _-]?secret))[ \t]*[:=][ \t]*[\"'(<[{]?$",
      llvm::Regex::IgnoreCase);
  llvm::SmallVector<llvm::StringRef, 4> Groups;
  if (!Label.match(Text, &Groups))
    return {};
  llvm::StringRef Word = Groups[2];
  // The words before the label: "CSRF token", "next page token", or prose
  // about a failure, in which the value logged is not the secret.
  llvm::StringRef Before =
      Text.take_front(Word.data() - Text.data()).rtrim(" \t_-");
  llvm::StringRef Previous = Before.substr(Before.find_last_of(" \t") + 1);
  static const llvm::Regex Prose(
      "^(invalid|wrong|bad|incorrect|expired|missing|unknown|empty|no|"
      "failed|mismatched|mismatch)$",
      llvm::Regex::IgnoreCase);
  if (!Previous.empty() && Prose.match(Previous))
    return {};
  std::string Joined = (Previous + "_" + Word).str();
  std::replace(Joined.begin(), Joined.end(), ' ', '_');
  if (Names.isExcluded(Word) || Names.isExcluded(Joined))
    return {};
  return Word;
}

static bool isCharType(clang::QualType T) {
  T = T.getCanonicalType().getUnqualifiedType();
  return T->isAnyCharacterType() && !T->isBooleanType();
}

bool isStringLikeType(clang::QualType T) {
  if (T.isNull())
    return false;
  T = T.getNonReferenceType().getCanonicalType().getUnqualifiedType();
  if (T->isPointerType())
    return isCharType(T->getPointeeType());
  if (const clang::ArrayType *Array = T->getAsArrayTypeUnsafe())
    return isCharType(Array->getElementType());
  const auto *Record = T->getAsCXXRecordDecl();
  if (!Record)
    return false;
  llvm::StringRef Name = Record->getName();
  static constexpr llvm::StringLiteral Known[] = {
      "basic_string", "basic_string_view", "QString",     "QByteArray",
      "QStringView",  "string_view",       "Cord",        "basic_string_ref",
      "string_ref",   "StringRef",         "SecureString"};
  for (llvm::StringRef K : Known)
    if (Name == K)
      return true;
  // std::optional<std::string> and similar wrappers.
  if (const auto *Spec =
          llvm::dyn_cast<clang::ClassTemplateSpecializationDecl>(Record)) {
    if ((Name == "optional" || Name == "Optional") &&
        Spec->getTemplateArgs().size() >= 1 &&
        Spec->getTemplateArgs()[0].getKind() == clang::TemplateArgument::Type)
      return isStringLikeType(Spec->getTemplateArgs()[0].getAsType());
  }
  if (!Record->hasDefinition())
    return false;
  Record = Record->getDefinition();
  for (const clang::CXXMethodDecl *Method : Record->methods())
    if (Method->getDeclName().isIdentifier() && Method->getName() == "c_str")
      return true;
  // c_str() inherited from a base (e.g. a SecureString deriving std::string).
  for (const clang::CXXBaseSpecifier &Base : Record->bases())
    if (isStringLikeType(Base.getType()))
      return true;
  return false;
}

} // namespace prodready
