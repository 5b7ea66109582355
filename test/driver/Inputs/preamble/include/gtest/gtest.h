// A stand-in for googletest: including it makes a unit test code.
#pragma once
#define TEST(Suite, Name) void Suite##_##Name()
