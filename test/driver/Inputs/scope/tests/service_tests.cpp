void work();
void test_directory() {
  try { work(); } catch (...) {}
}
