//===--- Redact.h - no detected credential leaves the process ---*- C++ -*-===//
//
// The one redaction step that every byte leaving a worker or the driver
// passes through: the worker applies it to its unit's result before the
// result reaches a temporary file or the cache (knowing the exact
// credentials detected in the unit), and the driver applies it to the
// merged report before any writer (text, SARIF, Markdown, JSON), to the
// notifications it prints on stderr, and to a crashed worker's output
// (which it reads through a pipe, never from a file). Besides the known
// values it recognises well-known credential formats in free text
// (compiler messages, crash output) on its own.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_LIB_CORE_REDACT_H
#define PRODREADY_LIB_CORE_REDACT_H

#include "Finding.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>
#include <vector>

namespace prodready {

struct Report;

/// \p Text with every string of \p Known and every credential in a
/// well-known format replaced by "[REDACTED]": AWS access key ids, GitHub,
/// Slack and Stripe tokens, Google API keys, JWTs, PEM private keys (marker
/// to end marker), `Bearer`/`Basic`/`Authorization:` values, the password
/// of a `scheme://user:password@` URL, and the value assigned to a
/// password/secret/token/api-key name (`password=...`, `-DTOKEN="..."`).
/// Strings of \p Known shorter than 6 characters are left alone, and so
/// are plain lower-case words of at most 10 (placeholders such as "secret"
/// that are also words of the tool's own messages) unless \p CompilerText
/// (a compiler's or a crash's message), where they are masked as whole
/// words.
std::string redactCredentials(llvm::StringRef Text,
                              llvm::ArrayRef<std::string> Known = {},
                              bool CompilerText = false);

/// Whether redactCredentials would change \p Text.
bool containsCredential(llvm::StringRef Text,
                        llvm::ArrayRef<std::string> Known = {});

/// The contents of the string literals on \p Line (at least 6 characters):
/// the candidates for the exact strings to redact on a line where a
/// credential was detected.
std::vector<std::string> stringLiteralsOn(llvm::StringRef Line);

/// The string literal that starts at or after \p Offset of \p Source,
/// before the end of the statement, with the literals adjacent to it
/// (`"-----BEGIN ...\n" "MIIE..."`): where it ends, and the texts a message
/// may quote of it (each piece, and all of them joined, as written and with
/// the simple escapes decoded).
struct LiteralExtent {
  size_t Begin = 0, End = 0;
  std::vector<std::string> Texts;
};
std::optional<LiteralExtent> literalExtentAt(llvm::StringRef Source,
                                             size_t Offset);

/// Redacts every text of \p Result that can leave the worker: the messages
/// of findings and their notes, fix replacement texts and notifications.
void redactUnit(UnitResult &Result, llvm::ArrayRef<std::string> Known);

/// The same for a merged report, just before it is written in any format.
void redactReport(Report &R);

} // namespace prodready

#endif // PRODREADY_LIB_CORE_REDACT_H
