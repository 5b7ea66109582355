//===--- OutputFormats.h - the table of output formats ----------*- C++ -*-===//
//
// Every output format is one row of one table (in the spirit of the Clang
// Static Analyzer's Analyses.def): its name, its writer, what --help says
// about it and how it treats baselined findings. `--format`'s validation,
// its --help text, `prodready report`'s formats and the dispatch to the
// writers are all derived from the table, so a new format is one new row.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_LIB_CORE_OUTPUTFORMATS_H
#define PRODREADY_LIB_CORE_OUTPUTFORMATS_H

#include "Report.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"
#include <string>
#include <vector>

namespace prodready {

/// What a writer may need besides the report.
struct OutputContext {
  std::string SourceRoot; // absolute; paths under it are shown relative
  std::string Category;   // SARIF automationDetails.id prefix
  const Checklist *Items = nullptr;
  /// Text: quote the source line under each finding. Off when rendering a
  /// SARIF log whose sources may be elsewhere (`prodready report`).
  bool ShowSource = false;
  /// Text: ANSI colours (--color, decided for the stream written to).
  bool Color = false;
  /// Markdown: --link-base, --project-name, --commit.
  std::string LinkBase, ProjectName, Commit;
};

using ReportWriter = void (*)(const Report &R, const OutputContext &Context,
                              llvm::raw_ostream &OS);

struct OutputFormat {
  llvm::StringLiteral Name;
  ReportWriter Write;
  /// Shown after the name in --help, e.g. "workflow annotations"; or "".
  llvm::StringLiteral HelpNote;
  /// SARIF keeps every result with its baselineState, so that code scanning
  /// keeps the alerts of baselined findings open; the other formats show
  /// only new findings unless --show-baselined.
  bool KeepsBaselined;
  /// `prodready report` can render it from a SARIF log.
  bool RenderedFromSarif;
};

/// The table, in the order --help lists the formats.
llvm::ArrayRef<OutputFormat> outputFormats();

/// The row named \p Name, or null.
const OutputFormat *findOutputFormat(llvm::StringRef Name);

/// The default format of the driver and of `prodready report`.
inline constexpr llvm::StringLiteral DefaultFormat = "text";
inline constexpr llvm::StringLiteral DefaultReportFormat = "markdown";

/// The names `prodready report --format` accepts, its default first.
std::vector<llvm::StringRef> reportFormatNames();

/// The names the driver's --format accepts, in table order.
std::vector<llvm::StringRef> driverFormatNames();

/// "a, b or c".
std::string joinAsAlternatives(llvm::ArrayRef<llvm::StringRef> Names);

/// The --format option's description in --help.
std::string formatHelp();

/// Renders \p R in \p Format with its writer.
std::string renderReport(const Report &R, const OutputFormat &Format,
                         const OutputContext &Context);

} // namespace prodready

#endif // PRODREADY_LIB_CORE_OUTPUTFORMATS_H
