// The operation journal on a SQLite file of its own, with no server.
#include <filesystem>

#include <boost/test/unit_test.hpp>

#include "plugin-server/store/journal.h"
#include "vicapi/base/error.h"

using namespace vic;
using namespace vic::server;
namespace fs = std::filesystem;

namespace {

struct TempDb {
  fs::path dir = fs::temp_directory_path() /
                 ("vic-journal-" + std::to_string(::getpid()) + "-" +
                  std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()));
  TempDb() { fs::create_directories(dir); }
  ~TempDb() { fs::remove_all(dir); }
};

OperationRecord createOp() {
  OperationRecord op;
  op.kind = "create";
  op.target = "vc.example:443";
  op.principal = "alice";
  op.vchName = "vch-1";
  return op;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(journal)

BOOST_AUTO_TEST_CASE(keeps_the_undos_not_yet_run_in_the_order_they_were_recorded) {
  TempDb tmp;
  Database db(tmp.dir / "journal.db");
  Journal j(db);
  const auto id = j.begin(createOp());
  j.running(id);
  const int a = j.addUndo(id, {"destroy_entity", {{"ref", "ResourcePool:resgroup-1"}}});
  const int b = j.addUndo(id, {"destroy_vm", {{"vm", "VirtualMachine:vm-2"}}});
  const int c = j.addUndo(id, {"delete_datastore_file", {{"path", "[ds] vch-1"}}});
  BOOST_TEST(a < b);
  BOOST_TEST(b < c);
  j.undoDone(id, c);

  const auto pending = j.pendingUndos(id);
  BOOST_REQUIRE(pending.size() == 2u);
  BOOST_TEST(pending[0].first == a);
  BOOST_TEST(pending[0].second.kind == "destroy_entity");
  BOOST_TEST(pending[1].second.data.at("vm") == "VirtualMachine:vm-2");

  const auto unfinished = j.unfinished();
  BOOST_REQUIRE(unfinished.size() == 1u);
  BOOST_TEST(unfinished.front().id == id);
  BOOST_TEST(unfinished.front().state == "running");
}

BOOST_AUTO_TEST_CASE(a_finished_operation_is_read_back_as_it_ended_even_after_reopening) {
  TempDb tmp;
  std::string id;
  {
    Database db(tmp.dir / "journal.db");
    Journal j(db);
    id = j.begin(createOp());
    j.running(id);
    j.stepStarted(id, 0, 2, "resource_pool", "Create resource pool vch-1");
    j.log(id, "step 1/2: Create resource pool vch-1");
    j.finish(id, "failed", "Create resource pool vch-1 failed: no space", "complete");
  }
  Database db(tmp.dir / "journal.db");
  Journal j(db);
  const auto op = j.get(id);
  BOOST_REQUIRE(op);
  BOOST_TEST(op->state == "failed");
  BOOST_TEST(op->rollback == "complete");
  BOOST_TEST(op->step == "resource_pool");
  BOOST_TEST(op->stepsTotal == 2);
  BOOST_TEST(op->log.size() == 1u);
  BOOST_TEST(j.unfinished().empty());
  BOOST_TEST(j.byState("failed").size() == 1u);
}

// A journal as the builds before its format was versioned wrote it: no
// user_version, no step descriptions, an operation cut off with its undos.
BOOST_AUTO_TEST_CASE(a_journal_of_the_previous_format_is_brought_up_to_date) {
  TempDb tmp;
  {
    Database old(tmp.dir / "journal.db");
    old.exec(R"(
      CREATE TABLE operations (
        id TEXT PRIMARY KEY, kind TEXT NOT NULL, target TEXT NOT NULL, thumbprint TEXT, datacenter TEXT,
        principal TEXT NOT NULL, vch_id TEXT, vch_name TEXT, state TEXT NOT NULL, step TEXT,
        step_index INTEGER DEFAULT 0, steps_total INTEGER DEFAULT 0, error TEXT, rollback TEXT, result TEXT,
        created TEXT NOT NULL, updated TEXT NOT NULL, finished TEXT);
      CREATE TABLE undos (
        op_id TEXT NOT NULL REFERENCES operations(id), seq INTEGER NOT NULL, kind TEXT NOT NULL,
        data TEXT NOT NULL, done INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (op_id, seq));
      CREATE TABLE op_log (
        op_id TEXT NOT NULL REFERENCES operations(id), seq INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL, line TEXT NOT NULL);
      INSERT INTO operations (id, kind, target, principal, vch_name, state, step, created, updated)
        VALUES ('op-1', 'create', 'vc.example:443', 'alice', 'vch-old', 'running', 'resource_pool',
                '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
      INSERT INTO undos (op_id, seq, kind, data)
        VALUES ('op-1', 0, 'destroy_entity', '{"ref":"Folder:group-v9"}');
    )");
    BOOST_TEST(Journal::version(old) == 0);
  }
  Database db(tmp.dir / "journal.db");
  Journal j(db);
  BOOST_TEST(Journal::version(db) == Journal::currentVersion());
  const auto unfinished = j.unfinished();
  BOOST_REQUIRE(unfinished.size() == 1u);
  BOOST_TEST(unfinished[0].vchName == "vch-old");
  const auto undos = j.pendingUndos("op-1");
  BOOST_REQUIRE(undos.size() == 1u);
  BOOST_TEST(undos[0].second.kind == "destroy_entity");
  BOOST_TEST(undos[0].second.data.at("ref") == "Folder:group-v9");
  // What the new format adds works on it.
  j.stepStarted("op-1", 3, 8, "datastore_folder", "Create the datastore folder [ds] vch-old");
  BOOST_TEST(j.get("op-1", false)->stepDescription == "Create the datastore folder [ds] vch-old");
  // Opening it again changes nothing more.
  Journal again(db);
  BOOST_TEST(Journal::version(db) == Journal::currentVersion());
}

BOOST_AUTO_TEST_CASE(a_journal_of_a_newer_format_is_refused_untouched) {
  TempDb tmp;
  Database db(tmp.dir / "journal.db");
  db.exec("PRAGMA user_version = " + std::to_string(Journal::currentVersion() + 1));
  try {
    Journal j(db);
    BOOST_FAIL("a newer journal should be refused");
  } catch (const Error& e) {
    BOOST_TEST(std::string(e.what()).find("newer appliance") != std::string::npos, e.what());
  }
  BOOST_TEST(Journal::version(db) == Journal::currentVersion() + 1);
  BOOST_TEST(db.query("SELECT name FROM sqlite_master WHERE name = 'operations'").empty());
}

BOOST_AUTO_TEST_SUITE_END()
