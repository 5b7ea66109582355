// libFuzzer target: the .clang-tidy front door, as the driver reads a
// configuration file from the analysed tree (or --config-file): the nesting
// bound first, then clang-tidy's YAML configuration reader.
#include "Catalog.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "llvm/Support/MemoryBuffer.h"
#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text(reinterpret_cast<const char *>(Data), Size);
  if (llvm::Error E = prodready::checkNestingDepth(Text, ".clang-tidy")) {
    llvm::consumeError(std::move(E));
    return 0;
  }
  auto Parsed = clang::tidy::parseConfigurationWithDiags(
      llvm::MemoryBufferRef(Text, ".clang-tidy"),
      [](const llvm::SMDiagnostic &) {});
  (void)Parsed;
  return 0;
}
