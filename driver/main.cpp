//===--- main.cpp - the prodready command-line tool -----------------------===//
//
// Parses the command line and hands over to the driver library.
//
//===----------------------------------------------------------------------===//

#include "Ansi.h"
#include "Driver.h"
#include "LspServer.h"
#include "OutputFormats.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/WithColor.h"
#include <unistd.h>

using namespace llvm;

// Keeps the statically linked check module's registration alive.
extern volatile int ProdReadyModuleAnchorSource;
[[maybe_unused]] static int ProdReadyModuleAnchorDestination =
    ProdReadyModuleAnchorSource;

static cl::OptionCategory Category("prodready options");

static cl::opt<std::string> BuildPath(
    "p",
    cl::desc(
        "Build directory or compile_commands.json (default: ./ or ./build)"),
    cl::cat(Category));
static cl::list<std::string> Files(cl::Positional, cl::desc("[<file>...]"),
                                   cl::cat(Category));
static cl::opt<std::string>
    Checks("checks",
           cl::desc("clang-tidy style glob of checks (default: prodready-*)"),
           cl::cat(Category));
static cl::opt<std::string>
    Config("config",
           cl::desc("Configuration in YAML/JSON, as clang-tidy's --config"),
           cl::cat(Category));
static cl::opt<std::string>
    ConfigFile("config-file", cl::desc("Read the configuration from this file"),
               cl::cat(Category));
static cl::opt<std::string> HeaderFilter(
    "header-filter",
    cl::desc(
        "Regex of headers to report findings in (default: the source root)"),
    cl::cat(Category));
static cl::list<std::string>
    ExtraArg("extra-arg", cl::desc("Append to the compiler command line"),
             cl::cat(Category));
static cl::list<std::string>
    ExtraArgBefore("extra-arg-before",
                   cl::desc("Prepend to the compiler command line"),
                   cl::cat(Category));
static cl::opt<unsigned> Jobs("j",
                              cl::desc("Parallel jobs (default: all cores)"),
                              cl::init(0), cl::Prefix, cl::cat(Category));
// The formats come from the table in OutputFormats.h (cl::desc keeps a
// reference: the text must outlive the option).
static const std::string FormatHelp = prodready::formatHelp();
static cl::opt<std::string> Format("format", cl::desc(FormatHelp),
                                   cl::init(prodready::DefaultFormat.str()),
                                   cl::cat(Category));
static cl::opt<std::string>
    Output("o", cl::desc("Write the output here (default: stdout)"),
           cl::cat(Category));
static cl::opt<std::string>
    SarifOutput("sarif-output", cl::desc("Also write SARIF to this file"),
                cl::cat(Category));
static cl::opt<std::string>
    RunCategory("category", cl::desc("SARIF automationDetails.id category"),
                cl::cat(Category));
static cl::opt<std::string> ChecklistPath(
    "checklist",
    cl::desc("A checklist catalogue (JSON or YAML) replacing the built-in one"),
    cl::cat(Category));
static cl::opt<std::string> SourceRoot(
    "source-root",
    cl::desc(
        "Root for relative paths in reports (default: the git root or cwd)"),
    cl::cat(Category));
static cl::opt<bool>
    IncludeTests("include-tests",
                 cl::desc("Also judge test code (by default test files and "
                          "units that include a test framework are skipped)"),
                 cl::cat(Category));
static cl::list<std::string>
    ExcludeGlobs("exclude",
                 cl::desc("Do not judge files matching this glob (relative to "
                          "the project root; repeatable)"),
                 cl::cat(Category));
static cl::list<std::string>
    IncludeGlobs("include",
                 cl::desc("Judge files matching this glob even if test, "
                          "vendored or generated (repeatable)"),
                 cl::cat(Category));
static cl::opt<std::string> CacheDir(
    "cache",
    cl::desc("Cache directory (default: <build dir>/.prodready-cache)"),
    cl::cat(Category));
static cl::opt<std::string> CacheMaxSize(
    "cache-max-size",
    cl::desc("Bound the cache; least recently used units are pruned (e.g. "
             "500M, 2G; a plain number is MiB; 0: unbounded; default 2G)"),
    cl::init("2G"), cl::cat(Category));
static cl::opt<unsigned> Timeout(
    "timeout",
    cl::desc("Per-file wall-clock budget in seconds; a file over it is stopped "
             "and reported as incomplete (default 300, 0: none)"),
    cl::init(300), cl::cat(Category));
