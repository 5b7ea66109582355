// The driver's text report must not repeat a secret ANYWHERE, including the
// source line it would quote under a finding. (clang-tidy itself always
// quotes the line, which a check cannot change; see
// hardcoded-secret-redaction.cpp for what the plugin guarantees.)
//
// RUN: %prodready --no-cache --quiet --fail-on=none --checks='-*,prodready-hardcoded-secret' --config="{CheckOptions: {prodready-hardcoded-secret.TestFileRegex: '_test\.cpp$'}}" --format=text %s -- -std=c++20 > %t.text
// RUN: grep 'error: .*\[prodready-hardcoded-secret\]' %t.text | count 2
// RUN: not grep -F 'Kestrel-Osprey-83' %t.text
// RUN: not grep -F 'AKIAKESTRELOSPREY883' %t.text

const char *password = "Kestrel-Osprey-83";
const char *key = "AKIAKESTRELOSPREY883";
