//===--- ProdReadyTidyModule.cpp - the prodready clang-tidy module --------===//
//
// Registers every prodready check under the `prodready-` prefix. The same
// object code is linked into the clang-tidy plugin and the prodready driver.
//
//===----------------------------------------------------------------------===//

#include "ProcessExitCheck.h"
#include "SwallowedExceptionCheck.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyModuleRegistry.h"

namespace prodready {

class ProdReadyModule : public clang::tidy::ClangTidyModule {
public:
  void addCheckFactories(clang::tidy::ClangTidyCheckFactories &Factories) override {
    Factories.registerCheck<ProcessExitCheck>("prodready-process-exit");
    Factories.registerCheck<SwallowedExceptionCheck>(
        "prodready-swallowed-exception");
  }
};

} // namespace prodready

static clang::tidy::ClangTidyModuleRegistry::Add<prodready::ProdReadyModule>
    X("prodready-module", "Production-readiness checks.");

// Referenced by the driver so that a static link keeps the registration.
volatile int ProdReadyModuleAnchorSource = 0;