static cl::opt<unsigned> MaxMemory(
    "max-memory",
    cl::desc("Per-file memory budget in MiB (address space of the worker; "
             "default: physical memory / jobs, at least 8192; 0: none)"),
    cl::init(~0u), cl::cat(Category));
static cl::opt<bool> NoCache("no-cache",
                             cl::desc("Do not read or write the cache"),
                             cl::cat(Category));
static cl::opt<std::string> PreambleWhen(
    "preamble",
    cl::desc("Which units reuse a precompiled preamble (their leading "
             "#includes, kept in the cache's preamble/; docs/performance.md, "
             "\"The edit loop\"): changed (default: units analysed before and "
             "changed since), always, never"),
    cl::init("changed"), cl::cat(Category));
static cl::opt<bool>
    NoPreamble("no-preamble",
               cl::desc("Parse every unit whole (--preamble=never)"),
               cl::cat(Category));
static cl::opt<std::string>
    Baseline("baseline",
             cl::desc("Compare with this baseline: SARIF keeps every result "
                      "with baselineState new/unchanged; other formats and "
                      "--fail-on see only new findings"),
             cl::cat(Category));
static cl::opt<bool>
    ShowBaselined("show-baselined",
                  cl::desc("With --baseline, also print unchanged findings in "
                           "text, JSON and Markdown output"),
                  cl::cat(Category));
static cl::opt<std::string>
    WriteBaseline("write-baseline",
                  cl::desc("Record all current findings as a baseline"),
                  cl::cat(Category));
static cl::opt<std::string> DiffBase(
    "diff-base",
    cl::desc("Report only findings on lines changed since this git revision"),
    cl::cat(Category));
static cl::opt<std::string> DiffFile(
    "diff",
    cl::desc("Report only findings on lines added by this unified diff"),
    cl::cat(Category));
static cl::opt<std::string> Shard("shard",
                                  cl::desc("Analyse only shard K of N (K/N)"),
                                  cl::cat(Category));
static cl::opt<std::string> FailOn(
    "fail-on",
    cl::desc("Exit 1 on findings at or above: error, warning, note, none"),
    cl::init("warning"), cl::cat(Category));
static cl::opt<bool> Quiet("quiet", cl::desc("No progress, notes or summary"),
                           cl::cat(Category));
static cl::opt<bool>
    Strict("strict", cl::desc("Exit 3 when a file could not be fully analysed"),
           cl::cat(Category));
static cl::opt<bool> Fix("fix",
                         cl::desc("Apply the fix-its of the reported findings "
                                  "to the files (each file rewritten once)"),
                         cl::cat(Category));
static cl::opt<bool> ListChecks("list-checks",
                                cl::desc("List the enabled checks and exit"),
                                cl::cat(Category));
// Accepted as clang-tidy accepts it, so that scripts written for clang-tidy
// keep working; the driver has never printed a check profile (use
// clang-tidy-19 --load ... --enable-check-profile for one).
static cl::opt<bool>
    IgnoredProfile("enable-check-profile",
                   cl::desc("Ignored (accepted for clang-tidy compatibility)"),
                   cl::cat(Category), cl::Hidden);
static cl::opt<double> ProgressInterval(
    "progress-interval",
    cl::desc("Without a terminal, print a progress line at least this often, "
             "also while one file takes long (seconds; default 10)"),
    cl::init(10), cl::cat(Category));
static cl::opt<std::string> DebugCrashOn(
    "debug-crash-on",
    cl::desc("Testing: crash the worker of units whose path contains this"),
    cl::Hidden, cl::cat(Category));
static cl::opt<std::string> LinkBase(
    "link-base",
    cl::desc("Markdown: prefix of the links to files, e.g. "
             "https://github.com/ORG/REPO/blob/SHA/ (default: relative links)"),
    cl::value_desc("url"), cl::cat(Category));
static cl::opt<std::string> ProjectName(
    "project-name",
    cl::desc("Markdown: the project named at the top (default: the source "
             "root's directory name; empty: none)"),
    cl::cat(Category));
static cl::opt<std::string>
    Commit("commit",
           cl::desc("Markdown: the commit named at the top (default: git "
                    "rev-parse HEAD in the source root; empty: none)"),
           cl::cat(Category));
