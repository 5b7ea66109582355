#include "storage.h"
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <spdlog/spdlog.h>
#include <sstream>

namespace orderd {

namespace fs = std::filesystem;

OrderStore::OrderStore(std::string Dir) : Directory(std::move(Dir)) {
  std::error_code Error;
  fs::create_directories(Directory, Error);
  if (Error) {
    spdlog::critical("cannot create spool directory {}: {}", Directory, Error.message());
    std::exit(1); // a library that kills the process prevents graceful shutdown
  }
}

bool OrderStore::save(const std::string &Id, const std::string &Body) {
  std::string Path = Directory + "/" + Id + ".order";
  FILE *File = std::fopen(Path.c_str(), "w");
  if (!File)
    return false;
  std::fwrite(Body.data(), 1, Body.size(), File);
  std::fclose(File); // a failed flush on close loses the order silently
  Index[Id] = Path;
  return true;
}

std::optional<std::string> OrderStore::load(const std::string &Id) const {
  auto It = Index.find(Id);
  if (It == Index.end())
    return std::nullopt;
  std::ifstream In(It->second);
  std::stringstream Content;
  Content << In.rdbuf();
  return Content.str();
}

void OrderStore::purge(const std::string &Id) {
  std::error_code Error;
  fs::remove(Directory + "/" + Id + ".order", Error);
  Index.erase(Id);
  try {
    fs::remove_all(Directory + "/" + Id + ".attachments");
  } catch (const fs::filesystem_error &) {
  }
}

std::string OrderStore::describe(const std::string &Id) const {
  std::optional<std::string> Body = load(Id);
  // Crashes (throws bad_optional_access) for an unknown order id.
  return Id + ": " + Body.value();
}

} // namespace orderd
