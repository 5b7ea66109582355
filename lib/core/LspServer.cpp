//===--- LspServer.cpp - `prodready lsp`, a language server ---------------===//

#include "LspServer.h"
#include "Catalog.h"
#include "UnitCache.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <chrono>
#include <condition_variable>
#include <deque>
#include <errno.h>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <thread>
#include <unistd.h>

using nlohmann::json;
using Clock = std::chrono::steady_clock;

namespace prodready {

namespace {

// JSON-RPC and LSP error codes.
enum ErrorCode {
  ParseError = -32700,
  InvalidRequest = -32600,
  MethodNotFound = -32601,
  InvalidParams = -32602,
  ServerNotInitialized = -32002,
  RequestCancelled = -32800,
};

/// Reads Content-Length framed messages. A header without a usable
/// Content-Length yields an empty body (answered as a parse error); the
/// reader then resynchronises on the next header.
class MessageReader {
public:
  explicit MessageReader(int Fd) : Fd(Fd) {}

  /// The next body, or std::nullopt at the end of the input.
  std::optional<std::string> next() {
    while (true) {
      size_t HeaderEnd = Buffer.find("\r\n\r\n");
      if (HeaderEnd == std::string::npos) {
        // A header is a few lines; megabytes without one are not LSP.
        if (Buffer.size() > (1u << 20))
          Buffer.erase(0, Buffer.size() - 3);
        if (!readMore())
          return std::nullopt;
        continue;
      }
      std::optional<size_t> Length;
      llvm::SmallVector<llvm::StringRef, 4> Lines;
      llvm::StringRef(Buffer).take_front(HeaderEnd).split(Lines, "\r\n");
      for (llvm::StringRef Line : Lines) {
        auto [Name, Value] = Line.split(':');
        size_t N = 0;
        if (Name.trim().equals_insensitive("Content-Length") &&
            !Value.trim().getAsInteger(10, N) && N <= (256u << 20))
          Length = N;
      }
      size_t BodyStart = HeaderEnd + 4;
      if (!Length) {
        Buffer.erase(0, BodyStart);
        return std::string();
      }
      while (Buffer.size() < BodyStart + *Length)
        if (!readMore())
          return std::nullopt;
      std::string Body = Buffer.substr(BodyStart, *Length);
      Buffer.erase(0, BodyStart + *Length);
      return Body;
    }
  }

private:
  bool readMore() {
    char Chunk[65536];
    while (true) {
      ssize_t N = read(Fd, Chunk, sizeof(Chunk));
      if (N > 0) {
        Buffer.append(Chunk, N);
        return true;
      }
      if (N < 0 && errno == EINTR)
        continue;
      return false;
    }
  }

  int Fd;
  std::string Buffer;
};

/// Messages read by a thread of their own, so that input is consumed (and
/// cancellations seen) while an analysis runs.
class MessageQueue {
public:
  void push(std::optional<std::string> Message) {
    {
      std::lock_guard<std::mutex> Lock(Mutex);
      if (Message)
        Messages.push_back(std::move(*Message));
      else
        Ended = true;
    }
    Changed.notify_all();
  }
  /// Everything queued, waiting until \p Deadline for something to arrive.
  std::vector<std::string> take(std::optional<Clock::time_point> Deadline,
                                bool &End) {
    std::unique_lock<std::mutex> Lock(Mutex);
    auto Ready = [&] { return !Messages.empty() || Ended; };
    if (Deadline)
      Changed.wait_until(Lock, *Deadline, Ready);
    else
      Changed.wait(Lock, Ready);
    std::vector<std::string> Out(std::make_move_iterator(Messages.begin()),
                                 std::make_move_iterator(Messages.end()));
    Messages.clear();
    End = Ended && Out.empty();
    return Out;
  }