static cl::opt<std::string> DebugStallOn(
    "debug-stall-on",
    cl::desc("Testing: units whose path contains this take 2 s longer"),
    cl::Hidden, cl::cat(Category));

// The subcommands, as `prodready --help` and `prodready merge|report --help`
// list them.
static const std::string SubcommandUsage =
    "  prodready report [--format=" +
    join(prodready::reportFormatNames(), "|") +
    "] [--checklist F] [-o OUT]\n"
    "                   [--link-base URL] [--project-name N] [--commit SHA] "
    "[--color=WHEN] IN.sarif\n"
    "      the readiness scorecard (or the findings as text) of a SARIF file\n"
    "  prodready merge [--checklist F] [-o OUT] IN.sarif...\n"
    "      one SARIF file from several (e.g. the shards of a --shard run)\n"
    "  prodready lsp [-p DIR] [--checks=GLOB] [--config=YAML] "
    "[--debounce-ms=N]\n"
    "      a language server over stdio for editors (docs/editors.md)\n";

// prodready's version (the project's, CMake's project(VERSION), which SARIF
// reports as tool.driver.version), then the LLVM it was built with.
static void printVersion(raw_ostream &OS) {
  OS << "prodready " << PRODREADY_VERSION << "\n"
     << "built with LLVM " << LLVM_VERSION_STRING << "\n";
}

// `merge` and `report` take few options; parse them by hand so that they do
// not clash with the analysis options.
static int subcommand(int Argc, const char **Argv) {
  StringRef Command = Argv[1];
  std::string Out = "-", ReportFormat = prodready::DefaultReportFormat.str(),
              List, LinkBaseArg, ProjectNameArg, CommitArg, ColorArg = "auto";
  bool HasProjectName = false, HasCommit = false;
  std::vector<std::string> Inputs;
  for (int I = 2; I < Argc; ++I) {
    StringRef Arg = Argv[I];
    auto Value = [&](StringRef Name, std::string &Into) {
      for (StringRef Prefix : {"-", "--"}) {
        std::string Flag = (Prefix + Name).str();
        if (Arg == Flag && I + 1 < Argc) {
          Into = Argv[++I];
          return true;
        }
        if (Arg.starts_with(Flag + "=")) {
          Into = Arg.drop_front(Flag.size() + 1).str();
          return true;
        }
      }
      return false;
    };
    if (Value("o", Out) || Value("format", ReportFormat) ||
        Value("checklist", List) ||
        (Command == "report" &&
         (Value("link-base", LinkBaseArg) || Value("color", ColorArg))))
      continue;
    if (Command == "report" && Value("project-name", ProjectNameArg)) {
      HasProjectName = true;
      continue;
    }
    if (Command == "report" && Value("commit", CommitArg)) {
      HasCommit = true;
      continue;
    }
    if (Arg == "-h" || Arg == "--help") {
      outs() << "usage:\n" << SubcommandUsage;
      return prodready::ExitClean;
    }
    if (Arg.starts_with("-") && Arg != "-") {
      WithColor::error(errs(), "prodready")
          << Command << ": unknown option '" << Arg << "'\n";
      return prodready::ExitUsage;
    }
    Inputs.push_back(Arg.str());
  }
  if (Command == "merge")
    return prodready::runMerge(Inputs, Out, List);
  if (Inputs.size() != 1) {
    WithColor::error(errs(), "prodready")
        << "report takes exactly one SARIF file\n";
    return prodready::ExitUsage;
  }
  prodready::ReportOptions Report;
  Report.Format = ReportFormat;
  Report.Output = Out;
  Report.ChecklistPath = List;
  Report.LinkBase = LinkBaseArg;
  Report.Color = ColorArg;
  if (HasProjectName)
    Report.ProjectName = ProjectNameArg;
  if (HasCommit)
    Report.Commit = CommitArg;
  return prodready::runReport(Inputs.front(), Report);
}

