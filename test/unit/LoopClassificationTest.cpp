// Tests of the one description per loop that prodready-polling-loop and
// prodready-retry-without-backoff share. Each snippet defines a function `f`;
// the loop classified is the first (outermost) loop in it.
#include "LoopClassification.h"
#include "CheckUtils.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Tooling/Tooling.h"
#include <gtest/gtest.h>

using namespace clang;
using namespace clang::ast_matchers;
using namespace prodready;

namespace {

const char *Prelude = R"cpp(
extern "C" {
unsigned sleep(unsigned);
int usleep(unsigned);
int connect(int, const void *, unsigned);
long read(int, void *, unsigned long);
int rand();
struct timeval { long tv_sec; long tv_usec; };
int select(int, void *, void *, void *, struct timeval *);
struct pollfd { int fd; short events; short revents; };
int poll(struct pollfd *, unsigned long, int);
typedef struct ssl_st SSL;
int SSL_connect(SSL *);
int SSL_get_error(const SSL *, int);
int *__errno_location(void);
typedef int sig_atomic_t;
typedef void (*sighandler_t)(int);
sighandler_t signal(int, sighandler_t);
}
#define errno (*__errno_location())
#define EINTR 4
#define SSL_ERROR_WANT_READ 2
#define SSL_ERROR_WANT_WRITE 3
bool try_connect();
bool is_ready();
void do_work();
bool CheckConnection();
void log_line(const char *);
extern bool g_flag;
struct WebSocket { unsigned long read(char *buf); };
)cpp";

LoopConfig defaultConfig() {
  return {splitList(DefaultSleepFunctions), splitList(DefaultRemoteFunctions)};
}

/// Builds the AST of a snippet and classifies the first loop of `f`.
class LoopOf {
public:
  explicit LoopOf(const std::string &Code) {
    AST = tooling::buildASTFromCodeWithArgs(std::string(Prelude) + Code,
                                            {"-std=c++17", "-fsyntax-only"});
    if (!AST || AST->getDiagnostics().hasErrorOccurred())
      return;
    ASTContext &Ctx = AST->getASTContext();
    const auto *Func = selectFirst<FunctionDecl>(
        "f", match(functionDecl(hasName("f"), isDefinition()).bind("f"), Ctx));
    if (!Func)
      return;
    auto Loops =
        match(findAll(stmt(anyOf(whileStmt(), doStmt(), forStmt())).bind("l")),
              *Func->getBody(), Ctx);
    const SourceManager &SM = Ctx.getSourceManager();
    for (const BoundNodes &Node : Loops) {
      const auto *S = Node.getNodeAs<Stmt>("l");
      if (!Loop ||
          SM.isBeforeInTranslationUnit(S->getBeginLoc(), Loop->getBeginLoc()))
        Loop = S;
    }
  }
  bool parsed() const { return Loop != nullptr; }
  const LoopClassification &operator*() {
    return classifyLoop(*Loop, AST->getASTContext(), Config);
  }
  const LoopClassification *operator->() { return &**this; }

private:
  std::unique_ptr<ASTUnit> AST;
  const Stmt *Loop = nullptr;
  LoopConfig Config = defaultConfig();
};

TEST(LoopClassification, RetryUntilSuccessWithConstantSleep) {
  LoopOf L(R"cpp(void f() {
  while (!try_connect())
    sleep(1);
})cpp");
  ASSERT_TRUE(L.parsed());
  EXPECT_EQ(L->Exit, LoopExitKind::OperationSucceeds);
  EXPECT_EQ(L->RetriedOperationName, "try_connect");
  EXPECT_FALSE(L->RetriedOperationIsRemote);
  EXPECT_EQ(L->Bound, AttemptBound::None);
  ASSERT_EQ(L->Delays.size(), 1u);
  EXPECT_EQ(L->Delays[0].Kind, DelayKind::Sleep);
  EXPECT_EQ(L->Delays[0].Duration, DelayDuration::LoopInvariant);
  EXPECT_FALSE(L->Delays[0].InNestedLoop);
  EXPECT_TRUE(L->isRetry());
  EXPECT_FALSE(L->isPolling());
}

TEST(LoopClassification, CounterBoundAndGrowingDelay) {
  LoopOf L(R"cpp(void f() {
  unsigned delay = 1;
  for (int attempt = 0; attempt < 5; ++attempt) {
    if (try_connect())
      return;
    sleep(delay);
    delay *= 2;
  }
})cpp");
  ASSERT_TRUE(L.parsed());
  EXPECT_EQ(L->Exit, LoopExitKind::OperationSucceeds);
  EXPECT_EQ(L->Bound, AttemptBound::CounterOrDeadline);
  ASSERT_EQ(L->Delays.size(), 1u);
  EXPECT_EQ(L->Delays[0].Duration, DelayDuration::Varying);
}

