#!/usr/bin/env python3
"""Creates every file a new prodready rule needs, in the spirit of clang-tidy's
add_new_check.py.

  scripts/new-rule.py NAME --checklist ITEM [--cwe N]... [--level warning|error]
                      [--family F] [--description TEXT]

NAME is the rule without the `prodready-` prefix, lower-case words joined by
'-' (`unbounded-queue`); ITEM the id of the checklist item the rule's findings
are evidence for (`PRC-RES-03`; run without --checklist for the list). It

  creates  checks/<Name>Check.h, checks/<Name>Check.cpp   a ProdReadyCheck with
                                      registerMatchers + check and a placeholder
                                      matcher, so that the tests pass at once
           docs/checks/<rule>.md      the rule's page, sections to fill in
           test/checks/<rule>.cpp     a lit test: a positive, a negative
  updates  checks/ProdReadyTidyModule.cpp   #include and registerCheck
           lib/data/rules.json        the rule's metadata (level, CWE, ...)
           lib/data/checklist.json    the rule under its checklist item
           README.md                  a row of the Rules table

checks/CMakeLists.txt and the driver's embedded docs glob their directories,
so they need no entry (the script checks that they still do).
test/tools/check_rule_lists.py (test/driver/rule-lists.test) then finds the
rule listed in every place. Nothing is written when the name is malformed or
already taken, or the checklist item unknown.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import textwrap

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PREFIX = "prodready-"
NAME_SYNTAX = re.compile(r"[a-z][a-z0-9]*(-[a-z0-9]+)*")
CLANG_FORMAT = "clang-format-19"


def fail(message):
    sys.exit("new-rule.py: " + message)


def path(*parts):
    return os.path.join(ROOT, *parts)


def read(*parts):
    with open(path(*parts), encoding="utf-8") as f:
        return f.read()


def camel(rule):
    return "".join(word.capitalize() for word in rule.split("-"))


def banner(file_name, c_plus_plus_tag):
    """The LLVM file banner, 80 columns wide."""
    tail = "*- C++ -*-===//" if c_plus_plus_tag else "===//"
    head = "//===--- %s - prodready " % file_name
    if len(head) + len(tail) + 1 > 80:
        head = "//===--- %s " % file_name
    return head + "-" * max(1, 80 - len(head) - len(tail)) + tail


def placeholder_function(rule):
    return "todo_" + rule.replace("-", "_")


def placeholder_message(rule, callee):
    """The placeholder check's message, as in diag() (callee '%0') or as
    reported."""
    return ("call to '%s' (placeholder finding of prodready-%s: replace its "
            "matcher and message)" % (callee, rule))


# ---- the files the script creates ----------------------------------------

def check_header(rule, cls, description):
    guard = "PRODREADY_CHECKS_%s_H" % cls.upper()
    doc = "\n".join(textwrap.wrap(description, 76, initial_indent="/// ",
                                  subsequent_indent="/// "))
    return """%(banner)s

#ifndef %(guard)s
#define %(guard)s

#include "ProdReadyCheck.h"

namespace prodready {

%(doc)s
///
/// For the user-facing documentation see docs/checks/%(rule)s.md.
class %(cls)s : public ProdReadyCheck {
public:
  %(cls)s(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context)
      : ProdReadyCheck(Name, Context) {}
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void
  check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  bool isLanguageVersionSupported(
      const clang::LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }
};

} // namespace prodready

#endif // %(guard)s
""" % {"banner": banner(cls + ".h", True), "guard": guard, "doc": doc, "rule": rule,
       "cls": cls}


def check_source(rule, cls):
    return """%(banner)s

#include "%(cls)s.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace prodready {

void %(cls)s::registerMatchers(MatchFinder *Finder) {
  // TODO: match what prodready-%(rule)s finds. The placeholder matches calls
  // to `%(function)s` so that test/checks/%(rule)s.cpp passes as generated.
  Finder->addMatcher(callExpr(unless(isExpansionInSystemHeader()),
                              unless(isInTemplateInstantiation()),
                              callee(functionDecl(hasName("%(function)s"))))
                         .bind("call"),
                     this);
}

