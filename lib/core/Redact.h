//===--- Redact.h - no detected credential leaves the process ---*- C++ -*-===//
//
// One redaction step for free text that leaves a worker or the driver:
// compiler messages, notes, crash output and source lines shown under
// findings. It knows the credential literals detected in the unit (exact
// strings) and recognises well-known credential formats on its own.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_LIB_CORE_REDACT_H
#define PRODREADY_LIB_CORE_REDACT_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace prodready {

/// \p Text with every string of \p Known and every credential in a
/// well-known format replaced by "[REDACTED]": AWS access key ids, GitHub
/// and Slack tokens, JWTs, PEM private keys (marker to end marker), the
/// password of a `scheme://user:password@` URL, and the value assigned to
/// a password/secret/token/api-key name (`password=...`, `-DTOKEN="..."`).
std::string redactCredentials(llvm::StringRef Text,
                              llvm::ArrayRef<std::string> Known = {});

/// Whether redactCredentials would change \p Text.
bool containsCredential(llvm::StringRef Text, llvm::ArrayRef<std::string> Known = {});

/// The contents of the string literals on \p Line (at least 6 characters):
/// the candidates for the exact strings to redact on a line where a
/// credential was detected.
std::vector<std::string> stringLiteralsOn(llvm::StringRef Line);

} // namespace prodready

#endif // PRODREADY_LIB_CORE_REDACT_H
