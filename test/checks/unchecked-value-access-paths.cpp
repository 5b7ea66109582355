// RUN: %check_prodready %s prodready-unchecked-value-access

// RULES.md, revision of 2026-12-01: a check counts when it tests the same
// object through the same access path, through a small inline accessor that
// only tests it, or through a fatal test assertion.

#include <assertions/assertions.h>
#include <memory>
#include <optional>
#include <string>

struct Message {
  std::optional<std::string> text;
  std::optional<int> id;
};
struct Envelope {
  Message msg;
  std::shared_ptr<Message> shared;
};
std::optional<int> find(int);
void use(const std::string &);
void use(int);
void touch(Message &);

// --- the same access path ----------------------------------------------------

std::string viaPointer(const Message *msg) {
  return msg->text ? *msg->text : "";
}
std::string viaSmartPointer(const std::shared_ptr<Message> &msg) {
  return msg->text ? *msg->text : std::string();
}
std::string viaUniquePointer(std::unique_ptr<Message> msg) {
  if (msg->text.has_value())
    return msg->text.value();
  return {};
}
void viaReference(const Message &m) {
  if (m.text)
    use(*m.text);
}
void nested(Envelope *e) {
  if (e->msg.id)
    use(*e->msg.id);
  if (!e->shared->text)
    return;
  use(*e->shared->text);
}
void localStruct() {
  Message m;
  m.id = find(1);
  if (m.id != std::nullopt)
    use(*m.id);
}

// --- small inline accessors --------------------------------------------------

class Registry {
  std::optional<std::string> _functions;
  std::optional<int> count_;
  bool HasFunctions() const { return _functions ? true : false; }
  bool hasCount() const { return count_.has_value(); }
  bool countKnown() const { return static_cast<bool>(count_); }
  bool noCount() const { return !count_; }

public:
  void list() {
    if (HasFunctions())
      use(*_functions);
  }
  void count() {
    if (!hasCount())
      return;
    use(*count_);
  }
  void count2() {
    if (countKnown())
      use(count_.value());
  }
  void count3() {
    if (noCount())
      return;
    use(*count_);
  }
  void other(const Registry &r) {
    if (r.hasCount())
      use(*r.count_);
  }
  void otherPointer(const Registry *r) {
    if (r->HasFunctions())
      use(*r->_functions);
  }

  // Positives: the accessor tests another member, or is not a bare test.
  bool hasCountAnd(bool flag) const { return count_.has_value() && flag; }
  bool ready() const { return ready_ && count_.has_value(); }
  bool ready_ = false;
  void wrongMember() {
    if (hasCount())
      use(*_functions);
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: operator* of 'std::optional<std::string>' is not preceded by a check
  }
  void notAnAccessor() {
    if (ready())
      use(*count_);
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: operator* of 'std::optional<int>' is not preceded by a check
  }
};

// --- fatal test assertions ---------------------------------------------------

void assertTrue() {
  auto r = find(1);
  ASSERT_TRUE(r);
  use(*r);
}
void assertHasValue() {
  auto r = find(1);
  ASSERT_TRUE(r.has_value());
  use(r.value());
}
void assertNe() {
  auto r = find(1);
  ASSERT_NE(r, std::nullopt);
  use(*r);
}
void assertFalse() {
  auto r = find(1);
  ASSERT_FALSE(!r);
  use(*r);
}
void assertMember(const Message *m) {
  ASSERT_TRUE(m->text);
  use(*m->text);
}

// --- positives: another object, another member, modified, non-fatal ---------

void differentObject(const Message *a, const Message *b) {
  if (a->text)
    use(*b->text);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: operator* of 'std::optional<std::string>' is not preceded by a check
}
void differentMember(const std::shared_ptr<Message> &m) {
  if (m->id)
    use(*m->text);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: operator* of 'std::optional<std::string>' is not preceded by a check
}
void resetBetween(Message *msg) {
  if (msg->id) {
    msg->id.reset();
    use(*msg->id);
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: operator* of 'std::optional<int>' is not preceded by a check
  }
}
void pointerMoved(const Message *msg, const Message *other) {
  if (!msg->id)
    return;
  msg = other;
  use(*msg->id);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: operator* of 'std::optional<int>' is not preceded by a check
}
void expectOnly() {
  auto r = find(1);
  EXPECT_TRUE(r);
  use(*r);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: operator* of 'std::optional<int>' is not preceded by a check
}
void assertOther() {
  auto r = find(1), s = find(2);
  ASSERT_TRUE(s);
  use(*r);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: operator* of 'std::optional<int>' is not preceded by a check
}

// A const getter returning the holder by value, tested and then called
// again in the other arm (reduced from cppkafka's producer): the same path.
struct Timestamp {
  long count() const;
};
struct KafkaMessage {
  std::optional<Timestamp> get_timestamp() const;
  std::optional<Timestamp> next_timestamp();
};
long timestampOf(const KafkaMessage &message) {
  return message.get_timestamp() ? message.get_timestamp().value().count() : 0;
}
long unguardedTimestamp(const KafkaMessage &message) {
  return message.get_timestamp().value().count();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: .value() of 'std::optional<Timestamp>' is not preceded by a check
}
// A getter that is not const may return something else the second time.
long nextTimestamp(KafkaMessage &message) {
  return message.next_timestamp() ? message.next_timestamp().value().count() : 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:37: warning: .value() of 'std::optional<Timestamp>' is not preceded by a check
}
