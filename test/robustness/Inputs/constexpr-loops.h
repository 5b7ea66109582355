// Each static_assert evaluates a loop just under clang's constexpr step
// limit; a thousand of them keep the compiler busy for minutes.
constexpr long spin(long n) {
  long x = 0;
  for (long i = 0; i < n; ++i)
    x += i ^ (x >> 3);
  return x;
}
#define SPIN1 static_assert(spin(250000) != -1);
#define SPIN10 SPIN1 SPIN1 SPIN1 SPIN1 SPIN1 SPIN1 SPIN1 SPIN1 SPIN1 SPIN1
#define SPIN100 SPIN10 SPIN10 SPIN10 SPIN10 SPIN10 SPIN10 SPIN10 SPIN10 SPIN10 SPIN10
SPIN100 SPIN100 SPIN100 SPIN100 SPIN100 SPIN100 SPIN100 SPIN100 SPIN100 SPIN100
