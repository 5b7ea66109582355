void work();
int use(int);
// Compiles: reported.
void intact() {
  try { work(); } catch (...) {}
}
// Holds a recovery expression: nothing in it is reported.
void broken() {
  use(UNDECLARED_FLAG);
  try { work(); } catch (...) {}
}
// A lambda inside a broken function is part of it.
void broken_outer() {
  auto f = [] { try { work(); } catch (...) {} };
  f(undeclared_argument);
}
// Compiles, after the broken ones: reported.
void intact_later() {
  try { work(); } catch (...) {}
}
#include "generated/missing.pb.h"
// After the missing header stopped the parse: nothing is reported.
void after_fatal() {
  try { work(); } catch (...) {}
}
