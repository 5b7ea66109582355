#include "common.h"
void a() {
  try { work(); } catch (const std::exception &) {}
}
