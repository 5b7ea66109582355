//===--- Catalog.cpp - rule metadata and the readiness checklist ----------===//

#include "Catalog.h"
#include "Resources.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLParser.h"
#include <nlohmann/json.hpp>

using nlohmann::json;

namespace prodready {

const char *const ToolInformationUri = "https://github.com/prodready/prodready";
const char *const DocsBaseUri =
    "https://github.com/prodready/prodready/blob/main/docs/checks/";

std::string RuleInfo::docPath() const {
  llvm::StringRef Short(Id);
  Short.consume_front("prodready-");
  return ("docs/checks/" + Short + ".md").str();
}

static std::string stripMarkdown(llvm::StringRef Markdown) {
  std::string Out;
  bool InFence = false;
  llvm::SmallVector<llvm::StringRef, 64> Lines;
  Markdown.split(Lines, '\n');
  for (llvm::StringRef Line : Lines) {
    if (Line.starts_with("```")) {
      InFence = !InFence;
      continue;
    }
    if (!InFence) {
      Line = Line.ltrim("#").ltrim();
    }
    std::string Text;
    for (char C : Line)
      if (InFence || C != '`')
        Text += C;
    Out += Text + "\n";
  }
  return Out;
}

const std::vector<RuleInfo> &ruleCatalog() {
  static const std::vector<RuleInfo> Rules = [] {
    std::vector<RuleInfo> Result;
    auto Text = embeddedFile("lib/data/rules.json");
    json Data =
        json::parse(Text ? Text->str() : std::string("{}"), nullptr, false);
    if (Data.is_discarded() || !Data.contains("rules"))
      return Result;
    for (const json &R : Data["rules"]) {
      RuleInfo Info;
      Info.Id = R.value("id", "");
      Info.Name = R.value("name", "");
      Info.Family = R.value("family", "");
      Info.ShortDescription = R.value("shortDescription", "");
      Info.FullDescription = R.value("fullDescription", "");
      Info.Level = R.value("level", "warning");
      Info.Precision = R.value("precision", "high");
      Info.ProblemSeverity = R.value("problemSeverity", "warning");
      Info.SecuritySeverity = R.value("securitySeverity", "");
      Info.CodeFlow = R.value("codeFlow", false);
      Info.CallPathFlow = R.value("callPathFlow", false);
      Info.RedactSource = R.value("redactSource", false);
      Info.RedactNotes = R.value("redactNotes", false);
      if (R.contains("cwe"))
        for (const json &C : R["cwe"])
          Info.Cwe.push_back(C.get<int>());
      if (R.contains("tags"))
        for (const json &T : R["tags"])
          Info.Tags.push_back(T.get<std::string>());
      if (auto Doc = embeddedFile(Info.docPath())) {
        Info.HelpMarkdown = Doc->str();
        Info.HelpText = stripMarkdown(*Doc);
      } else {
        Info.HelpText = Info.FullDescription;
      }
      Result.push_back(std::move(Info));
    }
    llvm::sort(Result, [](const RuleInfo &A, const RuleInfo &B) {
      return A.Id < B.Id;
    });
    return Result;
  }();
  return Rules;
}

const RuleInfo *findRule(const std::string &Id) {
  for (const RuleInfo &R : ruleCatalog())
    if (R.Id == Id)
      return &R;
  return nullptr;
}

std::vector<const ChecklistItem *>
Checklist::itemsForRule(const std::string &Rule) const {
  std::vector<const ChecklistItem *> Result;
  for (const ChecklistItem &Item : Items)
    if (llvm::is_contained(Item.Rules, Rule))
      Result.push_back(&Item);
  return Result;
}

namespace {

/// Converts YAML to JSON so that one validator serves both syntaxes.
/// Records the line of every node for error messages.
class YamlToJson {
public:
  YamlToJson(llvm::StringRef Text, llvm::StringRef Origin)
      : Origin(Origin.str()) {
    SM.AddNewSourceBuffer(llvm::MemoryBuffer::getMemBufferCopy(Text, Origin),
                          llvm::SMLoc());
  }

