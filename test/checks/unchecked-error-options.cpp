// Options of prodready-unchecked-error.
// RUN: %check_prodready -check-suffix=DEFAULT %s prodready-unchecked-error
// RUN: %check_prodready -check-suffix=VOID %s prodready-unchecked-error -config="{CheckOptions: {prodready-unchecked-error.ReportVoidCasts: true}}"
// RUN: %check_prodready -check-suffix=IGN %s prodready-unchecked-error -config="{CheckOptions: {prodready-unchecked-error.IgnoredOutParamFunctions: 'std::filesystem::remove'}}"
// RUN: %check_prodready -check-suffix=FUNCS %s prodready-unchecked-error -config="{CheckOptions: {prodready-unchecked-error.CheckedFunctions: 'my_flush;db::commit*;mylib::flush;close'}}"
// RUN: %check_prodready -check-suffix=TYPES %s prodready-unchecked-error -config="{CheckOptions: {prodready-unchecked-error.ErrorTypeRegex: '^Outcome$'}}"

#include <err/boost/asio.hpp>
#include <err/posix.h>
#include <err/std.h>

namespace fs = std::filesystem;
struct Status { bool ok() const; };
struct Outcome { bool ok() const; };
Status save();
Outcome attempt();
extern "C" int my_flush(int);
namespace db { int commit_all(); int rollback(); }
namespace mylib { int flush(); }
struct Handle {};
int close(Handle &);

void void_casts(int fd) {
  // Written to, so its close can lose data and is judged.
  if (write(fd, "x", 1) != 1)
    return;
  (void)save();
  // CHECK-MESSAGES-VOID: :[[@LINE-1]]:9: warning: error result of type 'Status' returned by 'save' is discarded, so a failure goes unnoticed in production; check it and handle, propagate or log the error [prodready-unchecked-error]
  static_cast<void>(close(fd));
  // CHECK-MESSAGES-VOID: :[[@LINE-1]]:21: warning: return value of 'close' is discarded although it is the only way the call reports failure, so an error goes unnoticed in production; check it and handle or log the error [prodready-unchecked-error]
}

void out_params(boost::asio::ip::tcp::socket &s) {
  std::error_code ec;
  fs::remove("x", ec);
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:3: warning: the error reported by 'std::filesystem::remove' through 'ec' is never checked, so a failure goes unnoticed in production; test 'ec' and handle or log the error [prodready-unchecked-error]
  // CHECK-MESSAGES-VOID: :[[@LINE-2]]:3: warning: the error reported by 'std::filesystem::remove' through 'ec' is never checked
  // CHECK-MESSAGES-FUNCS: :[[@LINE-3]]:3: warning: the error reported by 'std::filesystem::remove' through 'ec' is never checked
  // CHECK-MESSAGES-TYPES: :[[@LINE-4]]:3: warning: the error reported by 'std::filesystem::remove' through 'ec' is never checked
  boost::system::error_code bec;
  s.close(bec);
  // CHECK-MESSAGES-IGN: :[[@LINE-1]]:5: warning: the error reported by 'boost::asio::ip::tcp::socket::close' through 'bec' is never checked
}

void configured(int fd, Handle &h) {
  if (write(fd, "x", 1) != 1)
    return;
  my_flush(fd);
  // CHECK-MESSAGES-FUNCS: :[[@LINE-1]]:3: warning: return value of 'my_flush' is discarded although
  db::commit_all();
  // CHECK-MESSAGES-FUNCS: :[[@LINE-1]]:3: warning: return value of 'db::commit_all' is discarded although
  db::rollback();
  // A qualified entry matches by name.
  mylib::flush();
  // CHECK-MESSAGES-FUNCS: :[[@LINE-1]]:3: warning: return value of 'mylib::flush' is discarded although
  // A built-in entry repeated in the user's list still means close(2) only.
  close(h);
  close(fd);
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:3: warning: return value of 'close' is discarded although
  // CHECK-MESSAGES-VOID: :[[@LINE-2]]:3: warning: return value of 'close' is discarded although
  // CHECK-MESSAGES-IGN: :[[@LINE-3]]:3: warning: return value of 'close' is discarded although
  // CHECK-MESSAGES-TYPES: :[[@LINE-4]]:3: warning: return value of 'close' is discarded although
  // CHECK-MESSAGES-FUNCS: :[[@LINE-5]]:3: warning: return value of 'close' is discarded although
  save();
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:3: warning: error result of type 'Status' returned by 'save' is discarded
  // CHECK-MESSAGES-VOID: :[[@LINE-2]]:3: warning: error result of type 'Status' returned by 'save' is discarded
  // CHECK-MESSAGES-IGN: :[[@LINE-3]]:3: warning: error result of type 'Status' returned by 'save' is discarded
  // CHECK-MESSAGES-FUNCS: :[[@LINE-4]]:3: warning: error result of type 'Status' returned by 'save' is discarded
  attempt();
  // CHECK-MESSAGES-TYPES: :[[@LINE-1]]:3: warning: error result of type 'Outcome' returned by 'attempt' is discarded
}
