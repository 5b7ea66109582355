// libFuzzer target: the SARIF reader (merge, report, SARIF baselines) and
// the unit-result reader (cache entries, worker results).
#include "Finding.h"
#include "Sarif.h"
#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text(reinterpret_cast<const char *>(Data), Size);
  std::string Root;
  auto Log = prodready::readSarif(Text, "fuzz.sarif", Root);
  if (!Log)
    llvm::consumeError(Log.takeError());
  nlohmann::json J =
      nlohmann::json::parse(Text.begin(), Text.end(), nullptr, false);
  if (!J.is_discarded()) {
    prodready::UnitResult U;
    (void)prodready::fromJson(J, U);
  }
  return 0;
}
