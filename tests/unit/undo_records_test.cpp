// Undo records: one type per kind, written to the journal and read back the
// same, and the JSON that earlier builds wrote still read.
#include <set>

#include <boost/test/unit_test.hpp>

#include "vicapi/base/error.h"
#include "vicapi/engine/plan/undo_records.h"

using namespace vic;
using namespace vic::engine;
using nlohmann::json;

namespace {

vim::Moref vm{"VirtualMachine", "vm-42"};

std::vector<UndoRecord> oneOfEachKind() {
  vim::ResourceAllocation cpu;
  cpu.limit = 3000;
  vim::ResourceAllocation memory;
  memory.sharesLevel = "high";
  return {
      undo::DestroyEntity{{"ResourcePool", "resgroup-7"}},
      undo::DestroyVm{vm},
      undo::PowerOff{vm},
      undo::PowerOn{vm},
      undo::DeleteDatastoreFile{{"Datacenter", "datacenter-2"}, "[LocalDS_0] vch-1"},
      undo::SetExtraConfig{vm, {{"guestinfo.a", ""}, {"guestinfo.b", "x"}}, "Photon - VCH v1"},
      undo::SetPoolConfig{{"ResourcePool", "resgroup-7"}, cpu, memory},
      undo::SetCdrom{vm, 3002, 201, 0, "[LocalDS_0] vch-1/appliance.iso"},
      undo::RevertSnapshot{vm, {"VirtualMachineSnapshot", "snapshot-9"}, "poweredOn"},
      undo::RemoveSnapshot{{"VirtualMachineSnapshot", "snapshot-9"}},
      undo::RemoveVmGroup{{"ClusterComputeResource", "domain-c7"}, "vch-1"},
      undo::RemovePermission{{"Folder", "group-v9"}, "ops@vsphere.local", true},
      undo::RemoveRole{-12},
      undo::DeleteLocalPath{"/var/lib/vic/tmp/x"},
  };
}

}  // namespace

BOOST_AUTO_TEST_SUITE(undo_records)

BOOST_AUTO_TEST_CASE(every_kind_is_written_and_read_back_the_same) {
  std::set<std::size_t> kinds;
  std::set<std::string> names;
  for (const auto& record : oneOfEachKind()) {
    kinds.insert(record.index());
    const auto written = toUndo(record);
    names.insert(written.kind);
    const auto again = toUndo(fromUndo(written));
    BOOST_TEST(again.kind == written.kind);
    BOOST_TEST(again.data == written.data, written.data.dump() << " vs " << again.data.dump());
  }
  BOOST_TEST(kinds.size() == std::variant_size_v<UndoRecord>, "one of each kind");
  BOOST_TEST(names.size() == kinds.size(), "each kind its own name");
}

// As create, configure and upgrade wrote them before the records were typed.
BOOST_AUTO_TEST_CASE(the_json_of_earlier_builds_is_read) {
  const auto pool = std::get<undo::SetPoolConfig>(fromUndo({"set_pool_config",
                                                            {{"pool", "ResourcePool:resgroup-7"},
                                                             {"cpu",
                                                              {{"reservation", 0},
                                                               {"limit", -1},
                                                               {"expandable", true},
                                                               {"shares_level", "normal"},
                                                               {"shares", 0}}},
                                                             {"memory",
                                                              {{"reservation", 2048},
                                                               {"limit", 4096},
                                                               {"expandable", false},
                                                               {"shares_level", "custom"},
                                                               {"shares", 50}}}}}));
  BOOST_TEST(pool.pool.value == "resgroup-7");
  BOOST_TEST(pool.memory.limit == 4096);
  BOOST_TEST(pool.memory.shares == 50);
  const auto config = std::get<undo::SetExtraConfig>(
      fromUndo({"set_extra_config", {{"vm", "VirtualMachine:vm-42"}, {"values", {{"k", ""}}}}}));
  BOOST_TEST(!config.alternateGuestName.has_value());
  BOOST_TEST(config.values.at("k").empty());
  const auto permission = std::get<undo::RemovePermission>(fromUndo(
      {"remove_permission", {{"entity", "Folder:group-v9"}, {"principal", "ops@vsphere.local"}}}));
  BOOST_TEST(!permission.group);
  const auto snapshot = std::get<undo::RevertSnapshot>(
      fromUndo({"revert_snapshot",
                {{"vm", "VirtualMachine:vm-42"}, {"snapshot", "VirtualMachineSnapshot:s-1"}}}));
  BOOST_TEST(snapshot.powerState.empty());
}

BOOST_AUTO_TEST_CASE(an_unknown_kind_or_a_missing_field_is_named) {
  const auto says = [](const Undo& u, const std::string& part) {
    try {
      fromUndo(u);
    } catch (const Error& e) {
      return e.code() == ErrorCode::InvalidArgument &&
             std::string(e.what()).find(part) != std::string::npos;
    }
    return false;
  };
  BOOST_TEST(
      says({"destory_vm", {{"vm", "VirtualMachine:vm-1"}}}, "unknown undo kind \"destory_vm\""));
  BOOST_TEST(says({"destroy_vm", {{"ref", "VirtualMachine:vm-1"}}}, "undo destroy_vm"));
  BOOST_TEST(says({"set_cdrom", {{"vm", "VirtualMachine:vm-1"}, {"key", "x"}}}, "set_cdrom"));
}

BOOST_AUTO_TEST_SUITE_END()
