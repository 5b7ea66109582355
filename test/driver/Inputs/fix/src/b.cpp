#include "tls.h"

int fetch_b(const char *url) {
  CURL *curl = curl_easy_init();
  insecure_defaults(curl);
  curl_easy_setopt(curl, CURLOPT_URL, url);
  CURLcode rc = curl_easy_perform(curl);
  curl_easy_cleanup(curl);
  return rc;
}
