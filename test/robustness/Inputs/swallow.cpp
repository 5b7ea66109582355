void work();
void f() {
  try { work(); } catch (...) {}
}
