// Ten million initialisers: the AST alone needs gigabytes.
#define L1 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
#define L2 L1 L1 L1 L1 L1 L1 L1 L1 L1 L1
#define L3 L2 L2 L2 L2 L2 L2 L2 L2 L2 L2
#define L4 L3 L3 L3 L3 L3 L3 L3 L3 L3 L3
#define L5 L4 L4 L4 L4 L4 L4 L4 L4 L4 L4
#define L6 L5 L5 L5 L5 L5 L5 L5 L5 L5 L5
#define L7 L6 L6 L6 L6 L6 L6 L6 L6 L6 L6
int Values[] = { L7 };
void g();
void f() { try { g(); } catch (...) {} }
