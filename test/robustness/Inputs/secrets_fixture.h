// A header under tests/ (out of scope: no finding) whose static_assert
// quotes the credential it holds.
const char *password = "Gecko-Walrus-3141";
static_assert(sizeof(int) == 1, "Gecko-Walrus-3141");
