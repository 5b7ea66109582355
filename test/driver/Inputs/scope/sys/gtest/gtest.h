// A stand-in for googletest's header.
#define TEST(a, b) void a##_##b()