  /// Whether a queued message makes an analysis of \p Uri running now
  /// pointless: a newer edit or the close of that document, or the end of
  /// the session. (A plain scan of the bodies: false positives only cost a
  /// re-analysis.)
  bool supersedes(const std::string &Uri) {
    std::lock_guard<std::mutex> Lock(Mutex);
    if (Ended)
      return true;
    for (const std::string &M : Messages) {
      llvm::StringRef Body(M);
      if (Body.contains("\"shutdown\"") || Body.contains("\"exit\""))
        return true;
      if ((Body.contains("textDocument/didChange") ||
           Body.contains("textDocument/didClose")) &&
          Body.contains(Uri))
        return true;
    }
    return false;
  }

private:
  std::mutex Mutex;
  std::condition_variable Changed;
  std::deque<std::string> Messages;
  bool Ended = false;
};

std::string uriToPath(llvm::StringRef Uri) {
  if (!Uri.consume_front("file://"))
    return "";
  std::string Path;
  for (size_t I = 0; I < Uri.size(); ++I) {
    unsigned Value = 0;
    if (Uri[I] == '%' && I + 2 < Uri.size() &&
        !Uri.substr(I + 1, 2).getAsInteger(16, Value)) {
      Path += static_cast<char>(Value);
      I += 2;
    } else {
      Path += Uri[I];
    }
  }
  return Path;
}

std::string pathToUri(llvm::StringRef Path) {
  std::string Uri = "file://";
  for (unsigned char C : Path) {
    if (llvm::isAlnum(C) || llvm::StringRef("/-._~").contains(C))
      Uri += C;
    else
      Uri += "%" + llvm::utohexstr(C, /*LowerCase=*/false, /*Width=*/2);
  }
  return Uri;
}

/// LSP positions count UTF-16 code units within a line.
json positionAt(llvm::StringRef Text, unsigned Offset) {
  Offset = std::min<size_t>(Offset, Text.size());
  llvm::StringRef Before = Text.take_front(Offset);
  size_t LineStart = Before.rfind('\n');
  LineStart = LineStart == llvm::StringRef::npos ? 0 : LineStart + 1;
  unsigned Units = 0;
  for (size_t I = LineStart; I < Offset; ++I) {
    unsigned char C = Text[I];
    if ((C & 0xC0) == 0x80)
      continue; // continuation byte
    Units += C >= 0xF0 ? 2 : 1;
  }
  return {{"line", Before.count('\n')}, {"character", Units}};
}

/// The byte offset of an LSP position (clamped to its line).
size_t offsetAt(llvm::StringRef Text, const json &Position) {
  unsigned Line = Position.value("line", 0u),
           Character = Position.value("character", 0u);
  size_t At = 0;
  for (unsigned L = 0; L < Line && At < Text.size(); ++L) {
    size_t NewLine = Text.find('\n', At);
    if (NewLine == llvm::StringRef::npos)
      return Text.size();
    At = NewLine + 1;
  }
  unsigned Units = 0;
  while (At < Text.size() && Text[At] != '\n' && Units < Character) {
    unsigned char C = Text[At];
    size_t Bytes = C >= 0xF0 ? 4 : C >= 0xE0 ? 3 : C >= 0xC0 ? 2 : 1;
    Units += Bytes == 4 ? 2 : 1;
    At = std::min(Text.size(), At + Bytes);
  }
  return At;
}

json rangeOf(llvm::StringRef Text, unsigned Offset, unsigned Length) {
  return {{"start", positionAt(Text, Offset)},
          {"end", positionAt(Text, Offset + Length)}};
}

/// A finding's range: clang reports a point; the identifier that starts
/// there (the callee, the literal's first word) is what an editor underlines.
json findingRange(llvm::StringRef Text, const TextRange &Where) {
  unsigned Length = Where.Length;
  if (Length == 0 && Where.Offset < Text.size()) {
    while (Where.Offset + Length < Text.size() &&
           (llvm::isAlnum(Text[Where.Offset + Length]) ||
            Text[Where.Offset + Length] == '_'))
      ++Length;
    if (Length == 0 && Text[Where.Offset] != '\n')
      Length = 1;
  }
  return rangeOf(Text, Where.Offset, Length);
}

std::string shortRuleName(llvm::StringRef Rule) {
  Rule.consume_front("prodready-");
  return Rule.str();
}

struct Document {
  std::string Path;
  std::string Text;
  int64_t Version = 0;
  std::optional<Clock::time_point> Due; // an analysis is scheduled
  // What the last analysis saw and found.
  std::optional<int64_t> AnalysedVersion;
  std::string AnalysedText;
  std::vector<Finding> Findings;
  bool ToldOutsideDatabase = false;
};

class Server {
public:
  Server(const LspOptions &Opts, int OutFd, MessageQueue &Queue)
      : Opts(Opts), OutFd(OutFd), Queue(Queue) {}