TEST(LoopClassification, JitterMakesTheDelayVary) {
  LoopOf L(R"cpp(void f() {
  for (int i = 0; i < 5; ++i) {
    if (try_connect())
      return;
    usleep(100000 + rand() % 5000);
  }
})cpp");
  ASSERT_TRUE(L.parsed());
  ASSERT_EQ(L->Delays.size(), 1u);
  EXPECT_EQ(L->Delays[0].Duration, DelayDuration::Varying);
}

TEST(LoopClassification, StopFlagBoundsARetry) {
  LoopOf L(R"cpp(void f() {
  while (!g_flag) {
    if (try_connect())
      break;
    sleep(5);
  }
})cpp");
  ASSERT_TRUE(L.parsed());
  EXPECT_EQ(L->Exit, LoopExitKind::OperationSucceeds);
  EXPECT_EQ(L->Bound, AttemptBound::StopCondition);
}

TEST(LoopClassification, RemoteOperationAndEintr) {
  LoopOf L(R"cpp(void f(int fd) {
  while (connect(fd, nullptr, 16) < 0 && errno == EINTR) {
  }
})cpp");
  ASSERT_TRUE(L.parsed());
  EXPECT_EQ(L->Exit, LoopExitKind::OperationSucceeds);
  EXPECT_EQ(L->RetriedOperationName, "connect");
  EXPECT_TRUE(L->RetriedOperationIsRemote);
  EXPECT_TRUE(L->RetriesOnEintr);
  EXPECT_TRUE(L->Delays.empty());
}

TEST(LoopClassification, FailoverTriesTheNextEndpoint) {
  LoopOf L(R"cpp(void f(int *fds) {
  for (int i = 0; i < 3; ++i)
    if (connect(fds[i], nullptr, 16) == 0)
      return;
})cpp");
  ASSERT_TRUE(L.parsed());
  EXPECT_EQ(L->Exit, LoopExitKind::OperationSucceeds);
  EXPECT_TRUE(L->TriesNextEndpoint);
  EXPECT_FALSE(L->isRetry());
}

TEST(LoopClassification, PollingAFlag) {
  LoopOf L(R"cpp(void f() {
  while (!g_flag) {
    log_line("waiting");
    usleep(1000);
  }
})cpp");
  ASSERT_TRUE(L.parsed());
  EXPECT_EQ(L->Exit, LoopExitKind::WatchedStateChanges);
  EXPECT_EQ(L->WatchedText, "g_flag");
  ASSERT_TRUE(L->idleSleep());
  EXPECT_TRUE(L->isPolling());
  EXPECT_FALSE(L->isRetry());
  EXPECT_FALSE(L->WatchedIsSetBySignalHandler);
}

TEST(LoopClassification, PeriodicWorkIsNotAnIdleSleep) {
  LoopOf L(R"cpp(void f() {
  while (!g_flag) {
    do_work();
    sleep(1);
  }
})cpp");
  ASSERT_TRUE(L.parsed());
  EXPECT_EQ(L->Exit, LoopExitKind::WatchedStateChanges);
  ASSERT_EQ(L->Delays.size(), 1u);
  EXPECT_FALSE(L->Delays[0].OnIdlePath);
  EXPECT_FALSE(L->isPolling());
}

TEST(LoopClassification, SleepInANestedLoopIsNotThisLoops) {
  LoopOf L(R"cpp(void f() {
  while (!g_flag) {
    do_work();
    for (int i = 0; i < 3; ++i)
      sleep(1);
  }
})cpp");
  ASSERT_TRUE(L.parsed());
  ASSERT_EQ(L->Delays.size(), 1u);
  EXPECT_TRUE(L->Delays[0].InNestedLoop);
  EXPECT_EQ(L->firstDelay(), nullptr);
  EXPECT_FALSE(L->isPolling());
}

TEST(LoopClassification, ReadLoopExitsOnFailure) {
  LoopOf L(R"cpp(void f(int fd, char *buf) {
  long n;
  while ((n = read(fd, buf, 10)) > 0)
    log_line(buf);
})cpp");
  ASSERT_TRUE(L.parsed());
  EXPECT_EQ(L->Exit, LoopExitKind::OperationFails);
  EXPECT_FALSE(L->isRetry());
}

