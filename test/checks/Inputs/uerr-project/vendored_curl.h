// A copy of a C library's header kept in the source tree (not a system
// header): its prefixed functions are still the library's.
#pragma once
extern "C" {
typedef void CURLM;
int curl_multi_perform(CURLM *, int *);
// A plain word declared only by the project (a shim) is not the POSIX one.
int fdatasync(int);
}
