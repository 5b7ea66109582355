#include "common.h"
void b() { quietly(); }
