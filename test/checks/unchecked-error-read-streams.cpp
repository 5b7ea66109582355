// RUN: %check_prodready %s prodready-unchecked-error
// RUN: %check_prodready -check-suffix=WRITES %s prodready-unchecked-error -- -DWRITES
// A unit that opens stdio streams only for reading and writes through none
// (a file server sending a file chunk by chunk: muduo's filetransfer
// examples) closes streams with no unwritten data, even when the FILE*
// travels through a connection's context between open and close. Once the
// unit opens a stream for writing (-DWRITES), fclose is judged again.

#include <err/posix.h>
#include <err/std.h>

struct Connection {
  void *context = nullptr;
  void send(const char *data, unsigned long n);
};

void onConnection(Connection &conn, const char *path) {
  FILE *fp = fopen(path, "rb");
  if (fp)
    conn.context = fp;
  fprintf(stderr, "serving %s\n", path);
}

void onWriteComplete(Connection &conn) {
  FILE *fp = static_cast<FILE *>(conn.context);
  char buf[4096];
  unsigned long n = fread(buf, 1, sizeof buf, fp);
  if (n > 0) {
    conn.send(buf, n);
  } else {
    fclose(fp);
    // CHECK-MESSAGES-WRITES: :[[@LINE-1]]:5: warning: return value of 'fclose' is discarded
    conn.context = nullptr;
  }
}

#ifdef WRITES
void saveUpload(const char *path, const char *data) {
  FILE *out = fopen(path, "wb");
  if (!out)
    return;
  fprintf(out, "%s", data);
  if (fclose(out) != 0)
    perror("fclose");
}
#endif
