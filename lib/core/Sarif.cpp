//===--- Sarif.cpp - SARIF 2.1.0 output and input -------------------------===//
//
// Produces a log that GitHub code scanning and other SARIF consumers ingest
// without warnings: full rule metadata, checklist and CWE taxonomies,
// %SRCROOT%-relative URIs, content-based fingerprints. Output is a pure
// function of the Report, so equal inputs give byte-identical logs.
//
//===----------------------------------------------------------------------===//

#include "Sarif.h"
#include "Summaries.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"
#include <map>
#include <set>

using ojson = nlohmann::ordered_json;

namespace prodready {

static const char *const ChecklistTaxonomy = "prodready-checklist";
static const char *const ChecklistGuid = "6f1c2b9e-4c1d-4e55-9a3a-0d6f5e2b8a11";
static const char *const CweTaxonomy = "CWE";
static const char *const CweGuid = "a7a4e3a4-3b3f-4c83-8a5a-3b1e6f0b2c01";

/// Names of the CWE entries the catalogue uses.
static const std::map<int, const char *> &cweNames() {
  static const std::map<int, const char *> Names = {
      {252, "Unchecked Return Value"},
      {295, "Improper Certificate Validation"},
      {319, "Cleartext Transmission of Sensitive Information"},
      {382, "J2EE Bad Practices: Use of System.exit()"},
      {390, "Detection of Error Condition Without Action"},
      {391, "Unchecked Error Condition"},
      {404, "Improper Resource Shutdown or Release"},
      {476, "NULL Pointer Dereference"},
      {532, "Insertion of Sensitive Information into Log File"},
      {705, "Incorrect Control Flow Scoping"},
      {798, "Use of Hard-coded Credentials"},
      {833, "Deadlock"},
      {1050, "Excessive Platform Resource Consumption within a Loop"},
      {1088, "Synchronous Access of Remote Resource without Timeout"},
  };
  return Names;
}

std::string encodeUriPath(llvm::StringRef Path) {
  std::string Out;
  for (unsigned char C : Path) {
    if (llvm::isAlnum(C) || C == '-' || C == '.' || C == '_' || C == '~' ||
        C == '/')
      Out += static_cast<char>(C);
    else {
      Out += '%';
      Out += llvm::hexdigit(C >> 4, false);
      Out += llvm::hexdigit(C & 15, false);
    }
  }
  return Out;
}

static std::string decodeUriPath(llvm::StringRef Uri) {
  std::string Out;
  for (size_t I = 0; I < Uri.size(); ++I) {
    if (Uri[I] == '%' && I + 2 < Uri.size()) {
      unsigned Value;
      if (!Uri.substr(I + 1, 2).getAsInteger(16, Value)) {
        Out += static_cast<char>(Value);
        I += 2;
        continue;
      }
    }
    Out += Uri[I];
  }
  return Out;
}

namespace {

class SarifBuilder {
public:
  SarifBuilder(const Report &R, const SarifOptions &Opts) : R(R), Opts(Opts) {
    Root = Opts.SourceRoot;
    while (Root.size() > 1 && Root.back() == '/')
      Root.pop_back();
  }

  ojson build() {
    ojson Run;
    ojson Driver = {{"name", "prodready"},
                    {"semanticVersion", PRODREADY_VERSION},
                    {"version", PRODREADY_VERSION},
                    {"informationUri", ToolInformationUri},
                    {"organization", "prodready"}};
    Driver["rules"] = rules();
    Driver["supportedTaxonomies"] =
        ojson::array({{{"name", ChecklistTaxonomy}, {"guid", ChecklistGuid}},
                      {{"name", CweTaxonomy}, {"guid", CweGuid}}});
    Run["tool"] = {{"driver", Driver}};
    Run["automationDetails"] = {
        {"id",
         (Opts.Category.empty() ? std::string("prodready") : Opts.Category) +
             "/"}};
    if (!Root.empty())
      Run["originalUriBaseIds"] = {
          {"%SRCROOT%", {{"uri", "file://" + encodeUriPath(Root) + "/"}}}};
    // Code scanning locates results relative to the checkout: a result in a
    // file outside the source root cannot be shown there, and an absolute
    // URI makes GitHub reject the whole upload. Such results are left out
    // and counted in a notification (text output still shows them).
    ojson Results = ojson::array();
    unsigned Outside = 0;
    for (const Finding &F : R.Findings) {
      if (!underRoot(F.Where.File)) {
        ++Outside;
        continue;
      }
      Results.push_back(result(F));
    }
    Run["invocations"] = ojson::array({invocation(Outside)});
    Run["taxonomies"] = taxonomies();
    Run["columnKind"] = "unicodeCodePoints";
    Run["results"] = Results;
    // A shard's call summaries, for `prodready merge` to link across shards
    // (a property bag: code scanning ignores it).
    if (!R.Summaries.empty())
      Run["properties"] = {{"prodreadyCallSummaries", toJson(R.Summaries)}};
    return {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
            {"version", "2.1.0"},
            {"runs", ojson::array({Run})}};
  }

private:
  bool underRoot(llvm::StringRef File) const {
    return Root.empty() || File.starts_with(Root + "/");
  }

