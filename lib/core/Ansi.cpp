//===--- Ansi.cpp - when to colour ----------------------------------------===//

#include "Ansi.h"
#include "llvm/Support/Process.h"
#include <cstdlib>
#include <unistd.h>

namespace prodready {

std::optional<ColorChoice> parseColorChoice(llvm::StringRef Text) {
  if (Text == "auto")
    return ColorChoice::Auto;
  if (Text == "always")
    return ColorChoice::Always;
  if (Text == "never")
    return ColorChoice::Never;
  return std::nullopt;
}

bool colorFor(ColorChoice Choice, int Fd) {
  if (Choice != ColorChoice::Auto)
    return Choice == ColorChoice::Always;
  const char *NoColor = std::getenv("NO_COLOR");
  if (NoColor && *NoColor)
    return false;
  return isatty(Fd) && llvm::sys::Process::FileDescriptorHasColors(Fd);
}

} // namespace prodready
