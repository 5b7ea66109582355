// libFuzzer target: the redaction step every output passes through
// (lib/core/Redact.h). The first line of the input is a known secret, the
// rest free text (a compiler message, crash output, a source line). Beyond
// "no crash": a known secret (6+ characters, not a plain lower-case word,
// no brackets, which the mask itself uses) never survives the redaction,
// and the literal scanner stays inside the text.
#include "Redact.h"
#include "llvm/ADT/STLExtras.h"
#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Input(reinterpret_cast<const char *>(Data), Size);
  auto [Secret, Text] = Input.split('\n');
  std::vector<std::string> Known{Secret.str()};
  std::string Out = prodready::redactCredentials(Text, Known);
  bool PlainWord = Secret.size() <= 10 && llvm::all_of(Secret, [](char C) {
                     return C >= 'a' && C <= 'z';
                   });
  if (Secret.size() >= 6 && !PlainWord && !Secret.contains('[') &&
      !Secret.contains(']') && llvm::StringRef(Out).contains(Secret))
    abort();
  (void)prodready::containsCredential(Text);
  (void)prodready::stringLiteralsOn(Text);
  for (size_t Offset : {size_t(0), Text.size() / 2, Text.size()})
    if (auto Extent = prodready::literalExtentAt(Text, Offset))
      if (Extent->Begin > Extent->End || Extent->End > Text.size())
        abort();
  return 0;
}
