#include "tests/support/endpoint_runner.h"

#include <thread>

#include "tests/support/simulator_fixture.h"
#include "vicapi/crypto/certificates.h"
#include "vicapi/soap/errors.h"
#include "vicapi/vim/property_collector.h"

namespace vic::test {

namespace fs = std::filesystem;

EndpointRunner::EndpointRunner(const std::string& name) : stateDir_(scratchDir("runner-" + name)) {
  auto& sim = SimulatorFixture::current();
  ChildOptions o;
  o.argv = {VIC_ENDPOINT_RUNNER_BINARY, "--target", sim.target(), "--thumbprint",
            sim.thumbprint().str(), "--user", kTestUser, "--state-dir", stateDir_.string(),
            "--endpoint", VIC_ENDPOINT_BINARY, "--portal-port", "2378"};
  o.environment = {{"VIC_PASSWORD", kTestPassword}};
  o.stderrFile = stateDir_ / "runner.log";
  process_ = ChildProcess::spawn(o);
  process_.waitForLine("vic-endpoint-runner watching", std::chrono::seconds(30));
}

EndpointRunner::~EndpointRunner() {
  stop();
}

void EndpointRunner::stop() {
  process_.stop(std::chrono::milliseconds(8000));
}

std::string waitForGuestIp(vim::Client& client, const vim::Moref& vm, int seconds) {
  vim::PropertyCollector pc(client);
  for (int i = 0; i < seconds * 10; ++i) {
    const auto ip = pc.retrieveOne(vm, {"guest.ipAddress"}).text("guest.ipAddress");
    if (!ip.empty()) return ip;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  throw Error("nothing reported a guest IP for " + vm.str());
}

std::string DockerCli::binary() {
  for (const char* p : {"/usr/bin/docker", "/usr/local/bin/docker"})
    if (fs::exists(p)) return p;
  return "docker";
}

DockerCli::DockerCli(const std::string& name, const std::string& host,
                     const engine::VchCertificates& c)
    : dir_(scratchDir("docker-" + name)), host_(host) {
  if (!c.caCertificate.empty()) crypto::writeCertificate(dir_ / "ca.pem", c.caCertificate);
  if (!c.clientCertificate.empty()) {
    crypto::writeCertificate(dir_ / "cert.pem", c.clientCertificate);
    crypto::writePrivateKey(dir_ / "key.pem", c.clientKey);
  }
  env_ = {{"DOCKER_CONFIG", (dir_ / "config").string()}, {"HOME", dir_.string()}};
}

ProcessResult DockerCli::run(const std::vector<std::string>& args) const {
  return runWithClientCertificate(args, dir_ / "cert.pem", dir_ / "key.pem");
}

ProcessResult DockerCli::runWithClientCertificate(const std::vector<std::string>& args,
                                                  const fs::path& cert, const fs::path& key) const {
  std::vector<std::string> a{"--tlsverify", "--tlscacert", (dir_ / "ca.pem").string(),
                             "--tlscert", cert.string(), "--tlskey", key.string(),
                             "-H", "tcp://" + host_};
  a.insert(a.end(), args.begin(), args.end());
  return runProcess(binary(), a, env_);
}

ProcessResult DockerCli::runWithoutClientCertificate(const std::vector<std::string>& args) const {
  std::vector<std::string> a{"--tlsverify", "--tlscacert", (dir_ / "ca.pem").string(), "-H",
                             "tcp://" + host_};
  a.insert(a.end(), args.begin(), args.end());
  return runProcess(binary(), a, env_);
}

}  // namespace vic::test
