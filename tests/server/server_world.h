#pragma once

#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "tests/support/api_client.h"
#include "tests/support/server_process.h"
#include "tests/support/simulator_fixture.h"

namespace vic::test {

// One suite's world: a vcsim that only kTestUser/kTestPassword may log in to,
// and a vic-machine-server with a fresh data directory in front of it. Put
// `* boost::unit_test::fixture<ServerWorld>()` on the suite; tests reach it
// through ServerWorld::current().
class ServerWorld : public SimulatorFixture {
 public:
  ServerWorld();
  // vcsim's inventory or delays in `options`; `serverArgs` for the server.
  ServerWorld(sim::SimulatorOptions options, std::vector<std::string> serverArgs);
  ~ServerWorld();
  static ServerWorld& current();

  ServerProcess& server() { return *server_; }
  ApiClient& api() { return *api_; }
  // A new client, after the server has restarted on another port.
  void reconnect();

  std::string target() const;  // vcsim as {target}: "127.0.0.1:PORT"
  // "/container/target/<vcsim>" and its datacenter-scoped form, for DC0.
  std::string scope() const;
  std::string dcScope() const;
  std::string pluginScope() const;  // "/plugin/target/<vcsim>/datacenter/<DC0>"
  std::string datacenterId() const { return datacenterId_; }
  // "?thumbprint=<vcsim's SHA-1>", as the 1.5 plug-in sent it.
  std::string pinned() const;
  Headers admin() const { return basicAuth(kTestUser, kTestPassword); }
  std::string cloneTicket();  // a fresh one, from a session of kTestUser

  // Polls the task until it has finished; fails the test after `seconds`.
  nlohmann::json waitForTask(const std::string& uri, const Headers& auth, int seconds = 120);
  // Creates minimalVchBody(name) through the API; returns the VCH id.
  std::string createVch(const std::string& name);

 private:
  std::unique_ptr<ServerProcess> server_;
  std::unique_ptr<ApiClient> api_;
  std::string datacenterId_;
  std::vector<std::unique_ptr<vim::Client>> ticketSources_;
};

}  // namespace vic::test
