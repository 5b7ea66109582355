// libFuzzer target: the checklist catalogue reader (JSON and YAML).
#include "Catalog.h"
#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text(reinterpret_cast<const char *>(Data), Size);
  auto Parsed = prodready::parseChecklist(Text, "fuzz.yaml");
  if (!Parsed)
    llvm::consumeError(Parsed.takeError());
  return 0;
}
