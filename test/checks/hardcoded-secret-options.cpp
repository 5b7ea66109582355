// RUN: %check_prodready %s prodready-hardcoded-secret -config="{CheckOptions: {prodready-hardcoded-secret.TestFileRegex: '_test\.cpp$'}}"
// RUN: %check_prodready -check-suffix=NAMES %s prodready-hardcoded-secret -config="{CheckOptions: {prodready-hardcoded-secret.TestFileRegex: '_test\.cpp$', prodready-hardcoded-secret.SecretNameRegex: 'passphrase|license_key', prodready-hardcoded-secret.SecretNameExcludeRegex: 'demo'}}"

// SecretNameRegex / SecretNameExcludeRegex replace the default name lists.
// Well-known formats are reported whatever the names.

const char *password = "hunter22";
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: the value of 'password' is a hard-coded credential (hu****)
const char *license_key = "LK-2024-99812";
// CHECK-MESSAGES-NAMES: :[[@LINE-1]]:27: warning: the value of 'license_key' is a hard-coded credential (LK-****)
const char *demo_license_key = "LK-2024-00001";
const char *passphrase = "correct-horse-42";
// CHECK-MESSAGES: :[[@LINE-1]]:26: warning: the value of 'passphrase' is a hard-coded credential (corr****)
// CHECK-MESSAGES-NAMES: :[[@LINE-2]]:26: warning: the value of 'passphrase' is a hard-coded credential (corr****)
const char *aws = "AKIAQWERTYUIOPASDFGH";
// CHECK-MESSAGES: :[[@LINE-1]]:19: warning: string literal contains an AWS access key id (AKIA****)
// CHECK-MESSAGES-NAMES: :[[@LINE-2]]:19: warning: string literal contains an AWS access key id (AKIA****)
