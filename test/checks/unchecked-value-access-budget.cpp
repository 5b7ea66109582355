// A function too large for the dataflow budget is skipped silently (no
// finding, no crash, no hang); the functions around it are still analysed.
// RUN: %check_prodready %s prodready-unchecked-value-access
// The driver counts the skipped function in its summary:
// RUN: %prodready --no-cache --fail-on=none --checks='-*,prodready-unchecked-value-access' %s -- -std=c++20 -isystem %inputs 2>&1 >/dev/null | FileCheck %s --check-prefix=STATS
// STATS: prodready: statistic unchecked-value-access.functions-over-dataflow-budget: 1

#include <err/std.h>

std::optional<int> find(int);
int use(int);
bool cond(int);

int before() {
  auto o = find(1);
  return *o;
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: operator* of 'std::optional<int>' is not preceded by a check that it holds a value on every path
}

#define S1(i) if (cond(i)) use(i);
#define S10(i) S1(i) S1(i) S1(i) S1(i) S1(i) S1(i) S1(i) S1(i) S1(i) S1(i)
#define S100(i) S10(i) S10(i) S10(i) S10(i) S10(i) S10(i) S10(i) S10(i) S10(i) S10(i)
#define S1000(i) S100(i) S100(i) S100(i) S100(i) S100(i) S100(i) S100(i) S100(i) S100(i) S100(i)
int too_big() {
  auto o = find(1);
  S1000(0)
  return *o;
}

int after() {
  auto o = find(2);
  return o.value();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: .value() of 'std::optional<int>' is not preceded by a check that it holds a value on every path
}