TEST(LoopClassification, CountingLoopIsOther) {
  LoopOf L(R"cpp(void f() {
  for (int i = 0; i < 10; ++i)
    sleep(1);
})cpp");
  ASSERT_TRUE(L.parsed());
  EXPECT_EQ(L->Exit, LoopExitKind::Other);
  EXPECT_EQ(L->Bound, AttemptBound::CounterOrDeadline);
  EXPECT_FALSE(L->isRetry());
  EXPECT_FALSE(L->isPolling());
}

TEST(LoopClassification, ComputedOncePerLoopAndShared) {
  LoopOf L(R"cpp(void f() {
  while (!try_connect())
    sleep(1);
})cpp");
  ASSERT_TRUE(L.parsed());
  const LoopClassification *First = &*L;
  const LoopClassification *Second = &*L;
  EXPECT_EQ(First, Second);
}

} // namespace

namespace {

TEST(LoopClassification, FlagSetByASignalHandler) {
  LoopOf Registered(R"cpp(bool g_stop;
void onSignal(int) { g_stop = true; }
void f() {
  signal(15, onSignal);
  while (!g_stop)
    sleep(1);
})cpp");
  ASSERT_TRUE(Registered.parsed());
  EXPECT_TRUE(Registered->isPolling());
  EXPECT_TRUE(Registered->WatchedIsSetBySignalHandler);
  LoopOf Typed(R"cpp(volatile sig_atomic_t g_signalled;
void f() {
  while (!g_signalled)
    sleep(1);
})cpp");
  ASSERT_TRUE(Typed.parsed());
  EXPECT_TRUE(Typed->WatchedIsSetBySignalHandler);
}

TEST(LoopClassification, LeavesOnFirstTurn) {
  LoopOf L(R"cpp(bool f() {
  for (;;) {
    if (try_connect())
      return true;
    log_line("failed");
    break;
  }
  return false;
})cpp");
  ASSERT_TRUE(L.parsed());
  EXPECT_EQ(L->Exit, LoopExitKind::OperationSucceeds);
  EXPECT_TRUE(L->LeavesOnFirstTurn);
  EXPECT_FALSE(L->isRetry());
  LoopOf Continues(R"cpp(void f() {
  for (;;) {
    if (try_connect())
      break;
    if (g_flag)
      continue;
    break;
  }
})cpp");
  ASSERT_TRUE(Continues.parsed());
  EXPECT_FALSE(Continues->LeavesOnFirstTurn);
}

TEST(LoopClassification, ReadingWhileReadsSucceed) {
  LoopOf L(R"cpp(void f(WebSocket &ws, char *buf) {
  while (ws.read(buf))
    log_line(buf);
})cpp");
  ASSERT_TRUE(L.parsed());
  EXPECT_EQ(L->Exit, LoopExitKind::OperationFails);
  EXPECT_FALSE(L->isRetry());
}

TEST(LoopClassification, ReadinessWaitWithATimeout) {
  LoopOf L(R"cpp(bool f(SSL *ssl, int fd) {
  for (;;) {
    int r = SSL_connect(ssl);
    if (r == 1)
      return true;
    int err = SSL_get_error(ssl, r);
    if (err != SSL_ERROR_WANT_READ && err != SSL_ERROR_WANT_WRITE)
      return false;
    struct timeval tv = {5, 0};
    if (select(fd + 1, nullptr, nullptr, nullptr, &tv) <= 0)
      return false;
  }
})cpp");
  ASSERT_TRUE(L.parsed());
  EXPECT_EQ(L->Exit, LoopExitKind::OperationSucceeds);
  ASSERT_NE(L->Readiness.Call, nullptr);
  EXPECT_TRUE(L->Readiness.Bounded);
  EXPECT_FALSE(L->isRetry());
  LoopOf Infinite(R"cpp(void f(struct pollfd *p) {
  while (!try_connect())
    poll(p, 1, -1);
})cpp");
  ASSERT_TRUE(Infinite.parsed());
  ASSERT_NE(Infinite->Readiness.Call, nullptr);
  EXPECT_FALSE(Infinite->Readiness.Bounded);
}

TEST(LoopClassification, DiscardedQueryIsPeriodicWork) {
  LoopOf L(R"cpp(void f() {
  while (!g_flag) {
    CheckConnection();
    sleep(5);
  }
})cpp");
  ASSERT_TRUE(L.parsed());
  EXPECT_EQ(L->Exit, LoopExitKind::WatchedStateChanges);
  EXPECT_FALSE(L->isPolling());
}

} // namespace
