// Hermetic stand-in for <grpcpp/grpcpp.h> (gRPC 1.51): ClientContext with
// set_deadline and the FromServerContext/FromClientContext factories,
// ServerContext, Status, CompletionQueue. Named async_stubs/grpcpp.h so that
// it never shadows the real header.
#ifndef PRODREADY_STUB_ASYNC_GRPCPP_H
#define PRODREADY_STUB_ASYNC_GRPCPP_H

#include <chrono>
#include <memory>
#include <string>

namespace grpc {

class Status {
public:
  Status();
  bool ok() const;
  std::string error_message() const;
};

class ServerContext;
class CallbackServerContext;
class PropagationOptions {};

class ClientContext {
public:
  ClientContext();
  ~ClientContext();
  static std::unique_ptr<ClientContext>
  FromServerContext(const ServerContext &server_context,
                    PropagationOptions options = PropagationOptions());
  static std::unique_ptr<ClientContext>
  FromClientContext(const ClientContext &context,
                    PropagationOptions options = PropagationOptions());
  template <typename T> void set_deadline(const T &deadline) {}
  void set_wait_for_ready(bool wait_for_ready);
  void AddMetadata(const std::string &key, const std::string &value);
  void TryCancel();
};

class ServerContext {};
class CompletionQueue {};

template <class R> class ClientReader {
public:
  bool Read(R *msg);
  Status Finish();
};
template <class R> class ClientAsyncResponseReader {
public:
  void Finish(R *msg, Status *status, void *tag);
};

} // namespace grpc

#endif // PRODREADY_STUB_ASYNC_GRPCPP_H
