#include "tls.h"

void fetch_a(CURL *curl) {
  insecure_defaults(curl);
  curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 0L);
}
