// The operation journal on a SQLite file of its own, with no server.
#include <filesystem>

#include <boost/test/unit_test.hpp>

#include "plugin-server/store/journal.h"

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

BOOST_AUTO_TEST_SUITE_END()
