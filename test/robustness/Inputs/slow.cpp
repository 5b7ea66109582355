#include "constexpr-loops.h"
void g();
void f() { try { g(); } catch (...) {} }
