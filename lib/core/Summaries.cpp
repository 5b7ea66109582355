//===--- Summaries.cpp - link the units' call summaries -------------------===//

#include "Summaries.h"
#include "Catalog.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"
#include <chrono>
#include <set>
#include <tuple>

using json = nlohmann::json;

namespace prodready {

// Compact: a big code base has many summaries, and shards carry them in
// their SARIF.
static json toJson(const SummaryPoint &P) {
  return json::array({P.File, P.Offset, P.Line, P.Column, P.CharColumn});
}

static json toJson(const SummaryCall &C) {
  return json::array({C.Callee, C.Name, toJson(C.At)});
}

json toJson(const CallSummaries &S) {
  json Functions = json::array(), Sites = json::array();
  for (const FunctionSummary &F : S.Functions) {
    json Item = {{"key", F.Key}, {"name", F.Name}, {"at", toJson(F.At)}};
    if (!F.Blocking.empty()) {
      Item["blocking"] = F.Blocking;
      Item["blockingAt"] = toJson(F.BlockingAt);
      if (F.CpuBound)
        Item["cpuBound"] = true;
    }
    if (!F.Calls.empty()) {
      json Calls = json::array();
      for (const SummaryCall &C : F.Calls)
        Calls.push_back(toJson(C));
      Item["calls"] = std::move(Calls);
    }
    Functions.push_back(std::move(Item));
  }
  for (const AsyncCallSite &Site : S.AsyncCalls) {
    json Item = {{"call", toJson(Site.Call)},
                 {"context", Site.Context},
                 {"contextNote", Site.ContextNote},
                 {"contextAt", toJson(Site.ContextAt)},
                 {"maxDepth", Site.MaxDepth},
                 {"lineHash", Site.LineHash}};
    if (Site.WarningAsError)
      Item["warningAsError"] = true;
    Sites.push_back(std::move(Item));
  }
  json Result = {{"functions", Functions}, {"asyncCalls", Sites}};
  if (!S.Parameters.empty()) {
    json Parameters = json::array();
    for (const ParameterSummary &P : S.Parameters) {
      json Logs = json::array(), Forwards = json::array();
      for (const ParameterSummary::Logged &L : P.Logs)
        Logs.push_back(json::array({L.Index, L.Param, L.Sink, toJson(L.At)}));
      for (const ParameterSummary::Forwarded &F : P.Forwards)
        Forwards.push_back(
            json::array({F.Index, F.Param, toJson(F.Call), F.CalleeIndex}));
      Parameters.push_back({{"key", P.Key},
                            {"name", P.Name},
                            {"logs", Logs},
                            {"forwards", Forwards}});
    }
    Result["parameters"] = std::move(Parameters);
  }
  if (!S.SecretArguments.empty()) {
    json Secrets = json::array();
    for (const SecretArgumentSite &Site : S.SecretArguments) {
      json Steps = json::array();
      for (const auto &[Text, At] : Site.Steps)
        Steps.push_back(json::array({Text, toJson(At)}));
      json Item = {{"call", toJson(Site.Call)},
                   {"index", Site.Index},
                   {"secret", Site.Secret},
                   {"argumentAt", toJson(Site.ArgumentAt)},
                   {"steps", Steps},
                   {"lineHash", Site.LineHash}};
      if (Site.WarningAsError)
        Item["warningAsError"] = true;
      Secrets.push_back(std::move(Item));
    }
    Result["secretArguments"] = std::move(Secrets);
  }
  return Result;
}

static bool fromJson(const json &J, SummaryPoint &P) {
  if (!J.is_array() || J.size() != 5 || !J[0].is_string())
    return false;
  for (size_t I = 1; I < 5; ++I)
    if (!J[I].is_number_unsigned())
      return false;
  P.File = J[0].get<std::string>();
  P.Offset = J[1].get<unsigned>();
  P.Line = J[2].get<unsigned>();
  P.Column = J[3].get<unsigned>();
  P.CharColumn = J[4].get<unsigned>();
  return true;
}

static bool fromJson(const json &J, SummaryCall &C) {
  if (!J.is_array() || J.size() != 3 || !J[0].is_string() || !J[1].is_string())
    return false;
  C.Callee = J[0].get<std::string>();
  C.Name = J[1].get<std::string>();
  return fromJson(J[2], C.At);
}

static bool getString(const json &J, const char *Key, std::string &Out) {
  auto It = J.find(Key);
  if (It == J.end() || !It->is_string())
    return false;
  Out = It->get<std::string>();
  return true;
}

static bool fromJsonUnchecked(const json &J, CallSummaries &S) {
  if (!J.is_object() || !J.contains("functions") ||
      !J["functions"].is_array() || !J.contains("asyncCalls") ||
      !J["asyncCalls"].is_array())
    return false;
  for (const json &Item : J["functions"]) {
    FunctionSummary F;
    if (!Item.is_object() || !getString(Item, "key", F.Key) ||
        !getString(Item, "name", F.Name) || !Item.contains("at") ||
        !fromJson(Item["at"], F.At))
      return false;
    if (Item.contains("blocking")) {
      if (!getString(Item, "blocking", F.Blocking) ||
          !Item.contains("blockingAt") ||
          !fromJson(Item["blockingAt"], F.BlockingAt))
        return false;
      F.CpuBound = Item.value("cpuBound", false);
    }
    if (Item.contains("calls")) {
      if (!Item["calls"].is_array())
        return false;
      for (const json &Call : Item["calls"]) {
        SummaryCall C;
        if (!fromJson(Call, C))
          return false;
        F.Calls.push_back(std::move(C));
      }
    }
    S.Functions.push_back(std::move(F));
  }
  for (const json &Item : J["asyncCalls"]) {
    AsyncCallSite Site;
    if (!Item.is_object() || !Item.contains("call") ||
        !fromJson(Item["call"], Site.Call) ||
        !getString(Item, "context", Site.Context) ||
        !getString(Item, "contextNote", Site.ContextNote) ||
        !Item.contains("contextAt") ||
        !fromJson(Item["contextAt"], Site.ContextAt) ||
        !getString(Item, "lineHash", Site.LineHash) ||
        !Item.contains("maxDepth") || !Item["maxDepth"].is_number_unsigned())
      return false;
    Site.MaxDepth = Item["maxDepth"].get<unsigned>();
    Site.WarningAsError = Item.value("warningAsError", false);
    S.AsyncCalls.push_back(std::move(Site));
  }
  if (J.contains("parameters")) {
    if (!J["parameters"].is_array())
      return false;
    for (const json &Item : J["parameters"]) {
      ParameterSummary P;
      if (!Item.is_object() || !getString(Item, "key", P.Key) ||
          !getString(Item, "name", P.Name) || !Item.contains("logs") ||
          !Item["logs"].is_array() || !Item.contains("forwards") ||
          !Item["forwards"].is_array())
        return false;
      for (const json &L : Item["logs"]) {
        ParameterSummary::Logged Log;
        if (!L.is_array() || L.size() != 4 || !L[0].is_number_unsigned() ||
            !L[1].is_string() || !L[2].is_string() || !fromJson(L[3], Log.At))
          return false;
        Log.Index = L[0].get<unsigned>();
        Log.Param = L[1].get<std::string>();
        Log.Sink = L[2].get<std::string>();
        P.Logs.push_back(std::move(Log));
      }
      for (const json &F : Item["forwards"]) {
        ParameterSummary::Forwarded Forward;
        if (!F.is_array() || F.size() != 4 || !F[0].is_number_unsigned() ||
            !F[1].is_string() || !fromJson(F[2], Forward.Call) ||
            !F[3].is_number_unsigned())
          return false;
        Forward.Index = F[0].get<unsigned>();
        Forward.Param = F[1].get<std::string>();
        Forward.CalleeIndex = F[3].get<unsigned>();
        P.Forwards.push_back(std::move(Forward));
      }
      S.Parameters.push_back(std::move(P));
    }
  }
  if (J.contains("secretArguments")) {
    if (!J["secretArguments"].is_array())
      return false;
    for (const json &Item : J["secretArguments"]) {
      SecretArgumentSite Site;
      if (!Item.is_object() || !Item.contains("call") ||
          !fromJson(Item["call"], Site.Call) || !Item.contains("index") ||
          !Item["index"].is_number_unsigned() ||
          !getString(Item, "secret", Site.Secret) ||
          !Item.contains("argumentAt") ||
          !fromJson(Item["argumentAt"], Site.ArgumentAt) ||
          !getString(Item, "lineHash", Site.LineHash) ||
          !Item.contains("steps") || !Item["steps"].is_array())
        return false;
      Site.Index = Item["index"].get<unsigned>();
      Site.WarningAsError = Item.value("warningAsError", false);
      for (const json &Step : Item["steps"]) {
        SummaryPoint At;
        if (!Step.is_array() || Step.size() != 2 || !Step[0].is_string() ||
            !fromJson(Step[1], At))
          return false;
        Site.Steps.push_back({Step[0].get<std::string>(), At});
      }
      S.SecretArguments.push_back(std::move(Site));
    }
  }
  return true;
}

bool fromJson(const json &J, CallSummaries &S) {
  try {
    CallSummaries Read;
    if (!fromJsonUnchecked(J, Read))
      return false;
    S = std::move(Read);
    return true;
  } catch (const json::exception &) {
    return false;
  }
}

// `*` matches any run of characters, as in clang-tidy's check globs.
static bool globMatches(llvm::StringRef Glob, llvm::StringRef Name) {
  if (Glob.empty())
    return Name.empty();
  if (Glob.front() == '*') {
    for (size_t I = 0; I <= Name.size(); ++I)
      if (globMatches(Glob.drop_front(), Name.drop_front(I)))
        return true;
    return false;
  }
  return !Name.empty() && Glob.front() == Name.front() &&
         globMatches(Glob.drop_front(), Name.drop_front());
}

// Whether the NOLINT comment whose text continues with \p Rest (after
// "NOLINT", "NOLINTNEXTLINE", ...) applies to \p Check: no list, or a list
// whose last glob matching the check is a positive one.
static bool namesCheck(llvm::StringRef Rest, llvm::StringRef Check) {
  if (!Rest.starts_with("("))
    return true;
  size_t Close = Rest.find(')');
  if (Close == llvm::StringRef::npos)
    return true;
  llvm::SmallVector<llvm::StringRef, 4> Globs;
  Rest.slice(1, Close).split(Globs, ',', -1, false);
  bool Applies = false;
  for (llvm::StringRef Glob : Globs) {
    Glob = Glob.trim();
    bool Negative = Glob.consume_front("-");
    if (globMatches(Glob.trim(), Check))
      Applies = !Negative;
  }
  return Applies;
}

bool suppressedByNoLint(llvm::StringRef Source, unsigned Offset,
                        llvm::StringRef Check) {
  Offset = std::min<size_t>(Offset, Source.size());
  size_t LineStart = Source.take_front(Offset).rfind('\n');
  LineStart = LineStart == llvm::StringRef::npos ? 0 : LineStart + 1;
  size_t LineEnd = Source.find('\n', Offset);
  llvm::StringRef Line = Source.slice(LineStart, LineEnd);
  llvm::StringRef Previous;
  if (LineStart > 0) {
    size_t PreviousStart = Source.take_front(LineStart - 1).rfind('\n');
    PreviousStart =
        PreviousStart == llvm::StringRef::npos ? 0 : PreviousStart + 1;
    Previous = Source.slice(PreviousStart, LineStart - 1);
  }
  auto Each = [](llvm::StringRef Text, auto &&Visit) {
    for (size_t At = Text.find("NOLINT"); At != llvm::StringRef::npos;
         At = Text.find("NOLINT", At + 6))
      Visit(Text.drop_front(At + 6));
  };
  bool Suppressed = false;
  Each(Line, [&](llvm::StringRef Rest) {
    if (!Rest.starts_with("NEXTLINE") && !Rest.starts_with("BEGIN") &&
        !Rest.starts_with("END") && namesCheck(Rest, Check))
      Suppressed = true;
  });
  Each(Previous, [&](llvm::StringRef Rest) {
    if (Rest.consume_front("NEXTLINE") && namesCheck(Rest, Check))
      Suppressed = true;
  });
  if (Suppressed || !Source.contains("NOLINTBEGIN"))
    return Suppressed;
  // NOLINTBEGIN ... NOLINTEND around the line.
  int Open = 0;
  Each(Source.take_front(LineEnd == llvm::StringRef::npos ? Source.size()
                                                          : LineEnd),
       [&](llvm::StringRef Rest) {
         if (Rest.consume_front("BEGIN") && namesCheck(Rest, Check))
           ++Open;
         else if (Rest.consume_front("END") && namesCheck(Rest, Check) &&
                  Open > 0)
           --Open;
       });
  return Open > 0;
}

static TextRange rangeOf(const SummaryPoint &P) {
  TextRange R;
  R.File = P.File;
  R.Offset = P.Offset;
  R.Line = R.EndLine = P.Line;
  R.Column = P.Column;
  R.EndColumn = P.Column + 1;
  R.CharColumn = P.CharColumn;
  R.EndCharColumn = P.CharColumn + 1;
  return R;
}

// secret-in-log: a secret passed to a project function that writes the
// parameter to a log, itself or by passing it on (at most SecretPathDepth
// functions deep), is reported at the argument.
static constexpr unsigned SecretPathDepth = 4;

static void linkSecretArguments(const CallSummaries &All,
                                const std::vector<Finding> &Existing,
                                std::vector<Finding> &Out) {
  if (All.SecretArguments.empty())
    return;
  auto FirstPoint = [](const ParameterSummary &P) {
    return P.Logs.empty()
               ? (P.Forwards.empty() ? SummaryPoint() : P.Forwards[0].Call.At)
               : P.Logs[0].At;
  };
  std::vector<const ParameterSummary *> Order;
  for (const ParameterSummary &P : All.Parameters)
    Order.push_back(&P);
  llvm::sort(Order, [&](const ParameterSummary *A, const ParameterSummary *B) {
    SummaryPoint PA = FirstPoint(*A), PB = FirstPoint(*B);
    return std::tie(A->Key, PA.File, PA.Offset) <
           std::tie(B->Key, PB.File, PB.Offset);
  });
  llvm::StringMap<unsigned> Index;
  std::vector<const ParameterSummary *> Functions;
  for (const ParameterSummary *P : Order)
    if (Index.try_emplace(P->Key, Functions.size()).second)
      Functions.push_back(P);
  // Level of (function, parameter): 1 when the function logs it, n when it
  // passes it to one of level n - 1; breadth first, so cycles end.
  std::map<std::pair<unsigned, unsigned>, unsigned> Level;
  for (size_t I = 0; I < Functions.size(); ++I)
    for (const ParameterSummary::Logged &L : Functions[I]->Logs)
      Level.try_emplace({unsigned(I), L.Index}, 1);
  auto LevelOf = [&](unsigned F, unsigned Param) {
    auto It = Level.find({F, Param});
    return It == Level.end() ? 0u : It->second;
  };
  for (unsigned Depth = 2; Depth <= SecretPathDepth; ++Depth) {
    bool Grew = false;
    for (size_t I = 0; I < Functions.size(); ++I)
      for (const ParameterSummary::Forwarded &F : Functions[I]->Forwards) {
        if (LevelOf(I, F.Index))
          continue;
        auto It = Index.find(F.Call.Callee);
        if (It != Index.end() &&
            LevelOf(It->second, F.CalleeIndex) == Depth - 1) {
          Level[{unsigned(I), F.Index}] = Depth;
          Grew = true;
        }
      }
    if (!Grew)
      break;
  }
  const char *RuleId = "prodready-secret-in-log";
  const RuleInfo *Rule = findRule(RuleId);
  std::set<std::tuple<std::string, unsigned, unsigned>> Reported;
  for (const Finding &F : Existing)
    if (F.Rule == RuleId)
      Reported.insert({F.Where.File, F.Where.Line, F.Where.Column});
  std::vector<const SecretArgumentSite *> Sites;
  for (const SecretArgumentSite &Site : All.SecretArguments)
    Sites.push_back(&Site);
  llvm::sort(
      Sites, [](const SecretArgumentSite *A, const SecretArgumentSite *B) {
        return std::tie(A->ArgumentAt.File, A->ArgumentAt.Offset, A->Index) <
               std::tie(B->ArgumentAt.File, B->ArgumentAt.Offset, B->Index);
      });
  for (const SecretArgumentSite *Site : Sites) {
    auto It = Index.find(Site->Call.Callee);
    if (It == Index.end() || !LevelOf(It->second, Site->Index))
      continue;
    if (!Reported
             .insert({Site->ArgumentAt.File, Site->ArgumentAt.Line,
                      Site->ArgumentAt.Column})
             .second)
      continue;
    Finding F;
    F.Rule = RuleId;
    F.Level = Rule ? Rule->Level : "error";
    F.WarningAsError = Site->WarningAsError;
    if (Site->WarningAsError)
      F.Level = "error";
    F.Where = rangeOf(Site->ArgumentAt);
    F.LineHash = Site->LineHash;
    for (const auto &[Text, At] : Site->Steps)
      F.Notes.push_back({Text, rangeOf(At)});
    std::string Param, Sink;
    unsigned Current = It->second, Parameter = Site->Index;
    for (unsigned Guard = 0; Guard < SecretPathDepth; ++Guard) {
      const ParameterSummary &Fn = *Functions[Current];
      unsigned L = LevelOf(Current, Parameter);
      if (L == 1) {
        for (const ParameterSummary::Logged &Log : Fn.Logs)
          if (Log.Index == Parameter) {
            if (Param.empty())
              Param = Log.Param;
            Sink = Log.Sink;
            F.Notes.push_back({"'" + Fn.Name + "' writes its parameter '" +
                                   Log.Param + "' to a log by '" + Log.Sink +
                                   "' here",
                               rangeOf(Log.At)});
            break;
          }
        break;
      }
      bool Moved = false;
      for (const ParameterSummary::Forwarded &Forward : Fn.Forwards) {
        auto Next = Index.find(Forward.Call.Callee);
        if (Forward.Index != Parameter || Next == Index.end() ||
            LevelOf(Next->second, Forward.CalleeIndex) + 1 != L)
          continue;
        if (Param.empty())
          Param = Forward.Param;
        F.Notes.push_back({"'" + Fn.Name + "' passes its parameter '" +
                               Forward.Param + "' to '" + Forward.Call.Name +
                               "' here",
                           rangeOf(Forward.Call.At)});
        Current = Next->second;
        Parameter = Forward.CalleeIndex;
        Moved = true;
        break;
      }
      if (!Moved)
        break;
    }
    F.Message = "secret '" + Site->Secret + "' is passed to '" +
                Site->Call.Name + "' as its parameter '" + Param +
                "', which writes it to a log by '" + Sink +
                "', exposing it to everyone who can read the logs; log a "
                "redacted form (mask, hash) or only its length instead";
    Out.push_back(std::move(F));
  }
}

std::vector<Finding> linkCallSummaries(const CallSummaries &All,
                                       const std::vector<Finding> &Existing,
                                       LinkStatistics *Stats) {
  auto Start = std::chrono::steady_clock::now();
  std::vector<Finding> Linked;
  // One summary per function: one defined in a header is summarised by
  // every unit that includes it. The first in a fixed order keeps the
  // result independent of the order (and the sharding) of the units.
  std::vector<const FunctionSummary *> Order;
  Order.reserve(All.Functions.size());
  for (const FunctionSummary &F : All.Functions)
    Order.push_back(&F);
  llvm::sort(Order, [](const FunctionSummary *A, const FunctionSummary *B) {
    return std::tie(A->Key, A->At.File, A->At.Offset) <
           std::tie(B->Key, B->At.File, B->At.Offset);
  });
  llvm::StringMap<unsigned> Index;
  std::vector<const FunctionSummary *> Functions;
  for (const FunctionSummary *F : Order)
    if (Index.try_emplace(F->Key, Functions.size()).second)
      Functions.push_back(F);
  unsigned MaxDepth = 0;
  for (const AsyncCallSite &Site : All.AsyncCalls)
    MaxDepth = std::max(MaxDepth, std::min(Site.MaxDepth, 64u));
  // Level[I]: how many functions deep, from function I, the nearest
  // blocking call is (1: it blocks itself; 0: none within MaxDepth). Found
  // breadth first, one level at a time, so that recursion and cycles end
  // and the path found is a shortest one.
  std::vector<llvm::SmallVector<int, 4>> Callees(Functions.size());
  std::vector<unsigned> Level(Functions.size(), 0);
  for (size_t I = 0; I < Functions.size(); ++I) {
    if (!Functions[I]->Blocking.empty())
      Level[I] = 1;
    for (const SummaryCall &C : Functions[I]->Calls) {
      auto It = Index.find(C.Callee);
      Callees[I].push_back(It == Index.end() ? -1 : int(It->second));
    }
  }
  for (unsigned Depth = 2; Depth <= MaxDepth; ++Depth) {
    bool Grew = false;
    for (size_t I = 0; I < Functions.size(); ++I) {
      if (Level[I])
        continue;
      for (int Callee : Callees[I])
        if (Callee >= 0 && Level[Callee] == Depth - 1) {
          Level[I] = Depth;
          Grew = true;
          break;
        }
    }
    if (!Grew)
      break;
  }

  const RuleInfo *Rule = findRule(BlockingInAsyncRule);
  std::set<std::tuple<std::string, unsigned, unsigned>> Reported;
  for (const Finding &F : Existing)
    if (F.Rule == BlockingInAsyncRule)
      Reported.insert({F.Where.File, F.Where.Line, F.Where.Column});
  std::vector<const AsyncCallSite *> Sites;
  for (const AsyncCallSite &Site : All.AsyncCalls)
    Sites.push_back(&Site);
  llvm::sort(Sites, [](const AsyncCallSite *A, const AsyncCallSite *B) {
    return std::tie(A->Call.At.File, A->Call.At.Offset, A->Call.Callee) <
           std::tie(B->Call.At.File, B->Call.At.Offset, B->Call.Callee);
  });
  for (const AsyncCallSite *Site : Sites) {
    auto It = Index.find(Site->Call.Callee);
    if (It == Index.end())
      continue;
    unsigned I = It->second;
    if (!Level[I] || Level[I] > Site->MaxDepth)
      continue;
    if (!Reported
             .insert(
                 {Site->Call.At.File, Site->Call.At.Line, Site->Call.At.Column})
             .second)
      continue;
    Finding F;
    F.Rule = BlockingInAsyncRule;
    F.Level = Rule ? Rule->Level : "warning";
    // As the unit's own findings: WarningsAsErrors raises the rule.
    F.WarningAsError = Site->WarningAsError;
    if (Site->WarningAsError)
      F.Level = "error";
    F.Where = rangeOf(Site->Call.At);
    F.LineHash = Site->LineHash;
    std::string Chain = "'" + Site->Call.Name + "'";
    std::string Caller = Site->Call.Name;
    bool CpuBound = false;
    // The path: at each function, its first call to one a level nearer to
    // the blocking call.
    for (unsigned Current = I;;) {
      const FunctionSummary &Fn = *Functions[Current];
      if (Level[Current] == 1) {
        Chain += " -> '" + Fn.Blocking + "'";
        F.Notes.push_back({pathStepNote(Caller, Fn.Blocking, /*Last=*/true),
                           rangeOf(Fn.BlockingAt)});
        CpuBound = Fn.CpuBound;
        break;
      }
      unsigned Next = Current;
      for (size_t K = 0; K < Fn.Calls.size(); ++K) {
        int Callee = Callees[Current][K];
        if (Callee >= 0 && Level[Callee] + 1 == Level[Current]) {
          Chain += " -> '" + Fn.Calls[K].Name + "'";
          F.Notes.push_back({pathStepNote(Caller, Fn.Calls[K].Name, false),
                             rangeOf(Fn.Calls[K].At)});
          Caller = Fn.Calls[K].Name;
          Next = Callee;
          break;
        }
      }
      if (Next == Current)
        break; // unreachable: a level above 1 has such a call
      Current = Next;
    }
    F.Notes.push_back({Site->ContextNote, rangeOf(Site->ContextAt)});
    F.Message =
        reachesBlockingMessage(Site->Call.Name, Site->Context, Chain, CpuBound);
    Linked.push_back(std::move(F));
  }
  linkSecretArguments(All, Existing, Linked);
  if (Stats) {
    Stats->Functions = Functions.size();
    Stats->Functions += All.Parameters.size();
    Stats->Sites = All.AsyncCalls.size() + All.SecretArguments.size();
    Stats->Findings = Linked.size();
    Stats->Seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - Start)
            .count();
  }
  return Linked;
}

} // namespace prodready
