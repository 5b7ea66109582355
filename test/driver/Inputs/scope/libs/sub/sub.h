void work();
inline void vendored_submodule() {
  try { work(); } catch (...) {}
}
