#include "util.h"
#include "api.pb.h"
#include "banner.h"
#include "lib/helper.h"
#include "nlohmann/json.hpp"
#include "sub.h"

void serve() {
  try { work(); } catch (...) {}
}