  /// Handles one message; returns the exit code once `exit` arrives.
  std::optional<int> handle(const std::string &Body,
                            const std::set<std::string> &Cancelled);
  void analyseDue();
  std::optional<Clock::time_point> nextDue() const {
    std::optional<Clock::time_point> Next;
    for (const auto &[Uri, D] : Documents)
      if (D.Due && (!Next || *D.Due < *Next))
        Next = D.Due;
    return Next;
  }
  bool shutdownRequested() const { return ShutdownRequested; }

private:
  void send(const json &Message) {
    std::string Body =
        Message.dump(-1, ' ', false, json::error_handler_t::replace);
    std::string Framed =
        "Content-Length: " + std::to_string(Body.size()) + "\r\n\r\n" + Body;
    const char *Data = Framed.data();
    size_t Left = Framed.size();
    while (Left > 0) {
      ssize_t N = write(OutFd, Data, Left);
      if (N < 0 && errno == EINTR)
        continue;
      if (N <= 0)
        return; // the client is gone; `exit` or EOF ends the loop
      Data += N;
      Left -= N;
    }
  }
  void reply(const json &Id, json Result) {
    send({{"jsonrpc", "2.0"}, {"id", Id}, {"result", std::move(Result)}});
  }
  void replyError(const json &Id, int Code, const std::string &Message) {
    send({{"jsonrpc", "2.0"},
          {"id", Id},
          {"error", {{"code", Code}, {"message", Message}}}});
  }
  void notify(const std::string &Method, json Params) {
    send({{"jsonrpc", "2.0"},
          {"method", Method},
          {"params", std::move(Params)}});
  }
  void log(int Type, const std::string &Message) {
    notify("window/logMessage",
           {{"type", Type}, {"message", "prodready: " + Message}});
  }

  json initializeResult() const;
  void didOpen(const json &Params);
  void didChange(const json &Params);
  void didSave(const json &Params);
  void didClose(const json &Params);
  json codeActions(const json &Params);
  void analyse(const std::string &Uri, Document &D);
  void publish(const std::string &Uri, const Document &D);
  json diagnostic(const Document &D, const Finding &F);
  /// The text of \p Path: an open buffer, else the file on disk.
  std::string textOf(const std::string &Path);
  /// The database for \p Path, or nullptr (with \p Why) when none is found.
  const LoadedDatabase *databaseFor(const std::string &Path, std::string &Why);

