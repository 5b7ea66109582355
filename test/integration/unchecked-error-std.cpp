// prodready-unchecked-error against the real libstdc++ and POSIX headers.
// RUN: %check_prodready %s prodready-unchecked-error -- -std=c++23

#include <cstdio>
#include <expected>
#include <filesystem>
#include <system_error>
#include <unistd.h>

namespace fs = std::filesystem;
std::error_code flush_all();
std::expected<int, std::error_code> parse(const char *);

void discarded(int fd, std::FILE *f) {
  flush_all();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: error result of type 'std::error_code' returned by 'flush_all' is discarded, so a failure goes unnoticed in production; check it and handle, propagate or log the error [prodready-unchecked-error]
  parse("1");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: error result of type 'std::expected<int, std::error_code>' returned by 'parse' is discarded
  close(fd);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: return value of 'close' is discarded although it is the only way the call reports failure, so an error goes unnoticed in production; check it and handle or log the error [prodready-unchecked-error]
  std::fclose(f);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: return value of 'fclose' is discarded although
  std::rename("a", "b");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: return value of 'rename' is discarded although
  fsync(fd);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: return value of 'fsync' is discarded although
  (void)write(fd, "x", 1);
  if (close(fd) != 0)
    std::perror("close");
}

void out_params() {
  std::error_code ec;
  fs::create_directories("/tmp/x", ec);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the error reported by 'std::filesystem::create_directories' through 'ec' is never checked, so a failure goes unnoticed in production; test 'ec' and handle or log the error [prodready-unchecked-error]
  std::error_code ec2;
  for (fs::directory_iterator it("/tmp", ec2), end; it != end; it.increment(ec2)) {
  }
  // CHECK-MESSAGES: :[[@LINE-2]]:31: warning: the error reported by 'std::filesystem::directory_iterator' through 'ec2' is never checked
  // CHECK-MESSAGES: :[[@LINE-3]]:67: warning: the error reported by 'std::filesystem::directory_iterator::increment' through 'ec2' is never checked
  std::error_code ec3;
  if (!fs::remove("/tmp/y", ec3) && ec3)
    std::perror(ec3.message().c_str());
  std::error_code ec4;
  auto size = fs::file_size("/tmp/z", ec4);
  if (ec4)
    return;
  (void)size;
}
