#include "tests/server/server_world.h"

#include <atomic>
#include <chrono>
#include <thread>

#include <boost/test/unit_test.hpp>

#include "tests/support/engine_world.h"
#include "vicapi/vim/finder.h"

namespace vic::test {

namespace {

ServerWorld* running = nullptr;

sim::SimulatorOptions passwordOnly(sim::SimulatorOptions o) {
  static std::atomic<int> counter{0};
  o.workDir = scratchDir("server-vcsim-" + std::to_string(counter++));
  o.removeWorkDir = true;
  o.username = kTestUser;
  o.password = kTestPassword;
  return o;
}

}  // namespace

ServerWorld::ServerWorld() : ServerWorld(sim::SimulatorOptions{}, {}) {}

ServerWorld::ServerWorld(sim::SimulatorOptions options, std::vector<std::string> serverArgs)
    : SimulatorFixture(passwordOnly(std::move(options))) {
  static std::atomic<int> counter{0};
  ServerOptions so;
  // vcsim, and a port where nothing answers for the tests of an unreachable target.
  so.extraArgs = {"--allowed-targets=" + target() + ",127.0.0.1:1"};
  so.extraArgs.insert(so.extraArgs.end(), serverArgs.begin(), serverArgs.end());
  so.dataDir = scratchDir("server-data-" + std::to_string(counter++));
  server_ = std::make_unique<ServerProcess>(so);
  reconnect();
  auto c = loggedInClient();
  datacenterId_ = vim::Finder(*c).find(vim::Kind::Datacenter, "DC0", std::nullopt).value;
  allowVchFirewall(*c);
  running = this;
}

ServerWorld::~ServerWorld() {
  running = nullptr;
  ticketSources_.clear();
  api_.reset();
  server_.reset();
}

ServerWorld& ServerWorld::current() {
  if (!running) throw std::logic_error("no server world: give the suite fixture<ServerWorld>()");
  return *running;
}

void ServerWorld::reconnect() {
  api_ = std::make_unique<ApiClient>(server_->host(), server_->port(), server_->thumbprint(), 16);
}

std::string ServerWorld::target() const {
  return SimulatorFixture::current().target();
}
std::string ServerWorld::scope() const {
  return "/container/target/" + target();
}
std::string ServerWorld::dcScope() const {
  return scope() + "/datacenter/" + datacenterId_;
}
std::string ServerWorld::pluginScope() const {
  return "/plugin/target/" + target() + "/datacenter/" + datacenterId_;
}
std::string ServerWorld::pinned() const {
  return "?thumbprint=" + SimulatorFixture::current().thumbprint().str();
}

std::string ServerWorld::cloneTicket() {
  ticketSources_.push_back(loggedInClient());  // a ticket is good while its session lives
  return ticketSources_.back()->acquireCloneTicket().reveal();
}

nlohmann::json ServerWorld::waitForTask(const std::string& uri, const Headers& auth, int seconds) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  while (true) {
    // A URI handed back with the thumbprint is followed as given.
    auto r = api_->get(uri.find('?') == std::string::npos ? uri + pinned() : uri, auth);
    BOOST_TEST_REQUIRE(r.status == 200, "GET " << uri << ": " << r.status << " " << r.body);
    auto task = r.json();
    const std::string state = task["state"];
    if (state != "queued" && state != "running") return task;
    BOOST_TEST_REQUIRE((std::chrono::steady_clock::now() < deadline),
                       "task " << uri << " still " << state);
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
}

std::string ServerWorld::createVch(const std::string& name) {
  auto r = api_->sendJson("POST", scope() + "/vch" + pinned(), admin(), minimalVchBody(name));
  BOOST_TEST_REQUIRE(r.status == 201, r.body);
  auto task = waitForTask(r.json()["task"], admin());
  BOOST_TEST_REQUIRE(task["state"] == "succeeded", task.dump(2));
  return task["vch_id"];
}

}  // namespace vic::test
