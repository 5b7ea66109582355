//===--- Ansi.h - colours for terminals, as clang uses them -----*- C++ -*-===//
//
// The escape sequences of prodready's coloured output (--color): bold
// locations, magenta warnings, red errors, green carets, as clang prints
// them. Whether to use them is decided once per stream (colorFor).
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_LIB_CORE_ANSI_H
#define PRODREADY_LIB_CORE_ANSI_H

#include "llvm/ADT/StringRef.h"
#include <optional>

namespace prodready {

/// --color: auto (a terminal, and NO_COLOR unset or empty), always, never.
enum class ColorChoice { Auto, Always, Never };

/// "auto", "always" or "never"; nothing for any other text.
std::optional<ColorChoice> parseColorChoice(llvm::StringRef Text);

/// Whether to colour what goes to file descriptor \p Fd: always, never, or
/// (auto) when it is a terminal and NO_COLOR (https://no-color.org) is unset
/// or empty.
bool colorFor(ColorChoice Choice, int Fd);

namespace ansi {
inline constexpr llvm::StringLiteral Reset = "\033[0m";
inline constexpr llvm::StringLiteral Bold = "\033[1m";
inline constexpr llvm::StringLiteral Red = "\033[1;31m";
inline constexpr llvm::StringLiteral Green = "\033[1;32m";
inline constexpr llvm::StringLiteral Magenta = "\033[1;35m";
inline constexpr llvm::StringLiteral Grey = "\033[1;30m";
} // namespace ansi

} // namespace prodready

#endif // PRODREADY_LIB_CORE_ANSI_H
