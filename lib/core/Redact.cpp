//===--- Redact.cpp - no detected credential leaves the process -----------===//

#include "Redact.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/Regex.h"

namespace prodready {

namespace {

constexpr const char *Mask = "[REDACTED]";

/// A format, and the sub-match that is the secret (0: all of it).
struct Pattern {
  llvm::Regex Re;
  unsigned Group;
};

const std::vector<Pattern> &patterns() {
  static const std::vector<Pattern> All = [] {
    std::vector<Pattern> P;
    auto Add = [&](const char *Re, unsigned Group, bool IgnoreCase = false) {
      P.push_back({llvm::Regex(Re, IgnoreCase ? llvm::Regex::IgnoreCase : llvm::Regex::NoFlags),
                   Group});
    };
    Add("(A3T[A-Z0-9]|AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA)[A-Z0-9]{16}", 0);
    Add("gh[pousr]_[A-Za-z0-9]{30,}", 0);
    Add("github_pat_[A-Za-z0-9_]{20,}", 0);
    Add("xox[abposr]-[A-Za-z0-9-]{10,}", 0);
    Add("eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]*", 0);
    Add("[A-Za-z][A-Za-z0-9+.-]*://[^/:@ \t\"']+:([^@ \t\"'/]+)@", 1);
    Add("(pass(word)?|passwd|pwd|secret|token|api[_-]?key)[A-Za-z0-9_]*[\"']?[ \t]*[:=]+[ "
        "\t]*\\\\?[\"']?([^\"' \t,;)\\\\]{4,})",
        3, /*IgnoreCase=*/true);
    return P;
  }();
  return All;
}

/// Replaces PEM private key blocks, from the BEGIN marker to the END
/// marker (or the end of the text).
void redactPem(std::string &Text) {
  static const llvm::Regex Begin("-----BEGIN [A-Z ]*PRIVATE KEY-----");
  size_t From = 0;
  llvm::SmallVector<llvm::StringRef, 1> Match;
  while (From < Text.size() && Begin.match(llvm::StringRef(Text).drop_front(From), &Match)) {
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

std::string redactCredentials(llvm::StringRef Input, llvm::ArrayRef<std::string> Known) {
  std::string Text = Input.str();
  for (const std::string &Secret : Known) {
    // A short plain lowercase word ("secret", "password" used as a key) is
    // a placeholder, and also a word of the tool's own messages ("a secret
    // store"): masking it would garble them.
    bool PlainWord = Secret.size() <= 10 &&
                     llvm::all_of(Secret, [](char C) { return C >= 'a' && C <= 'z'; });
    if (Secret.size() < 6 || PlainWord)
      continue;
    for (size_t At = Text.find(Secret); At != std::string::npos; At = Text.find(Secret, At))
      Text.replace(At, Secret.size(), Mask);
  }
  redactPem(Text);
  for (const Pattern &P : patterns()) {
    size_t From = 0;
    llvm::SmallVector<llvm::StringRef, 4> Match;
    while (From < Text.size() && P.Re.match(llvm::StringRef(Text).drop_front(From), &Match)) {
      llvm::StringRef Secret = Match.size() > P.Group ? Match[P.Group] : llvm::StringRef();
      if (Secret.empty() || Secret == Mask) {
        From = Match[0].data() - Text.data() + std::max<size_t>(1, Match[0].size());
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

bool containsCredential(llvm::StringRef Text, llvm::ArrayRef<std::string> Known) {
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

} // namespace prodready