  llvm::Expected<json> convert() {
    std::string Diag;
    llvm::raw_string_ostream DiagOS(Diag);
    llvm::yaml::Stream Stream(SM.getMemoryBuffer(1)->getBuffer(), SM, false);
    SM.setDiagHandler(
        [](const llvm::SMDiagnostic &D, void *Ctx) {
          auto *Self = static_cast<YamlToJson *>(Ctx);
          if (Self->Error.empty())
            Self->Error = Self->Origin + ":" + std::to_string(D.getLineNo()) +
                          ":" + std::to_string(D.getColumnNo() + 1) + ": " +
                          D.getMessage().str();
        },
        this);
    auto Doc = Stream.begin();
    if (Doc == Stream.end() || !Doc->getRoot())
      return llvm::createStringError(std::errc::invalid_argument,
                                     "%s:1: empty checklist", Origin.c_str());
    json Result = node(Doc->getRoot());
    if (!Error.empty())
      return llvm::createStringError(std::errc::invalid_argument, "%s",
                                     Error.c_str());
    return Result;
  }

private:
  json node(llvm::yaml::Node *N) {
    if (!N)
      return nullptr;
    if (auto *Map = llvm::dyn_cast<llvm::yaml::MappingNode>(N)) {
      json Obj = json::object();
      for (auto &KV : *Map) {
        auto *Key = llvm::dyn_cast_or_null<llvm::yaml::ScalarNode>(KV.getKey());
        if (!Key) {
          fail(KV.getKey(), "mapping keys must be scalars");
          continue;
        }
        llvm::SmallString<32> Storage;
        Obj[Key->getValue(Storage).str()] = node(KV.getValue());
      }
      return Obj;
    }
    if (auto *Seq = llvm::dyn_cast<llvm::yaml::SequenceNode>(N)) {
      json Arr = json::array();
      for (auto &Item : *Seq)
        Arr.push_back(node(&Item));
      return Arr;
    }
    if (auto *Scalar = llvm::dyn_cast<llvm::yaml::ScalarNode>(N)) {
      llvm::SmallString<32> Storage;
      llvm::StringRef V = Scalar->getValue(Storage);
      if (V == "true" || V == "false")
        return V == "true";
      return V.str();
    }
    if (auto *Block = llvm::dyn_cast<llvm::yaml::BlockScalarNode>(N))
      return Block->getValue().str();
    if (llvm::isa<llvm::yaml::NullNode>(N))
      return nullptr;
    fail(N, "unsupported YAML node (anchors and aliases are not supported)");
    return nullptr;
  }

  void fail(llvm::yaml::Node *N, const std::string &Message) {
    if (!Error.empty())
      return;
    auto LineCol = SM.getLineAndColumn(N->getSourceRange().Start);
    Error = Origin + ":" + std::to_string(LineCol.first) + ":" +
            std::to_string(LineCol.second) + ": " + Message;
  }

