#include <stdexcept>

void handle();
void log(const char *);

void serve() {
  try {
    handle();
  } catch (const std::runtime_error &) {
  }
  try {
    handle();
  } catch (const std::exception &e) {
    log(e.what());
  }
}
