//===--- FixItUtils.cpp - fix-its only where the rewrite is safe ----------===//

#include "FixItUtils.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace prodready {

std::optional<CharSourceRange> rewritableRange(const Expr &E,
                                               const SourceManager &SM,
                                               const LangOptions &LangOpts) {
  // makeFileCharRange maps a range inside macro arguments, or one that
  // covers whole macro invocations, to the file; anything else (part of a
  // macro's body) comes back invalid.
  CharSourceRange Range = Lexer::makeFileCharRange(
      CharSourceRange::getTokenRange(E.getSourceRange()), SM, LangOpts);
  if (Range.isInvalid() || Range.getBegin().isMacroID() ||
      Range.getEnd().isMacroID())
    return std::nullopt;
  if (SM.getFileID(Range.getBegin()) != SM.getFileID(Range.getEnd()))
    return std::nullopt;
  return Range;
}

std::optional<std::string> writtenText(const Expr &E, const SourceManager &SM,
                                       const LangOptions &LangOpts) {
  std::optional<CharSourceRange> Range = rewritableRange(E, SM, LangOpts);
  if (!Range)
    return std::nullopt;
  bool Invalid = false;
  StringRef Text = Lexer::getSourceText(*Range, SM, LangOpts, &Invalid);
  if (Invalid || Text.empty())
    return std::nullopt;
  return Text.str();
}

std::optional<SourceLocation> rewritableLocation(SourceLocation Loc,
                                                 const SourceManager &SM,
                                                 const LangOptions &LangOpts) {
  if (Loc.isInvalid())
    return std::nullopt;
  if (Loc.isFileID())
    return Loc;
  // The start of a macro invocation written in the file (a statement that
  // begins with a call of curl_easy_perform through a macro) is still a
  // place where text can go.
  SourceLocation Start;
  if (Lexer::isAtStartOfMacroExpansion(Loc, SM, LangOpts, &Start) &&
      Start.isFileID())
    return Start;
  if (SM.isMacroArgExpansion(Loc)) {
    SourceLocation Spelling = SM.getImmediateSpellingLoc(Loc);
    return rewritableLocation(Spelling, SM, LangOpts);
  }
  return std::nullopt;
}

static StringRef lineBefore(SourceLocation Loc, const SourceManager &SM) {
  std::pair<FileID, unsigned> At = SM.getDecomposedLoc(Loc);
  bool Invalid = false;
  StringRef Buffer = SM.getBufferData(At.first, &Invalid);
  if (Invalid || At.second > Buffer.size())
    return {};
  StringRef Before = Buffer.take_front(At.second);
  size_t LineStart = Before.find_last_of("\n\r");
  return LineStart == StringRef::npos ? Before
                                      : Before.drop_front(LineStart + 1);
}

std::string lineIndentation(SourceLocation Loc, const SourceManager &SM) {
  StringRef Line = lineBefore(Loc, SM);
  return Line.take_while([](char C) { return C == ' ' || C == '\t'; }).str();
}

bool startsLine(SourceLocation Loc, const SourceManager &SM) {
  return lineBefore(Loc, SM).trim(" \t").empty();
}

bool isRepeatableHandle(const Expr &E) {
  const Expr *Inner = E.IgnoreParenImpCasts();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Inner))
    return isa<VarDecl>(Ref->getDecl());
  if (isa<CXXThisExpr>(Inner))
    return true;
  if (const auto *Member = dyn_cast<MemberExpr>(Inner))
    return isa<FieldDecl>(Member->getMemberDecl()) &&
           isRepeatableHandle(*Member->getBase());
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(Inner)) {
    const CXXMethodDecl *Method = Call->getMethodDecl();
    return Method && Method->getDeclName().isIdentifier() &&
           Method->getName() == "get" && Call->getNumArgs() == 0 &&
           isRepeatableHandle(*Call->getImplicitObjectArgument());
  }
  return false;
}

} // namespace prodready