// `prodready lsp [-p DIR] [--checks=G] [--config=Y|--config-file=F]
// [--source-root=D] [--debounce-ms=N] [--timeout=S]`: the language server.
static int languageServer(int Argc, const char **Argv) {
  prodready::LspOptions Opts;
  Opts.Driver.Quiet = true;
  Opts.Driver.NoCache = true;
  for (int I = 2; I < Argc; ++I) {
    StringRef Arg = Argv[I];
    std::string Value;
    auto Take = [&](StringRef Name) {
      for (StringRef Prefix : {"-", "--"}) {
        std::string Flag = (Prefix + Name).str();
        if (Arg == Flag && I + 1 < Argc) {
          Value = Argv[++I];
          return true;
        }
        if (Arg.starts_with(Flag + "=")) {
          Value = Arg.drop_front(Flag.size() + 1).str();
          return true;
        }
      }
      return false;
    };
    unsigned Number = 0;
    if (Take("p")) {
      Opts.Driver.BuildPath = Value;
    } else if (Take("checks")) {
      Opts.Driver.Analysis.Checks = Value;
    } else if (Take("config")) {
      Opts.Driver.Analysis.ConfigText = Value;
    } else if (Take("config-file")) {
      Opts.Driver.Analysis.ConfigFile = Value;
    } else if (Take("source-root")) {
      Opts.Driver.SourceRoot = Value;
    } else if (Take("debug-crash-on")) {
      Opts.Driver.DebugCrashOn = Value; // testing: the worker crashes
    } else if (Take("debounce-ms") || Take("timeout")) {
      if (StringRef(Value).getAsInteger(10, Number)) {
        WithColor::error(errs(), "prodready")
            << "lsp: " << Arg << " takes a number\n";
        return prodready::ExitUsage;
      }
      if (Arg.contains("debounce"))
        Opts.DebounceMs = Number;
      else
        Opts.Driver.TimeoutSeconds = Number;
    } else if (Take("cache")) {
      Opts.Driver.CacheDir = Value; // where the preambles are kept
    } else if (Arg == "--no-preamble" || Arg == "-no-preamble") {
      Opts.Driver.NoPreamble = true;
    } else if (Arg == "--stdio") {
      // What editors pass to say "over stdio": the only transport.
    } else if (Arg == "-h" || Arg == "--help") {
      outs() << "usage: prodready lsp [-p <build-dir>] [--checks=GLOB] "
                "[--config=YAML | --config-file=F] [--source-root=DIR] "
                "[--debounce-ms=N] [--timeout=SECONDS] [--cache=DIR] "
                "[--no-preamble]\n"
                "  a Language Server (LSP over stdio) publishing prodready's "
                "findings "
                "and their fix-its; see docs/editors.md\n";
      return prodready::ExitClean;
    } else {
      WithColor::error(errs(), "prodready")
          << "lsp: unknown option '" << Arg << "'\n";
      return prodready::ExitUsage;
    }
  }
  return prodready::runLanguageServer(Opts);
}

