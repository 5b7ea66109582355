//===--- Annotations.cpp - GitHub and GitLab code-review outputs ----------===//
//
// Formats that code-review front ends read without code scanning: GitHub
// workflow commands (inline annotations on any repository) and GitLab's Code
// Quality report (merge-request widgets).
//
//===----------------------------------------------------------------------===//

#include "Redact.h"
#include "Writers.h"
#include "llvm/Support/xxhash.h"
#include <nlohmann/json.hpp>

namespace prodready {

// Workflow-command escaping: the message may not break the command.
static std::string escapeData(llvm::StringRef Text) {
  std::string Out;
  for (char C : Text) {
    if (C == '%')
      Out += "%25";
    else if (C == '\r')
      Out += "%0D";
    else if (C == '\n')
      Out += "%0A";
    else
      Out += C;
  }
  return Out;
}

// Property values may not hold the separators either.
static std::string escapeProperty(llvm::StringRef Text) {
  std::string Out;
  for (char C : escapeData(Text)) {
    if (C == ':')
      Out += "%3A";
    else if (C == ',')
      Out += "%2C";
    else
      Out += C;
  }
  return Out;
}

void writeGithubAnnotations(const Report &R, const std::string &SourceRoot,
                            llvm::raw_ostream &OS) {
  for (const Finding &F : R.Findings) {
    llvm::StringRef Command = F.Level == "error"     ? "error"
                              : F.Level == "warning" ? "warning"
                                                     : "notice";
    unsigned EndLine = std::max(F.Where.Line, F.Where.EndLine);
    OS << "::" << Command
       << " file=" << escapeProperty(relativeTo(SourceRoot, F.Where.File))
       << ",line=" << F.Where.Line << ",endLine=" << EndLine
       << ",col=" << F.Where.Column << ",title=" << escapeProperty(F.Rule)
       << "::" << escapeData(redactCredentials(F.Message)) << "\n";
  }
}

void writeCodeClimate(const Report &R, const std::string &SourceRoot,
                      llvm::raw_ostream &OS) {
  nlohmann::ordered_json Issues = nlohmann::ordered_json::array();
  for (const Finding &F : R.Findings) {
    std::string Path = relativeTo(SourceRoot, F.Where.File);
    // Stable across runs and unrelated edits: the rule, the file and the
    // finding's own location-independent fingerprint.
    std::string Key = F.Rule + "\n" + Path + "\n" + F.Fingerprint;
    char Hex[17];
    snprintf(Hex, sizeof(Hex), "%016llx",
             static_cast<unsigned long long>(llvm::xxh3_64bits(Key)));
    llvm::StringRef Severity = F.Level == "error"     ? "critical"
                               : F.Level == "warning" ? "major"
                                                      : "info";
    Issues.push_back(
        {{"type", "issue"},
         {"check_name", F.Rule},
         {"description", redactCredentials(F.Message)},
         {"categories", {"Bug Risk"}},
         {"severity", Severity},
         {"fingerprint", Hex},
         {"location",
          {{"path", Path},
           {"lines",
            {{"begin", F.Where.Line},
             {"end", std::max(F.Where.Line, F.Where.EndLine)}}}}}});
  }
  OS << Issues.dump(2) << "\n";
}

} // namespace prodready
