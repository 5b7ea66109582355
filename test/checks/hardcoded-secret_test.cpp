// A file whose name matches TestFileRegex is exempt (first RUN line, default
// option); the second RUN line shows the same code is reported otherwise.
// RUN: %check_prodready %s prodready-hardcoded-secret
// RUN: %check_prodready %s prodready-hardcoded-secret -config="{CheckOptions: {prodready-hardcoded-secret.TestFileRegex: '_test\.cpp$'}}"
// RUN: %check_prodready -check-suffix=NOTEST %s prodready-hardcoded-secret -config="{CheckOptions: {prodready-hardcoded-secret.TestFileRegex: 'no-such-file'}}"

const char *password = "fixture-pw-1";
// CHECK-MESSAGES-NOTEST: :[[@LINE-1]]:24: warning: the value of 'password' is a hard-coded credential (fix****); anyone who can read
const char *aws = "AKIAQWERTYUIOPASDFGH";
// CHECK-MESSAGES-NOTEST: :[[@LINE-1]]:19: warning: string literal contains an AWS access key id (AKIA****)
