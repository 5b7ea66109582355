// REQUIRES: mysql, hiredis
// prodready-unchecked-error against the real MariaDB/MySQL C API and hiredis
// headers: their return values are the only error channel, and a discarded
// reply or result set is also leaked.
// RUN: %check_prodready %s prodready-unchecked-error -- -std=c++20 -isystem /usr/include/mariadb

#include <hiredis/hiredis.h>
#include <mysql.h>

void mysql(MYSQL *db) {
  mysql_real_connect(db, "localhost", "app", "", "app", 3306, nullptr, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: return value of 'mysql_real_connect' is discarded although it is the only way the call reports failure, so an error goes unnoticed in production; check it and handle or log the error [prodready-unchecked-error]
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
  redisFree(c);
}
