//===--- CallSummary.cpp - per-unit call summaries for the driver ---------===//

#include "CallSummary.h"
#include "clang/AST/Decl.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Index/USRGeneration.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/Path.h"

using namespace clang;

namespace prodready {

static bool &requested() {
  static bool On = false;
  return On;
}

static CallSummaries &recorded() {
  static CallSummaries Summaries;
  return Summaries;
}

void requestCallSummaries(bool On) { requested() = On; }
bool callSummariesRequested() { return requested(); }

void recordFunctionSummary(FunctionSummary Summary) {
  recorded().Functions.push_back(std::move(Summary));
}

void recordAsyncCallSite(AsyncCallSite Site) {
  recorded().AsyncCalls.push_back(std::move(Site));
}

void recordParameterSummary(ParameterSummary Summary) {
  recorded().Parameters.push_back(std::move(Summary));
}

void recordSecretArgument(SecretArgumentSite Site) {
  recorded().SecretArguments.push_back(std::move(Site));
}

CallSummaries takeCallSummaries() {
  CallSummaries Result;
  std::swap(Result, recorded());
  return Result;
}

static std::string absoluteName(const SourceManager &SM, FileID File) {
  OptionalFileEntryRef Entry = SM.getFileEntryRefForID(File);
  if (!Entry)
    return "";
  llvm::SmallString<256> Path(Entry->getName());
  SM.getFileManager().makeAbsolutePath(Path);
  llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
  return std::string(Path);
}

std::string summaryKey(const FunctionDecl &FD, const SourceManager &SM) {
  llvm::SmallString<128> USR;
  if (index::generateUSRForDecl(&FD, USR))
    return "";
  if (FD.isExternallyVisible())
    return std::string(USR);
  return absoluteName(SM, SM.getMainFileID()) + "|" + std::string(USR);
}

SummaryPoint summaryPoint(SourceLocation Loc, const SourceManager &SM) {
  SummaryPoint P;
  if (Loc.isInvalid())
    return P;
  std::pair<FileID, unsigned> At = SM.getDecomposedLoc(SM.getExpansionLoc(Loc));
  P.File = absoluteName(SM, At.first);
  P.Offset = At.second;
  return P;
}

std::string reachesBlockingMessage(llvm::StringRef Callee,
                                   llvm::StringRef Context,
                                   llvm::StringRef Chain, bool CpuBound) {
  std::string Head =
      ("call to '" + Callee + "' inside " + Context + " reaches ").str();
  if (CpuBound)
    return Head + "CPU-bound work (" + Chain.str() +
           "), which holds the event-loop thread for the whole computation "
           "and starves every other task scheduled on it; run it on a thread "
           "pool and resume when it is done";
  return Head + "a blocking call (" + Chain.str() +
         "), which stalls the event-loop thread and starves every other task "
         "scheduled on it; use an asynchronous client or move the blocking "
         "work to a thread pool";
}

std::string pathStepNote(llvm::StringRef Caller, llvm::StringRef Callee,
                         bool Last) {
  if (Last)
    return ("'" + Caller + "' makes the blocking call to '" + Callee + "' here")
        .str();
  return ("'" + Caller + "' calls '" + Callee + "' here").str();
}

std::string asyncContextNote(llvm::StringRef Context) {
  return ("async context: " + Context).str();
}

} // namespace prodready
