// A credential in a function that does not compile (its finding is not
// reported) and a static_assert that quotes it (a compiler error is).
void undefined_call();
void connect() {
  const char *password = "Puffin-Cobra-5150";
  undefined_call(42);
}
static_assert(sizeof(int) == 1, "Puffin-Cobra-5150");
// A password that is a plain word, quoted by the compiler.
const char *db_password = "sunshine";
static_assert(sizeof(int) == 2, "sunshine");
