// REQUIRES: grpcpp
// RUN: rm -rf %t && mkdir -p %t
// RUN: ln -s /usr/include/grpcpp %t/grpcpp
// RUN: %check_prodready %s prodready-missing-timeout -- -std=c++17 -I%t --system-header-prefix=grpcpp/

// gRPC's real grpc::ClientContext (libgrpc++-dev). The service stub is what
// protoc's grpc plugin writes into a .grpc.pb.h (definitions live in the
// .grpc.pb.cc, outside this translation unit).

#include <grpcpp/grpcpp.h>
#include <chrono>
#include <memory>

namespace inventory {
class GetItemRequest {};
class Item {};
class Inventory final {
public:
  class StubInterface {
  public:
    virtual ~StubInterface() {}
    virtual ::grpc::Status GetItem(::grpc::ClientContext *context, const GetItemRequest &request,
                                   Item *response) = 0;
  };
  class Stub final : public StubInterface {
  public:
    explicit Stub(const std::shared_ptr<::grpc::ChannelInterface> &channel);
    ::grpc::Status GetItem(::grpc::ClientContext *context, const GetItemRequest &request,
                           Item *response) override;
    class async final {
    public:
      void GetItem(::grpc::ClientContext *context, const GetItemRequest *request, Item *response,
                   std::function<void(::grpc::Status)>);
    };
    async *async();
  };
};
} // namespace inventory

using inventory::Inventory;

grpc::Status lookup(Inventory::Stub &stub) {
  grpc::ClientContext context;
  context.AddMetadata("x-request-id", "42");
  inventory::Item item;
  return stub.GetItem(&context, inventory::GetItemRequest(), &item);
// CHECK-MESSAGES: :[[@LINE-1]]:10: warning: gRPC call 'GetItem' uses ClientContext 'context', which has no deadline, so an unresponsive server or a network partition blocks it forever; call set_deadline() on the context before the call [prodready-missing-timeout]
}

grpc::Status lookup_with_deadline(Inventory::Stub &stub) {
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(300));
  inventory::Item item;
  return stub.GetItem(&context, inventory::GetItemRequest(), &item);
}

void lookup_callback(Inventory::Stub &stub, inventory::Item *item) {
  auto context = std::make_shared<grpc::ClientContext>();
  static inventory::GetItemRequest request;
  stub.async()->GetItem(context.get(), &request, item, [context](grpc::Status) {});
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: gRPC call 'GetItem' uses ClientContext 'context', which has no deadline, so an unresponsive server or a network partition blocks it forever; call set_deadline() on the context before the call [prodready-missing-timeout]
}

// A server handler calling a downstream service: the propagated context
// carries the incoming deadline.
grpc::Status forward(Inventory::Stub &stub, const grpc::ServerContext &incoming) {
  auto context = grpc::ClientContext::FromServerContext(incoming);
  inventory::Item item;
  return stub.GetItem(context.get(), inventory::GetItemRequest(), &item);
}
