#!/usr/bin/env python3
"""Keeps each CHECK-MESSAGES line right under the source line it checks.

A finding's CHECK-MESSAGES line (`// CHECK-MESSAGES[-S]: :[[@LINE-N]]:C:
warning: ...`, or an absolute `:L:C:`) belongs directly under the line L it
points at, after any check lines already there, so that a reader sees the
code and what it must produce together. The notes that follow a finding's
line (same prefix) travel with it: a note points wherever the finding's
explanation lies, and FileCheck expects it after its finding.

A finding is "misplaced" when two or more code lines separate it from its
line. Moving it is only done when it keeps the order of that prefix's check
lines (FileCheck matches them in order, and the output is ordered by
location), and never into a macro continuation or a multi-line literal: a
line ending in a backslash or inside an open parenthesis/raw string moves the
insertion point to the end of that construct (at most 4 lines further).
Every `[[@LINE+-N]]` and absolute line number of the file is recomputed.

Usage:
  place_check_lines.py FILE...           move misplaced findings, rewrite files
  place_check_lines.py --check FILE...   list misplaced findings that could be
                                         moved; exit 1 if there is one
"""
import argparse
import re
import sys

CHECK_LINE = re.compile(r"^\s*//\s*CHECK[\w-]*:")
REFERENCE = re.compile(
    r"^(\s*//\s*(CHECK-MESSAGES[\w-]*):\s*:)"
    r"(?:\[\[@LINE(?:([+-])(\d+))?\]\]|(\d+))"
    r"(:\d+:\s*(\w+):.*)$")
MAX_CONTINUATION = 4


class Source:
    """One line of code (or any line that is not a check line)."""

    def __init__(self, text):
        self.text = text


class Check:
    """One check line; `target` is the Source line it points at, or None."""

    def __init__(self, text):
        self.text = text
        self.target = None
        self.prefix = None
        self.is_note = False
        self.absolute = False
        self.match = REFERENCE.match(text)
        if self.match:
            self.prefix = self.match.group(2)
            self.is_note = self.match.group(7) == "note"
            self.absolute = self.match.group(5) is not None

    def render(self, own_line, target_line):
        m = self.match
        if self.absolute:
            ref = str(target_line)
        else:
            offset = target_line - own_line
            ref = "[[@LINE]]" if offset == 0 else "[[@LINE%+d]]" % offset
        return m.group(1) + ref + m.group(6)


def parse(lines):
    entries = []
    for text in lines:
        entries.append(Check(text) if CHECK_LINE.match(text) else Source(text))
    for number, entry in enumerate(entries, 1):
        if isinstance(entry, Check) and entry.match:
            m = entry.match
            if entry.absolute:
                target = int(m.group(5))
            else:
                target = number + (int(m.group(4)) * (1 if m.group(3) == "+" else -1)
                                   if m.group(3) else 0)
            if 1 <= target <= len(entries) and isinstance(entries[target - 1], Source):
                entry.target = entries[target - 1]
    return entries


def render(entries):
    position = {id(e): n for n, e in enumerate(entries, 1)}
    out = []
    for number, entry in enumerate(entries, 1):
        if isinstance(entry, Check) and entry.target is not None:
            out.append(entry.render(number, position[id(entry.target)]))
        else:
            out.append(entry.text)
    return out


def groups(entries):
    """Each finding's check line with the notes of its prefix that follow it
    within the same run of check lines: [index of finding, indices of notes]."""
    result = []
    for i, entry in enumerate(entries):
        if not (isinstance(entry, Check) and entry.target is not None and not entry.is_note):
            continue
        members = [i]
        j = i + 1
        while j < len(entries) and isinstance(entries[j], Check):
            other = entries[j]
            if other.prefix == entry.prefix:
                if not other.is_note or other.target is None:
                    break
                members.append(j)
            j += 1
        result.append(members)
    return result


def code_lines_between(entries, a, b):
    lo, hi = min(a, b), max(a, b)
    return sum(1 for e in entries[lo + 1:hi] if isinstance(e, Source))


