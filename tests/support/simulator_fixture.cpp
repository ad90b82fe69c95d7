#include "tests/support/simulator_fixture.h"

#include <unistd.h>

#include <atomic>

#include "vicapi/base/error.h"

namespace vic::test {

namespace fs = std::filesystem;

namespace {

sim::Simulator* running = nullptr;

sim::SimulatorOptions withWorkDir(sim::SimulatorOptions o, const std::string& name) {
  static std::atomic<int> counter{0};
  o.workDir = scratchDir(name + "-" + std::to_string(counter++));
  o.removeWorkDir = true;
  return o;
}

}  // namespace

fs::path scratchDir(const std::string& name) {
  fs::path base = fs::temp_directory_path() / ("vic-tests-" + std::to_string(::getpid()));
  fs::path dir = base / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

SimulatorFixture::SimulatorFixture(sim::SimulatorOptions options)
    : sim_(sim::Simulator::start(std::move(options))) {
  running = sim_.get();
}

SimulatorFixture::~SimulatorFixture() {
  sim_->stop();
  running = nullptr;
}

sim::Simulator& SimulatorFixture::current() {
  if (!running) throw Error("no simulator is running: give the suite a simulator fixture");
  return *running;
}

Vcsim::Vcsim() : SimulatorFixture(withWorkDir({}, "vcsim")) {}

VcsimWithPassword::VcsimWithPassword()
    : SimulatorFixture(withWorkDir(
          [] {
            sim::SimulatorOptions o;
            o.username = kTestUser;
            o.password = kTestPassword;
            o.extraArgs = {"-pg", "2"};  // DC0_DVPG1 for a container network
            return o;
          }(),
          "vcsim-password")) {}

VcsimThousandVms::VcsimThousandVms()
    : SimulatorFixture(withWorkDir(
          [] {
            sim::SimulatorOptions o;
            o.extraArgs = {"-vm", "500"};
            return o;
          }(),
          "vcsim-1000")) {}

std::unique_ptr<vim::Client> anonymousClient(vim::ClientOptions options) {
  auto& s = SimulatorFixture::current();
  return std::make_unique<vim::Client>(s.endpoint(), tls::Trust::pin(s.thumbprint()), options);
}

std::unique_ptr<vim::Client> loggedInClient(vim::ClientOptions options) {
  auto c = anonymousClient(options);
  c->login(kTestUser, Secret(kTestPassword));
  return c;
}

}  // namespace vic::test
