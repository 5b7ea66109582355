//===--- OutputFormats.cpp - the table of output formats ------------------===//

#include "OutputFormats.h"
#include "Sarif.h"
#include "Writers.h"
#include "llvm/ADT/STLExtras.h"

namespace prodready {

namespace {

// Adapters from the writers' own signatures to the table's ReportWriter.

void writeTextFormat(const Report &R, const OutputContext &Context,
                     llvm::raw_ostream &OS) {
  writeText(R, OS, Context.ShowSource, Context.Color);
}

void writeSarifFormat(const Report &R, const OutputContext &Context,
                      llvm::raw_ostream &OS) {
  SarifOptions Options;
  Options.SourceRoot = Context.SourceRoot;
  Options.Category = Context.Category;
  Options.Items = Context.Items;
  OS << jsonText(toSarif(R, Options), 2) << "\n";
}

void writeMarkdownFormat(const Report &R, const OutputContext &Context,
                         llvm::raw_ostream &OS) {
  ScorecardOptions Options;
  Options.SourceRoot = Context.SourceRoot;
  Options.LinkBase = Context.LinkBase;
  Options.ProjectName = Context.ProjectName;
  Options.Commit = Context.Commit;
  writeMarkdown(R, *Context.Items, Options, OS);
}

/// The findings as the units recorded them, for scripts.
void writeJsonFormat(const Report &R, const OutputContext &,
                     llvm::raw_ostream &OS) {
  nlohmann::json Findings = nlohmann::json::array();
  for (const Finding &F : R.Findings)
    Findings.push_back(toJson(F));
  OS << jsonText(nlohmann::json({{"findings", Findings}}), 2) << "\n";
}

void writeGithubFormat(const Report &R, const OutputContext &Context,
                       llvm::raw_ostream &OS) {
  writeGithubAnnotations(R, Context.SourceRoot, OS);
}

void writeCodeClimateFormat(const Report &R, const OutputContext &Context,
                            llvm::raw_ostream &OS) {
  writeCodeClimate(R, Context.SourceRoot, OS);
}

constexpr OutputFormat Formats[] = {
    // Name, writer, --help note, keeps baselined, rendered from SARIF
    {"text", writeTextFormat, "", false, true},
    {"sarif", writeSarifFormat, "", true, false},
    {"markdown", writeMarkdownFormat, "", false, true},
    {"json", writeJsonFormat, "", false, false},
    {"github", writeGithubFormat, "workflow annotations", false, true},
    {"codeclimate", writeCodeClimateFormat, "GitLab Code Quality", false, true},
};

} // namespace

llvm::ArrayRef<OutputFormat> outputFormats() { return Formats; }

const OutputFormat *findOutputFormat(llvm::StringRef Name) {
  for (const OutputFormat &Format : Formats)
    if (Format.Name == Name)
      return &Format;
  return nullptr;
}

std::vector<llvm::StringRef> reportFormatNames() {
  std::vector<llvm::StringRef> Names = {DefaultReportFormat};
  for (const OutputFormat &Format : Formats)
    if (Format.RenderedFromSarif && Format.Name != DefaultReportFormat)
      Names.push_back(Format.Name);
  return Names;
}

std::vector<llvm::StringRef> driverFormatNames() {
  std::vector<llvm::StringRef> Names;
  for (const OutputFormat &Format : Formats)
    Names.push_back(Format.Name);
  return Names;
}

std::string joinAsAlternatives(llvm::ArrayRef<llvm::StringRef> Names) {
  std::string Out;
  for (size_t I = 0; I < Names.size(); ++I) {
    if (I)
      Out += I + 1 == Names.size() ? " or " : ", ";
    Out += Names[I].str();
  }
  return Out;
}

std::string formatHelp() {
  std::string Help = "Output format: ";
  for (const OutputFormat &Format : Formats) {
    if (&Format != Formats)
      Help += ", ";
    Help += Format.Name.str();
    if (!Format.HelpNote.empty())
      Help += " (" + Format.HelpNote.str() + ")";
  }
  return Help;
}

std::string renderReport(const Report &R, const OutputFormat &Format,
                         const OutputContext &Context) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  Format.Write(R, Context, OS);
  return OS.str();
}

} // namespace prodready
