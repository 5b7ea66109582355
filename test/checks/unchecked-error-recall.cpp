// RUN: %check_prodready %s prodready-unchecked-error
// C APIs whose return value is the only error channel, added from real code
// (issue 14): wordexp, inet_pton, getaddrinfo, the MySQL C API, hiredis.

#include <err/mysql_redis.h>
#include <err/posix.h>

void resolve(const char *host, void *addr, struct addrinfo **res) {
  wordexp_t words;
  wordexp("~/data", &words, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: return value of 'wordexp' is discarded although it is the only way the call reports failure, so an error goes unnoticed in production; check it and handle or log the error [prodready-unchecked-error]
  inet_pton(2, host, addr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: return value of 'inet_pton' is discarded although
  getaddrinfo(host, "443", nullptr, res);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: return value of 'getaddrinfo' is discarded although
  if (getaddrinfo(host, "80", nullptr, res) != 0)
    return;
}

// A constant address literal cannot fail to convert (workflow's tutorial).
void constantAddress(void *addr) { inet_pton(2, "192.168.0.1", addr); }

void mysql(MYSQL *db) {
  mysql_real_connect(db, "localhost", "app", "", "app", 3306, nullptr, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: return value of 'mysql_real_connect' is discarded although
  mysql_options(db, MYSQL_OPT_CONNECT_TIMEOUT, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: return value of 'mysql_options' is discarded although
  mysql_set_character_set(db, "utf8mb4");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: return value of 'mysql_set_character_set' is discarded although
  mysql_select_db(db, "app");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: return value of 'mysql_select_db' is discarded although
  mysql_query(db, "INSERT INTO t VALUES (1)");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: return value of 'mysql_query' is discarded although
  mysql_real_query(db, "DELETE FROM t", 13);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: return value of 'mysql_real_query' is discarded although
  mysql_store_result(db);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: return value of 'mysql_store_result' is discarded, so a failure goes unnoticed in production and the result it allocates is leaked; check it, handle or log the error, and free the result [prodready-unchecked-error]
  mysql_commit(db);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: return value of 'mysql_commit' is discarded although
  // Checked, or the handle's own teardown: not reported.
  if (mysql_query(db, "SELECT 1") != 0)
    return;
  MYSQL_RES *rows = mysql_store_result(db);
  mysql_free_result(rows);
  mysql_close(db);
}

void redis(redisContext *c) {
  redisCommand(c, "SET %s %s", "k", "v");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: return value of 'redisCommand' is discarded, so a failure goes unnoticed in production and the result it allocates is leaked
  redisAppendCommand(c, "GET k");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: return value of 'redisAppendCommand' is discarded although
  void *reply = nullptr;
  redisGetReply(c, &reply);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: return value of 'redisGetReply' is discarded although
  freeReplyObject(reply);
  auto *r = static_cast<redisReply *>(redisCommand(c, "PING"));
  freeReplyObject(r);
}
