// RUN: %check_prodready %s prodready-unchecked-error
// Functions returning an error enum are must-check (RULES.md revision
// 2026-12-01): an enum with an OK/SUCCESS-like enumerator and error-like
// enumerators, or one named *Error*/*Status*/*Result*.

#include <err/posix.h>

typedef enum {
  BINANCE_OK = 0,
  BINANCE_ERR_CURL,
  BINANCE_ERR_JSON,
} binanceError_t;
binanceError_t fetch(const char *symbol);

enum class Status { Ok, NotFound, Timeout };
Status store(int);
enum ErrorCode { kSuccess, kDiskFull };
ErrorCode flush_queue();
enum class ParseResult { Success, Incomplete };
ParseResult parse(const char *);
enum Outcome { OUTCOME_OK, OUTCOME_INVALID_ARGUMENT, OUTCOME_FAILED };
Outcome apply();
struct Client {
  enum class Error { None, Refused, TimedOut };
  Error connect(const char *);
};

void positives(Client &c) {
  fetch("BTCUSDT");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: error result of type 'binanceError_t' returned by 'fetch' is discarded, so a failure goes unnoticed in production; check it and handle, propagate or log the error [prodready-unchecked-error]
  store(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: error result of type 'Status' returned by 'store' is discarded
  flush_queue();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: error result of type 'ErrorCode' returned by 'flush_queue' is discarded
  parse("x");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: error result of type 'ParseResult' returned by 'parse' is discarded
  apply();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: error result of type 'Outcome' returned by 'apply' is discarded
  c.connect("host");
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: error result of type 'Client::Error' returned by 'Client::connect' is discarded
}

// Enums that are not errors.
enum Color { Red, Green, Blue };
Color paint();
enum class Mode { None, Read, Write };
Mode toggle();
enum class PlayerStatus { Playing, Paused };
PlayerStatus pause_player();
enum Event { NONE, READABLE, WRITABLE, ERROR };
Event next_event();
enum class Kind { Unknown, Int, String };
Kind classify(const char *);
// A C API's enum is judged by the CheckedFunctions catalogue instead.
extern "C" {
typedef enum { LIB_OK, LIB_E_FAILED } lib_result;
lib_result lib_set_option(int);
}

void negatives() {
  paint();
  toggle();
  pause_player();
  next_event();
  classify("x");
  lib_set_option(1);
  // Results that are looked at, or discarded on purpose.
  if (fetch("ETHUSDT") != BINANCE_OK)
    return;
  Status s = store(2);
  (void)s;
  (void)store(3);
}

// A C library's enum named an error (librdkafka) is must-check; one that is
// not (a CURLcode-like result of a setter) is left to the catalogue.
#include <err/kafka.h>
void makeConsumer(rd_kafka_t *rk) {
  rd_kafka_poll_set_consumer(rk);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: error result of type 'rd_kafka_resp_err_t' returned by 'rd_kafka_poll_set_consumer' is discarded, so a failure goes unnoticed in production; check it and handle, propagate or log the error [prodready-unchecked-error]
  if (rd_kafka_flush(rk, 1000) != RD_KAFKA_RESP_ERR_NO_ERROR)
    return;
  clib_set_option(1, 2L);
}

// A status that reports flow control, without a failure among its values
// (uWebSockets' WebSocket::send): ignoring it is the library's normal use.
struct WebSocket {
  enum SendStatus : int { BACKPRESSURE, SUCCESS, DROPPED };
  SendStatus send(const char *message);
};
void broadcast(WebSocket &ws) { ws.send("hello"); }

// The object records the failure and the statement right after tests it
// (TarsCpp's connection: sendRequest closes the transceiver on an error and
// the caller tests isValid()); a test of another object observes nothing.
struct Transceiver {
  enum ReturnStatus { eRetOk, eRetError, eRetNotSend };
  ReturnStatus sendRequest(const char *buf);
  bool isValid() const;
};
int sendOrClose(Transceiver *trans, const char *buf) {
  trans->sendRequest(buf);
  if (!trans->isValid())
    return -1;
  return 0;
}
int sendIfIdle(Transceiver *trans, bool idle, const char *buf) {
  if (idle) {
    trans->sendRequest(buf);
  }
  if (!trans->isValid())
    return -1;
  return 0;
}
// The same through a smart pointer's -> (TarsCpp's unique_ptr member).
template <class T> struct Owner {
  T *operator->() const;
};
struct Connection {
  Owner<Transceiver> trans_;
  int send(const char *buf) {
    trans_->sendRequest(buf);
    if (!trans_->isValid())
      return -1;
    return 0;
  }
};
int sendAndTestAnother(Transceiver *trans, Transceiver *other,
                       const char *buf) {
  trans->sendRequest(buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: error result of type 'Transceiver::ReturnStatus' returned by 'Transceiver::sendRequest' is discarded
  if (!other->isValid())
    return -1;
  return 0;
}

// A parser that keeps its status in a member and returns it: a call on this
// object may drop the copy, the member holds it (served's
// request_parser_impl::parse_body). One that computes the status in a local
// is still reported.
class Parser {
public:
  enum status_type { READ_HEADER, READ_BODY, FINISHED, ERROR };
  status_type feed(const char *data, int n) {
    if (_status == READ_BODY)
      parse_body(data, n);
    if (_status == READ_HEADER)
      parse_header(data, n);
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: error result of type 'Parser::status_type' returned by 'Parser::parse_header' is discarded
    return _status;
  }

private:
  status_type parse_body(const char *, int n) {
    if (n < 0) {
      _status = ERROR;
      return _status;
    }
    _status = FINISHED;
    return _status;
  }
  status_type parse_header(const char *, int n) {
    status_type s = n < 0 ? ERROR : READ_BODY;
    return s;
  }
  status_type _status = READ_HEADER;
};

// A class with no data and nothing to ask carries no error whatever its
// name (inspircd's Cullable::Result, a token that makes overrides call their
// base); an empty stand-in with an ok() to ask is still an error result
// (unchecked-error.cpp's leveldb::Status).
struct Cullable {
  class Result final {};
  virtual Result Cull();
};
void cull(Cullable *c) { c->Cull(); }