def paren_depth_change(text):
    """Unclosed ( and [ on a line, ignoring strings, chars and // comments."""
    depth, i, quote = 0, 0, None
    while i < len(text):
        c = text[i]
        if quote:
            if c == "\\":
                i += 1
            elif c == quote:
                quote = None
        elif c in "\"'":
            quote = c
        elif text.startswith("//", i):
            break
        elif c in "([":
            depth += 1
        elif c in ")]":
            depth -= 1
        i += 1
    return depth


def opens_raw_string(text):
    start = text.find('R"')
    while start >= 0:
        delim_end = text.find("(", start)
        if delim_end < 0:
            return True
        closing = ")" + text[start + 2:delim_end] + '"'
        end = text.find(closing, delim_end)
        if end < 0:
            return True
        start = text.find('R"', end)
    return False


def insertion_point(entries, target_index):
    """Index after which a check line for entries[target_index] may go: the
    target itself, or the end of the macro, parenthesis or raw string it
    opens; None when that end is too far."""
    index, depth, in_raw = target_index, 0, False
    for _ in range(MAX_CONTINUATION + 1):
        text = entries[index].text
        if in_raw:
            if ')"' in text:
                in_raw = False
            depth += paren_depth_change(text[text.find(')"') + 2:]) if not in_raw else 0
        else:
            if opens_raw_string(text):
                in_raw = True
            depth += paren_depth_change(text)
        if not in_raw and depth <= 0 and not text.rstrip().endswith("\\"):
            return index
        index += 1
        while index < len(entries) and isinstance(entries[index], Check):
            index += 1
        if index >= len(entries):
            return None
    return None


def plan_move(entries, members):
    """Where the group may go (index to insert before), or None."""
    finding = entries[members[0]]
    here = members[0]
    target_index = next(i for i, e in enumerate(entries) if e is finding.target)
    if code_lines_between(entries, here, target_index) < 2:
        return None
    anchor = insertion_point(entries, target_index)
    if anchor is None:
        return None
    destination = anchor + 1
    while destination < len(entries) and isinstance(entries[destination], Check):
        destination += 1
    between = entries[destination:here] if destination <= here else entries[here + 1:destination]
    if not any(isinstance(e, Source) for e in between):
        return None  # already in the run of check lines under it
    # The prefix's check lines must keep their order.
    lo, hi = sorted((destination, here))
    moving = set(members)
    for k in range(lo, hi):
        e = entries[k]
        if k not in moving and isinstance(e, Check) and e.prefix == finding.prefix:
            return None
    return destination


def misplaced(entries):
    """Groups that could move, first first."""
    return [(members, plan_move(entries, members)) for members in groups(entries)
            if plan_move(entries, members) is not None]


def fix(entries):
    while True:
        candidates = misplaced(entries)
        if not candidates:
            return entries
        members, destination = candidates[0]
        moved = [entries[i] for i in members]
        moved[0].absolute = False  # it sits under its line now: [[@LINE-N]]
        kept = [e for i, e in enumerate(entries) if i not in set(members)]
        shift = sum(1 for i in members if i < destination)
        destination -= shift
        entries = kept[:destination] + moved + kept[destination:]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true")
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()
    found = 0
    for path in args.files:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        lines = text.split("\n")
        entries = parse(lines)
        if args.check:
            rendered = render(entries)
            for members, _ in misplaced(entries):
                found += 1
                number = members[0] + 1
                print("%s:%d: CHECK line sits %d code lines away from the line it "
                      "checks: %s" % (path, number,
                                      code_lines_between(
                                          entries, members[0],
                                          entries.index(entries[members[0]].target)),
                                      rendered[members[0]].strip()[:100]))
            continue
        new_lines = render(fix(entries))
        if new_lines != lines:
            with open(path, "w", encoding="utf-8") as f:
                f.write("\n".join(new_lines))
            print("rewrote %s" % path)
    if args.check:
        if found:
            print("%d misplaced CHECK line(s); run test/tools/place_check_lines.py "
                  "on the file(s) to move them" % found)
            sys.exit(1)
        print("every CHECK line sits under the line it checks")


if __name__ == "__main__":
    main()