void %(cls)s::check(const MatchFinder::MatchResult &Result) {
  const auto *Call = Result.Nodes.getNodeAs<CallExpr>("call");
  // ProdReadyCheck::diag drops a finding outside production code (tests,
  // generated and vendored files) or in code that did not parse. The message
  // says what is wrong, what it costs in production and what to do instead.
  diag(Call->getBeginLoc(),
%(message)s)
      << Call->getDirectCallee()->getName();
}

} // namespace prodready
""" % {"banner": banner(cls + ".cpp", False), "cls": cls, "rule": rule,
       "function": placeholder_function(rule), "message": string_literal(placeholder_message(rule, "%0"), "       ")}


def string_literal(text, indent):
    """\p text as adjacent literals broken between words, each line within 80
    columns (clang-format breaks long literals mid-word)."""
    chunks = textwrap.wrap(text, 78 - len(indent), break_long_words=False,
                           break_on_hyphens=False)
    return "\n".join(indent + json.dumps(chunk + (" " if i + 1 < len(chunks) else ""))
                     for i, chunk in enumerate(chunks))


def lit_test(rule):
    function = placeholder_function(rule)
    return """// RUN: %%check_prodready %%s prodready-%(rule)s

%(todo)s

void %(function)s();
void unrelated();

void reported() {
  %(function)s();
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: %(message)s [prodready-%(rule)s]
}

void notReported() {
  unrelated();
}
""" % {"rule": rule, "function": function, "message": placeholder_message(rule, function),
       "todo": "\n".join(textwrap.wrap(
           "TODO: the shapes prodready-%s reports (positives) and the ones it must "
           "not report (negatives), reduced from real code. Each CHECK-MESSAGES "
           "line goes right under the line it checks." % rule, 77,
           initial_indent="// ", subsequent_indent="// "))}


def doc_page(rule, item, cwes, level, description):
    cwe_text = ", ".join("CWE-%d" % c for c in cwes) or "none"
    return """# prodready-%(rule)s

**Checklist:** %(item_id)s %(item_title)s · **CWE:** %(cwe)s · **Level:** %(level)s

## What it finds
%(description)s

TODO: the shapes reported, where the finding is reported, and what is not
reported (with the reason).

## Why it matters in production
TODO: what goes wrong in production when the code does this.

## Examples
Bad:
```cpp
// TODO
```
Good:
```cpp
// TODO
```

## Options
None.