  ojson artifactLocation(const std::string &File) const {
    llvm::StringRef Path(File);
    if (!Root.empty() && Path.starts_with(Root + "/"))
      return {{"uri", encodeUriPath(Path.drop_front(Root.size() + 1))},
              {"uriBaseId", "%SRCROOT%"}};
    return {{"uri", "file://" + encodeUriPath(Path)}};
  }

  static ojson region(const TextRange &T) {
    return {{"startLine", T.Line},
            {"startColumn", T.CharColumn},
            {"endLine", std::max(T.EndLine, T.Line)},
            {"endColumn", T.EndLine > T.Line
                              ? T.EndCharColumn
                              : std::max(T.EndCharColumn, T.CharColumn + 1)}};
  }

  /// The exact text a fix replaces: empty (start == end) for an insertion,
  /// where a result's region always covers at least one character.
  static ojson replacedRegion(const TextRange &T) {
    if (T.Length == 0)
      return {{"startLine", T.Line},
              {"startColumn", T.CharColumn},
              {"endLine", T.Line},
              {"endColumn", T.CharColumn}};
    return {{"startLine", T.Line},
            {"startColumn", T.CharColumn},
            {"endLine", std::max(T.EndLine, T.Line)},
            {"endColumn", T.EndCharColumn}};
  }

  ojson physical(const TextRange &T) const {
    return {{"artifactLocation", artifactLocation(T.File)},
            {"region", region(T)}};
  }

  static std::string sarifLevel(const std::string &Level) {
    return Level == "error" || Level == "warning" || Level == "note"
               ? Level
               : "warning";
  }

  ojson rules() {
    ojson Rules = ojson::array();
    unsigned Index = 0;
    for (const RuleInfo &Info : ruleCatalog()) {
      RuleIndex[Info.Id] = Index++;
      ojson Tags = ojson::array();
      for (const std::string &T : Info.Tags)
        Tags.push_back(T);
      for (int Cwe : Info.Cwe)
        Tags.push_back("external/cwe/cwe-" + std::to_string(Cwe));
      ojson Relationships = ojson::array();
      if (Opts.Items)
        for (const ChecklistItem *Item : Opts.Items->itemsForRule(Info.Id)) {
          if (Tags.size() < 20)
            Tags.push_back("checklist/" + Item->Id);
          Relationships.push_back(
              {{"target",
                {{"id", Item->Id},
                 {"toolComponent",
                  {{"name", ChecklistTaxonomy}, {"guid", ChecklistGuid}}}}},
               {"kinds", ojson::array({"superset"})}});
        }
      for (int Cwe : Info.Cwe)
        Relationships.push_back(
            {{"target",
              {{"id", std::to_string(Cwe)},
               {"toolComponent", {{"name", CweTaxonomy}, {"guid", CweGuid}}}}},
             {"kinds", ojson::array({"superset"})}});
      ojson Properties = {{"tags", Tags},
                          {"precision", Info.Precision},
                          {"problem.severity", Info.ProblemSeverity}};
      if (!Info.SecuritySeverity.empty())
        Properties["security-severity"] = Info.SecuritySeverity;
      llvm::StringRef Short(Info.Id);
      Short.consume_front("prodready-");
      Rules.push_back(
          {{"id", Info.Id},
           {"name", Info.Name},
           {"shortDescription", {{"text", Info.ShortDescription}}},
           {"fullDescription", {{"text", Info.FullDescription}}},
           {"help",
            {{"text", Info.HelpText},
             {"markdown", Info.HelpMarkdown.empty() ? Info.FullDescription
                                                    : Info.HelpMarkdown}}},
           {"helpUri", std::string(DocsBaseUri) + Short.str() + ".md"},
           {"defaultConfiguration",
            {{"enabled", true}, {"level", sarifLevel(Info.Level)}}},
           {"relationships", Relationships},
           {"properties", Properties}});
    }
    return Rules;
  }

