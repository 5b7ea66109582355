// Hermetic stand-ins for the MySQL/MariaDB C API and hiredis, whose return
// values are their only error channel (and, for replies and result sets,
// memory the caller must free).
#pragma once
extern "C" {
typedef struct st_mysql MYSQL;
typedef struct st_mysql_res MYSQL_RES;
typedef char my_bool;
enum mysql_option { MYSQL_OPT_CONNECT_TIMEOUT };
MYSQL *mysql_init(MYSQL *);
MYSQL *mysql_real_connect(MYSQL *, const char *, const char *, const char *,
                          const char *, unsigned, const char *, unsigned long);
int mysql_query(MYSQL *, const char *);
int mysql_real_query(MYSQL *, const char *, unsigned long);
int mysql_select_db(MYSQL *, const char *);
int mysql_set_character_set(MYSQL *, const char *);
int mysql_options(MYSQL *, enum mysql_option, const void *);
MYSQL_RES *mysql_store_result(MYSQL *);
my_bool mysql_commit(MYSQL *);
void mysql_free_result(MYSQL_RES *);
void mysql_close(MYSQL *);

typedef struct redisContext redisContext;
typedef struct redisReply redisReply;
void *redisCommand(redisContext *, const char *, ...);
int redisAppendCommand(redisContext *, const char *, ...);
int redisGetReply(redisContext *, void **);
void freeReplyObject(void *);
}
