// REQUIRES: absl, boost
// prodready-unchecked-value-access against Debian's real absl::StatusOr and
// boost::optional.
// RUN: rm -rf %t && mkdir -p %t
// RUN: ln -s /usr/include/absl %t/absl
// RUN: ln -s /usr/include/boost %t/boost
// RUN: %check_prodready %s prodready-unchecked-value-access -- -std=c++20 -I%t --system-header-prefix=absl/ --system-header-prefix=boost/

#include <absl/status/statusor.h>
#include <boost/optional.hpp>

absl::StatusOr<int> Load(int);
boost::optional<int> Find(int);

int Unchecked() {
  absl::StatusOr<int> v = Load(1);
  boost::optional<int> f = Find(2);
  return *v + f.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: operator* of 'absl::StatusOr<int>' is not preceded by a check that it holds a value on every path, so an empty or failed result throws or is undefined behaviour in production; test it first (has_value(), ok(), if (x)) or use value_or() [prodready-unchecked-value-access]
  // CHECK-MESSAGES: :[[@LINE-2]]:15: warning: .get() of 'boost::optional<int>' is not preceded by a check
}

int Checked() {
  absl::StatusOr<int> v = Load(1);
  if (!v.ok())
    return -1;
  boost::optional<int> f = Find(2);
  if (!f)
    return -2;
  absl::StatusOr<int> w = Load(3);
  int extra = w.status().ok() ? *w : 0;
  return *v + f.get() + extra + Load(4).value_or(0);
}
