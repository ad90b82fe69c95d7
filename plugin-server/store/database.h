#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <variant>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace vic::server {

// A SQLite database in WAL mode, shared by the server's threads. Statements
// run one at a time under a mutex: the journal's writes are small, and one
// writer at a time is what SQLite allows anyway.
class Database {
 public:
  using Value = std::variant<std::nullptr_t, std::int64_t, std::string>;
  using Row = std::vector<Value>;

  explicit Database(const std::filesystem::path& file);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  void exec(const std::string& sql);
  // Runs one statement with bound parameters (?1, ?2, ...) and returns its rows.
  std::vector<Row> query(const std::string& sql, const std::vector<Value>& params = {});
  std::int64_t insert(const std::string& sql, const std::vector<Value>& params);
  // Runs `work` in one transaction, rolled back if it throws.
  void transaction(const std::function<void()>& work);

  static std::string text(const Value& v);
  static std::int64_t integer(const Value& v);

 private:
  std::vector<Row> run(const std::string& sql, const std::vector<Value>& params);

  std::recursive_mutex mutex_;
  sqlite3* db_ = nullptr;
};

}  // namespace vic::server