int main(int Argc, const char **Argv) {
  InitLLVM X(Argc, Argv);
  if (Argc > 1 &&
      (StringRef(Argv[1]) == "merge" || StringRef(Argv[1]) == "report"))
    return subcommand(Argc, Argv);
  if (Argc > 1 && StringRef(Argv[1]) == "lsp")
    return languageServer(Argc, Argv);

  // Everything after `--` is a compile command for all files (a fixed
  // compilation database), as in clang-tidy.
  prodready::DriverOptions Opts;
  int ArgcBefore = Argc;
  for (int I = 1; I < Argc; ++I)
    if (StringRef(Argv[I]) == "--") {
      Opts.FixedArgs = std::vector<std::string>(Argv + I + 1, Argv + Argc);
      ArgcBefore = I;
      break;
    }
  cl::HideUnrelatedOptions(Category);
  cl::SetVersionPrinter(printVersion);
  std::string Overview =
      std::string("prodready: finds the code-level gaps that keep a C++ "
                  "service from being "
                  "production ready.\n\n  prodready -p build/ [files...]\n"
                  "  prodready file.cpp -- -std=c++20\n\nSUBCOMMANDS:\n\n") +
      SubcommandUsage;
  // LLVM registers a boolean --color of its own (WithColor's, with the
  // common options HideUnrelatedOptions registered): prodready's takes
  // auto|always|never and, once decided for stderr, sets LLVM's so that the
  // errors and warnings WithColor prints follow it.
  cl::Option *LLVMColor = cl::getRegisteredOptions().lookup("color");
  if (LLVMColor)
    LLVMColor->removeArgument();
  static cl::opt<std::string> Color(
      "color",
      cl::desc("Colour the text findings and the summary: auto (when the "
               "stream is a terminal and NO_COLOR is unset), always or never"),
      cl::value_desc("auto|always|never"), cl::init("auto"), cl::cat(Category));
  if (!cl::ParseCommandLineOptions(ArgcBefore, Argv, Overview, &errs()))
    return prodready::ExitUsage;
  if (auto Choice = prodready::parseColorChoice(Color); Choice && LLVMColor)
    LLVMColor->addOccurrence(
        0, "color",
        prodready::colorFor(*Choice, STDERR_FILENO) ? "true" : "false");
  Opts.Color = Color;

  Opts.BuildPath = BuildPath;
  Opts.Files = Files;
  if (Checks.getNumOccurrences())
    Opts.Analysis.Checks = Checks;
  if (Config.getNumOccurrences())
    Opts.Analysis.ConfigText = Config;
  Opts.Analysis.ConfigFile = ConfigFile;
  if (!ConfigFile.empty() && Config.getNumOccurrences()) {
    WithColor::error(errs(), "prodready")
        << "--config and --config-file cannot be combined\n";
    return prodready::ExitUsage;
  }
  if (HeaderFilter.getNumOccurrences())
    Opts.Analysis.HeaderFilter = HeaderFilter;
  Opts.Analysis.ExtraArgs = ExtraArg;
  Opts.Analysis.ExtraArgsBefore = ExtraArgBefore;
  Opts.Analysis.IncludeTests = IncludeTests;
  Opts.Analysis.Exclude = ExcludeGlobs;
  Opts.Analysis.Include = IncludeGlobs;
  Opts.Jobs = Jobs;
  Opts.Format = Format;
  Opts.Output = Output;
  Opts.SarifOutput = SarifOutput;
  Opts.Category = RunCategory;
  Opts.ChecklistPath = ChecklistPath;
  Opts.SourceRoot = SourceRoot;
  Opts.CacheDir = CacheDir;
  Opts.NoCache = NoCache;
  Opts.Preamble = PreambleWhen;
  Opts.NoPreamble = NoPreamble;
  Opts.TimeoutSeconds = Timeout;
  if (MaxMemory.getNumOccurrences())
    Opts.MaxMemoryMiB = MaxMemory;
  {
    StringRef Size = StringRef(CacheMaxSize).trim();
    uint64_t Scale = 1ull << 20;
    if (!Size.empty() && StringRef("kKmMgG").contains(Size.back())) {
      char Unit = toLower(Size.back());
      Scale = Unit == 'k' ? 1ull << 10 : Unit == 'm' ? 1ull << 20 : 1ull << 30;
      Size = Size.drop_back();
    }
    uint64_t Count = 0;
    if (Size.getAsInteger(10, Count)) {
      WithColor::error(errs(), "prodready")
          << "--cache-max-size takes a size such as 500M or 2G (a plain number "
             "is MiB)\n";
      return prodready::ExitUsage;
    }
    Opts.CacheMaxBytes = Count * Scale;
  }
  Opts.Baseline = Baseline;
  Opts.ShowBaselined = ShowBaselined;
  Opts.ProgressIntervalSeconds = ProgressInterval;
  Opts.WriteBaseline = WriteBaseline;
  Opts.DiffBase = DiffBase;
  Opts.DiffFile = DiffFile;
  Opts.FailOn = FailOn;
  Opts.Quiet = Quiet;
  Opts.Strict = Strict;
  Opts.ListChecks = ListChecks;
  Opts.Fix = Fix;
  Opts.DebugCrashOn = DebugCrashOn;
  Opts.DebugStallOn = DebugStallOn;
  Opts.LinkBase = LinkBase;
  if (ProjectName.getNumOccurrences())
    Opts.ProjectName = ProjectName;
  if (Commit.getNumOccurrences())
    Opts.Commit = Commit;
  if (!Shard.empty()) {
    auto [K, N] = StringRef(Shard).split('/');
    unsigned Index = 0, Count = 0;
    if (K.getAsInteger(10, Index) || N.getAsInteger(10, Count) || Count == 0 ||
        Index == 0 || Index > Count) {
      WithColor::error(errs(), "prodready")
          << "--shard takes K/N with 1 <= K <= N, e.g. --shard 2/4\n";
      return prodready::ExitUsage;
    }
    Opts.ShardIndex = Index;
    Opts.ShardCount = Count;
  }
  return prodready::runDriver(Opts);
}