  ojson taxonomies() const {
    ojson Result = ojson::array();
    if (Opts.Items) {
      ojson Taxa = ojson::array();
      for (const ChecklistItem &Item : Opts.Items->Items) {
        ojson Taxon = {{"id", Item.Id},
                       {"name", Item.Title},
                       {"shortDescription", {{"text", Item.Title}}}};
        if (!Item.Rationale.empty())
          Taxon["fullDescription"] = {{"text", Item.Rationale}};
        Taxon["properties"] = {{"section", Item.SectionTitle},
                               {"automated", Item.automated()}};
        Taxa.push_back(Taxon);
      }
      ojson Checklist = {{"name", ChecklistTaxonomy},
                         {"guid", ChecklistGuid},
                         {"version", Opts.Items->Version.empty()
                                         ? std::string("1")
                                         : Opts.Items->Version},
                         {"organization", "prodready"},
                         {"shortDescription", {{"text", Opts.Items->Title}}},
                         {"taxa", Taxa}};
      Result.push_back(Checklist);
    }
    std::set<int> Used;
    for (const RuleInfo &Info : ruleCatalog())
      Used.insert(Info.Cwe.begin(), Info.Cwe.end());
    ojson Taxa = ojson::array();
    for (int Id : Used) {
      auto It = cweNames().find(Id);
      Taxa.push_back(
          {{"id", std::to_string(Id)},
           {"name", It != cweNames().end() ? It->second : "CWE entry"},
           {"shortDescription",
            {{"text", "CWE-" + std::to_string(Id) + ": " +
                          (It != cweNames().end() ? It->second : "")}}},
           {"helpUri", "https://cwe.mitre.org/data/definitions/" +
                           std::to_string(Id) + ".html"}});
    }
    Result.push_back({{"name", CweTaxonomy},
                      {"guid", CweGuid},
                      {"version", "4.13"},
                      {"organization", "MITRE"},
                      {"informationUri",
                       "https://cwe.mitre.org/data/published/cwe_v4.13.pdf"},
                      {"shortDescription",
                       {{"text", "The MITRE Common Weakness Enumeration"}}},
                      {"taxa", Taxa}});
    return Result;
  }

  ojson invocation(unsigned Outside) const {
    ojson Notifications = ojson::array();
    for (const Notification &N : R.Notifications) {
      std::string Message = N.Message;
      if (!N.File.empty() && !underRoot(N.File))
        Message = N.File + ": " + Message;
      ojson Item = {
          {"level", sarifLevel(N.Level)},
          {"message", {{"text", Message}}},
          {"descriptor", {{"id", N.Id.empty() ? std::string("note") : N.Id}}}};
      if (!N.File.empty() && underRoot(N.File))
        Item["locations"] = ojson::array(
            {{{"physicalLocation",
               {{"artifactLocation", artifactLocation(N.File)}}}}});
      Notifications.push_back(Item);
    }
    if (Outside)
      Notifications.push_back(
          {{"level", "warning"},
           {"message",
            {{"text",
              std::to_string(Outside) +
                  " finding(s) in files outside the source root '" + Root +
                  "' are not in this log, since code scanning cannot locate "
                  "them; pass --source-root to include them"}}},
           {"descriptor", {{"id", "outside-source-root"}}}});
    ojson Invocation = {{"executionSuccessful", R.ExecutionSuccessful}};
    if (!Notifications.empty())
      Invocation["toolExecutionNotifications"] = Notifications;
    // Nothing run-specific (times, cache hits): equal input, equal bytes.
    ojson Rules = ojson::array();
    for (const std::string &Rule : R.Rules)
      Rules.push_back(Rule);
    Invocation["properties"] = {{"filesAnalysed", R.FilesAnalysed},
                                {"filesFailed", R.FilesFailed},
                                {"rulesRun", Rules}};
    if (!R.OutOfScope.empty())
      Invocation["properties"]["filesOutOfScope"] = R.OutOfScope;
    return Invocation;
  }

