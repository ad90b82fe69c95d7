#include "plugin-server/store/journal.h"

#include <functional>

#include "plugin-server/store/clock.h"
#include "vicapi/base/error.h"

namespace vic::server {

using nlohmann::json;

namespace {

constexpr const char* kColumns =
    "id, kind, target, thumbprint, datacenter, principal, vch_id, vch_name, state, step, "
    "step_index, steps_total, "
    "error, rollback, result, created, updated, finished, step_description";

OperationRecord fromRow(const Database::Row& r) {
  OperationRecord o;
  o.id = Database::text(r[0]);
  o.kind = Database::text(r[1]);
  o.target = Database::text(r[2]);
  o.thumbprint = Database::text(r[3]);
  o.datacenter = Database::text(r[4]);
  o.principal = Database::text(r[5]);
  o.vchId = Database::text(r[6]);
  o.vchName = Database::text(r[7]);
  o.state = Database::text(r[8]);
  o.step = Database::text(r[9]);
  o.stepIndex = static_cast<int>(Database::integer(r[10]));
  o.stepsTotal = static_cast<int>(Database::integer(r[11]));
  o.error = Database::text(r[12]);
  o.rollback = Database::text(r[13]);
  const std::string result = Database::text(r[14]);
  o.result = result.empty() ? json() : json::parse(result, nullptr, false);
  o.created = Database::text(r[15]);
  o.updated = Database::text(r[16]);
  o.finished = Database::text(r[17]);
  o.stepDescription = Database::text(r[18]);
  return o;
}

}  // namespace

// The journal's format, in SQLite's user_version. Each migration takes a
// journal from the version before it to its own; a journal written before
// versions were kept is version 0. Undo records keep their kind and JSON
// from version to version: engine/plan/undo.cpp reads every kind any
// version wrote.
namespace {

constexpr int kJournalVersion = 2;

struct Migration {
  int to;
  const char* what;
  std::function<void(Database&)> run;
};

bool hasColumn(Database& db, const char* table, const char* column) {
  for (const auto& c : db.query(std::string("PRAGMA table_info(") + table + ")"))
    if (Database::text(c[1]) == column) return true;
  return false;
}

const std::vector<Migration>& migrations() {
  static const std::vector<Migration> kMigrations = {
      {1, "the tables",
       [](Database& db) {
         db.exec(R"(
           CREATE TABLE IF NOT EXISTS operations (
             id TEXT PRIMARY KEY, kind TEXT NOT NULL, target TEXT NOT NULL, thumbprint TEXT, datacenter TEXT,
             principal TEXT NOT NULL, vch_id TEXT, vch_name TEXT, state TEXT NOT NULL, step TEXT,
             step_index INTEGER DEFAULT 0, steps_total INTEGER DEFAULT 0, error TEXT, rollback TEXT, result TEXT,
             created TEXT NOT NULL, updated TEXT NOT NULL, finished TEXT);
           CREATE INDEX IF NOT EXISTS operations_state ON operations(state);
           CREATE INDEX IF NOT EXISTS operations_vch ON operations(vch_id);
           CREATE TABLE IF NOT EXISTS undos (
             op_id TEXT NOT NULL REFERENCES operations(id), seq INTEGER NOT NULL, kind TEXT NOT NULL,
             data TEXT NOT NULL, done INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (op_id, seq));
           CREATE TABLE IF NOT EXISTS op_log (
             op_id TEXT NOT NULL REFERENCES operations(id), seq INTEGER PRIMARY KEY AUTOINCREMENT,
             at TEXT NOT NULL, line TEXT NOT NULL);
           CREATE INDEX IF NOT EXISTS op_log_op ON op_log(op_id);
         )");
       }},
      {2, "steps described for people",
       [](Database& db) {
         if (!hasColumn(db, "operations", "step_description"))
           db.exec("ALTER TABLE operations ADD COLUMN step_description TEXT");
       }},
  };
  return kMigrations;
}

}  // namespace

Journal::Journal(Database& db) : db_(db) {
  db_.transaction([&] {
    const int found =
        static_cast<int>(Database::integer(db_.query("PRAGMA user_version").at(0).at(0)));
    if (found > kJournalVersion)
      throw Error(ErrorCode::FailedPrecondition,
                  "the journal in the data directory is of format " + std::to_string(found) +
                      ", written by a newer appliance; this one reads up to " +
                      std::to_string(kJournalVersion) +
                      ": run the newer appliance, or move the "
                      "data directory aside");
    for (const auto& m : migrations())
      if (m.to > found) {
        m.run(db_);
        db_.exec("PRAGMA user_version = " + std::to_string(m.to));
      }
  });
}

int Journal::version(Database& db) {
  return static_cast<int>(Database::integer(db.query("PRAGMA user_version").at(0).at(0)));
}

int Journal::currentVersion() {
  return kJournalVersion;
}

std::string Journal::begin(const OperationRecord& op) {
  const std::string id = op.id.empty() ? randomId() : op.id;
  const std::string now = utcNow();
  db_.insert(
      "INSERT INTO operations (id, kind, target, thumbprint, datacenter, principal, vch_id, "
      "vch_name, state, "
      "created, updated) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'queued', ?9, ?9)",
      {id, op.kind, op.target, op.thumbprint, op.datacenter, op.principal, op.vchId, op.vchName,
       now});
  return id;
}

void Journal::setVch(const std::string& id, const std::string& vchId, const std::string& vchName) {
  db_.query("UPDATE operations SET vch_id = ?2, vch_name = ?3, updated = ?4 WHERE id = ?1",
            {id, vchId, vchName, utcNow()});
}

void Journal::running(const std::string& id) {
  db_.query("UPDATE operations SET state = 'running', updated = ?2 WHERE id = ?1", {id, utcNow()});
}

void Journal::stepStarted(const std::string& id, int index, int total, const std::string& step,
                          const std::string& description) {
  db_.query(
      "UPDATE operations SET step = ?2, step_index = ?3, steps_total = ?4, updated = ?5, "
      "step_description = ?6 WHERE id = ?1",
      {id, step, static_cast<std::int64_t>(index), static_cast<std::int64_t>(total), utcNow(),
       description});
}

int Journal::addUndo(const std::string& id, const engine::Undo& undo) {
  int seq = 0;
  db_.transaction([&] {
    auto rows = db_.query("SELECT COALESCE(MAX(seq) + 1, 0) FROM undos WHERE op_id = ?1", {id});
    seq = static_cast<int>(Database::integer(rows.at(0).at(0)));
    db_.query("INSERT INTO undos (op_id, seq, kind, data) VALUES (?1, ?2, ?3, ?4)",
              {id, static_cast<std::int64_t>(seq), undo.kind, undo.data.dump()});
  });
  return seq;
}

void Journal::undoDone(const std::string& id, int seq) {
  db_.query("UPDATE undos SET done = 1 WHERE op_id = ?1 AND seq = ?2",
            {id, static_cast<std::int64_t>(seq)});
}

void Journal::log(const std::string& id, const std::string& line) {
  db_.insert("INSERT INTO op_log (op_id, at, line) VALUES (?1, ?2, ?3)", {id, utcNow(), line});
}

void Journal::finish(const std::string& id, const std::string& state, const std::string& error,
                     const std::string& rollback, const json& result) {
  const std::string now = utcNow();
  db_.query(
      "UPDATE operations SET state = ?2, error = ?3, rollback = ?4, result = ?5, updated = ?6, "
      "finished = ?6 "
      "WHERE id = ?1",
      {id, state, error, rollback, result.is_null() ? std::string() : result.dump(), now});
}

std::optional<OperationRecord> Journal::get(const std::string& id, bool withLog) {
  auto rows = db_.query(std::string("SELECT ") + kColumns + " FROM operations WHERE id = ?1", {id});
  if (rows.empty()) return std::nullopt;
  auto op = fromRow(rows.front());
  if (withLog)
    for (const auto& r :
         db_.query("SELECT at, line FROM op_log WHERE op_id = ?1 ORDER BY seq", {id}))
      op.log.push_back(Database::text(r[0]) + " " + Database::text(r[1]));
  return op;
}

std::vector<OperationRecord> Journal::byState(const std::string& state) {
  std::vector<OperationRecord> out;
  for (const auto& r : db_.query(
           std::string("SELECT ") + kColumns + " FROM operations WHERE state = ?1 ORDER BY created",
           {state}))
    out.push_back(fromRow(r));
  return out;
}

std::vector<OperationRecord> Journal::unfinished() {
  auto out = byState("queued");
  auto running = byState("running");
  out.insert(out.end(), running.begin(), running.end());
  return out;
}

std::vector<std::pair<int, engine::Undo>> Journal::pendingUndos(const std::string& id) {
  std::vector<std::pair<int, engine::Undo>> out;
  for (const auto& r : db_.query(
           "SELECT seq, kind, data FROM undos WHERE op_id = ?1 AND done = 0 ORDER BY seq", {id}))
    out.emplace_back(static_cast<int>(Database::integer(r[0])),
                     engine::Undo{Database::text(r[1]), json::parse(Database::text(r[2]))});
  return out;
}

namespace {

// One operation's header and lines, from a row of (id, kind, principal, state,
// created); `state` names the outcome when the row does not have it yet.
std::string logText(Database& db, const std::vector<Database::Value>& r,
                    const std::string& state = "") {
  std::string out = "=== " + Database::text(r[1]) + " " + Database::text(r[0]) + " by " +
                    Database::text(r[2]) + " at " + Database::text(r[4]) + " (" +
                    (state.empty() ? Database::text(r[3]) : state) + ")\n";
  for (const auto& l :
       db.query("SELECT at, line FROM op_log WHERE op_id = ?1 ORDER BY seq", {r[0]}))
    out += Database::text(l[0]) + " " + Database::text(l[1]) + "\n";
  return out;
}

constexpr const char* kLogColumns = "SELECT id, kind, principal, state, created FROM operations ";

}  // namespace

std::string Journal::vchLog(const std::string& vchId, const std::string& state) {
  std::string out;
  const std::string where =
      state.empty() ? "WHERE vch_id = ?1" : "WHERE vch_id = ?1 AND state = ?2";
  std::vector<Database::Value> args{vchId};
  if (!state.empty()) args.push_back(state);
  for (const auto& r : db_.query(std::string(kLogColumns) + where + " ORDER BY created", args))
    out += logText(db_, r);
  return out;
}

std::map<std::string, std::string> Journal::createdBy(const std::string& principal,
                                                      const std::string& target) {
  std::map<std::string, std::string> out;
  for (const auto& r :
       db_.query("SELECT vch_id, id FROM operations WHERE kind = 'create' AND state = 'succeeded' "
                 "AND principal = ?1 AND target = ?2",
                 {principal, target}))
    out[Database::text(r[0])] = Database::text(r[1]);
  return out;
}

std::string Journal::operationLog(const std::string& id, const std::string& outcome) {
  std::string out;
  for (const auto& r : db_.query(std::string(kLogColumns) + "WHERE id = ?1", {id}))
    out += logText(db_, r, outcome);
  return out;
}

}  // namespace vic::server
