// Hermetic stand-ins for the threading, timing and networking APIs that
// prodready-polling-loop and prodready-retry-without-backoff look at. Kept
// under loop/ so that they never shadow the real headers that the
// integration tests include.
#pragma once

namespace std {
inline namespace __1 {}
template <class T> const T &min(const T &a, const T &b);
template <class T> const T &max(const T &a, const T &b);

namespace chrono {
template <class Rep, class Period = void> class duration {
public:
  constexpr duration() = default;
  constexpr explicit duration(Rep r) : r_(r) {}
  constexpr Rep count() const { return r_; }
  duration &operator*=(const Rep &m) { r_ *= m; return *this; }
  duration &operator+=(const duration &d) { r_ += d.r_; return *this; }
  friend constexpr duration operator*(const duration &d, Rep m) { return duration(d.r_ * m); }
  friend constexpr duration operator+(const duration &a, const duration &b) { return duration(a.r_ + b.r_); }
  friend constexpr bool operator<(const duration &a, const duration &b) { return a.r_ < b.r_; }
  friend constexpr bool operator>(const duration &a, const duration &b) { return a.r_ > b.r_; }
private:
  Rep r_ = 0;
};
typedef duration<long long, char> milliseconds;
typedef duration<long long, short> seconds;
template <class Clock> class time_point {
public:
  friend time_point operator+(const time_point &t, const milliseconds &) { return t; }
  friend time_point operator+(const time_point &t, const seconds &) { return t; }
  friend bool operator<(const time_point &, const time_point &);
  friend bool operator>=(const time_point &, const time_point &);
};
struct steady_clock {
  typedef std::chrono::time_point<steady_clock> time_point;
  static time_point now() noexcept;
};
struct system_clock {
  typedef std::chrono::time_point<system_clock> time_point;
  static time_point now() noexcept;
};
} // namespace chrono

inline namespace literals {
inline namespace chrono_literals {
constexpr chrono::milliseconds operator""ms(unsigned long long v) { return chrono::milliseconds(v); }
constexpr chrono::seconds operator""s(unsigned long long v) { return chrono::seconds(v); }
} // namespace chrono_literals
} // namespace literals

namespace this_thread {
template <class Rep, class Period> void sleep_for(const chrono::duration<Rep, Period> &d);
template <class Clock> void sleep_until(const chrono::time_point<Clock> &t);
void yield() noexcept;
} // namespace this_thread

template <class T> struct atomic {
  T load() const noexcept;
  void store(T v) noexcept;
  operator T() const noexcept;
  T operator=(T v) noexcept;
  bool compare_exchange_weak(T &expected, T desired) noexcept;
};

class mutex {
public:
  void lock();
  void unlock();
};
template <class M> class unique_lock {
public:
  explicit unique_lock(M &m);
  ~unique_lock();
};
enum class cv_status { no_timeout, timeout };
class condition_variable {
public:
  void notify_one() noexcept;
  void wait(unique_lock<mutex> &lock);
  template <class Rep, class Period>
  cv_status wait_for(unique_lock<mutex> &lock, const chrono::duration<Rep, Period> &d);
};

class mt19937 {
public:
  explicit mt19937(unsigned seed);
  unsigned operator()();
};
template <class T> class uniform_int_distribution {
public:
  uniform_int_distribution(T a, T b);
  template <class G> T operator()(G &g);
};

template <class F> class function;
template <class R, class... A> class function<R(A...)> {
public:
  R operator()(A... a) const;
};

class string {
public:
  string(const char *);
  const char *c_str() const;
};
} // namespace std

extern "C" {
unsigned int sleep(unsigned int seconds);
int usleep(unsigned int usec);
int rand(void);
struct sockaddr;
int connect(int fd, const struct sockaddr *addr, unsigned len);
long read(int fd, void *buf, unsigned long n);
int *__errno_location(void);
#define errno (*__errno_location())
#define EINTR 4
#define EAGAIN 11
int printf(const char *fmt, ...);
}

extern "C" {
typedef int sig_atomic_t;
typedef void (*sighandler_t)(int);
sighandler_t signal(int sig, sighandler_t handler);
struct sigaction {
  void (*sa_handler)(int);
  int sa_flags;
};
int sigaction(int sig, const struct sigaction *act, struct sigaction *old);
#define SIGINT 2
#define SIGTERM 15

typedef unsigned long size_t;
typedef struct _IO_FILE FILE;
char *fgets(char *s, int n, FILE *stream);

struct timeval {
  long tv_sec;
  long tv_usec;
};
typedef struct {
  unsigned long bits[16];
} fd_set;
int select(int nfds, fd_set *r, fd_set *w, fd_set *e, struct timeval *timeout);
struct pollfd {
  int fd;
  short events;
  short revents;
};
int poll(struct pollfd *fds, unsigned long n, int timeout);
#define POLLIN 1
#define POLLOUT 4

typedef struct ssl_st SSL;
int SSL_connect(SSL *ssl);
int SSL_accept(SSL *ssl);
int SSL_read(SSL *ssl, void *buf, int num);
int SSL_get_error(const SSL *ssl, int ret);
#define SSL_ERROR_WANT_READ 2
#define SSL_ERROR_WANT_WRITE 3
}
namespace std {
using ::size_t;
}
