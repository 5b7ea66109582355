//===--- FileIO.cpp - reading inputs and writing outputs safely -----------===//

#include "FileIO.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <unistd.h>

namespace prodready {

std::string readFile(llvm::StringRef Path, bool &Ok) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path, false, false);
  Ok = static_cast<bool>(Buffer);
  return Ok ? (*Buffer)->getBuffer().str() : std::string();
}

/// Writes \p Contents into an existing special file (a device, a FIFO,
/// /dev/stdout) in place: renaming a temporary file over it would replace
/// the device itself (as root, /dev/null would become a regular file).
static llvm::Error writeInPlace(llvm::StringRef Path,
                                llvm::StringRef Contents) {
  std::error_code EC;
  llvm::raw_fd_ostream OS(Path, EC, llvm::sys::fs::OF_Append);
  if (!EC) {
    OS << Contents;
    OS.flush();
    if (OS.has_error()) {
      EC = OS.error();
      OS.clear_error();
    }
  }
  if (EC)
    return llvm::createStringError(EC, "cannot write '%s': %s",
                                   Path.str().c_str(), EC.message().c_str());
  return llvm::Error::success();
}

llvm::Error writeFileAtomically(llvm::StringRef Path,
                                llvm::StringRef Contents) {
  // Atomic replacement is for regular files and new paths only. A symlink
  // is followed to its target, which is replaced (the link stays a link).
  llvm::SmallString<256> Target(Path);
  llvm::sys::fs::file_status Status;
  if (!llvm::sys::fs::status(Path, Status, /*follow=*/true)) {
    if (Status.type() != llvm::sys::fs::file_type::regular_file)
      return writeInPlace(Path, Contents);
    llvm::SmallString<256> Real;
    if (!llvm::sys::fs::real_path(Path, Real))
      Target = Real;
  }
  Path = Target;
  llvm::SmallString<256> Dir(Path);
  llvm::sys::path::remove_filename(Dir);
  if (Dir.empty())
    Dir = ".";
  llvm::SmallString<256> Model(Dir);
  llvm::sys::path::append(Model, "." + llvm::sys::path::filename(Path).str() +
                                     ".tmp-%%%%%%");
  int FD;
  llvm::SmallString<256> Temp;
  if (std::error_code EC = llvm::sys::fs::createUniqueFile(Model, FD, Temp))
    return llvm::createStringError(EC, "cannot write '%s': %s",
                                   Path.str().c_str(), EC.message().c_str());
  {
    llvm::raw_fd_ostream OS(FD, /*shouldClose=*/true);
    OS << Contents;
    OS.flush();
    if (OS.has_error()) {
      std::error_code EC = OS.error();
      OS.clear_error();
      llvm::sys::fs::remove(Temp);
      return llvm::createStringError(EC, "cannot write '%s': %s",
                                     Path.str().c_str(), EC.message().c_str());
    }
  }
  if (std::error_code EC = llvm::sys::fs::rename(Temp, Path)) {
    llvm::sys::fs::remove(Temp);
    return llvm::createStringError(EC, "cannot write '%s': %s",
                                   Path.str().c_str(), EC.message().c_str());
  }
  return llvm::Error::success();
}

llvm::Error checkWritable(const std::string &Path) {
  if (Path.empty() || Path == "-")
    return llvm::Error::success();
  auto Fail = [&](const std::string &Why) {
    return llvm::createStringError(std::errc::permission_denied,
                                   "cannot write '%s': %s", Path.c_str(),
                                   Why.c_str());
  };
  llvm::SmallString<256> Target(Path);
  llvm::sys::fs::file_status Status;
  if (!llvm::sys::fs::status(Path, Status, /*follow=*/true)) {
    if (Status.type() == llvm::sys::fs::file_type::directory_file)
      return Fail("it is a directory");
    if (Status.type() != llvm::sys::fs::file_type::regular_file)
      return llvm::Error::success(); // a device or FIFO, written in place
    llvm::SmallString<256> Real;
    if (!llvm::sys::fs::real_path(Path, Real))
      Target = Real;
  }
  // The atomic write creates a temporary file next to the target.
  llvm::SmallString<256> Dir(Target);
  llvm::sys::path::remove_filename(Dir);
  if (Dir.empty())
    Dir = ".";
  int FD;
  llvm::SmallString<256> Probe;
  if (std::error_code EC = llvm::sys::fs::createUniqueFile(
          Dir + "/.prodready-probe-%%%%%%", FD, Probe))
    return Fail(EC.message());
  ::close(FD);
  llvm::sys::fs::remove(Probe);
  return llvm::Error::success();
}

llvm::Error writeOutput(const std::string &Path, const std::string &Text) {
  if (Path.empty() || Path == "-") {
    llvm::outs() << Text;
    llvm::outs().flush();
    return llvm::Error::success();
  }
  return writeFileAtomically(Path, Text);
}

} // namespace prodready
