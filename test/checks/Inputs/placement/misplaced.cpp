// Input of check-line-placement.test (not a test itself).
void f() {
  first();
  second();
  third();
// CHECK-MESSAGES: :[[@LINE-3]]:3: warning: first
// CHECK-MESSAGES: :5:3: note: a note follows its finding, renumbered
  fourth();
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: fourth
// CHECK-MESSAGES: :[[@LINE-8]]:6: note: a note pointing elsewhere stays
  while (waiting()) {
    sleep(1);
  }
// CHECK-MESSAGES: :[[@LINE-3]]:3: warning: the loop
}
// CHECK-MESSAGES: :[[@LINE+3]]:5: warning: in a macro: after its definition
#define DIE()                                                                  \
  do {                                                                         \
    exit(1);                                                                   \
  } while (0)
int g();
