#pragma once

#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "tests/support/vch_bodies.h"
#include "vicapi/engine/create.h"
#include "vicapi/engine/plan/plan.h"
#include "vicapi/engine/validate/validator.h"
#include "vicapi/sim/simulator.h"
#include "vicapi/vim/client.h"

namespace vic::test {

engine::ValidationOptions validationOptions();
engine::CreateOptions createOptions();

// Opens the firewall of every simulated host (vcsim ships with the vSPC
// ruleset off, as ESXi does), as an administrator would before a create.
void allowVchFirewall(vim::Client& client);

// Parses, validates and creates; fails the test on any issue.
engine::CreateResult createFromBody(vim::Client& client, const nlohmann::json& body,
                                    engine::PlanObserver& observer,
                                    const engine::FaultHook& hook = {});

// This appliance's images, but claiming an older version
// (v1.5.0-0-0000000), so that an upgrade has something to do.
engine::ApplianceImages olderImages();
// A VCH as that older appliance would have created it from minimalVchBody.
vim::Moref createOlderVch(vim::Client& client, const std::string& name);

// A container VM of the VCH `vch`, as the endpoint would make it (the keys
// in GUESTINFO.md), in the VCH's resource pool.
vim::Moref createContainerVm(vim::Client& client, const vim::Moref& vch, const std::string& name,
                             const std::string& image, const std::string& ports, bool poweredOn);

// Everything a VCH could leave behind, read independently of the engine: every
// inventory path with its type, the datastores' files, and permissions and
// roles that are not vcsim's own.
struct WorldSnapshot {
  std::set<std::string> inventory;
  std::set<std::string> files;
  std::set<std::string> extras;  // roles, permissions, DRS groups
  bool operator==(const WorldSnapshot&) const = default;
};
WorldSnapshot snapshotWorld(vim::Client& client, const sim::Simulator& sim);
std::string describeDifference(const WorldSnapshot& before, const WorldSnapshot& after);

// Records what a plan does, for assertions on steps and undo.
class RecordingObserver : public engine::PlanObserver {
 public:
  std::vector<std::string> started, finished, undone, lines;
  void stepStarted(std::size_t, std::size_t, const std::string& name, const std::string&) override {
    started.push_back(name);
  }
  void stepFinished(std::size_t, const std::string& name) override { finished.push_back(name); }
  void undoFinished(const engine::Undo& u, const std::string& error) override {
    undone.push_back(u.kind + (error.empty() ? "" : " FAILED: " + error));
  }
  void log(const std::string& line) override { lines.push_back(line); }
};

}  // namespace vic::test
