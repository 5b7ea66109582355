// A file whose name matches TestFileRegex is exempt.
// RUN: %check_prodready %s prodready-process-exit -config="{CheckOptions: {prodready-process-exit.TestFileRegex: '_test\.cpp$'}}"
// RUN: %check_prodready -check-suffix=NOTEST %s prodready-process-exit -config="{CheckOptions: {prodready-process-exit.TestFileRegex: 'no-such-file'}}"

#include <cstdlib>

void helper_in_test() {
  std::exit(1);
  // CHECK-MESSAGES-NOTEST: :[[@LINE-1]]:3: warning: 'exit' called in 'helper_in_test' kills the process
}