  ojson result(const Finding &F) {
    ojson Result = {{"ruleId", F.Rule}};
    auto It = RuleIndex.find(F.Rule);
    if (It != RuleIndex.end())
      Result["ruleIndex"] = It->second;
    Result["level"] = sarifLevel(F.Level);
    Result["message"] = {{"text", F.Message}};
    Result["locations"] =
        ojson::array({{{"physicalLocation", physical(F.Where)}}});
    Result["partialFingerprints"] = {
        {"primaryLocationLineHash", F.Fingerprint}};
    if (!F.BaselineState.empty())
      Result["baselineState"] = F.BaselineState;
    if (!F.Notes.empty()) {
      ojson Related = ojson::array();
      unsigned Id = 1;
      for (const FindingNote &N : F.Notes)
        Related.push_back({{"id", Id++},
                           {"physicalLocation", physical(N.Where)},
                           {"message", {{"text", N.Message}}}});
      Result["relatedLocations"] = Related;
      const RuleInfo *Info = findRule(F.Rule);
      if (Info && Info->CodeFlow) {
        ojson Steps = ojson::array();
        for (const FindingNote &N : F.Notes)
          Steps.push_back({{"location",
                            {{"physicalLocation", physical(N.Where)},
                             {"message", {{"text", N.Message}}}}}});
        Steps.push_back({{"location",
                          {{"physicalLocation", physical(F.Where)},
                           {"message", {{"text", "sink: " + F.Message}}}}}});
        Result["codeFlows"] = ojson::array(
            {{{"threadFlows", ojson::array({{{"locations", Steps}}})}}});
      } else if (Info && Info->CallPathFlow && F.Notes.size() >= 2) {
        // The notes are the steps of a call path, then the async context:
        // the flow runs from the context through the call the finding is at
        // to the blocking call.
        auto Step = [&](const TextRange &Where, const std::string &Text) {
          return ojson{{"location",
                        {{"physicalLocation", physical(Where)},
                         {"message", {{"text", Text}}}}}};
        };
        ojson Steps = ojson::array();
        Steps.push_back(Step(F.Notes.back().Where, F.Notes.back().Message));
        Steps.push_back(Step(F.Where, "the call made in the async context"));
        for (size_t I = 0; I + 1 < F.Notes.size(); ++I)
          Steps.push_back(Step(F.Notes[I].Where, F.Notes[I].Message));
        Result["codeFlows"] = ojson::array(
            {{{"threadFlows", ojson::array({{{"locations", Steps}}})}}});
      }
    }
    if (!F.Fixes.empty()) {
      std::map<std::string, ojson> ByFile;
      for (const FixReplacement &Fix : F.Fixes) {
        ByFile[Fix.Where.File].push_back(
            {{"deletedRegion", replacedRegion(Fix.Where)},
             {"insertedContent", {{"text", Fix.Text}}}});
      }
      ojson Changes = ojson::array();
      for (auto &[File, Replacements] : ByFile)
        Changes.push_back({{"artifactLocation", artifactLocation(File)},
                           {"replacements", Replacements}});
      Result["fixes"] = ojson::array(
          {{{"description", {{"text", "Apply the suggested change"}}},
            {"artifactChanges", Changes}}});
    }
    if (Opts.Items) {
      ojson Taxa = ojson::array(), Ids = ojson::array();
      for (const ChecklistItem *Item : Opts.Items->itemsForRule(F.Rule)) {
        Taxa.push_back(
            {{"id", Item->Id},
             {"toolComponent",
              {{"name", ChecklistTaxonomy}, {"guid", ChecklistGuid}}}});
        Ids.push_back(Item->Id);
      }
      if (!Taxa.empty()) {
        Result["taxa"] = Taxa;
        Result["properties"] = {{"checklist", Ids}};
      }
    }
    return Result;
  }

