//===--- Redact.cpp - no detected credential leaves the process -----------===//

#include "Redact.h"
#include "Report.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Regex.h"
#include <algorithm>

namespace prodready {

namespace {

constexpr const char *Mask = "[REDACTED]";

/// A format, the sub-match that is the secret (0: all of it), and what the
/// secret must also satisfy (nothing if null).
struct Pattern {
  llvm::Regex Re;
  unsigned Group;
  /// Cheap test first: a text without any of these (case-insensitively
  /// for IgnoreCase patterns) cannot match.
  std::vector<llvm::StringRef> Needles;
  bool IgnoreCase = false;
  bool (*Accept)(llvm::StringRef Secret) = nullptr;

  bool mayMatch(llvm::StringRef Text) const {
    return llvm::any_of(Needles, [&](llvm::StringRef N) {
      return IgnoreCase ? Text.contains_insensitive(N) : Text.contains(N);
    });
  }
};

/// A generated token rather than a word of prose ("Basic authentication"):
/// it has a digit, or both cases and does not start upper-case.
bool looksGenerated(llvm::StringRef Token) {
  return llvm::any_of(Token, llvm::isDigit) ||
         (llvm::any_of(Token, llvm::isUpper) &&
          llvm::any_of(Token, llvm::isLower) && !llvm::isUpper(Token.front()));
}

const std::vector<Pattern> &patterns() {
  static const std::vector<Pattern> All = [] {
    std::vector<Pattern> P;
    auto Add = [&](std::vector<llvm::StringRef> Needles, const char *Re,
                   unsigned Group, bool IgnoreCase = false,
                   bool (*Accept)(llvm::StringRef) = nullptr) {
      P.push_back({llvm::Regex(Re, IgnoreCase ? llvm::Regex::IgnoreCase
                                              : llvm::Regex::NoFlags),
                   Group, std::move(Needles), IgnoreCase, Accept});
    };
    Add({"A3T", "AKIA", "ASIA", "AGPA", "AIDA", "AROA", "AIPA", "ANPA", "ANVA"},
        "(A3T[A-Z0-9]|AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA)[A-Z0-9]{16}", 0);
    Add({"gh"}, "gh[pousr]_[A-Za-z0-9]{30,}", 0);
    Add({"github_pat_"}, "github_pat_[A-Za-z0-9_]{20,}", 0);
    Add({"xox"}, "xox[abposr]-[A-Za-z0-9-]{10,}", 0);
    Add({"AIza"}, "AIza[0-9A-Za-z_-]{30,}", 0);
    // Not inside an identifier (`disk_test_...`).
    Add({"_live_", "_test_"},
        "(^|[^A-Za-z0-9_])((sk|rk)_(live|test)_[0-9A-Za-z]{12,})", 2);
    // Authorization values: "Bearer <token>", "Basic <base64>",
    // "Authorization: token <token>", "Authorization: <key>".
    Add({"bearer", "basic", "authorization:"},
        "(bearer|basic|authorization:([ \t]*(token|bot|apikey))?)[ "
        "\t]+([A-Za-z0-9._~+/=-]{8,})",
        4, /*IgnoreCase=*/true, looksGenerated);
    Add({"eyJ"}, "eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]*",
        0);
    Add({"://"}, "[A-Za-z][A-Za-z0-9+.-]*://[^/:@ \t\"']+:([^@ \t\"'/]+)@", 1);
    Add({"pass", "pwd", "secret", "token", "api"},
        "(pass(word)?|passwd|pwd|secret|token|api[_-]?key)[A-Za-z0-9_]*[\"']?[ "
        "\t]*[:=]+[ "
        "\t]*\\\\?[\"']?([^\"' \t,;)\\\\]{4,})",
        3, /*IgnoreCase=*/true);
    return P;
  }();
  return All;
}

/// Replaces PEM private key blocks, from the BEGIN marker to the END
/// marker (or the end of the text).
void redactPem(std::string &Text) {
  if (!llvm::StringRef(Text).contains("PRIVATE KEY"))
    return;
  static const llvm::Regex Begin("-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----");
  size_t From = 0;
  llvm::SmallVector<llvm::StringRef, 1> Match;
  while (From < Text.size() &&
         Begin.match(llvm::StringRef(Text).drop_front(From), &Match)) {
    size_t Start = Match[0].data() - Text.data();
    size_t End = Text.find("-----END", Start + Match[0].size());
    if (End == std::string::npos)
      End = Text.size();
    else {
      size_t Close = Text.find("-----", End + 8);
      End = Close == std::string::npos ? Text.size() : Close + 5;
    }
    Text.replace(Start, End - Start, Mask);
    From = Start + llvm::StringRef(Mask).size();
  }
}

} // namespace

std::string redactCredentials(llvm::StringRef Input,
                              llvm::ArrayRef<std::string> Known,
                              bool CompilerText) {
  std::string Text = Input.str();
  auto IsWordChar = [](char C) { return llvm::isAlnum(C) || C == '_'; };
  for (const std::string &Secret : Known) {
    // A short plain lowercase word ("secret", "password" used as a key) is
    // a placeholder, and also a word of the tool's own messages ("a secret
    // store"): masking it would garble them. Text the compiler wrote
    // (a static_assert message) has it masked as a whole word.
    bool PlainWord = Secret.size() <= 10 && llvm::all_of(Secret, [](char C) {
                       return C >= 'a' && C <= 'z';
                     });
    if (Secret.size() < 6 || (PlainWord && !CompilerText))
      continue;
    for (size_t At = Text.find(Secret); At != std::string::npos;
         At = Text.find(Secret, At)) {
      size_t End = At + Secret.size();
      if (PlainWord && ((At > 0 && IsWordChar(Text[At - 1])) ||
                        (End < Text.size() && IsWordChar(Text[End])))) {
        At = End;
        continue;
      }
      Text.replace(At, Secret.size(), Mask);
    }
  }
  redactPem(Text);
  for (const Pattern &P : patterns()) {
    if (!P.mayMatch(Text))
      continue;
    size_t From = 0;
    llvm::SmallVector<llvm::StringRef, 4> Match;
    while (From < Text.size() &&
           P.Re.match(llvm::StringRef(Text).drop_front(From), &Match)) {
      llvm::StringRef Secret =
          Match.size() > P.Group ? Match[P.Group] : llvm::StringRef();
      if (Secret.empty() || Secret == Mask || (P.Accept && !P.Accept(Secret))) {
        From = Match[0].data() - Text.data() +
               std::max<size_t>(1, Match[0].size());
        continue;
      }
      size_t Start = Secret.data() - Text.data();
      size_t Length = Secret.size();
      Text.replace(Start, Length, Mask);
      From = Start + llvm::StringRef(Mask).size();
    }
  }
  return Text;
}

bool containsCredential(llvm::StringRef Text,
                        llvm::ArrayRef<std::string> Known) {
  return redactCredentials(Text, Known) != Text;
}

std::vector<std::string> stringLiteralsOn(llvm::StringRef Line) {
  std::vector<std::string> Literals;
  for (size_t I = 0; I < Line.size(); ++I) {
    if (Line[I] != '"')
      continue;
    std::string Content;
    size_t J = I + 1;
    for (; J < Line.size() && Line[J] != '"'; ++J) {
      if (Line[J] == '\\' && J + 1 < Line.size())
        ++J;
      Content += Line[J];
    }
    if (Content.size() >= 6)
      Literals.push_back(Content);
    // Also the literal as written (escapes kept): messages quote source.
    llvm::StringRef Written = Line.slice(I + 1, J);
    if (Written.size() >= 6 && Written != Content)
      Literals.push_back(Written.str());
    I = J;
  }
  return Literals;
}

/// The offset just past the string literal whose opening quote is at
/// \p Quote (raw literals included), or npos.
static size_t literalEnd(llvm::StringRef Source, size_t Quote, bool Raw) {
  if (Raw) {
    size_t Paren = Source.find('(', Quote);
    if (Paren == llvm::StringRef::npos || Paren - Quote > 17)
      return llvm::StringRef::npos;
    std::string Close = ")" + Source.slice(Quote + 1, Paren).str() + "\"";
    size_t At = Source.find(Close, Paren);
    return At == llvm::StringRef::npos ? At : At + Close.size();
  }
  for (size_t I = Quote + 1; I < Source.size(); ++I) {
    if (Source[I] == '\\')
      ++I;
    else if (Source[I] == '"')
      return I + 1;
    else if (Source[I] == '\n')
      return llvm::StringRef::npos;
  }
  return llvm::StringRef::npos;
}

/// Where the literal starting at \p At begins (its opening quote), allowing
/// an encoding prefix and R; npos if none starts there.
static size_t literalQuote(llvm::StringRef Source, size_t At, bool &Raw) {
  llvm::StringRef Rest = Source.drop_front(At);
  for (llvm::StringRef Prefix :
       {"u8R", "uR", "UR", "LR", "R", "u8", "u", "U", "L", ""})
    if (Rest.starts_with(Prefix) &&
        Rest.drop_front(Prefix.size()).starts_with("\"")) {
      Raw = Prefix.ends_with("R");
      return At + Prefix.size();
    }
  return llvm::StringRef::npos;
}

static std::string decodeEscapes(llvm::StringRef Written) {
  std::string Out;
  for (size_t I = 0; I < Written.size(); ++I) {
    if (Written[I] != '\\' || I + 1 == Written.size()) {
      Out += Written[I];
      continue;
    }
    char C = Written[++I];
    Out += C == 'n'   ? '\n'
           : C == 't' ? '\t'
           : C == 'r' ? '\r'
           : C == '0' ? '\0'
                      : C;
  }
  return Out;
}

std::optional<LiteralExtent> literalExtentAt(llvm::StringRef Source,
                                             size_t Offset) {
  // The first literal from the finding's location (a name, `=`, the literal
  // itself) to the end of the statement.
  size_t At = Offset;
  bool Raw = false;
  size_t Quote = llvm::StringRef::npos;
  for (; At < Source.size() && At < Offset + 4096; ++At) {
    if (Source[At] == ';' || Source[At] == '}')
      return std::nullopt;
    if ((At == Offset || !llvm::isAlnum(Source[At - 1]) || Source[At] == '"') &&
        (Quote = literalQuote(Source, At, Raw)) != llvm::StringRef::npos)
      break;
  }
  if (Quote == llvm::StringRef::npos)
    return std::nullopt;
  LiteralExtent Extent;
  Extent.Begin = At;
  std::string Written, Decoded;
  while (true) {
    size_t End = literalEnd(Source, Quote, Raw);
    if (End == llvm::StringRef::npos)
      break;
    Extent.End = End;
    llvm::StringRef Piece =
        Raw ? Source.slice(Source.find('(', Quote) + 1, Source.rfind(')', End))
            : Source.slice(Quote + 1, End - 1);
    Extent.Texts.push_back(Piece.str());
    Written += Piece;
    std::string Plain = Raw ? Piece.str() : decodeEscapes(Piece);
    if (Plain != Piece)
      Extent.Texts.push_back(Plain);
    Decoded += Plain;
    // Whitespace and comments, then maybe the next adjacent literal.
    size_t Next = End;
    while (Next < Source.size()) {
      if (llvm::isSpace(Source[Next]))
        ++Next;
      else if (Source.drop_front(Next).starts_with("//"))
        Next = std::min(Source.size(), Source.find('\n', Next));
      else if (Source.drop_front(Next).starts_with("/*")) {
        size_t Close = Source.find("*/", Next + 2);
        Next = Close == llvm::StringRef::npos ? Source.size() : Close + 2;
      } else
        break;
    }
    Quote = literalQuote(Source, Next, Raw);
    if (Quote == llvm::StringRef::npos)
      break;
  }
  if (Extent.End == 0)
    return std::nullopt;
  if (Extent.Texts.size() > 1) {
    Extent.Texts.push_back(Written);
    Extent.Texts.push_back(Decoded);
  }
  return Extent;
}

template <typename FindingsT, typename NotificationsT>
static void redactMessages(FindingsT &Findings, NotificationsT &Notifications,
                           llvm::ArrayRef<std::string> Known) {
  for (Finding &F : Findings) {
    F.Message = redactCredentials(F.Message, Known);
    for (FindingNote &N : F.Notes)
      N.Message = redactCredentials(N.Message, Known);
    for (FixReplacement &R : F.Fixes)
      R.Text = redactCredentials(R.Text, Known);
  }
  // Notifications quote the compiler (static_assert, #error) or a crash.
  for (Notification &N : Notifications)
    N.Message = redactCredentials(N.Message, Known, /*CompilerText=*/true);
}

void redactUnit(UnitResult &Result, llvm::ArrayRef<std::string> Known) {
  redactMessages(Result.Findings, Result.Notifications, Known);
}

void redactReport(Report &R) {
  redactMessages(R.Findings, R.Notifications, {});
}

} // namespace prodready
