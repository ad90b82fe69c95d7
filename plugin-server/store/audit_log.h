#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "plugin-server/store/database.h"

namespace vic::server {

// Who did what to which target, when, and how it ended: one entry per
// mutating call, whether it succeeded or not.
struct AuditEntry {
  std::int64_t id = 0;
  std::string at;
  std::string principal;
  std::string method;
  std::string path;    // request path without the query (no secrets there)
  std::string action;  // create, reconfigure, upgrade, debug, delete, firewall:allow, ...
  std::string target;
  std::string vchId;
  int status = 0;
  std::string result;  // accepted, refused: <message>, ...
  std::string operation;
};

class AuditLog {
 public:
  explicit AuditLog(Database& db);
  void record(const AuditEntry& e);
  // Newest first; `target` empty means every target.
  std::vector<AuditEntry> read(const std::string& target, int limit);
  static nlohmann::json toJson(const AuditEntry& e);

 private:
  Database& db_;
};

}  // namespace vic::server
