// Cross-unit secret-in-log (driver/cross-unit-secret.test): project
// functions defined in audit.cpp log some of their parameters.
#pragma once
#include <string>

void audit(const std::string &user, const std::string &detail); // logs both
void record_login(const std::string &user, const std::string &credential); // passes credential to audit
void remember(const std::string &user, const std::string &token); // logs only user
void tell(const std::string &text);     // <-> relay, logs nothing
void relay(const std::string &text);
