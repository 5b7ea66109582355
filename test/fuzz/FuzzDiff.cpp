// libFuzzer target: the unified-diff reader (--diff, --diff-base).
#include "Diff.h"
#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text(reinterpret_cast<const char *>(Data), Size);
  auto Lines = prodready::parseUnifiedDiff(Text, "fuzz.diff");
  if (!Lines)
    llvm::consumeError(Lines.takeError());
  return 0;
}
