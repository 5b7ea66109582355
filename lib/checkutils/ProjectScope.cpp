//===--- ProjectScope.cpp - which files are the project's production code ===//

#include "ProjectScope.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/GlobPattern.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLParser.h"

namespace prodready {

namespace path = llvm::sys::path;
namespace fs = llvm::sys::fs;

llvm::StringRef verdictName(ScopeVerdict V) {
  switch (V) {
  case ScopeVerdict::Production:
    return "production";
  case ScopeVerdict::Generated:
    return "generated";
  case ScopeVerdict::Test:
    return "test";
  case ScopeVerdict::Vendored:
    return "vendored";
  case ScopeVerdict::Excluded:
    return "excluded";
  }
  return "production";
}

bool yamlTooDeep(llvm::StringRef Text, unsigned MaxDepth) {
  unsigned Flow = 0;
  llvm::SmallVector<size_t, 16> Indents;
  bool LineStart = true;
  size_t Column = 0;
  for (char C : Text) {
    if (C == '\n') {
      LineStart = true;
      Column = 0;
      continue;
    }
    if (LineStart && (C == ' ' || C == '-')) {
      ++Column;
      continue;
    }
    if (LineStart) {
      LineStart = false;
      if (C != '#') {
        while (!Indents.empty() && Indents.back() >= Column && Column > 0 &&
               Indents.back() != Column)
          Indents.pop_back();
        if (Indents.empty() || Indents.back() < Column)
          Indents.push_back(Column);
        if (Indents.size() > MaxDepth)
          return true;
      }
    }
    if (C == '[' || C == '{') {
      if (++Flow > MaxDepth)
        return true;
    } else if ((C == ']' || C == '}') && Flow > 0) {
      --Flow;
    }
  }
  return false;
}

static std::optional<bool> parseBool(llvm::StringRef Value) {
  Value = Value.trim();
  if (Value.equals_insensitive("true") || Value.equals_insensitive("yes") ||
      Value == "1" || Value.equals_insensitive("on"))
    return true;
  if (Value.equals_insensitive("false") || Value.equals_insensitive("no") ||
      Value == "0" || Value.equals_insensitive("off"))
    return false;
  return std::nullopt;
}

std::optional<std::string> parseScopeFile(llvm::StringRef Text,
                                          ScopeSettings &Out) {
  if (yamlTooDeep(Text))
    return std::string("nested too deeply to be a prodready configuration");
  llvm::SourceMgr SM;
  std::string Problem;
  SM.setDiagHandler(
      [](const llvm::SMDiagnostic &D, void *Context) {
        auto &P = *static_cast<std::string *>(Context);
        if (P.empty())
          P = ("line " + llvm::Twine(D.getLineNo()) + ": " + D.getMessage())
                  .str();
      },
      &Problem);
  llvm::yaml::Stream Stream(Text, SM);
  auto Begin = Stream.begin();
  if (Begin == Stream.end())
    return std::nullopt;
  llvm::yaml::Node *Root = Begin->getRoot();
  if (!Problem.empty())
    return Problem;
  if (!Root || llvm::isa<llvm::yaml::NullNode>(Root))
    return std::nullopt;
  auto *Map = llvm::dyn_cast<llvm::yaml::MappingNode>(Root);
  if (!Map)
    return std::string("expected a mapping of keys (include-tests, exclude, "
                       "include, test-file-regex)");
  auto Scalar = [](llvm::yaml::Node *N) -> std::optional<std::string> {
    llvm::SmallString<64> Storage;
    if (auto *S = llvm::dyn_cast_or_null<llvm::yaml::ScalarNode>(N))
      return S->getValue(Storage).str();
    return std::nullopt;
  };
  auto List = [&](llvm::yaml::Node *N, std::vector<std::string> &Into) -> bool {
    if (auto One = Scalar(N)) {
      Into.push_back(*One);
      return true;
    }
    auto *Seq = llvm::dyn_cast_or_null<llvm::yaml::SequenceNode>(N);
    if (!Seq)
      return false;
    for (llvm::yaml::Node &Item : *Seq) {
      auto Value = Scalar(&Item);
      if (!Value)
        return false;
      Into.push_back(*Value);
    }
    return true;
  };
  for (llvm::yaml::KeyValueNode &KV : *Map) {
    auto Key = Scalar(KV.getKey());
    if (!Key)
      return std::string("expected plain keys");
    llvm::yaml::Node *Value = KV.getValue();
    if (*Key == "include-tests") {
      auto Text = Scalar(Value);
      std::optional<bool> B = Text ? parseBool(*Text) : std::nullopt;
      if (!B)
        return std::string("'include-tests' must be true or false");
      Out.IncludeTests = *B;
    } else if (*Key == "exclude" || *Key == "include") {
      if (!List(Value, *Key == "exclude" ? Out.Exclude : Out.Include))
        return "'" + *Key + "' must be a glob or a list of globs";
    } else if (*Key == "test-file-regex") {
      auto Text = Scalar(Value);
      if (!Text)
        return std::string("'test-file-regex' must be a regular expression");
      Out.TestFileRegex = *Text;
    } else {
      return "unknown key '" + *Key +
             "' (known: include-tests, exclude, include, test-file-regex)";
    }
    if (!Problem.empty())
      return Problem;
  }
  if (!Problem.empty())
    return Problem;
  return std::nullopt;
}

static bool isUnder(llvm::StringRef Path, llvm::StringRef Dir) {
  if (Dir.empty())
    return false;
  Dir = Dir.rtrim('/');
  return Path.starts_with(Dir) &&
         (Path.size() == Dir.size() || Path[Dir.size()] == '/');
}

static bool exists(const llvm::Twine &P) { return fs::exists(P); }

static std::string lowered(llvm::StringRef S) { return S.lower(); }

ProjectScope::ProjectScope(llvm::StringRef Main, llvm::StringRef Build,
                           llvm::StringRef SourceRoot, ScopeSettings Options)
    : BuildDir(Build.rtrim('/').str()), MainFile(Main.str()),
      Settings(std::move(Options)) {
  // The project root, and the .prodready.yaml that completes the settings.
  std::string YamlPath;
  llvm::StringRef Stop = SourceRoot.rtrim('/');
  for (llvm::StringRef Dir = path::parent_path(Main); !Dir.empty();
       Dir = path::parent_path(Dir)) {
    if (exists(Dir + "/.prodready.yaml")) {
      YamlPath = (Dir + "/.prodready.yaml").str();
      Root = Dir.str();
      break;
    }
    if (!Stop.empty() ? Dir == Stop : exists(Dir + "/.git")) {
      Root = Dir.str();
      break;
    }
    if (Dir == path::root_path(Dir))
      break;
  }
  if (Root.empty() && !Stop.empty())
    Root = Stop.str();
  if (!YamlPath.empty()) {
    auto Buffer = llvm::MemoryBuffer::getFile(YamlPath, /*IsText=*/true);
    ScopeSettings FromFile;
    if (!Buffer)
      Problem = "cannot read '" + YamlPath + "'";
    else if (auto Error = parseScopeFile((*Buffer)->getBuffer(), FromFile))
      Problem = "invalid '" + YamlPath + "': " + *Error;
    if (!Settings.IncludeTests)
      Settings.IncludeTests = FromFile.IncludeTests;
    if (!Settings.TestFileRegex)
      Settings.TestFileRegex = FromFile.TestFileRegex;
    Settings.Exclude.insert(Settings.Exclude.end(), FromFile.Exclude.begin(),
                            FromFile.Exclude.end());
    Settings.Include.insert(Settings.Include.end(), FromFile.Include.begin(),
                            FromFile.Include.end());
  }
  // Git submodules are vendored code.
  if (!Root.empty()) {
    if (auto Modules = llvm::MemoryBuffer::getFile(Root + "/.gitmodules")) {
      llvm::SmallVector<llvm::StringRef, 32> Lines;
      (*Modules)->getBuffer().split(Lines, '\n');
      for (llvm::StringRef Line : Lines) {
        Line = Line.trim();
        if (!Line.consume_front("path"))
          continue;
        Line = Line.ltrim();
        if (!Line.consume_front("="))
          continue;
        Line = Line.trim().trim('/');
        if (!Line.empty())
          Submodules.push_back(Line.str());
      }
    }
  }
  std::string Pattern =
      Settings.TestFileRegex.value_or(DefaultTestFilePattern.str());
  auto Re = std::make_shared<llvm::Regex>(Pattern);
  std::string Error;
  if (!Re->isValid(Error)) {
    if (Problem.empty())
      Problem =
          "invalid test-file regular expression '" + Pattern + "': " + Error;
  } else if (!Pattern.empty()) {
    TestFiles = std::move(Re);
  }
  // Files under the build directory are generated, when it is a real build
  // tree apart from the sources (make-db style databases name the source
  // root itself as the directory).
  UseBuildDir = !BuildDir.empty() && !isUnder(MainFile, BuildDir) &&
                !(Root.empty() ? false : isUnder(Root, BuildDir)) &&
                (exists(BuildDir + "/CMakeCache.txt") ||
                 exists(BuildDir + "/build.ninja") ||
                 exists(BuildDir + "/compile_commands.json"));
}

bool ProjectScope::isTestFrameworkHeader(llvm::StringRef Name) {
  Name = Name.trim();
  if (Name.ends_with("gtest_prod.h")) // FRIEND_TEST in production classes
    return false;
  return Name.starts_with("gtest/") || Name.starts_with("gmock/") ||
         Name.starts_with("catch2/") || Name == "catch.hpp" ||
         Name == "catch2.hpp" || Name == "catch_amalgamated.hpp" ||
         Name.starts_with("doctest/") || Name == "doctest.h" ||
         Name.starts_with("boost/test/") || Name.starts_with("CppUTest/") ||
         Name.starts_with("cppunit/") || Name == "criterion/criterion.h";
}

bool ProjectScope::matchesGlobs(llvm::StringRef Rel,
                                const std::vector<std::string> &Globs) const {
  for (llvm::StringRef Glob : Globs) {
    Glob = Glob.trim();
    Glob.consume_front("./");
    Glob.consume_front("/");
    bool Anywhere = !Glob.rtrim('/').contains('/');
    Glob = Glob.rtrim('/');
    if (Glob.empty())
      continue;
    auto Pattern = llvm::GlobPattern::create(Glob);
    if (!Pattern) {
      llvm::consumeError(Pattern.takeError());
      continue;
    }
    // The path itself, every directory above it, and (for a pattern without
    // a slash, as in .gitignore) every single component.
    llvm::StringRef Prefix = Rel;
    while (!Prefix.empty()) {
      if (Pattern->match(Prefix))
        return true;
      if (Anywhere && Pattern->match(path::filename(Prefix)))
        return true;
      Prefix = path::parent_path(Prefix);
    }
  }
  return false;
}

// Files named like the output of code generators.
static bool generatedByName(llvm::StringRef Name) {
  static const llvm::Regex Re(
      "\\.pb\\.(h|cc|c|cpp)$|\\.grpc\\.pb\\.|\\.pb-c\\.[ch]$|^moc_.*\\.cpp$|"
      "^ui_.*\\.h$|^qrc_.*\\.cpp$|_generated\\.(h|hh|hpp|c|cc|cpp)$|"
      "\\.gen\\.(h|hpp|cc|cpp)$|\\.capnp\\.(h|c\\+\\+)$");
  return Re.match(Name);
}

// A comment near the top of the file saying that a tool wrote it.
static bool generatedByBanner(llvm::StringRef Head) {
  static const llvm::Regex Re(
      "do not edit|@generated|generated by|automatically generated|"
      "auto-generated|autogenerated|generated automatically|"
      "this file (is|was|has been) generated|code generated",
      llvm::Regex::IgnoreCase);
  llvm::SmallVector<llvm::StringRef, 32> Lines;
  Head.split(Lines, '\n', /*MaxSplit=*/40);
  for (size_t I = 0; I < Lines.size() && I < 40; ++I) {
    llvm::StringRef Line = Lines[I].trim();
    bool Comment = Line.starts_with("//") || Line.starts_with("/*") ||
                   Line.starts_with("*") || Line.starts_with("#");
    if (Comment && Re.match(Line))
      return true;
  }
  return false;
}

// Directories that hold third-party code copied into the tree.
static bool vendoredDirectory(llvm::StringRef Dir) {
  std::string D = lowered(Dir);
  return D == "third_party" || D == "third-party" || D == "thirdparty" ||
         D == "3rdparty" || D == "3rd_party" || D == "3rd-party" ||
         D == "vendor" || D == "vendored" || D == "external" ||
         D == "externals" || D == "extern" || D == "deps" || D == "bundled";
}

// Whether the directory \p Dir, named like a well-known library, is a copy
// of it rather than a project's own module of that name (CppServer's
// source/server/asio/, websocketpp's transport/asio/): a copy has the
// library's layout -- a header of its name beside it (include/asio.hpp next
// to include/asio/), implementation directories, a version header, a
// license or README, or one of the libraries' signature headers.
static bool looksLikeLibraryCopy(llvm::StringRef Dir,
                                 llvm::StringMap<bool> &Known) {
  auto It = Known.find(Dir);
  if (It != Known.end())
    return It->second;
  auto Exists = [&](llvm::StringRef Base, llvm::StringRef Name) {
    llvm::SmallString<256> P(Base);
    path::append(P, Name);
    return llvm::sys::fs::exists(P);
  };
  llvm::StringRef Name = path::filename(Dir);
  llvm::StringRef Parent = path::parent_path(Dir);
  bool Copy = Exists(Parent, (Name + ".hpp").str()) ||
              Exists(Parent, (Name + ".h").str());
  static const char *const Signs[] = {
      "detail",      "details",         "impl",
      "internal",    "include",         "version.h",
      "version.hpp", "LICENSE",         "LICENSE.txt",
      "LICENSE.md",  "LICENSE_1_0.txt", "COPYING",
      "README",      "README.md",       "format.h",
      "spdlog.h",    "rapidjson.h",     "curl.h",
      "sqlite3.h",   "zlib.h",          "uv.h",
      "json.hpp"};
  for (const char *Sign : Signs)
    Copy = Copy || Exists(Dir, Sign);
  Known[Dir] = Copy;
  return Copy;
}

// Well-known libraries that projects copy into their trees, by directory or
// by file name. A project is never a vendored copy of itself: the library
// whose name the project root carries is not skipped.
static llvm::StringRef vendoredLibrary(llvm::StringRef Root,
                                       llvm::StringRef Rel,
                                       llvm::StringMap<bool> &Copies) {
  static const char *const Directories[] = {"nlohmann",
                                            "spdlog",
                                            "fmt",
                                            "rapidjson",
                                            "websocketpp",
                                            "asio",
                                            "boost",
                                            "googletest",
                                            "gtest",
                                            "gmock",
                                            "catch2",
                                            "doctest",
                                            "abseil-cpp",
                                            "absl",
                                            "json11",
                                            "cpp-httplib",
                                            "crow",
                                            "magic_enum",
                                            "concurrentqueue",
                                            "readerwriterqueue",
                                            "pugixml",
                                            "tinyxml2",
                                            "yaml-cpp",
                                            "cxxopts",
                                            "cli11",
                                            "glm",
                                            "imgui",
                                            "sqlite",
                                            "sqlite3",
                                            "zlib",
                                            "lz4",
                                            "zstd",
                                            "libuv",
                                            "openssl",
                                            "curl",
                                            "protobuf",
                                            "grpc"};
  static const llvm::Regex Files(
      "^(json\\.hpp|json_fwd\\.hpp|httplib\\.h|catch\\.hpp|"
      "catch_amalgamated\\.(hpp|cpp)|doctest\\.h|picojson\\.h|"
      "json11\\.(hpp|cpp)|cxxopts\\.hpp|CLI11\\.hpp|argparse\\.hpp|"
      "tinyxml2\\.(h|cpp)|pugixml\\.(hpp|cpp)|pugiconfig\\.hpp|stb_[a-z_]+\\.h|"
      "sqlite3\\.[ch]|sqlite3ext\\.h|miniz\\.[ch]|cJSON\\.[ch]|uthash\\.h|"
      "utlist\\.h|lodepng\\.(h|cpp)|crow_all\\.h|jsoncpp\\.cpp|"
      "picosha2\\.h|base64\\.hpp|xxhash\\.[ch]|md5\\.[ch]|sha1\\.[ch])$");
  llvm::SmallVector<llvm::StringRef, 16> Parts;
  Rel.split(Parts, '/');
  for (size_t I = 0; I + 1 < Parts.size(); ++I)
    for (const char *Lib : Directories)
      if (Parts[I].equals_insensitive(Lib)) {
        llvm::SmallString<256> Dir(Root);
        for (size_t J = 0; J <= I; ++J)
          path::append(Dir, Parts[J]);
        if (looksLikeLibraryCopy(Dir, Copies))
          return Lib;
      }
  if (!Parts.empty() && Files.match(Parts.back()))
    return Parts.back();
  return "";
}

ScopeVerdict ProjectScope::classify(llvm::StringRef Path,
                                    std::optional<llvm::StringRef> Head) {
  auto It = Cache.find(Path);
  if (It != Cache.end())
    return It->second;
  ScopeVerdict V = classifyUncached(Path, Head);
  Cache[Path] = V;
  return V;
}

ScopeVerdict
ProjectScope::classifyUncached(llvm::StringRef Path,
                               std::optional<llvm::StringRef> Head) {
  std::string Rel = Path.str();
  if (!Root.empty() && isUnder(Path, Root))
    Rel = Path.drop_front(std::min(Path.size(), Root.size() + 1)).str();
  if (matchesGlobs(Rel, Settings.Include))
    return ScopeVerdict::Production;
  if (matchesGlobs(Rel, Settings.Exclude))
    return ScopeVerdict::Excluded;

  llvm::StringRef Name = path::filename(Path);
  if (generatedByName(Name) || (UseBuildDir && isUnder(Path, BuildDir)))
    return ScopeVerdict::Generated;
  std::unique_ptr<llvm::MemoryBuffer> Read;
  if (!Head) {
    auto Buffer = llvm::MemoryBuffer::getFileSlice(Path, 4096, 0);
    if (Buffer)
      Read = std::move(*Buffer);
    Head = Read ? Read->getBuffer() : llvm::StringRef();
  }
  if (generatedByBanner(Head->take_front(4096)))
    return ScopeVerdict::Generated;

  // Vendored: a third-party directory or a submodule below the root, or a
  // well-known library copied in (unless the project is that library).
  llvm::SmallVector<llvm::StringRef, 16> Parts;
  llvm::StringRef(Rel).split(Parts, '/');
  if (!Root.empty() && isUnder(Path, Root)) {
    for (size_t I = 0; I + 1 < Parts.size(); ++I)
      if (vendoredDirectory(Parts[I]))
        return ScopeVerdict::Vendored;
    for (const std::string &Module : Submodules)
      if (isUnder(Rel, Module))
        return ScopeVerdict::Vendored;
    llvm::StringRef Lib = vendoredLibrary(Root, Rel, LibraryCopies);
    std::string Project = lowered(path::filename(Root));
    std::string LibName = lowered(path::stem(Lib));
    if (!Lib.empty() && Project.find(LibName) == std::string::npos &&
        LibName.find(Project) == std::string::npos)
      return ScopeVerdict::Vendored;
  }

  if (!includeTests() && TestFiles && TestFiles->match(Rel))
    return ScopeVerdict::Test;
  return ScopeVerdict::Production;
}

} // namespace prodready
