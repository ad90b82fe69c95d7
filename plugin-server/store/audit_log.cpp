#include "plugin-server/store/audit_log.h"

#include "plugin-server/store/clock.h"

namespace vic::server {

AuditLog::AuditLog(Database& db) : db_(db) {
  db_.exec(R"(
    CREATE TABLE IF NOT EXISTS audit (
      id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, principal TEXT NOT NULL, method TEXT NOT NULL,
      path TEXT NOT NULL, action TEXT, target TEXT, vch_id TEXT, status INTEGER NOT NULL, result TEXT,
      operation TEXT);
    CREATE INDEX IF NOT EXISTS audit_target ON audit(target);
  )");
}

void AuditLog::record(const AuditEntry& e) {
  db_.insert(
      "INSERT INTO audit (at, principal, method, path, action, target, vch_id, status, result, "
      "operation) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
      {e.at.empty() ? utcNow() : e.at, e.principal, e.method, e.path, e.action, e.target, e.vchId,
       static_cast<std::int64_t>(e.status), e.result, e.operation});
}

std::vector<AuditEntry> AuditLog::read(const std::string& target, int limit) {
  std::vector<AuditEntry> out;
  const std::string sql =
      "SELECT id, at, principal, method, path, action, target, vch_id, status, result, operation "
      "FROM audit " +
      std::string(target.empty() ? "" : "WHERE target = ?2 ") + "ORDER BY id DESC LIMIT ?1";
  std::vector<Database::Value> params{static_cast<std::int64_t>(limit)};
  if (!target.empty()) params.emplace_back(target);
  for (const auto& r : db_.query(sql, params)) {
    AuditEntry e;
    e.id = Database::integer(r[0]);
    e.at = Database::text(r[1]);
    e.principal = Database::text(r[2]);
    e.method = Database::text(r[3]);
    e.path = Database::text(r[4]);
    e.action = Database::text(r[5]);
    e.target = Database::text(r[6]);
    e.vchId = Database::text(r[7]);
    e.status = static_cast<int>(Database::integer(r[8]));
    e.result = Database::text(r[9]);
    e.operation = Database::text(r[10]);
    out.push_back(std::move(e));
  }
  return out;
}

nlohmann::json AuditLog::toJson(const AuditEntry& e) {
  return {
      {"id", e.id},         {"at", e.at},         {"user", e.principal},     {"method", e.method},
      {"path", e.path},     {"action", e.action}, {"target", e.target},      {"vch_id", e.vchId},
      {"status", e.status}, {"result", e.result}, {"operation", e.operation}};
}

}  // namespace vic::server
