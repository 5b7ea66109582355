// The findings never repeat a secret: neither the plugin's diagnostics (and
// its --export-fixes YAML) nor the driver's text, SARIF, JSON and Markdown
// reports contain any of the literals marked SECRET(...) below. Each output
// must also carry the findings, so an empty report cannot pass. (clang-tidy
// prints the source line under each diagnostic, which no check can change:
// for the plugin only the diagnostic lines are checked.)
//
// RUN: sed -n 's/^.*SECRET(\(.*\))$/\1/p' %s > %t.secrets
// RUN: count 12 < %t.secrets
//
// RUN: %tidy --quiet --checks='-*,prodready-hardcoded-secret' --config="{CheckOptions: {prodready-hardcoded-secret.TestFileRegex: '_test\.cpp$'}}" --export-fixes=%t.yaml %s -- -std=c++20 -isystem %inputs > %t.tidy 2>&1
// RUN: grep 'warning: .*\[prodready-hardcoded-secret\]' %t.tidy | count 12
// RUN: grep -E '(warning|note|error):' %t.tidy > %t.tidy.diags
// RUN: not grep -F -f %t.secrets %t.tidy.diags
// RUN: grep -c 'DiagnosticName:  *prodready-hardcoded-secret' %t.yaml | grep -x 12
// RUN: not grep -F -f %t.secrets %t.yaml
//
// RUN: %prodready --no-cache --quiet --fail-on=none --checks='-*,prodready-hardcoded-secret' --config="{CheckOptions: {prodready-hardcoded-secret.TestFileRegex: '_test\.cpp$'}}" --format=sarif -o %t.sarif %s -- -std=c++20 -isystem %inputs
// RUN: grep -o '"ruleId": *"prodready-hardcoded-secret"' %t.sarif | count 12
// RUN: not grep -F -f %t.secrets %t.sarif
// RUN: %prodready --no-cache --quiet --fail-on=none --checks='-*,prodready-hardcoded-secret' --config="{CheckOptions: {prodready-hardcoded-secret.TestFileRegex: '_test\.cpp$'}}" --format=json -o %t.json %s -- -std=c++20 -isystem %inputs
// RUN: grep -c 'prodready-hardcoded-secret' %t.json
// RUN: not grep -F -f %t.secrets %t.json
// RUN: %prodready --no-cache --quiet --fail-on=none --checks='-*,prodready-hardcoded-secret' --config="{CheckOptions: {prodready-hardcoded-secret.TestFileRegex: '_test\.cpp$'}}" --format=markdown -o %t.md %s -- -std=c++20 -isystem %inputs
// RUN: grep -c 'hardcoded-secret' %t.md
// RUN: not grep -F -f %t.secrets %t.md
// RUN: %prodready --no-cache --quiet --fail-on=none --checks='-*,prodready-hardcoded-secret' --config="{CheckOptions: {prodready-hardcoded-secret.TestFileRegex: '_test\.cpp$'}}" --format=text %s -- -std=c++20 -isystem %inputs > %t.text
// RUN: grep 'error: .*\[prodready-hardcoded-secret\]' %t.text | count 12
// RUN: not grep -F -f %t.secrets %t.text

#include <curl/curl.h>
#include <string>

#define LEGACY_KEY "sk_live_51HqLyjWDarjtT1zdp7dcQq"
// SECRET(sk_live_51HqLyjWDarjtT1zdp7dcQq)

const char *password = "Zebra-Quokka-77";
// SECRET(Zebra-Quokka-77)
std::string api_key = "f00dfacecafe4242";
// SECRET(f00dfacecafe4242)
const char *aws = "AKIAZXCVBNMASDFGHJKL";
// SECRET(AKIAZXCVBNMASDFGHJKL)
const char *gh = "ghp_Qw3rTy8uI0pAsDfGhJkLzXcVbNm123456789";
// SECRET(ghp_Qw3rTy8uI0pAsDfGhJkLzXcVbNm123456789)
const char *auth = "Authorization: Bearer 7d1f0e9c8b7a6d5e4f3c";
// SECRET(7d1f0e9c8b7a6d5e4f3c)
const char *dsn = "host=db user=app password=Plover-Wren-19";
// SECRET(Plover-Wren-19)
const char *url = "postgres://app:Heron-Ibis-23@db/orders";
// SECRET(Heron-Ibis-23)
const char *jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJyZWRhY3QifQ.S1gnAtur3x0x0x0x0x0x0x";
// SECRET(eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJyZWRhY3QifQ.S1gnAtur3x0x0x0x0x0x0x)
const char *pem = "-----BEGIN PRIVATE KEY-----\n"
                  "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj\n"
// SECRET(MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj)
                  "-----END PRIVATE KEY-----\n";

void login(const std::string &user, const std::string &password);

void use(CURL *h) {
  curl_easy_setopt(h, CURLOPT_USERPWD, "svc:Marmot-Lynx-31");
  // SECRET(Marmot-Lynx-31)
  login("admin", "Gecko-Tapir-47");
  // SECRET(Gecko-Tapir-47)
  const char *k = LEGACY_KEY;
}
