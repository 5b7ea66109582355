void work();
void excluded_by_glob() {
  try { work(); } catch (...) {}
}
