void work();
inline void utility() {
  try { work(); } catch (...) {}
}
