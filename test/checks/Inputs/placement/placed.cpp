// Input of check-line-placement.test (not a test itself).
void f() {
  first();
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: first
// CHECK-MESSAGES: :7:3: note: a note follows its finding, renumbered
  second();
  third();
  fourth();
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: fourth
// CHECK-MESSAGES: :[[@LINE-8]]:6: note: a note pointing elsewhere stays
  while (waiting()) {
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the loop
    sleep(1);
  }
}
#define DIE()                                                                  \
  do {                                                                         \
    exit(1);                                                                   \
  } while (0)
// CHECK-MESSAGES: :[[@LINE-2]]:5: warning: in a macro: after its definition
int g();
