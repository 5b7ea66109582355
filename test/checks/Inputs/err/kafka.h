// Hermetic stand-in for a C library whose functions return an error enum
// (librdkafka's rd_kafka_resp_err_t), next to one whose result code is not
// named an error (libcurl's CURLcode, left to the catalogue).
#pragma once
extern "C" {
typedef struct rd_kafka_s rd_kafka_t;
typedef enum {
  RD_KAFKA_RESP_ERR__BAD_MSG = -199,
  RD_KAFKA_RESP_ERR__FAIL = -196,
  RD_KAFKA_RESP_ERR_NO_ERROR = 0,
  RD_KAFKA_RESP_ERR_INVALID_MSG = 2,
} rd_kafka_resp_err_t;
rd_kafka_resp_err_t rd_kafka_poll_set_consumer(rd_kafka_t *rk);
rd_kafka_resp_err_t rd_kafka_flush(rd_kafka_t *rk, int timeout_ms);
typedef enum { CLIB_OK = 0, CLIB_E_FAILED = 1, CLIB_E_TIMEOUT = 2 } clibcode;
clibcode clib_set_option(int option, long value);
}
