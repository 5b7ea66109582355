//===--- ProdReadyTidyModule.cpp - the prodready clang-tidy module --------===//
//
// Registers every prodready check under the `prodready-` prefix. The same
// object code is linked into the clang-tidy plugin and the prodready driver.
//
//===----------------------------------------------------------------------===//

#include "BlockingInAsyncCheck.h"
#include "DetachedThreadCheck.h"
#include "HardcodedSecretCheck.h"
#include "InsecureTransportCheck.h"
#include "MissingTimeoutCheck.h"
#include "PollingLoopCheck.h"
#include "ProcessExitCheck.h"
#include "RetryWithoutBackoffCheck.h"
#include "SecretInLogCheck.h"
#include "SwallowedExceptionCheck.h"
#include "UncheckedErrorCheck.h"
#include "UncheckedValueAccessCheck.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyModuleRegistry.h"

namespace prodready {

class ProdReadyModule : public clang::tidy::ClangTidyModule {
public:
  void
  addCheckFactories(clang::tidy::ClangTidyCheckFactories &Factories) override {
    Factories.registerCheck<BlockingInAsyncCheck>(
        "prodready-blocking-in-async");
    Factories.registerCheck<HardcodedSecretCheck>("prodready-hardcoded-secret");
    Factories.registerCheck<DetachedThreadCheck>("prodready-detached-thread");
    Factories.registerCheck<InsecureTransportCheck>(
        "prodready-insecure-transport");
    Factories.registerCheck<MissingTimeoutCheck>("prodready-missing-timeout");
    Factories.registerCheck<PollingLoopCheck>("prodready-polling-loop");
    Factories.registerCheck<ProcessExitCheck>("prodready-process-exit");
    Factories.registerCheck<RetryWithoutBackoffCheck>(
        "prodready-retry-without-backoff");
    Factories.registerCheck<SecretInLogCheck>("prodready-secret-in-log");
    Factories.registerCheck<SwallowedExceptionCheck>(
        "prodready-swallowed-exception");
    Factories.registerCheck<UncheckedErrorCheck>("prodready-unchecked-error");
    Factories.registerCheck<UncheckedValueAccessCheck>(
        "prodready-unchecked-value-access");
  }
};

} // namespace prodready

static clang::tidy::ClangTidyModuleRegistry::Add<prodready::ProdReadyModule>
    X("prodready-module", "Production-readiness checks.");

// Referenced by the driver so that a static link keeps the registration.
volatile int ProdReadyModuleAnchorSource = 0;
