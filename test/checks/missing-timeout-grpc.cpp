// RUN: %check_prodready %s prodready-missing-timeout

// gRPC: a stub call whose ClientContext had no set_deadline() before the call
// in the function. Contexts received as parameters or built by
// FromServerContext / FromClientContext are not judged.

#include <async_stubs/grpcpp.h>
#include <chrono>
#include <memory>

// What protoc's grpc plugin generates in greeter.grpc.pb.h (the sync and async
// methods are defined in greeter.grpc.pb.cc, outside this translation unit).
namespace demo {
class HelloRequest {};
class HelloReply {};
class Greeter final {
public:
  class StubInterface {
  public:
    virtual ~StubInterface() {}
    virtual ::grpc::Status SayHello(::grpc::ClientContext *context, const HelloRequest &request,
                                    HelloReply *response) = 0;
  };
  class Stub final : public StubInterface {
  public:
    ::grpc::Status SayHello(::grpc::ClientContext *context, const HelloRequest &request,
                            HelloReply *response) override;
    std::unique_ptr<::grpc::ClientReader<HelloReply>>
    ListGreetings(::grpc::ClientContext *context, const HelloRequest &request);
    std::unique_ptr<::grpc::ClientAsyncResponseReader<HelloReply>>
    AsyncSayHello(::grpc::ClientContext *context, const HelloRequest &request,
                  ::grpc::CompletionQueue *cq);
  };
};
} // namespace demo

using demo::Greeter;
using demo::HelloReply;
using demo::HelloRequest;
using namespace std::chrono_literals;

void no_deadline(Greeter::Stub &stub) {
  grpc::ClientContext context;
  HelloRequest request;
  HelloReply reply;
  grpc::Status status = stub.SayHello(&context, request, &reply);
// CHECK-MESSAGES: :[[@LINE-1]]:25: warning: gRPC call 'SayHello' uses ClientContext 'context', which has no deadline, so an unresponsive server or a network partition blocks it forever; call set_deadline() on the context before the call [prodready-missing-timeout]
}

void streaming_and_async(Greeter::Stub *stub, grpc::CompletionQueue *cq) {
  grpc::ClientContext a;
  auto reader = stub->ListGreetings(&a, HelloRequest());
// CHECK-MESSAGES: :[[@LINE-1]]:17: warning: gRPC call 'ListGreetings' uses ClientContext 'a', which has no deadline, so an unresponsive server or a network partition blocks it forever; call set_deadline() on the context before the call [prodready-missing-timeout]
  grpc::ClientContext b;
  auto rpc = stub->AsyncSayHello(&b, HelloRequest(), cq);
// CHECK-MESSAGES: :[[@LINE-1]]:14: warning: gRPC call 'AsyncSayHello' uses ClientContext 'b', which has no deadline, so an unresponsive server or a network partition blocks it forever; call set_deadline() on the context before the call [prodready-missing-timeout]
}

// Through the abstract interface (mocks and production share it).
void through_interface(Greeter::StubInterface &stub) {
  grpc::ClientContext context;
  HelloReply reply;
  stub.SayHello(&context, HelloRequest(), &reply);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: gRPC call 'SayHello' uses ClientContext 'context', which has no deadline, so an unresponsive server or a network partition blocks it forever; call set_deadline() on the context before the call [prodready-missing-timeout]
}

void with_deadline(Greeter::Stub &stub) {
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + 2s);
  HelloReply reply;
  stub.SayHello(&context, HelloRequest(), &reply);
}

// The deadline must be set before the call.
void deadline_too_late(Greeter::Stub &stub) {
  grpc::ClientContext context;
  HelloReply reply;
  stub.SayHello(&context, HelloRequest(), &reply);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: gRPC call 'SayHello' uses ClientContext 'context', which has no deadline, so an unresponsive server or a network partition blocks it forever; call set_deadline() on the context before the call [prodready-missing-timeout]
  context.set_deadline(std::chrono::system_clock::now() + 2s);
}

// Heap-allocated contexts.
void owned_contexts(Greeter::Stub &stub) {
  auto a = std::make_unique<grpc::ClientContext>();
  HelloReply reply;
  stub.SayHello(a.get(), HelloRequest(), &reply);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: gRPC call 'SayHello' uses ClientContext 'a', which has no deadline, so an unresponsive server or a network partition blocks it forever; call set_deadline() on the context before the call [prodready-missing-timeout]
  auto b = std::make_unique<grpc::ClientContext>();
  b->set_deadline(std::chrono::system_clock::now() + 1s);
  stub.SayHello(b.get(), HelloRequest(), &reply);
}

// The caller owns a context received as a parameter.
void with_callers_context(Greeter::Stub &stub, grpc::ClientContext *context) {
  HelloReply reply;
  stub.SayHello(context, HelloRequest(), &reply);
}

// Contexts derived from an incoming call inherit its deadline.
void propagated(Greeter::Stub &stub, const grpc::ServerContext &server_context,
                const grpc::ClientContext &parent) {
  std::unique_ptr<grpc::ClientContext> a = grpc::ClientContext::FromServerContext(server_context);
  HelloReply reply;
  stub.SayHello(a.get(), HelloRequest(), &reply);
  auto b = grpc::ClientContext::FromClientContext(parent);
  stub.SayHello(b.get(), HelloRequest(), &reply);
}

// Contexts made or configured by helpers in this translation unit.
static std::unique_ptr<grpc::ClientContext> MakeContext() {
  auto context = std::make_unique<grpc::ClientContext>();
  context->set_deadline(std::chrono::system_clock::now() + 3s);
  return context;
}
static std::unique_ptr<grpc::ClientContext> MakeBareContext() {
  auto context = std::make_unique<grpc::ClientContext>();
  context->AddMetadata("x-request-id", "1");
  return context;
}
static void ApplyDeadline(grpc::ClientContext &context) {
  context.set_deadline(std::chrono::system_clock::now() + 3s);
}
void ConfigureElsewhere(grpc::ClientContext *context);
void helpers(Greeter::Stub &stub) {
  HelloReply reply;
  auto a = MakeContext();
  stub.SayHello(a.get(), HelloRequest(), &reply);
  auto b = MakeBareContext();
  stub.SayHello(b.get(), HelloRequest(), &reply);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: gRPC call 'SayHello' uses ClientContext 'b', which has no deadline, so an unresponsive server or a network partition blocks it forever; call set_deadline() on the context before the call [prodready-missing-timeout]
  grpc::ClientContext c;
  ApplyDeadline(c);
  stub.SayHello(&c, HelloRequest(), &reply);
  grpc::ClientContext d; // configured in another translation unit: not judged
  ConfigureElsewhere(&d);
  stub.SayHello(&d, HelloRequest(), &reply);
}

// A project wrapper defined here is not a stub: the context it receives is
// judged where it is created, and the wrapper's own call is not judged.
static grpc::Status CallWithRetry(Greeter::Stub &stub, grpc::ClientContext *context) {
  HelloReply reply;
  return stub.SayHello(context, HelloRequest(), &reply);
}
void wrapper(Greeter::Stub &stub) {
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + 1s);
  CallWithRetry(stub, &context);
}