## Suppressing one finding
`// NOLINT(prodready-%(rule)s)` on the line, as in clang-tidy.
""" % {"rule": rule, "item_id": item["id"], "item_title": item["title"], "cwe": cwe_text,
       "level": level, "description": description}


# ---- the files the script updates -----------------------------------------

def add_to_module(text, rule, cls):
    """checks/ProdReadyTidyModule.cpp with the #include and the
    registerCheck call in name order."""
    lines = text.split("\n")
    includes = [i for i, l in enumerate(lines) if re.match(r'#include "\w+Check\.h"', l)]
    if not includes:
        fail("checks/ProdReadyTidyModule.cpp: no #include of a check header found")
    at = next((i for i in includes if lines[i] > '#include "%s.h"' % cls), includes[-1] + 1)
    lines.insert(at, '#include "%s.h"' % cls)

    # registerCheck calls, one or two lines each.
    calls = []
    for i, l in enumerate(lines):
        if "registerCheck<" in l:
            name = re.search(r'"([^"]+)"', l if '"' in l else lines[i + 1]).group(1)
            end = i if l.rstrip().endswith(";") else i + 1
            calls.append((name, i, end))
    if not calls:
        fail("checks/ProdReadyTidyModule.cpp: no registerCheck call found")
    full = PREFIX + rule
    indent = re.match(r"\s*", lines[calls[0][1]]).group(0)
    receiver = re.search(r"(\w+)\.registerCheck<", lines[calls[0][1]]).group(1)
    one_line = '%s%s.registerCheck<%s>("%s");' % (indent, receiver, cls, full)
    if len(one_line) <= 80:
        new = [one_line]
    else:
        new = ["%s%s.registerCheck<%s>(" % (indent, receiver, cls),
               '%s    "%s");' % (indent, full)]
    later = [c for c in calls if c[0] > full]
    at = later[0][1] if later else calls[-1][2] + 1
    lines[at:at] = new
    return "\n".join(lines)


def add_to_rules(text, entry):
    """lib/data/rules.json with the entry appended, in the file's own layout
    (one rule per few lines), so that the diff is the new rule only."""
    def field(key):
        return "%s: %s" % (json.dumps(key), json.dumps(entry[key], ensure_ascii=False))
    block = ("    {%s, %s, %s,\n     %s,\n     %s,\n     %s, %s, %s, %s, %s}" % (
        field("id"), field("name"), field("family"), field("shortDescription"),
        field("fullDescription"), field("level"), field("precision"),
        field("problemSeverity"), field("cwe"), field("tags")))
    end = re.search(r"\}\s*\n(\s*)\]\s*\}\s*$", text)
    if not end:
        fail("lib/data/rules.json: cannot find the end of the \"rules\" array")
    updated = text[:end.start() + 1] + ",\n" + block + text[end.start() + 1:]
    parsed = json.loads(updated)
    if parsed["rules"][-1] != entry:
        fail("lib/data/rules.json: the new entry did not parse back as written")
    return updated


def add_to_checklist(text, rule_id, item_id):
    doc = json.loads(text)
    for section in doc["sections"]:
        for i, item in enumerate(section["items"]):
            if item["id"] != item_id:
                continue
            rules = item.get("rules", []) + [rule_id]
            # Keep the key order of the other items: rules before automated.
            rebuilt = {}
            for key, value in item.items():
                if key == "automated":
                    rebuilt["rules"] = rules
                    value = True
                if key != "rules":
                    rebuilt[key] = value
            rebuilt.setdefault("rules", rules)
            rebuilt["automated"] = True
            section["items"][i] = rebuilt
    updated = json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
    if json.loads(updated) == json.loads(text):
        fail("lib/data/checklist.json: item %s not found" % item_id)
    return updated


def add_to_readme(text, rule, description, item, cwes):
    section = re.search(r"^## Rules\n(.*?)(?=^## )", text, re.S | re.M)
    if not section:
        fail("README.md: no '## Rules' section")
    rows = list(re.finditer(r"^\|\s*\[[^\]]+\]\(docs/checks/[^)]+\).*\n", section.group(1), re.M))
    if not rows:
        fail("README.md: no rule row in the Rules table")
    finds = description.rstrip(".")
    finds = finds[:1].lower() + finds[1:]
    title = item["title"][:1].lower() + item["title"][1:]
    row = "| [%s](docs/checks/%s.md) | %s | %s | %s |\n" % (
        rule, rule, finds, title, ", ".join(str(c) for c in cwes) or "—")
    at = section.start(1) + rows[-1].end()
    return text[:at] + row + text[at:]


# ---- checks -------------------------------------------------------------

def checklist_items():
    doc = json.loads(read("lib", "data", "checklist.json"))
    return [item for section in doc["sections"] for item in section["items"]], doc


def section_of(doc, item_id):
    for section in doc["sections"]:
        if any(item["id"] == item_id for item in section["items"]):
            return section["id"]
    return None


def existing_places(rule, cls):
    """Where the rule or its class already exists."""
    places = []
    if any(r["id"] == PREFIX + rule for r in json.loads(read("lib", "data", "rules.json"))["rules"]):
        places.append("lib/data/rules.json")
    module = read("checks", "ProdReadyTidyModule.cpp")
    if '"%s%s"' % (PREFIX, rule) in module:
        places.append("checks/ProdReadyTidyModule.cpp")
    for rel in (("checks", cls + ".h"), ("checks", cls + ".cpp"),
                ("docs", "checks", rule + ".md"), ("test", "checks", rule + ".cpp")):
        if os.path.exists(path(*rel)):
            places.append("/".join(rel))
    return places


def check_globs():
    """The build picks up new files by globbing; say so if that changed."""
    notes = []
    cmake = read("checks", "CMakeLists.txt")
    if not re.search(r"file\(GLOB\s+\w+\s+CONFIGURE_DEPENDS\s+\S*/\*\.cpp\)", cmake):
        notes.append("checks/CMakeLists.txt no longer globs checks/*.cpp: add %s.cpp "
                     "to its sources")
    core = os.path.join("lib", "core", "CMakeLists.txt")
    if os.path.exists(path(core)) and "docs/checks/*.md" not in read(core):
        notes.append("lib/core/CMakeLists.txt no longer globs docs/checks/*.md: embed "
                     "the new page")
    return notes


def main():
    parser = argparse.ArgumentParser(
        description="Creates every file a new prodready rule needs.",
        epilog="Example: scripts/new-rule.py unbounded-queue --checklist PRC-RES-03 "
               "--cwe 770 --description 'A queue grows without a bound.'")
    parser.add_argument("name", help="the rule, e.g. unbounded-queue (prodready- is optional)")
    parser.add_argument("--checklist", metavar="ITEM",
                        help="id of the checklist item its findings are evidence for")
    parser.add_argument("--cwe", type=int, action="append", default=[], metavar="N")
    parser.add_argument("--level", choices=["warning", "error"], default="warning",
                        help="the level of its findings (default: warning)")
    parser.add_argument("--family", help="rules.json family (default: the checklist "
                        "item's section, e.g. error-handling)")
    parser.add_argument("--description", default=None,
                        help="one sentence: what the rule finds")
    args = parser.parse_args()

    rule = args.name[len(PREFIX):] if args.name.startswith(PREFIX) else args.name
    if not NAME_SYNTAX.fullmatch(rule):
        fail("'%s' is not a rule name: use lower-case words and digits joined by "
             "single '-', starting with a letter (like 'unbounded-queue'); the "
             "'prodready-' prefix is optional" % args.name)
    cls = camel(rule) + "Check"
    taken = existing_places(rule, cls)
    if taken:
        fail("prodready-%s already exists (%s); pick another name" % (rule, ", ".join(taken)))

    items, checklist = checklist_items()
    known = {item["id"]: item for item in items}
    if args.checklist not in known:
        listing = "\n".join("  %s  %s" % (i["id"], i["title"]) for i in items)
        fail("%s: name the checklist item its findings are evidence for with "
             "--checklist ITEM, one of:\n%s" % (
                 "unknown checklist item '%s'" % args.checklist if args.checklist
                 else "no checklist item", listing))
    item = known[args.checklist]
    if any(c <= 0 for c in args.cwe):
        fail("--cwe takes the number of a CWE entry, like 770")
    description = (args.description or
                   "TODO: one sentence on what prodready-%s finds." % rule).strip()
    if not description.endswith("."):
        description += "."
    family = args.family or section_of(checklist, item["id"])
    entry = {
        "id": PREFIX + rule,
        "name": camel(rule),
        "family": family,
        "shortDescription": description,
        "fullDescription": description + " TODO: what it finds and why it matters, "
                                         "in two or three sentences.",
        "level": args.level,
        "precision": "medium",
        "problemSeverity": args.level,
        "cwe": args.cwe,
        "tags": ["security"] if family == "security" else ["reliability"],
    }

    # Everything is computed before anything is written.
    created = {
        ("checks", cls + ".h"): check_header(rule, cls, description),
        ("checks", cls + ".cpp"): check_source(rule, cls),
        ("docs", "checks", rule + ".md"): doc_page(rule, item, args.cwe, args.level,
                                                  description),
        ("test", "checks", rule + ".cpp"): lit_test(rule),
    }
    updated = {
        ("checks", "ProdReadyTidyModule.cpp"):
            add_to_module(read("checks", "ProdReadyTidyModule.cpp"), rule, cls),
        ("lib", "data", "rules.json"): add_to_rules(read("lib", "data", "rules.json"), entry),
        ("lib", "data", "checklist.json"):
            add_to_checklist(read("lib", "data", "checklist.json"), PREFIX + rule, item["id"]),
        ("README.md",): add_to_readme(read("README.md"), rule, description, item, args.cwe),
    }
    for rel, text in list(created.items()) + list(updated.items()):
        with open(path(*rel), "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
    # The check's sources in the project's style, when clang-format is here
    # (not the lit test: its CHECK lines are long on purpose).
    sources = [path("checks", cls + ".h"), path("checks", cls + ".cpp")]
    if shutil.which(CLANG_FORMAT) and os.path.exists(path(".clang-format")):
        subprocess.run([CLANG_FORMAT, "-i", "--style=file"] + sources, check=True)

    print("created " + ", ".join("/".join(rel) for rel in created))
    print("updated " + ", ".join("/".join(rel) for rel in updated))
    for note in check_globs():
        print("warning: " + note % cls)
    print("""next:
  1. checks/%(cls)s.cpp: the matcher and the message (helpers: lib/checkutils;
     options: Options.get/storeOptions, documented on the rule's page);
  2. test/checks/%(rule)s.cpp: positives and negatives from real code, reduced;
  3. docs/checks/%(rule)s.md, the README row and lib/data/rules.json's
     descriptions: the TODOs;
  4. scripts/build.sh, then
     python3 /usr/lib/llvm-19/build/utils/lit/lit.py -sv build/test --filter '%(rule)s|rule-lists'""" % {
        "cls": cls, "rule": rule})
    names = cwe_names()
    unnamed = [c for c in args.cwe if names is not None and c not in names]
    if unnamed:
        print("  5. lib/core/Sarif.cpp cweNames(): add the name of %s for the SARIF "
              "taxonomy" % ", ".join("CWE-%d" % c for c in unnamed))


def cwe_names():
    """The CWE ids the SARIF writer knows by name, or None if not found."""
    sarif = os.path.join("lib", "core", "Sarif.cpp")
    if not os.path.exists(path(sarif)):
        return None
    return {int(n) for n in re.findall(r"\{(\d+),\s*\"", read(sarif))}


if __name__ == "__main__":
    main()
