// Every instantiation names two new ones: 2^40 distinct classes.
template <int N, unsigned long M> struct Tree : Tree<N - 1, 2 * M>, Tree<N - 1, 2 * M + 1> {};
template <unsigned long M> struct Tree<0, M> {};
Tree<40, 1> Forest;
void g();
void f() { try { g(); } catch (...) {} }
