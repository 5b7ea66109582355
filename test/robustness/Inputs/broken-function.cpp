#include <optional>
std::optional<int> find();
int use(int);
// Does not compile: its accesses are not analysed (the dataflow framework
// can crash on recovery expressions), and nothing is reported for it.
int broken() {
  auto o = find();
  use(O_BINARY);
  return *o;
}
// Compiles: analysed as usual.
int fine() {
  auto o = find();
  return *o;
}