  const LspOptions &Opts;
  int OutFd;
  MessageQueue &Queue;
  bool Initialized = false, ShutdownRequested = false;
  std::string RootPath;
  std::map<std::string, Document> Documents;       // by URI
  std::map<std::string, LoadedDatabase> Databases; // by build path
};

json Server::initializeResult() const {
  return {
      {"capabilities",
       {{"textDocumentSync",
         {{"openClose", true},
          {"change", 2 /*incremental*/},
          {"save", {{"includeText", false}}}}},
        {"codeActionProvider",
         {{"codeActionKinds", json::array({"quickfix"})}}}}},
      {"serverInfo", {{"name", "prodready"}, {"version", PRODREADY_VERSION}}}};
}

std::optional<int> Server::handle(const std::string &Body,
                                  const std::set<std::string> &Cancelled) {
  json Message = json::parse(Body, nullptr, /*allow_exceptions=*/false);
  if (Message.is_discarded()) {
    replyError(nullptr, ParseError, "Parse error: the message is not JSON");
    return std::nullopt;
  }
  if (!Message.is_object()) {
    replyError(nullptr, InvalidRequest, "Invalid Request: not a JSON object");
    return std::nullopt;
  }
  json Id = Message.contains("id") ? Message["id"] : json();
  bool IsRequest = Message.contains("id");
  auto MethodIt = Message.find("method");
  if (MethodIt == Message.end() || !MethodIt->is_string()) {
    // A response to a request of ours (none is sent), or garbage.
    if (IsRequest && !Message.contains("result") && !Message.contains("error"))
      replyError(Id, InvalidRequest, "Invalid Request: no method");
    return std::nullopt;
  }
  std::string Method = *MethodIt;
  json Params = Message.contains("params") ? Message["params"] : json::object();

  if (Method == "exit")
    return ShutdownRequested ? 0 : 1;
  if (IsRequest && Cancelled.count(Id.dump())) {
    replyError(Id, RequestCancelled, "Request cancelled");
    return std::nullopt;
  }
  if (!Initialized && Method != "initialize") {
    if (IsRequest)
      replyError(Id, ServerNotInitialized, "Server not initialized");
    return std::nullopt;
  }
  if (ShutdownRequested && IsRequest) {
    replyError(Id, InvalidRequest,
               "Invalid Request: the server is shutting down");
    return std::nullopt;
  }
  try {
    if (Method == "initialize") {
      if (Params.contains("rootUri") && Params["rootUri"].is_string())
        RootPath = uriToPath(Params["rootUri"].get<std::string>());
      else if (Params.contains("rootPath") && Params["rootPath"].is_string())
        RootPath = Params["rootPath"].get<std::string>();
      Initialized = true;
      reply(Id, initializeResult());
    } else if (Method == "initialized" || Method == "$/cancelRequest" ||
               Method == "$/setTrace" ||
               Method == "workspace/didChangeConfiguration") {
      // Nothing to do (cancellations were collected before).
    } else if (Method == "shutdown") {
      ShutdownRequested = true;
      reply(Id, nullptr);
    } else if (Method == "textDocument/didOpen") {
      didOpen(Params);
    } else if (Method == "textDocument/didChange") {
      didChange(Params);
    } else if (Method == "textDocument/didSave") {
      didSave(Params);
    } else if (Method == "textDocument/didClose") {
      didClose(Params);
    } else if (Method == "textDocument/codeAction") {
      reply(Id, codeActions(Params));
    } else if (IsRequest) {
      replyError(Id, MethodNotFound, "Method not found: " + Method);
    }
    // Unknown notifications are ignored, as LSP asks.
  } catch (const json::exception &E) {
    if (IsRequest)
      replyError(Id, InvalidParams, std::string("Invalid params: ") + E.what());
  }
  return std::nullopt;
}

void Server::didOpen(const json &Params) {
  const json &Item = Params.at("textDocument");
  std::string Uri = Item.at("uri").get<std::string>();
  // Only C-family files on disk (an editor may attach the server to every
  // buffer; an untitled buffer has no compile command).
  // Clients name the languages differently (eglot says "c++"): the
  // language or the file name may tell.
  static const std::set<std::string> Languages = {
      "c",           "cpp",           "c++",  "cuda",
      "objective-c", "objective-cpp", "objc", "objcpp"};
  static const std::set<std::string> Extensions = {
      ".c",   ".cc",  ".cpp", ".cxx", ".c++", ".h",  ".hh", ".hpp",
      ".hxx", ".h++", ".ipp", ".inl", ".tcc", ".cu", ".m",  ".mm"};
  std::string Path = uriToPath(Uri);
  std::string Extension = llvm::sys::path::extension(Path).lower();
  if (Path.empty() || (!Languages.count(Item.value("languageId", "")) &&
                       !Extensions.count(Extension)))
    return;
  Document &D = Documents[Uri];
  D.Path = uriToPath(Uri);
  D.Text = Item.at("text").get<std::string>();
  D.Version = Item.value("version", int64_t(0));
  D.Due = Clock::now();
}

void Server::didChange(const json &Params) {
  const json &Item = Params.at("textDocument");
  auto It = Documents.find(Item.at("uri").get<std::string>());
  if (It == Documents.end())
    return;
  Document &D = It->second;
  for (const json &Change : Params.at("contentChanges")) {
    std::string Text = Change.at("text").get<std::string>();
    if (!Change.contains("range")) {
      D.Text = std::move(Text);
      continue;
    }
    size_t Begin = offsetAt(D.Text, Change["range"].at("start"));
    size_t End = std::max(Begin, offsetAt(D.Text, Change["range"].at("end")));
    D.Text.replace(Begin, End - Begin, Text);
  }
  D.Version = Item.value("version", D.Version + 1);
  // Debounced: typing reschedules the analysis.
  D.Due = Clock::now() + std::chrono::milliseconds(Opts.DebounceMs);
}

void Server::didSave(const json &Params) {
  auto It =
      Documents.find(Params.at("textDocument").at("uri").get<std::string>());
  if (It != Documents.end())
    It->second.Due = Clock::now();
}

void Server::didClose(const json &Params) {
  std::string Uri = Params.at("textDocument").at("uri").get<std::string>();
  if (Documents.erase(Uri))
    notify("textDocument/publishDiagnostics",
           {{"uri", Uri}, {"diagnostics", json::array()}});
}

std::string Server::textOf(const std::string &Path) {
  for (const auto &[Uri, D] : Documents)
    if (D.Path == Path)
      return D.Text;
  auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                            /*RequiresNullTerminator=*/false);
  return Buffer ? (*Buffer)->getBuffer().str() : std::string();
}

const LoadedDatabase *Server::databaseFor(const std::string &Path,
                                          std::string &Why) {
  DriverOptions Driver = Opts.Driver;
  if (Driver.BuildPath.empty() && !Driver.FixedArgs) {
    // As the driver looks in ./ and ./build/ of where it runs, the server
    // looks there from the file's directory up to the root.
    llvm::SmallString<256> Dir(llvm::sys::path::parent_path(Path));
    while (!Dir.empty()) {
      for (const char *Sub : {"", "/build"}) {
        std::string Candidate = (Dir + Sub).str();
        if (llvm::sys::fs::exists(Candidate + "/compile_commands.json")) {
          Driver.BuildPath = Candidate;
          break;
        }
      }
      if (!Driver.BuildPath.empty())
        break;
      llvm::StringRef Parent = llvm::sys::path::parent_path(Dir);
      if (Parent == Dir)
        break;
      Dir = Parent;
    }
    if (Driver.BuildPath.empty()) {
      Why =
          "no compile_commands.json in " +
          std::string(llvm::sys::path::parent_path(Path)) +
          " or a parent directory (nor in their build/); not analysed. "
          "Generate one "
          "(cmake -DCMAKE_EXPORT_COMPILE_COMMANDS=ON) or start the server with "
          "`prodready lsp -p <build-dir>`";
      return nullptr;
    }
  }
  std::string Key = Driver.FixedArgs ? std::string("--") : Driver.BuildPath;
  auto It = Databases.find(Key);
  if (It != Databases.end())
    return &It->second;
  auto Loaded = loadCompilationDatabase(Driver);
  if (!Loaded) {
    Why = llvm::toString(Loaded.takeError());
    return nullptr;
  }
  return &(Databases[Key] = std::move(*Loaded));
}

void Server::analyse(const std::string &Uri, Document &D) {
  D.Due.reset();
  std::string Why;
  const LoadedDatabase *DB = databaseFor(D.Path, Why);
  auto NotAnalysed = [&](int Type, const std::string &Message) {
    D.AnalysedVersion = D.Version;
    D.AnalysedText = D.Text;
    D.Findings.clear();
    if (!D.ToldOutsideDatabase)
      log(Type, D.Path + ": " + Message);
    D.ToldOutsideDatabase = true;
    publish(Uri, D);
  };
  if (!DB)
    return NotAnalysed(3, Why);

  DriverOptions Driver = Opts.Driver;
  AnalyzerOptions &Analysis = Driver.Analysis;
  std::string FileDir(llvm::sys::path::parent_path(D.Path));
  std::string Root = Driver.SourceRoot;
  if (Root.empty()) {
    // The driver's default, seen from the file: its git root.
    Root = defaultSourceRoot(FileDir);
  } else {
    Analysis.ScopeRoot = Root;
  }
  if (Analysis.ProjectRoot.empty())
    Analysis.ProjectRoot = Root;
  if (Analysis.ResourceDir.empty())
    Analysis.ResourceDir = PRODREADY_CLANG_RESOURCE_DIR;
  for (const auto &[OtherUri, Other] : Documents)
    Analysis.UnsavedFiles[Other.Path] = Other.Text;
  // The server's workers share the driver's preamble store: an edit in a
  // function body parses only the main file's code.
  Analysis.PreambleDir =
      preambleDirectory(Driver, Driver.CacheDir, DB->Directory);

  std::vector<clang::tooling::CompileCommand> Commands =
      DB->DB->getCompileCommands(D.Path);
  std::string BuildDir =
      Commands.empty() ? std::string() : Commands.front().Directory;
  std::string OutOfScope =
      UnitScopeFilter(Analysis).outOfScope(D.Path, BuildDir);
  if (!OutOfScope.empty())
    return NotAnalysed(3, "not judged (" + OutOfScope +
                              " code; see docs/scope.md)");

  Driver.Jobs = 1;
  // A newer edit arriving while the worker runs makes its result stale:
  // the worker is stopped and the edit's own analysis follows.
  bool Superseded = false;
  std::vector<UnitResult> Results =
      analyseIsolated(*DB->DB, {D.Path}, Driver,
                      [&] { return Superseded = Queue.supersedes(Uri); });
  if (Superseded) {
    D.Due = Clock::now();
    return;
  }
  UnitResult &U = Results.front();
  D.AnalysedVersion = D.Version;
  D.AnalysedText = D.Text;
  D.Findings.clear();
  for (Finding &F : U.Findings)
    if (F.Where.File == D.Path)
      D.Findings.push_back(std::move(F));
  // Whether the preamble was built, reused or fell back to a cold parse
  // (a log line, for editors' logs and tests).
  for (const auto &[Name, Count] : U.Statistics)
    if (llvm::StringRef(Name).starts_with("preamble."))
      log(4, D.Path + ": " + Name);
  for (const Notification &N : U.Notifications)
    log(N.Level == "error"     ? 1
        : N.Level == "warning" ? 2
                               : 3,
        (N.File.empty() ? std::string() : N.File + ": ") + N.Message);
  publish(Uri, D);
}

json Server::diagnostic(const Document &D, const Finding &F) {
  json Diag = {
      {"range", findingRange(D.AnalysedText, F.Where)},
      {"severity", F.Level == "error"     ? 1
                   : F.Level == "warning" ? 2
                                          : 3},
      {"code", F.Rule},
      {"codeDescription",
       {{"href", std::string(DocsBaseUri) + shortRuleName(F.Rule) + ".md"}}},
      {"source", "prodready"},
      {"message", F.Message}};
  json Related = json::array();
  for (const FindingNote &N : F.Notes) {
    std::string Text =
        N.Where.File == D.Path ? D.AnalysedText : textOf(N.Where.File);
    Related.push_back({{"location",
                        {{"uri", pathToUri(N.Where.File)},
                         {"range", rangeOf(Text, N.Where.Offset, 0)}}},
                       {"message", N.Message}});
  }
  if (!Related.empty())
    Diag["relatedInformation"] = Related;
  return Diag;
}

void Server::publish(const std::string &Uri, const Document &D) {
  json Diagnostics = json::array();
  for (const Finding &F : D.Findings)
    Diagnostics.push_back(diagnostic(D, F));
  json Params = {{"uri", Uri}, {"diagnostics", Diagnostics}};
  if (D.AnalysedVersion)
    Params["version"] = *D.AnalysedVersion;
  notify("textDocument/publishDiagnostics", Params);
}

json Server::codeActions(const json &Params) {
  json Actions = json::array();
  std::string Uri = Params.at("textDocument").at("uri").get<std::string>();
  auto It = Documents.find(Uri);
  // Fix-its are offsets into the analysed text: offered only while the
  // buffer still holds it.
  if (It == Documents.end() ||
      It->second.AnalysedVersion != It->second.Version ||
      It->second.AnalysedText != It->second.Text)
    return Actions;
  const Document &D = It->second;
  unsigned FirstLine = Params.at("range").at("start").value("line", 0u);
  unsigned LastLine = Params.at("range").at("end").value("line", FirstLine);
  for (const Finding &F : D.Findings) {
    if (F.Fixes.empty())
      continue;
    json Diag = diagnostic(D, F);
    unsigned Line = Diag["range"]["start"]["line"];
    if (Line < FirstLine || Line > LastLine)
      continue;
    json Changes = json::object();
    std::string Title;
    for (const FixReplacement &R : F.Fixes) {
      std::string Text =
          R.Where.File == D.Path ? D.AnalysedText : textOf(R.Where.File);
      Changes[pathToUri(R.Where.File)].push_back(
          {{"range", rangeOf(Text, R.Where.Offset, R.Where.Length)},
           {"newText", R.Text}});
      if (Title.empty()) {
        std::string New = llvm::StringRef(R.Text).trim().str();
        Title = R.Where.Length == 0
                    ? "Insert '" + New + "'"
                    : "Replace '" +
                          llvm::StringRef(Text)
                              .substr(R.Where.Offset, R.Where.Length)
                              .str() +
                          "' with '" + New + "'";
      }
    }
    Actions.push_back({{"title", Title + " (" + F.Rule + ")"},
                       {"kind", "quickfix"},
                       {"isPreferred", true},
                       {"diagnostics", json::array({Diag})},
                       {"edit", {{"changes", Changes}}}});
  }
  return Actions;
}

void Server::analyseDue() {
  auto Now = Clock::now();
  for (auto &[Uri, D] : Documents)
    if (D.Due && *D.Due <= Now)
      analyse(Uri, D);
}

} // namespace

