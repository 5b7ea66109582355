//===--- FileIO.h - reading inputs and writing outputs safely ---*- C++ -*-===//
//
// Every file the driver writes (reports, baselines, cache entries, fixed
// sources) is written atomically, and every output path is checked before
// the analysis starts: a long run must neither end in "cannot write" nor
// leave a half-written file behind when it is killed.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_LIB_CORE_FILEIO_H
#define PRODREADY_LIB_CORE_FILEIO_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <string>

namespace prodready {

/// The bytes of \p Path; \p Ok tells whether it could be read.
std::string readFile(llvm::StringRef Path, bool &Ok);

/// Writes \p Contents to \p Path atomically: a temporary file in the same
/// directory, then a rename, so a killed run never leaves a partial file.
/// A device or FIFO is written in place.
llvm::Error writeFileAtomically(llvm::StringRef Path, llvm::StringRef Contents);

/// Whether \p Path can be written the way writeOutput() writes it, checked
/// before the analysis so that a long run does not end in "cannot write".
llvm::Error checkWritable(const std::string &Path);

/// Writes an output: to stdout when \p Path is empty or "-", else
/// atomically to the file.
llvm::Error writeOutput(const std::string &Path, const std::string &Text);

} // namespace prodready

#endif // PRODREADY_LIB_CORE_FILEIO_H
