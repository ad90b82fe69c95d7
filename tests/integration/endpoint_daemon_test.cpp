// The endpoint daemon serves the Docker API from exactly what create wrote
// into the VM: its guestinfo is all the daemon is given, and the real docker
// CLI talks to it with the client certificate create made.
#include <boost/test/unit_test.hpp>

#include <signal.h>

#include <fstream>

#include <Poco/Net/ServerSocket.h>
#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>

#include "tests/support/engine_world.h"
#include "tests/support/run_process.h"
#include "tests/support/simulator_fixture.h"
#include "vicapi/crypto/certificates.h"
#include "vicapi/engine/actions/vsphere_actions.h"
#include "vicapi/version/version.h"

using namespace vic;
namespace fs = std::filesystem;

namespace {

unsigned short freePort() {
  Poco::Net::ServerSocket s(Poco::Net::SocketAddress("127.0.0.1", 0));
  return s.address().port();
}

// vic-endpoint running on a guestinfo file, stopped when this goes.
class RunningEndpoint {
 public:
  RunningEndpoint(const fs::path& guestinfo, unsigned short port)
      : handle_(Poco::Process::launch(VIC_ENDPOINT_BINARY,
                                      {"--guestinfo", guestinfo.string(), "--listen", "127.0.0.1",
                                       "--port", std::to_string(port)},
                                      nullptr, &out_, nullptr)) {
    Poco::PipeInputStream in(out_);
    std::getline(in, firstLine_);
  }
  ~RunningEndpoint() {
    Poco::Process::kill(handle_);
    handle_.wait();
  }
  const std::string& firstLine() const { return firstLine_; }

 private:
  Poco::Pipe out_;
  Poco::ProcessHandle handle_;
  std::string firstLine_;
};

std::string dockerBinary() {
  for (const char* p : {"/usr/bin/docker", "/usr/local/bin/docker"})
    if (fs::exists(p)) return p;
  return "docker";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(endpoint_daemon, *boost::unit_test::fixture<test::VcsimWithPassword>())

BOOST_AUTO_TEST_CASE(docker_cli_reaches_the_vch_over_mutual_tls) {
  auto c = test::loggedInClient();
  test::allowVchFirewall(*c);
  auto body = test::minimalVchBody("vch-docker");
  body["auth"] = {
      {"server", {{"generate", {{"cname", "127.0.0.1"}}}}}};  // client certificates required
  test::RecordingObserver observer;
  auto result = test::createFromBody(*c, body, observer);
  BOOST_REQUIRE(!result.certificates.clientCertificate.empty());

  // What the endpoint VM would read as guestinfo.
  auto dir = test::scratchDir("endpoint-daemon");
  nlohmann::json guestinfo = nlohmann::json::object();
  for (const auto& [k, v] : engine::actions::readExtraConfig(*c, result.vm))
    guestinfo[k] = v;
  std::ofstream(dir / "guestinfo.json") << guestinfo.dump();
  crypto::writeCertificate(dir / "ca.pem", result.certificates.caCertificate);
  crypto::writeCertificate(dir / "cert.pem", result.certificates.clientCertificate);
  crypto::writePrivateKey(dir / "key.pem", result.certificates.clientKey);

  const auto port = freePort();
  RunningEndpoint endpoint(dir / "guestinfo.json", port);
  BOOST_TEST_REQUIRE(endpoint.firstLine().find("serving VCH vch-docker") != std::string::npos,
                     endpoint.firstLine());

  const std::string host = "127.0.0.1:" + std::to_string(port);
  const std::map<std::string, std::string> env{{"DOCKER_CONFIG", (dir / "docker-config").string()},
                                               {"HOME", dir.string()}};
  auto tlsArgs = [&](std::vector<std::string> rest) {
    std::vector<std::string> a{"--tlsverify",
                               "--tlscacert",
                               (dir / "ca.pem").string(),
                               "--tlscert",
                               (dir / "cert.pem").string(),
                               "--tlskey",
                               (dir / "key.pem").string(),
                               "-H",
                               host};
    a.insert(a.end(), rest.begin(), rest.end());
    return a;
  };
  auto r = test::runProcess(
      dockerBinary(),
      tlsArgs({"version", "--format", "{{.Server.Version}} {{.Server.APIVersion}}"}), env);
  BOOST_TEST(r.exitCode == 0, r.err);
  BOOST_TEST(r.out.find(version::current().semver() + " 1.25") != std::string::npos, r.out);

  r = test::runProcess(dockerBinary(), tlsArgs({"info", "--format", "{{.Name}}"}), env);
  BOOST_TEST(r.exitCode == 0, r.err);
  BOOST_TEST(r.out.find("vch-docker") != std::string::npos);

  // Without a client certificate the endpoint refuses the connection.
  r = test::runProcess(
      dockerBinary(),
      {"--tlsverify", "--tlscacert", (dir / "ca.pem").string(), "-H", host, "version"}, env);
  BOOST_TEST(r.exitCode != 0);
}

BOOST_AUTO_TEST_CASE(a_guestinfo_without_a_vch_is_refused) {
  auto dir = test::scratchDir("endpoint-daemon-bad");
  std::ofstream(dir / "guestinfo.json") << "{\"guestinfo.other\": \"x\"}";
  auto r = test::runProcess(VIC_ENDPOINT_BINARY,
                            {"--guestinfo", (dir / "guestinfo.json").string(), "--port", "0"});
  BOOST_TEST(r.exitCode != 0);
  BOOST_TEST(r.err.find("does not describe a VCH") != std::string::npos, r.err);
}

BOOST_AUTO_TEST_SUITE_END()
