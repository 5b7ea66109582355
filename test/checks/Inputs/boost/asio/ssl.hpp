// Hermetic stand-in for <boost/asio/ssl.hpp> (Boost 1.74): ssl::context,
// ssl::stream and the verify modes, with the real header's spellings.
#ifndef PRODREADY_STUB_BOOST_ASIO_SSL_HPP
#define PRODREADY_STUB_BOOST_ASIO_SSL_HPP

#include <openssl/ssl.h>

namespace boost {
namespace system {
class error_code;
} // namespace system
namespace asio {
namespace ssl {

typedef int verify_mode;
const int verify_none = SSL_VERIFY_NONE;
const int verify_peer = SSL_VERIFY_PEER;
const int verify_fail_if_no_peer_cert = SSL_VERIFY_FAIL_IF_NO_PEER_CERT;

class context_base {
public:
  enum method {
    sslv23, sslv23_client, sslv23_server,
    tlsv12, tlsv12_client, tlsv12_server,
    tlsv13, tlsv13_client, tlsv13_server,
    tls, tls_client, tls_server
  };
  enum file_format { asn1, pem };
};

class context : public context_base {
public:
  explicit context(method m);
  context(context &&other);
  ~context();
  void set_verify_mode(verify_mode v);
  void set_verify_mode(verify_mode v, boost::system::error_code &ec);
  void set_default_verify_paths();
  void load_verify_file(const char *filename);
  void use_certificate_chain_file(const char *filename);
  void use_private_key_file(const char *filename, file_format format);
  template <typename VerifyCallback>
  void set_verify_callback(VerifyCallback callback);
  SSL_CTX *native_handle();
};

class stream_base {
public:
  enum handshake_type { client, server };
};

class host_name_verification {
public:
  explicit host_name_verification(const char *host);
};
class rfc2818_verification {
public:
  explicit rfc2818_verification(const char *host);
};

template <typename Stream> class stream : public stream_base {
public:
  template <typename Arg> stream(Arg &&arg, context &ctx);
  void set_verify_mode(verify_mode v);
  void set_verify_mode(verify_mode v, boost::system::error_code &ec);
  template <typename VerifyCallback>
  void set_verify_callback(VerifyCallback callback);
  void handshake(handshake_type type);
  template <typename Handler>
  void async_handshake(handshake_type type, Handler &&handler);
  Stream &next_layer();
  SSL *native_handle();
};

} // namespace ssl
} // namespace asio
} // namespace boost

#endif // PRODREADY_STUB_BOOST_ASIO_SSL_HPP
