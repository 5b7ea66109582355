// A project error type that only the .clang-tidy of the recipes makes known.
struct Outcome {
  bool ok;
};
Outcome save();
void caller() { save(); }
