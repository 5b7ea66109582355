// A credential kept on purpose, silenced where it is defined: the replayed
// #define is reported to clang-tidy, whose NOLINT handling drops it.
#pragma once

#define BACKUP_PASSWORD "sw0rdfish99" // NOLINT(prodready-hardcoded-secret)
