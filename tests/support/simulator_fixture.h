#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "vicapi/sim/simulator.h"
#include "vicapi/vim/client.h"

namespace vic::test {

// A fresh vcsim for one Boost.Test suite: `* boost::unit_test::fixture<Vcsim>()`
// on the suite starts it before the suite's first test and stops it (by pid,
// with SIGTERM) after the last. Suites run one after another, so tests reach
// the running one through current().
class SimulatorFixture {
 public:
  ~SimulatorFixture();
  static sim::Simulator& current();

 protected:
  explicit SimulatorFixture(sim::SimulatorOptions options);

 private:
  std::unique_ptr<sim::Simulator> sim_;
};

// The default inventory: one datacenter, a 3-host cluster, a standalone host,
// one datastore, "VM Network" and a distributed port group, 4 VMs.
struct Vcsim : SimulatorFixture {
  Vcsim();
};

// Same inventory, but only kTestUser/kTestPassword may log in.
struct VcsimWithPassword : SimulatorFixture {
  VcsimWithPassword();
};
inline constexpr const char* kTestUser = "vic-admin@vsphere.local";
inline constexpr const char* kTestPassword = "Fixture-Pa55word!";

// 1000 VMs (500 in each of the two root resource pools).
struct VcsimThousandVms : SimulatorFixture {
  VcsimThousandVms();
};

// A scratch directory unique to this process and name, created empty.
std::filesystem::path scratchDir(const std::string& name);

// A client of current(), trusting it by its pinned thumbprint, logged in.
std::unique_ptr<vim::Client> loggedInClient(vim::ClientOptions options = {});
std::unique_ptr<vim::Client> anonymousClient(vim::ClientOptions options = {});

}  // namespace vic::test
