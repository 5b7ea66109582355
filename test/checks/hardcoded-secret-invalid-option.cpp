// An invalid regular expression in an option is reported, never silently
// ignored: the plugin warns and the pattern matches nothing (no name counts as
// a secret name; well-known formats are still reported); the driver refuses
// the configuration.
// RUN: %tidy --quiet --checks='-*,prodready-hardcoded-secret' --config="{CheckOptions: {prodready-hardcoded-secret.TestFileRegex: '_test\.cpp$', prodready-hardcoded-secret.SecretNameRegex: '(pass'}}" %s -- -std=c++20 2>&1 | FileCheck %s --check-prefix=TIDY --implicit-check-not='warning:'
// RUN: not %prodready --no-cache --quiet --checks='-*,prodready-hardcoded-secret' --config="{CheckOptions: {prodready-hardcoded-secret.SecretNameRegex: '(pass'}}" %s -- -std=c++20 2>&1 | FileCheck %s --check-prefix=DRIVER

// TIDY: warning: invalid regular expression in option 'SecretNameRegex': parentheses not balanced [clang-tidy-config]
// DRIVER: error: invalid regular expression in option 'prodready-hardcoded-secret.SecretNameRegex'
const char *password = "hunter22";
const char *aws = "AKIAQWERTYUIOPASDFGH";
// TIDY: :[[@LINE-1]]:19: warning: string literal contains an AWS access key id (AKIA****)
