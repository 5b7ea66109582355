void work();
void test_by_name() {
  try { work(); } catch (...) {}
}
