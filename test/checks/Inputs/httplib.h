// Hermetic stand-in for cpp-httplib's <httplib.h> (0.11): the client API
// prodready's checks rely on. The real header declares the TLS members only
// with CPPHTTPLIB_OPENSSL_SUPPORT; the stub always does.
#ifndef PRODREADY_STUB_HTTPLIB_H
#define PRODREADY_STUB_HTTPLIB_H

#include <chrono>
#include <string>

namespace httplib {

struct Response {
  int status = -1;
  std::string body;
};

class Result {
public:
  explicit operator bool() const;
  const Response &value() const;
  const Response *operator->() const;
};

class ClientImpl {
public:
  explicit ClientImpl(const std::string &host);
  explicit ClientImpl(const std::string &host, int port);
  Result Get(const std::string &path);
  Result Post(const std::string &path, const std::string &body,
              const std::string &content_type);
  void set_connection_timeout(long sec, long usec = 0);
  void set_read_timeout(long sec, long usec = 0);
  void set_write_timeout(long sec, long usec = 0);
  template <class Rep, class Period>
  void set_connection_timeout(const std::chrono::duration<Rep, Period> &duration);
  template <class Rep, class Period>
  void set_read_timeout(const std::chrono::duration<Rep, Period> &duration);
  template <class Rep, class Period>
  void set_write_timeout(const std::chrono::duration<Rep, Period> &duration);
  void set_basic_auth(const std::string &username, const std::string &password);
  void set_bearer_token_auth(const std::string &token);
  void set_proxy(const std::string &host, int port);
  void set_proxy_basic_auth(const std::string &username,
                            const std::string &password);
  void set_ca_cert_path(const std::string &ca_cert_file_path,
                        const std::string &ca_cert_dir_path = std::string());
  void enable_server_certificate_verification(bool enabled);
};

class Client {
public:
  explicit Client(const std::string &scheme_host_port);
  explicit Client(const std::string &scheme_host_port,
                  const std::string &client_cert_path,
                  const std::string &client_key_path);
  explicit Client(const std::string &host, int port);
  Client(Client &&) = default;
  ~Client();
  Result Get(const std::string &path);
  Result Post(const std::string &path, const std::string &body,
              const std::string &content_type);
  void set_connection_timeout(long sec, long usec = 0);
  void set_read_timeout(long sec, long usec = 0);
  void set_write_timeout(long sec, long usec = 0);
  template <class Rep, class Period>
  void set_connection_timeout(const std::chrono::duration<Rep, Period> &duration);
  template <class Rep, class Period>
  void set_read_timeout(const std::chrono::duration<Rep, Period> &duration);
  template <class Rep, class Period>
  void set_write_timeout(const std::chrono::duration<Rep, Period> &duration);
  void set_basic_auth(const std::string &username, const std::string &password);
  void set_bearer_token_auth(const std::string &token);
  void set_proxy_basic_auth(const std::string &username,
                            const std::string &password);
  void set_ca_cert_path(const std::string &ca_cert_file_path,
                        const std::string &ca_cert_dir_path = std::string());
  void enable_server_certificate_verification(bool enabled);
};

class SSLClient : public ClientImpl {
public:
  explicit SSLClient(const std::string &host);
  explicit SSLClient(const std::string &host, int port);
};

} // namespace httplib

#endif // PRODREADY_STUB_HTTPLIB_H
