//===--- DatabaseLoader.h - the compilation database ------------*- C++ -*-===//
//
// Reads compile_commands.json the way clangd does, but byte-safe and
// forgiving: paths that are not UTF-8 survive, a malformed entry costs that
// entry only, relative directories are relative to the database, and files
// missing from it get flags from their neighbours.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_LIB_CORE_DATABASELOADER_H
#define PRODREADY_LIB_CORE_DATABASELOADER_H

#include "DriverOptions.h"
#include "Finding.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/Error.h"
#include <memory>
#include <string>
#include <vector>

namespace prodready {

/// The compilation database the driver uses for \p Opts: -p (BuildPath),
/// the flags after `--`, or ./ and ./build/ of the working directory.
struct LoadedDatabase {
  std::unique_ptr<clang::tooling::CompilationDatabase> DB;
  std::string Directory; // of compile_commands.json, "" for fixed flags
  /// The entries' files as written (absolute): the JSON database's own list
  /// turns a backslash in a file name into a '/'.
  std::vector<std::string> Files;
  /// One warning per entry that was skipped as malformed.
  std::vector<Notification> Problems;
};
llvm::Expected<LoadedDatabase>
loadCompilationDatabase(const DriverOptions &Opts);

/// The driver's default source root: the git root of \p Dir (default: the
/// working directory), or that directory.
std::string defaultSourceRoot(llvm::StringRef Dir = "");

/// The source root of a run: --source-root, or the default.
std::string sourceRootFor(const DriverOptions &Opts);

} // namespace prodready

#endif // PRODREADY_LIB_CORE_DATABASELOADER_H