  const Report &R;
  const SarifOptions &Opts;
  std::string Root;
  std::map<std::string, unsigned> RuleIndex;
};

} // namespace

ojson toSarif(const Report &R, const SarifOptions &Opts) {
  return SarifBuilder(R, Opts).build();
}

static llvm::Expected<Report> readSarifUnchecked(llvm::StringRef Text,
                                                 llvm::StringRef Origin,
                                                 std::string &SourceRoot) {
  auto Fail = [&](const std::string &Problem) {
    return llvm::createStringError(std::errc::invalid_argument, "%s: %s",
                                   Origin.str().c_str(), Problem.c_str());
  };
  nlohmann::json Log =
      nlohmann::json::parse(Text.begin(), Text.end(), nullptr, false);
  if (Log.is_discarded())
    return Fail("not valid JSON");
  if (!Log.is_object() || Log.value("version", "") != "2.1.0" ||
      !Log.contains("runs") || !Log["runs"].is_array())
    return Fail("not a SARIF 2.1.0 log");
  Report R;
  for (const auto &Run : Log["runs"]) {
    if (!Run.is_object())
      return Fail("a run is not an object");
    std::string Root;
    if (Run.contains("originalUriBaseIds") &&
        Run["originalUriBaseIds"].is_object() &&
        Run["originalUriBaseIds"].contains("%SRCROOT%")) {
      std::string Uri = Run["originalUriBaseIds"]["%SRCROOT%"].value("uri", "");
      llvm::StringRef U(Uri);
      if (U.consume_front("file://")) {
        Root = decodeUriPath(U);
        while (Root.size() > 1 && Root.back() == '/')
          Root.pop_back();
      }
    }
    if (SourceRoot.empty())
      SourceRoot = Root;
    if (R.Commit.empty() && Run.contains("versionControlProvenance") &&
        Run["versionControlProvenance"].is_array() &&
        !Run["versionControlProvenance"].empty() &&
        Run["versionControlProvenance"][0].is_object()) {
      const auto &Provenance = Run["versionControlProvenance"][0];
      auto Text = [&](const char *Key) {
        return Provenance.contains(Key) && Provenance[Key].is_string()
                   ? Provenance[Key].get<std::string>()
                   : std::string();
      };
      R.RepositoryUri = Text("repositoryUri");
      R.Commit = Text("revisionId");
    }
    auto PathOf = [&](const nlohmann::json &Artifact) -> std::string {
      std::string Uri = Artifact.value("uri", "");
      llvm::StringRef U(Uri);
      if (U.consume_front("file://"))
        return decodeUriPath(U);
      std::string Rel = decodeUriPath(U);
      return Root.empty() ? Rel : Root + "/" + Rel;
    };
    auto RangeOf = [&](const nlohmann::json &Physical, TextRange &T) {
      if (!Physical.is_object() || !Physical.contains("artifactLocation"))
        return false;
      T.File = PathOf(Physical["artifactLocation"]);
      if (Physical.contains("region") && Physical["region"].is_object()) {
        const auto &Reg = Physical["region"];
        T.Line = Reg.value("startLine", 1u);
        T.Column = T.CharColumn = Reg.value("startColumn", 1u);
        T.EndLine = Reg.value("endLine", T.Line);
        T.EndColumn = T.EndCharColumn = Reg.value("endColumn", T.Column + 1);
      }
      return true;
    };
    if (Run.contains("invocations") && Run["invocations"].is_array())
      for (const auto &Inv : Run["invocations"]) {
        if (!Inv.is_object())
          continue;
        if (!Inv.value("executionSuccessful", true))
          R.ExecutionSuccessful = false;
        if (Inv.contains("properties") && Inv["properties"].is_object()) {
          R.FilesAnalysed += Inv["properties"].value("filesAnalysed", 0u);
          R.FilesFailed += Inv["properties"].value("filesFailed", 0u);
          if (Inv["properties"].contains("filesOutOfScope") &&
              Inv["properties"]["filesOutOfScope"].is_object())
            for (auto It = Inv["properties"]["filesOutOfScope"].begin();
                 It != Inv["properties"]["filesOutOfScope"].end(); ++It)
              if (It->is_number_unsigned())
                R.OutOfScope[It.key()] += It->get<unsigned>();
          if (Inv["properties"].contains("rulesRun") &&
              Inv["properties"]["rulesRun"].is_array())
            for (const auto &Rule : Inv["properties"]["rulesRun"])
              if (Rule.is_string() &&
                  !llvm::is_contained(R.Rules, Rule.get<std::string>()))
                R.Rules.push_back(Rule.get<std::string>());
        }
        if (Inv.contains("toolExecutionNotifications") &&
            Inv["toolExecutionNotifications"].is_array())
          for (const auto &N : Inv["toolExecutionNotifications"]) {
            if (!N.is_object())
              continue;
            Notification Item;
            Item.Level = N.value("level", "warning");
            if (N.contains("message") && N["message"].is_object())
              Item.Message = N["message"].value("text", "");
            if (N.contains("descriptor") && N["descriptor"].is_object())
              Item.Id = N["descriptor"].value("id", "");
            if (N.contains("locations") && N["locations"].is_array() &&
                !N["locations"].empty() && N["locations"][0].is_object() &&
                N["locations"][0].contains("physicalLocation")) {
              TextRange T;
              if (RangeOf(N["locations"][0]["physicalLocation"], T))
                Item.File = T.File;
            }
            R.Notifications.push_back(std::move(Item));
          }
      }
    if (Run.contains("properties") && Run["properties"].is_object() &&
        Run["properties"].contains("prodreadyCallSummaries")) {
      CallSummaries Summaries;
      if (!fromJson(Run["properties"]["prodreadyCallSummaries"], Summaries))
        return Fail("malformed call summaries");
      R.Summaries.append(std::move(Summaries));
    }
    if (!Run.contains("results") || !Run["results"].is_array())
      continue;
    for (const auto &Res : Run["results"]) {
      if (!Res.is_object())
        return Fail("a result is not an object");
      Finding F;
      F.Rule = Res.value("ruleId", "");
      // SARIF: a result without a level has its rule's default level.
      const RuleInfo *Rule = findRule(F.Rule);
      F.Level = Res.value("level", Rule ? Rule->Level : std::string("warning"));
      if (Res.contains("message") && Res["message"].is_object())
        F.Message = Res["message"].value("text", "");
      if (F.Rule.empty() || !Res.contains("locations") ||
          !Res["locations"].is_array() || Res["locations"].empty() ||
          !Res["locations"][0].is_object() ||
          !RangeOf(
              Res["locations"][0].value("physicalLocation", nlohmann::json()),
              F.Where))
        return Fail("a result has no ruleId or no physical location");
      if (Res.contains("partialFingerprints") &&
          Res["partialFingerprints"].is_object())
        F.Fingerprint =
            Res["partialFingerprints"].value("primaryLocationLineHash", "");
      if (Res.contains("baselineState") && Res["baselineState"].is_string())
        F.BaselineState = Res["baselineState"].get<std::string>();
      if (Res.contains("relatedLocations") &&
          Res["relatedLocations"].is_array())
        for (const auto &Rel : Res["relatedLocations"]) {
          FindingNote N;
          if (!Rel.is_object() ||
              !RangeOf(Rel.value("physicalLocation", nlohmann::json()),
                       N.Where))
            continue;
          if (Rel.contains("message") && Rel["message"].is_object())
            N.Message = Rel["message"].value("text", "");
          F.Notes.push_back(std::move(N));
        }
      R.Findings.push_back(std::move(F));
    }
  }
  return R;
}

// Malformed input may have the right syntax but wrong types (a string where
// a number belongs): nlohmann_json reports that by throwing.
llvm::Expected<Report> readSarif(llvm::StringRef Text, llvm::StringRef Origin,
                                 std::string &SourceRoot) {
  try {
    return readSarifUnchecked(Text, Origin, SourceRoot);
  } catch (const nlohmann::json::exception &E) {
    return llvm::createStringError(std::errc::invalid_argument,
                                   "%s: malformed SARIF: %s",
                                   Origin.str().c_str(), E.what());
  }
}

} // namespace prodready
