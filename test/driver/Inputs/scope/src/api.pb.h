void work();
inline void generated_by_name() {
  try { work(); } catch (...) {}
}
