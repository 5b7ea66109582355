// Hermetic stand-ins for absl::Status / absl::StatusOr and grpc::Status.
#pragma once
namespace absl {
class Status {
public:
  Status();
  Status(const Status &);
  Status &operator=(const Status &);
  ~Status();
  bool ok() const;
  const char *message() const;
  void Update(const Status &);
};
Status OkStatus();
Status InternalError(const char *);
template <class T> class StatusOr {
public:
  StatusOr();
  StatusOr(const Status &);
  StatusOr(const T &);
  StatusOr(const StatusOr &);
  StatusOr &operator=(const StatusOr &);
  StatusOr &operator=(const T &);
  ~StatusOr();
  bool ok() const;
  const Status &status() const &;
  T &value() &;
  const T &value() const &;
  T &operator*() &;
  const T &operator*() const &;
  T *operator->();
  const T *operator->() const;
  template <class U> T value_or(U &&) const &;
};
} // namespace absl
namespace grpc {
class Status {
public:
  Status();
  bool ok() const;
};
} // namespace grpc
