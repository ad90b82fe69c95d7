#include "plugin-server/store/database.h"

#include <sqlite3.h>

#include "vicapi/base/error.h"

namespace vic::server {

namespace {

[[noreturn]] void fail(sqlite3* db, const std::string& what) {
  throw Error("database: " + what + ": " + (db ? sqlite3_errmsg(db) : "cannot open"));
}

}  // namespace

Database::Database(const std::filesystem::path& file) {
  if (sqlite3_open_v2(file.c_str(), &db_,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                      nullptr) != SQLITE_OK)
    fail(db_, "opening " + file.string());
  sqlite3_busy_timeout(db_, 5000);
  exec("PRAGMA journal_mode=WAL");
  exec("PRAGMA synchronous=NORMAL");  // WAL keeps it crash-safe; only the last commits may be lost
                                      // on power loss
  exec("PRAGMA foreign_keys=ON");
}

Database::~Database() {
  sqlite3_close_v2(db_);
}

void Database::exec(const std::string& sql) {
  std::lock_guard lock(mutex_);
  char* err = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : "unknown error";
    sqlite3_free(err);
    throw Error("database: " + msg);
  }
}

std::vector<Database::Row> Database::run(const std::string& sql, const std::vector<Value>& params) {
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &st, nullptr) != SQLITE_OK)
    fail(db_, "preparing a statement");
  std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)> guard(st, &sqlite3_finalize);
  for (std::size_t i = 0; i < params.size(); ++i) {
    const int idx = static_cast<int>(i + 1);
    if (std::holds_alternative<std::nullptr_t>(params[i])) {
      sqlite3_bind_null(st, idx);
    } else if (const auto* n = std::get_if<std::int64_t>(&params[i])) {
      sqlite3_bind_int64(st, idx, *n);
    } else {
      const auto& s = std::get<std::string>(params[i]);
      sqlite3_bind_text(st, idx, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
    }
  }
  std::vector<Row> rows;
  while (true) {
    int rc = sqlite3_step(st);
    if (rc == SQLITE_DONE) break;
    if (rc != SQLITE_ROW) fail(db_, "running a statement");
    Row row;
    for (int c = 0; c < sqlite3_column_count(st); ++c) {
      switch (sqlite3_column_type(st, c)) {
        case SQLITE_NULL:
          row.emplace_back(nullptr);
          break;
        case SQLITE_INTEGER:
          row.emplace_back(static_cast<std::int64_t>(sqlite3_column_int64(st, c)));
          break;
        default:
          row.emplace_back(std::string(reinterpret_cast<const char*>(sqlite3_column_text(st, c)),
                                       static_cast<std::size_t>(sqlite3_column_bytes(st, c))));
      }
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<Database::Row> Database::query(const std::string& sql,
                                           const std::vector<Value>& params) {
  std::lock_guard lock(mutex_);
  return run(sql, params);
}

std::int64_t Database::insert(const std::string& sql, const std::vector<Value>& params) {
  std::lock_guard lock(mutex_);
  run(sql, params);
  return sqlite3_last_insert_rowid(db_);
}

void Database::transaction(const std::function<void()>& work) {
  std::lock_guard lock(mutex_);
  exec("BEGIN IMMEDIATE");
  try {
    work();
    exec("COMMIT");
  } catch (...) {
    exec("ROLLBACK");
    throw;
  }
}

std::string Database::text(const Value& v) {
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  if (const auto* n = std::get_if<std::int64_t>(&v)) return std::to_string(*n);
  return "";
}

std::int64_t Database::integer(const Value& v) {
  if (const auto* n = std::get_if<std::int64_t>(&v)) return *n;
  if (const auto* s = std::get_if<std::string>(&v)) return std::stoll(*s);
  return 0;
}

}  // namespace vic::server