  llvm::SourceMgr SM;
  std::string Origin;

public:
  std::string Error;
};

/// Finds the 1-based line of the first occurrence of \p Needle in \p Text
/// (for messages about JSON checklists, whose parser keeps no positions).
unsigned lineOf(llvm::StringRef Text, llvm::StringRef Needle) {
  size_t At = Needle.empty() ? llvm::StringRef::npos : Text.find(Needle);
  return At == llvm::StringRef::npos ? 1 : 1 + Text.take_front(At).count('\n');
}

} // namespace

static llvm::Expected<Checklist>
parseChecklistUnchecked(llvm::StringRef Text, llvm::StringRef Origin) {
  json Doc;
  llvm::StringRef Trimmed = Text.ltrim();
  if (Trimmed.starts_with("{") || Trimmed.starts_with("[")) {
    Doc = json::parse(Text.begin(), Text.end(), nullptr, false);
    if (Doc.is_discarded()) {
      // Find the position of the syntax error with a SAX pass.
      struct Locator : nlohmann::json_sax<json> {
        size_t Position = 0;
        bool null() override { return true; }
        bool boolean(bool) override { return true; }
        bool number_integer(number_integer_t) override { return true; }
        bool number_unsigned(number_unsigned_t) override { return true; }
        bool number_float(number_float_t, const string_t &) override {
          return true;
        }
        bool string(string_t &) override { return true; }
        bool binary(binary_t &) override { return true; }
        bool start_object(std::size_t) override { return true; }
        bool key(string_t &) override { return true; }
        bool end_object() override { return true; }
        bool start_array(std::size_t) override { return true; }
        bool end_array() override { return true; }
        bool parse_error(std::size_t Pos, const std::string &,
                         const nlohmann::detail::exception &) override {
          Position = Pos;
          return false;
        }
      } Sax;
      json::sax_parse(Text.begin(), Text.end(), &Sax,
                      nlohmann::json::input_format_t::json, false);
      size_t Pos = std::min(Sax.Position, Text.size());
      unsigned Line = 1 + Text.take_front(Pos ? Pos - 1 : 0).count('\n');
      return llvm::createStringError(std::errc::invalid_argument,
                                     "%s:%u: malformed JSON near byte %zu",
                                     Origin.str().c_str(), Line, Pos);
    }
  } else {
    YamlToJson Converter(Text, Origin);
    auto Converted = Converter.convert();
    if (!Converted)
      return Converted.takeError();
    Doc = std::move(*Converted);
  }

  auto Fail = [&](llvm::StringRef Near, const std::string &Problem) {
    return llvm::createStringError(std::errc::invalid_argument, "%s:%u: %s",
                                   Origin.str().c_str(), lineOf(Text, Near),
                                   Problem.c_str());
  };
  auto Str = [](const json &J, const char *Key) -> std::string {
    auto It = J.find(Key);
    return It != J.end() && It->is_string() ? It->get<std::string>() : "";
  };
  if (!Doc.is_object())
    return Fail("", "a checklist must be a mapping with 'sections'");
  Checklist Result;
  Result.Id = Str(Doc, "id");
  Result.Title = Str(Doc, "title");
  Result.Version = Str(Doc, "version");
  Result.Source = Str(Doc, "source");
  if (Result.Title.empty())
    Result.Title = "Production Readiness Checklist";
  auto Sections = Doc.find("sections");
  if (Sections == Doc.end() || !Sections->is_array() || Sections->empty())
    return Fail("sections", "'sections' must be a non-empty list");
  std::map<std::string, bool> SeenIds;
  for (const json &S : *Sections) {
    if (!S.is_object())
      return Fail("sections",
                  "each section must be a mapping with 'title' and 'items'");
    std::string SectionTitle = Str(S, "title");
    std::string SectionId = Str(S, "id");
    if (SectionTitle.empty())
      return Fail(SectionId.empty() ? "sections" : SectionId,
                  "a section has no 'title'");
    if (SectionId.empty())
      SectionId = SectionTitle;
    Result.Sections.emplace_back(SectionId, SectionTitle);
    auto Items = S.find("items");
    if (Items == S.end() || !Items->is_array())
      return Fail(SectionTitle,
                  "section '" + SectionTitle + "' has no 'items' list");
    for (const json &I : *Items) {
      ChecklistItem Item;
      if (!I.is_object())
        return Fail(SectionTitle, "an item of section '" + SectionTitle +
                                      "' is not a mapping");
      Item.Id = Str(I, "id");
      Item.Title = Str(I, "title");
      Item.Rationale = Str(I, "rationale");
      Item.Section = SectionId;
      Item.SectionTitle = SectionTitle;
      if (Item.Id.empty())
        return Fail(Item.Title.empty() ? SectionTitle : Item.Title,
                    "an item of section '" + SectionTitle + "' has no 'id'");
      if (Item.Title.empty())
        return Fail(Item.Id, "item '" + Item.Id + "' has no 'title'");
      if (SeenIds[Item.Id])
        return Fail(Item.Id, "item id '" + Item.Id + "' is used twice");
      SeenIds[Item.Id] = true;
      if (auto Rules = I.find("rules"); Rules != I.end() && !Rules->is_null()) {
        if (!Rules->is_array())
          return Fail(Item.Id,
                      "'rules' of item '" + Item.Id + "' must be a list");
        for (const json &R : *Rules) {
          std::string Rule = R.is_string() ? R.get<std::string>() : "";
          if (Rule.size() && !llvm::StringRef(Rule).starts_with("prodready-"))
            Rule = "prodready-" + Rule;
          if (!findRule(Rule))
            return Fail(Item.Id,
                        "item '" + Item.Id + "' names unknown rule '" +
                            (R.is_string() ? R.get<std::string>() : R.dump()) +
                            "'");
          Item.Rules.push_back(Rule);
        }
      }
      Result.Items.push_back(std::move(Item));
    }
  }
  return Result;
}

llvm::Expected<Checklist> loadChecklist(llvm::StringRef Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return llvm::createStringError(
        Buffer.getError(), "cannot read checklist '%s': %s", Path.str().c_str(),
        Buffer.getError().message().c_str());
  return parseChecklist((*Buffer)->getBuffer(), Path);
}

const Checklist &defaultChecklist() {
  static const Checklist Default = [] {
    auto Text = embeddedFile("lib/data/checklist.json");
    auto Parsed = parseChecklist(Text ? *Text : llvm::StringRef("{}"),
                                 "lib/data/checklist.json");
    if (!Parsed) {
      llvm::consumeError(Parsed.takeError());
      return Checklist();
    }
    return std::move(*Parsed);
  }();
  return Default;
}

llvm::Error checkNestingDepth(llvm::StringRef Text, llvm::StringRef Origin) {
  // Real configurations nest a handful of levels.
  constexpr unsigned Limit = 128;
  llvm::SmallVector<size_t, 16> Indents; // block indentation levels
  unsigned Flow = 0;                     // open [ and {
  char Quote = 0;                        // inside a quoted scalar
  unsigned LineNumber = 0;
  auto TooDeep = [&] {
    return llvm::createStringError(
        std::errc::invalid_argument,
        "%s:%u: nested more than %u levels deep; refused before parsing "
        "(no configuration needs this; a file this deep would crash the YAML "
        "reader)",
        Origin.str().c_str(), LineNumber, Limit);
  };
  while (!Text.empty()) {
    auto [Line, Rest] = Text.split('\n');
    Text = Rest;
    ++LineNumber;
    size_t I = 0;
    unsigned Block = Indents.size();
    if (Flow == 0 && Quote == 0) {
      size_t Indent = Line.find_first_not_of(' ');
      if (Indent == llvm::StringRef::npos || Line[Indent] == '#')
        continue;
      while (!Indents.empty() && Indents.back() > Indent)
        Indents.pop_back();
      if (Indents.empty() || Indents.back() < Indent)
        Indents.push_back(Indent);
      Block = Indents.size();
      // Compact nesting on one line: `- - - x`, `? ? x`.
      I = Indent;
      while (
          I < Line.size() && (Line[I] == '-' || Line[I] == '?') &&
          (I + 1 == Line.size() || Line[I + 1] == ' ' || Line[I + 1] == '\t')) {
        ++Block;
        I = std::min(Line.size(), Line.find_first_not_of(" \t", I + 1));
      }
    }
    bool TokenStart = true;
    for (; I < Line.size(); ++I) {
      char C = Line[I];
      if (Quote) {
        if (Quote == '"' && C == '\\')
          ++I;
        else if (C == Quote && Quote == '\'' && I + 1 < Line.size() &&
                 Line[I + 1] == '\'')
          ++I;
        else if (C == Quote)
          Quote = 0;
        continue;
      }
      if (C == '#' && (I == 0 || Line[I - 1] == ' ' || Line[I - 1] == '\t'))
        break;
      if ((C == '"' || C == '\'') && TokenStart) {
        Quote = C;
        continue;
      }
      if (C == '[' || C == '{') {
        if (Block + ++Flow > Limit)
          return TooDeep();
        TokenStart = true;
        continue;
      }
      if (C == ']' || C == '}') {
        Flow -= Flow > 0;
        TokenStart = false;
        continue;
      }
      TokenStart =
          C == ' ' || C == '\t' || C == ',' || C == ':' || C == '-' || C == '?';
    }
    if (Block + Flow > Limit)
      return TooDeep();
  }
  return llvm::Error::success();
}

llvm::Expected<Checklist> parseChecklist(llvm::StringRef Text,
                                         llvm::StringRef Origin) {
  if (llvm::Error E = checkNestingDepth(Text, Origin))
    return std::move(E);
  try {
    return parseChecklistUnchecked(Text, Origin);
  } catch (const nlohmann::json::exception &E) {
    return llvm::createStringError(std::errc::invalid_argument,
                                   "%s:1: malformed checklist: %s",
                                   Origin.str().c_str(), E.what());
  }
}

} // namespace prodready
