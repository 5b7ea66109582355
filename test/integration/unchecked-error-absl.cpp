// REQUIRES: absl
// prodready-unchecked-error against Debian's real Abseil headers.
// RUN: rm -rf %t && mkdir -p %t
// RUN: ln -s /usr/include/absl %t/absl
// RUN: %check_prodready %s prodready-unchecked-error -- -std=c++20 -I%t --system-header-prefix=absl/

#include <absl/status/status.h>
#include <absl/status/statusor.h>

absl::Status Save(int);
absl::StatusOr<int> Load(int);

absl::Status Run() {
  Save(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: error result of type 'absl::Status' returned by 'Save' is discarded, so a failure goes unnoticed in production; check it and handle, propagate or log the error [prodready-unchecked-error]
  Load(2);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: error result of type 'absl::StatusOr<int>' returned by 'Load' is discarded
  (void)Save(3);
  absl::Status s = Save(4);
  if (!s.ok())
    return s;
  s.Update(Save(5));
  return Save(6);
}
