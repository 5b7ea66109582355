//===--- Finding.cpp - result model and its JSON form ---------------------===//

#include "Finding.h"
#include "Summaries.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"
#include <algorithm>
#include <tuple>

using nlohmann::json;

namespace prodready {

json toJson(const TextRange &R) {
  return {{"file", R.File},
          {"offset", R.Offset},
          {"length", R.Length},
          {"line", R.Line},
          {"column", R.Column},
          {"endLine", R.EndLine},
          {"endColumn", R.EndColumn},
          {"charColumn", R.CharColumn},
          {"endCharColumn", R.EndCharColumn}};
}

json toJson(const Finding &F) {
  json Notes = json::array(), Fixes = json::array();
  for (const FindingNote &N : F.Notes)
    Notes.push_back({{"message", N.Message}, {"where", toJson(N.Where)}});
  for (const FixReplacement &R : F.Fixes)
    Fixes.push_back({{"where", toJson(R.Where)}, {"text", R.Text}});
  json J = {{"rule", F.Rule},         {"level", F.Level},
            {"message", F.Message},   {"where", toJson(F.Where)},
            {"notes", Notes},         {"fixes", Fixes},
            {"lineHash", F.LineHash}, {"fingerprint", F.Fingerprint}};
  if (F.WarningAsError)
    J["warningAsError"] = true;
  return J;
}

json toJson(const Notification &N) {
  return {{"file", N.File},
          {"level", N.Level},
          {"message", N.Message},
          {"id", N.Id}};
}

json toJson(const UnitResult &U) {
  json Findings = json::array(), Notes = json::array(), Deps = json::array();
  for (const Finding &F : U.Findings)
    Findings.push_back(toJson(F));
  for (const Notification &N : U.Notifications)
    Notes.push_back(toJson(N));
  for (const auto &[Path, Hash] : U.Dependencies)
    Deps.push_back({Path, Hash});
  json SecretLines = json::array();
  for (const auto &[Path, Line] : U.SecretLines)
    SecretLines.push_back({Path, Line});
  return {{"file", U.File},
          {"parsed", U.Parsed},
          {"crashed", U.Crashed},
          {"findings", Findings},
          {"notifications", Notes},
          {"dependencies", Deps},
          {"statistics", U.Statistics},
          {"outOfScope", U.OutOfScope},
          {"secretLines", SecretLines},
          {"seconds", U.Seconds},
          {"summaries", toJson(U.Summaries)}};
}

namespace {
template <typename T> bool get(const json &J, const char *Key, T &Out) {
  if (!J.is_object())
    return false;
  auto It = J.find(Key);
  if (It == J.end())
    return false;
  if constexpr (std::is_same_v<T, std::string>) {
    if (!It->is_string())
      return false;
    Out = It->template get<std::string>();
  } else if constexpr (std::is_same_v<T, bool>) {
    if (!It->is_boolean())
      return false;
    Out = It->template get<bool>();
  } else if constexpr (std::is_same_v<T, double>) {
    if (!It->is_number())
      return false;
    Out = It->template get<double>();
  } else {
    if (!It->is_number_unsigned())
      return false;
    Out = It->template get<T>();
  }
  return true;
}
} // namespace

bool fromJson(const json &J, TextRange &R) {
  return get(J, "file", R.File) && get(J, "offset", R.Offset) &&
         get(J, "length", R.Length) && get(J, "line", R.Line) &&
         get(J, "column", R.Column) && get(J, "endLine", R.EndLine) &&
         get(J, "endColumn", R.EndColumn) &&
         get(J, "charColumn", R.CharColumn) &&
         get(J, "endCharColumn", R.EndCharColumn);
}

bool fromJson(const json &J, Finding &F) {
  if (!get(J, "rule", F.Rule) || !get(J, "level", F.Level) ||
      !get(J, "message", F.Message) || !J.contains("where") ||
      !fromJson(J["where"], F.Where))
    return false;
  get(J, "lineHash", F.LineHash);
  get(J, "fingerprint", F.Fingerprint);
  get(J, "warningAsError", F.WarningAsError);
  if (J.contains("notes") && J["notes"].is_array())
    for (const json &N : J["notes"]) {
      FindingNote Note;
      if (!get(N, "message", Note.Message) || !N.contains("where") ||
          !fromJson(N["where"], Note.Where))
        return false;
      F.Notes.push_back(std::move(Note));
    }
  if (J.contains("fixes") && J["fixes"].is_array())
    for (const json &X : J["fixes"]) {
      FixReplacement Fix;
      if (!get(X, "text", Fix.Text) || !X.contains("where") ||
          !fromJson(X["where"], Fix.Where))
        return false;
      F.Fixes.push_back(std::move(Fix));
    }
  return true;
}

unsigned levelRank(llvm::StringRef Level) {
  return Level == "error"     ? 3
         : Level == "warning" ? 2
         : Level == "note"    ? 1
                              : 0;
}

llvm::StringRef higherLevel(llvm::StringRef A, llvm::StringRef B) {
  return levelRank(B) > levelRank(A) ? B : A;
}

bool fromJson(const json &J, Notification &N) {
  return get(J, "file", N.File) && get(J, "level", N.Level) &&
         get(J, "message", N.Message) && get(J, "id", N.Id);
}

static bool fromJsonUnchecked(const json &J, UnitResult &U) {
  if (!get(J, "file", U.File) || !get(J, "parsed", U.Parsed) ||
      !get(J, "crashed", U.Crashed))
    return false;
  get(J, "seconds", U.Seconds);
  for (const char *Key : {"findings", "notifications", "dependencies"})
    if (!J.contains(Key) || !J[Key].is_array())
      return false;
  for (const json &F : J["findings"]) {
    Finding Item;
    if (!fromJson(F, Item))
      return false;
    U.Findings.push_back(std::move(Item));
  }
  for (const json &N : J["notifications"]) {
    Notification Item;
    if (!fromJson(N, Item))
      return false;
    U.Notifications.push_back(std::move(Item));
  }
  for (const json &D : J["dependencies"]) {
    if (!D.is_array() || D.size() != 2 || !D[0].is_string() ||
        !D[1].is_string())
      return false;
    U.Dependencies.emplace_back(D[0].get<std::string>(),
                                D[1].get<std::string>());
  }
  if (J.contains("statistics") && J["statistics"].is_object())
    for (auto It = J["statistics"].begin(); It != J["statistics"].end(); ++It)
      if (It->is_number_unsigned())
        U.Statistics[It.key()] = It->get<unsigned>();
  if (J.contains("secretLines") && J["secretLines"].is_array())
    for (const json &L : J["secretLines"])
      if (L.is_array() && L.size() == 2 && L[0].is_string() &&
          L[1].is_number_unsigned())
        U.SecretLines.emplace(L[0].get<std::string>(), L[1].get<unsigned>());
  if (J.contains("outOfScope") && J["outOfScope"].is_object())
    for (auto It = J["outOfScope"].begin(); It != J["outOfScope"].end(); ++It)
      if (It->is_string())
        U.OutOfScope[It.key()] = It->get<std::string>();
  if (J.contains("summaries") && !fromJson(J["summaries"], U.Summaries))
    return false;
  return true;
}

static auto sortKey(const Finding &F) {
  return std::tie(F.Where.File, F.Where.Line, F.Where.Column, F.Rule,
                  F.Message);
}

bool operator<(const Finding &A, const Finding &B) {
  return sortKey(A) < sortKey(B);
}

bool sameFinding(const Finding &A, const Finding &B) {
  // One rule reports one finding per place. Units that include the same
  // header may word it differently (one of them sees a signal handler that
  // sets the polled flag), and the merge keeps the first wording in order.
  return std::tie(A.Where.File, A.Where.Line, A.Where.Column, A.Rule) ==
         std::tie(B.Where.File, B.Where.Line, B.Where.Column, B.Rule);
}

void assignFingerprints(std::vector<Finding> &Findings) {
  std::vector<Finding *> Order;
  for (Finding &F : Findings)
    Order.push_back(&F);
  std::stable_sort(Order.begin(), Order.end(),
                   [](const Finding *A, const Finding *B) { return *A < *B; });
  std::map<std::tuple<std::string, std::string, std::string>, unsigned> Seen;
  for (Finding *F : Order) {
    unsigned Occurrence = ++Seen[{F->Where.File, F->Rule, F->LineHash}];
    uint64_t Hash = llvm::xxh3_64bits(F->Rule + "\n" + F->LineHash);
    std::string Text;
    llvm::raw_string_ostream OS(Text);
    OS << llvm::format_hex_no_prefix(Hash, 16) << ":" << Occurrence;
    F->Fingerprint = OS.str();
  }
}

bool fromJson(const json &J, UnitResult &U) {
  try {
    return fromJsonUnchecked(J, U);
  } catch (const nlohmann::json::exception &) {
    return false;
  }
}

} // namespace prodready
