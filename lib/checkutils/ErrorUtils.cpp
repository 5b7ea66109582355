//===--- ErrorUtils.cpp - helpers for the error-handling rules ------------===//

#include "ErrorUtils.h"
#include "clang/AST/DeclTemplate.h"
#include "llvm/ADT/StringSet.h"

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
  return ErrorTypeRegex.match(Record->getName());
}

} // namespace prodready