int runLanguageServer(const LspOptions &Opts, int InFd, int OutFd) {
  // The reader thread is detached: at `exit` the process ends while it may
  // still be blocked reading, so the queue it fills is never destroyed.
  MessageQueue &Queue = *new MessageQueue();
  std::thread([&Queue, InFd] {
    MessageReader Reader(InFd);
    while (std::optional<std::string> Body = Reader.next())
      Queue.push(std::move(*Body));
    Queue.push(std::nullopt);
  }).detach();

  Server S(Opts, OutFd, Queue);
  while (true) {
    bool End = false;
    std::vector<std::string> Batch = Queue.take(S.nextDue(), End);
    if (End)
      return S.shutdownRequested() ? 0 : 1;
    // Cancellations first: a request still waiting behind an analysis is
    // answered as cancelled.
    std::set<std::string> Cancelled;
    for (const std::string &Body : Batch) {
      json Message = json::parse(Body, nullptr, false);
      if (Message.is_object() &&
          Message.value("method", "") == "$/cancelRequest" &&
          Message.contains("params") && Message["params"].is_object() &&
          Message["params"].contains("id"))
        Cancelled.insert(Message["params"]["id"].dump());
    }
    for (const std::string &Body : Batch)
      if (std::optional<int> Exit = S.handle(Body, Cancelled))
        return *Exit;
    S.analyseDue();
  }
}

} // namespace prodready
