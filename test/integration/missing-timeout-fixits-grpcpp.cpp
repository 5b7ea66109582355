// REQUIRES: grpcpp
// Fix-its of prodready-missing-timeout on gRPC's real ClientContext: a
// deadline (option DefaultDeadlineMs) set right after the context's
// declaration.
// RUN: rm -rf %t && mkdir -p %t
// RUN: ln -s /usr/include/grpcpp %t/grpcpp
// RUN: %check_prodready %s prodready-missing-timeout -- -std=c++17 -I%t --system-header-prefix=grpcpp/
// RUN: %check_fixes %s prodready-missing-timeout %t/fixed -- -std=c++17 -I%t --system-header-prefix=grpcpp/
// RUN: %check_fixes -check-suffixes=OPTION -config="{CheckOptions: {prodready-missing-timeout.DefaultDeadlineMs: 250}}" %s prodready-missing-timeout %t/fixed-option -- -std=c++17 -I%t --system-header-prefix=grpcpp/

#include <grpcpp/grpcpp.h>
#include <memory>

namespace inventory {
class GetItemRequest {};
class Item {};
class Inventory final {
public:
  class Stub final {
  public:
    ::grpc::Status GetItem(::grpc::ClientContext *context, const GetItemRequest &request,
                           Item *response);
  };
};
} // namespace inventory

using inventory::Inventory;

grpc::Status lookup(Inventory::Stub &stub) {
  grpc::ClientContext context;
  // CHECK-FIXES: {{^}}  grpc::ClientContext context;
  // CHECK-FIXES-NEXT: {{^}}  context.set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(30000));
  // CHECK-FIXES-OPTION: context.set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(250));
  context.AddMetadata("x-request-id", "42");
  inventory::Item item;
  grpc::Status first = stub.GetItem(&context, inventory::GetItemRequest(), &item);
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: gRPC call 'GetItem' uses ClientContext 'context', which has no deadline
  if (!first.ok())
    return first;
  return stub.GetItem(&context, inventory::GetItemRequest(), &item);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: gRPC call 'GetItem' uses ClientContext 'context', which has no deadline
}

grpc::Status lookup_owned(Inventory::Stub &stub) {
  auto context = std::make_unique<grpc::ClientContext>();
  // CHECK-FIXES: auto context = std::make_unique<grpc::ClientContext>();
  // CHECK-FIXES-NEXT: context->set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(30000));
  inventory::Item item;
  return stub.GetItem(context.get(), inventory::GetItemRequest(), &item);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: gRPC call 'GetItem' uses ClientContext 'context', which has no deadline
}
