//===--- LspServer.h - `prodready lsp`, a language server --------*- C++
//-*-===//
//
// A Language Server Protocol server over stdio that runs beside clangd (which
// cannot load clang-tidy plugins): it analyses the unsaved text of the open
// C/C++ buffers with the driver's engine (compilation database found as the
// driver finds it, .clang-tidy and NOLINT honoured, each analysis in a forked
// worker process so that a crash or a budget overrun never takes the server
// down), publishes the findings as diagnostics and offers their fix-its as
// code actions.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_LIB_CORE_LSPSERVER_H
#define PRODREADY_LIB_CORE_LSPSERVER_H

#include "Driver.h"
#include <string>

namespace prodready {

struct LspOptions {
  /// -p, --checks, --config, budgets... as for the driver. Without -p, the
  /// database is looked for beside each file: compile_commands.json in its
  /// directory or a parent, or in their build/ subdirectories.
  DriverOptions Driver;
  /// Analyse this long after the last edit (didChange); a save or an open is
  /// analysed at once.
  unsigned DebounceMs = 500;
};

/// Serves LSP on \p InFd / \p OutFd until `exit` or end of input; returns the
/// process exit code (0 after shutdown + exit, 1 otherwise, as LSP asks).
int runLanguageServer(const LspOptions &Opts, int InFd = 0, int OutFd = 1);

} // namespace prodready

#endif // PRODREADY_LIB_CORE_LSPSERVER_H
