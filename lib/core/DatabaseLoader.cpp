//===--- DatabaseLoader.cpp - the compilation database --------------------===//

#include "DatabaseLoader.h"
#include "FileIO.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <nlohmann/json.hpp>

using namespace clang;
using nlohmann::json;

namespace prodready {

namespace {

/// nlohmann's parser rejects text that is not UTF-8, but a compilation
/// database holds paths and arguments, which are bytes. Each byte of an
/// invalid sequence travels through parsing as a private-use code point
/// (U+10FF80..U+10FFFF) and is restored afterwards.
std::string hideInvalidUtf8(llvm::StringRef Text) {
  std::string Out;
  Out.reserve(Text.size());
  const auto *P = reinterpret_cast<const llvm::UTF8 *>(Text.begin());
  const auto *End = reinterpret_cast<const llvm::UTF8 *>(Text.end());
  while (P < End) {
    if (*P < 0x80) {
      Out += static_cast<char>(*P++);
      continue;
    }
    unsigned Length = llvm::getNumBytesForUTF8(*P);
    if (Length <= static_cast<size_t>(End - P) &&
        llvm::isLegalUTF8Sequence(P, P + Length)) {
      Out.append(reinterpret_cast<const char *>(P), Length);
      P += Length;
      continue;
    }
    Out += "\xF4\x8F";
    Out += static_cast<char>(0xBE + ((*P >> 6) & 1));
    Out += static_cast<char>(0x80 | (*P & 0x3F));
    ++P;
  }
  return Out;
}

std::string restoreInvalidUtf8(llvm::StringRef Text) {
  std::string Out;
  Out.reserve(Text.size());
  for (size_t I = 0; I < Text.size(); ++I) {
    if (Text[I] == '\xF4' && I + 3 < Text.size() && Text[I + 1] == '\x8F' &&
        (Text[I + 2] == '\xBE' || Text[I + 2] == '\xBF')) {
      unsigned High = static_cast<unsigned char>(Text[I + 2]) - 0xBE;
      unsigned Low = static_cast<unsigned char>(Text[I + 3]) & 0x3F;
      Out += static_cast<char>(0x80 | High << 6 | Low);
      I += 3;
      continue;
    }
    Out += Text[I];
  }
  return Out;
}

/// The directory holding `.git` above \p Dir, or empty.
std::string findGitRoot(llvm::StringRef Dir) {
  llvm::SmallString<256> Cur(Dir);
  while (!Cur.empty()) {
    llvm::SmallString<256> Git(Cur);
    llvm::sys::path::append(Git, ".git");
    if (llvm::sys::fs::exists(Git))
      return std::string(Cur);
    llvm::StringRef Parent = llvm::sys::path::parent_path(Cur);
    if (Parent == Cur)
      break;
    Cur = Parent;
  }
  return "";
}

/// Response files are read by the driver: only regular files, at most this
/// big (`@/dev/zero` would never end, `@fifo` would block).
constexpr uint64_t MaxResponseFileBytes = 16 << 20;

/// What is wrong with one compilation database entry, or "".
std::string entryProblem(const json &Entry) {
  if (!Entry.is_object())
    return "not an object";
  auto IsString = [&](const char *Key) {
    auto It = Entry.find(Key);
    return It != Entry.end() && It->is_string();
  };
  if (!IsString("directory"))
    return "no \"directory\" string";
  if (!IsString("file") || Entry["file"].get<std::string>().empty())
    return "no \"file\" string";
  if (Entry.contains("output") && !IsString("output"))
    return "\"output\" is not a string";
  if (Entry.contains("arguments")) {
    const json &Args = Entry["arguments"];
    if (!Args.is_array() || Args.empty())
      return "\"arguments\" is not a non-empty list";
    for (const json &Arg : Args)
      if (!Arg.is_string())
        return "\"arguments\" holds something other than strings";
    return "";
  }
  if (!IsString("command") ||
      llvm::StringRef(Entry["command"].get<std::string>()).trim().empty())
    return "no \"command\" string or \"arguments\" list";
  return "";
}

} // namespace

llvm::Expected<LoadedDatabase>
loadCompilationDatabase(const DriverOptions &Opts) {
  LoadedDatabase Result;
  std::string Error;
  if (Opts.FixedArgs) {
    Result.DB = tooling::expandResponseFiles(
        std::make_unique<tooling::FixedCompilationDatabase>(".",
                                                            *Opts.FixedArgs),
        makeGuardedFileSystem(llvm::vfs::getRealFileSystem(), nullptr,
                              MaxResponseFileBytes));
    return std::move(Result);
  }
  std::vector<std::string> Candidates;
  if (!Opts.BuildPath.empty())
    Candidates.push_back(Opts.BuildPath);
  else
    Candidates = {".", "build"};
  for (const std::string &Candidate : Candidates) {
    std::string Path = absolutePath(Candidate, "");
    std::string File = Path;
    if (llvm::sys::fs::is_directory(Path))
      File = Path + "/compile_commands.json";
    else if (!Opts.BuildPath.empty() && !llvm::sys::fs::exists(Path))
      return llvm::createStringError(
          std::errc::no_such_file_or_directory,
          "compilation database '%s' does not exist; pass -p <build-dir> (a "
          "directory with compile_commands.json, e.g. from cmake "
          "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON) or give compile flags after "
          "'--'",
          Candidate.c_str());
    if (!llvm::sys::fs::exists(File)) {
      if (!Opts.BuildPath.empty())
        return llvm::createStringError(
            std::errc::no_such_file_or_directory,
            "no compile_commands.json in '%s'; generate one (cmake "
            "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON, or bear -- make) or give "
            "compile flags after '--'",
            Candidate.c_str());
      continue;
    }
    bool Ok;
    std::string Text = readFile(File, Ok);
    if (!Ok)
      return llvm::createStringError(std::errc::io_error, "cannot read '%s'",
                                     File.c_str());
    json Parsed = json::parse(hideInvalidUtf8(Text), nullptr, false);
    if (Parsed.is_discarded() || !Parsed.is_array())
      return llvm::createStringError(
          std::errc::invalid_argument,
          "'%s' is not a valid compilation database (expected a JSON array of "
          "{directory, file, command|arguments} entries)",
          File.c_str());
    // A relative `directory` is relative to the database's own location (as
    // clangd reads it), not to wherever prodready happens to run.
    std::string DbDir(llvm::sys::path::parent_path(File));
    // A malformed entry costs that entry, not the whole database.
    json Usable = json::array();
    std::string FirstProblem;
    for (size_t Index = 0; Index < Parsed.size(); ++Index) {
      const json &Entry = Parsed[Index];
      std::string Problem = entryProblem(Entry);
      if (!Problem.empty()) {
        Problem =
            "entry " + std::to_string(Index) + " (counting from 0): " + Problem;
        if (FirstProblem.empty())
          FirstProblem = Problem;
        Result.Problems.push_back({File, "warning",
                                   Problem + "; that entry is skipped",
                                   "database-entry"});
        continue;
      }
      json Clean = json::object();
      for (const char *Key :
           {"directory", "file", "command", "arguments", "output"})
        if (Entry.contains(Key))
          Clean[Key] = Entry[Key];
      std::string Dir =
          restoreInvalidUtf8(Clean["directory"].get<std::string>());
      if (!llvm::sys::path::is_absolute(Dir))
        Clean["directory"] = hideInvalidUtf8(Dir = absolutePath(Dir, DbDir));
      Result.Files.push_back(absolutePath(
          restoreInvalidUtf8(Clean["file"].get<std::string>()), Dir));
      Usable.push_back(std::move(Clean));
    }
    if (Usable.empty() && !FirstProblem.empty())
      return llvm::createStringError(std::errc::invalid_argument,
                                     "'%s': no usable entry; %s", File.c_str(),
                                     FirstProblem.c_str());
    auto DB = tooling::JSONCompilationDatabase::loadFromBuffer(
        restoreInvalidUtf8(Usable.dump()), Error,
        tooling::JSONCommandLineSyntax::AutoDetect);
    if (!DB)
      return llvm::createStringError(std::errc::invalid_argument, "'%s': %s",
                                     File.c_str(), Error.c_str());
    Result.Directory = std::string(llvm::sys::path::parent_path(File));
    // Files missing from the database get flags from their neighbours, as
    // clangd does.
    Result.DB =
        tooling::inferMissingCompileCommands(tooling::expandResponseFiles(
            std::move(DB),
            makeGuardedFileSystem(llvm::vfs::getRealFileSystem(), nullptr,
                                  MaxResponseFileBytes)));
    return std::move(Result);
  }
  return llvm::createStringError(
      std::errc::no_such_file_or_directory,
      "no compilation database found in '.' or 'build/'; pass -p <build-dir> "
      "or give compile flags after '--'");
}

std::string defaultSourceRoot(llvm::StringRef Dir) {
  llvm::SmallString<256> Start(Dir);
  if (Start.empty())
    llvm::sys::fs::current_path(Start);
  std::string Root = findGitRoot(Start);
  return Root.empty() ? std::string(Start) : Root;
}

std::string sourceRootFor(const DriverOptions &Opts) {
  if (Opts.SourceRoot.empty())
    return defaultSourceRoot();
  return absolutePath(Opts.SourceRoot, "");
}

} // namespace prodready
