//===--- Baseline.cpp - findings accepted earlier -------------------------===//

#include "Baseline.h"
#include "FileIO.h"
#include "Sarif.h"
#include "Writers.h"
#include <nlohmann/json.hpp>

using nlohmann::json;

namespace prodready {

namespace {

/// The rule, the file relative to \p Root and the fingerprint of each
/// finding.
json baselineJson(const std::vector<Finding> &Findings,
                  const std::string &Root) {
  json Items = json::array();
  for (const Finding &F : Findings) {
    llvm::StringRef File(F.Where.File);
    if (!Root.empty() && File.starts_with(Root + "/"))
      File = File.drop_front(Root.size() + 1);
    Items.push_back({{"rule", F.Rule},
                     {"file", File.str()},
                     {"fingerprint", F.Fingerprint}});
  }
  return {{"tool", "prodready"}, {"version", 1}, {"findings", Items}};
}

} // namespace

llvm::Expected<BaselineKeys> loadBaseline(const std::string &Path) {
  bool Ok;
  std::string Text = readFile(Path, Ok);
  if (!Ok)
    return llvm::createStringError(std::errc::no_such_file_or_directory,
                                   "cannot read baseline '%s'", Path.c_str());
  BaselineKeys Keys;
  json J = json::parse(Text, nullptr, false);
  if (!J.is_discarded() && J.is_object() && J.contains("findings") &&
      J["findings"].is_array()) {
    for (const json &F : J["findings"]) {
      auto Str = [&](const char *Key) {
        auto It = F.is_object() ? F.find(Key) : F.end();
        return It != F.end() && It->is_string() ? It->get<std::string>()
                                                : std::string();
      };
      Keys.insert(Str("rule") + "\n" + Str("file") + "\n" + Str("fingerprint"));
    }
    return Keys;
  }
  // A SARIF log works as a baseline too.
  std::string SarifRoot;
  auto Log = readSarif(Text, Path, SarifRoot);
  if (!Log)
    return llvm::createStringError(
        std::errc::invalid_argument,
        "baseline '%s' is neither a prodready baseline nor a SARIF log: %s",
        Path.c_str(), llvm::toString(Log.takeError()).c_str());
  for (const Finding &F : Log->Findings) {
    llvm::StringRef File(F.Where.File);
    if (!SarifRoot.empty() && File.starts_with(SarifRoot + "/"))
      File = File.drop_front(SarifRoot.size() + 1);
    Keys.insert(F.Rule + "\n" + File.str() + "\n" + F.Fingerprint);
  }
  return Keys;
}

llvm::Error writeBaseline(const std::string &Path,
                          const std::vector<Finding> &Findings,
                          const std::string &Root) {
  return writeFileAtomically(Path,
                             jsonText(baselineJson(Findings, Root), 2) + "\n");
}

void markBaselined(std::vector<Finding> &Findings, const BaselineKeys &Baseline,
                   const std::string &Root) {
  for (Finding &F : Findings) {
    llvm::StringRef Rel(F.Where.File);
    if (Rel.starts_with(Root + "/"))
      Rel = Rel.drop_front(Root.size() + 1);
    F.BaselineState =
        Baseline.count(F.Rule + "\n" + Rel.str() + "\n" + F.Fingerprint)
            ? "unchanged"
            : "new";
  }
}

} // namespace prodready
