#pragma once
#include <map>
#include <optional>
#include <string>

namespace orderd {

/// Persists orders as one file per order under a spool directory.
class OrderStore {
public:
  explicit OrderStore(std::string Directory);
  bool save(const std::string &Id, const std::string &Body);
  std::optional<std::string> load(const std::string &Id) const;
  void purge(const std::string &Id);
  std::string describe(const std::string &Id) const;

private:
  std::string Directory;
  std::map<std::string, std::string> Index;
};

} // namespace orderd
