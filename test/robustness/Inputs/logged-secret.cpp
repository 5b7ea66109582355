// A value that secret-in-log follows into a log: its "comes from here" note,
// and another rule's finding, point at the line of the literal.
#include <iostream>
#include <string>
void logged() {
  std::string raw = "Kq0Wm3Np5Rt7Vx9Yb2Cd4Fg6"; std::string api_key = raw; try { std::cout << api_key; throw 1; } catch (...) {}
}
