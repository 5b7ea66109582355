#include <curl/curl.h>

// A known defect on line 8 (VERIFYPEER 0), and a perform without timeout.
int fetch(const char *url) {
  CURL *curl = curl_easy_init();
  curl_easy_setopt(curl, CURLOPT_URL, url);
  // verification turned off "for now"
  curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 0L);
  CURLcode rc = curl_easy_perform(curl);
  curl_easy_cleanup(curl);
  return rc;
}
