void work();
inline void vendored_directory() {
  try { work(); } catch (...) {}
}
