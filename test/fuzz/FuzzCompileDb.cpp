// libFuzzer target: compile database handling: the JSON database reader as
// the driver uses it (with response-file expansion and inference for files
// missing from it; response files through the driver's guarded file
// system, so `@/dev/zero` is refused), and the removal of arguments clang does
// not know.
#include "Analyzer.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text(reinterpret_cast<const char *>(Data), Size);
  std::string Error;
  auto DB = clang::tooling::JSONCompilationDatabase::loadFromBuffer(
      Text, Error, clang::tooling::JSONCommandLineSyntax::AutoDetect);
  if (DB) {
    auto Wrapped = clang::tooling::inferMissingCompileCommands(
        clang::tooling::expandResponseFiles(
            std::move(DB),
            prodready::makeGuardedFileSystem(llvm::vfs::getRealFileSystem(),
                                             nullptr, 1 << 20)));
    for (const std::string &File : Wrapped->getAllFiles())
      for (const auto &Command : Wrapped->getCompileCommands(File))
        (void)prodready::stripUnknownArguments(Command.CommandLine);
    (void)Wrapped->getCompileCommands("/nonexistent/other.cpp");
  }
  // Also treat the input as a raw command line, one argument per line.
  std::vector<std::string> Args = {"clang++"};
  llvm::SmallVector<llvm::StringRef, 16> Lines;
  Text.split(Lines, '\n');
  for (llvm::StringRef L : Lines)
    Args.push_back(L.str());
  (void)prodready::stripUnknownArguments(Args);
  return 0;
}
