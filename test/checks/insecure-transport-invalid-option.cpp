// An invalid regular expression in an option is reported, never silently
// ignored: the plugin warns and the pattern matches nothing (no extra host is
// allowed); the driver refuses the configuration.
// RUN: %tidy --quiet --checks='-*,prodready-insecure-transport' --config="{CheckOptions: {prodready-insecure-transport.AllowedHttpHostRegex: '[a-z'}}" %s -- -std=c++20 -isystem %inputs 2>&1 | FileCheck %s --check-prefix=TIDY --implicit-check-not='warning:'
// RUN: not %prodready --no-cache --quiet --checks='-*,prodready-insecure-transport' --config="{CheckOptions: {prodready-insecure-transport.AllowedHttpHostRegex: '[a-z'}}" %s -- -std=c++20 -isystem %inputs 2>&1 | FileCheck %s --check-prefix=DRIVER

#include <curl/curl.h>

// TIDY: warning: invalid regular expression in option 'AllowedHttpHostRegex': brackets ([ ]) not balanced [clang-tidy-config]
// DRIVER: error: invalid regular expression in option 'prodready-insecure-transport.AllowedHttpHostRegex'
void f(CURL *h) {
  curl_easy_setopt(h, CURLOPT_URL, "http://169.254.169.254/latest/meta-data/");
  // TIDY: :[[@LINE-1]]:3: warning: plain-text URL 'http://169.254.169.254' given to CURLOPT_URL
}
