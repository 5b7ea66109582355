void work();
inline void vendored_single_header() {
  try { work(); } catch (...) {}
}
