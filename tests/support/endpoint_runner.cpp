#include "tests/support/endpoint_runner.h"

#include <sstream>
#include <thread>

#include <Poco/Net/Context.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPCookie.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>

#include "tests/support/simulator_fixture.h"
#include "vicapi/base/error.h"
#include "vicapi/crypto/certificates.h"
#include "vicapi/vim/property_collector.h"

namespace vic::test {

namespace fs = std::filesystem;

EndpointRunner::EndpointRunner(const std::string& name) : stateDir_(scratchDir("runner-" + name)) {
  auto& sim = SimulatorFixture::current();
  ChildOptions o;
  o.argv = {VIC_ENDPOINT_RUNNER_BINARY,
            "--target",
            sim.target(),
            "--thumbprint",
            sim.thumbprint().str(),
            "--user",
            kTestUser,
            "--state-dir",
            stateDir_.string(),
            "--endpoint",
            VIC_ENDPOINT_BINARY,
            "--portal-port",
            "2378"};
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
                             "--tlscert",   cert.string(), "--tlskey",
                             key.string(),  "-H",          "tcp://" + host_};
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

namespace vic::test {

PortalClient::PortalClient(std::string address, fs::path cert, fs::path key)
    : address_(std::move(address)), cert_(std::move(cert)), key_(std::move(key)) {}

PortalClient::Answer PortalClient::get(const std::string& path) {
  return send("GET", path, "");
}

PortalClient::Answer PortalClient::login(const std::string& user, const std::string& password) {
  Poco::Net::HTMLForm form;
  form.set("username", user);
  form.set("password", password);
  std::ostringstream body;
  form.write(body);
  return send("POST", "/authentication", body.str());
}

PortalClient::Answer PortalClient::send(const std::string& method, const std::string& path,
                                        const std::string& form) {
  Poco::Net::Context::Params params;
  params.verificationMode = Poco::Net::Context::VERIFY_NONE;  // the test trusts it by address
  if (!cert_.empty()) {
    params.certificateFile = cert_.string();
    params.privateKeyFile = key_.string();
  }
  Poco::Net::Context::Ptr ctx = new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, params);
  Poco::Net::HTTPSClientSession s(address_, 2378, ctx);
  Poco::Net::HTTPRequest req(method, path, Poco::Net::HTTPRequest::HTTP_1_1);
  if (!cookie_.empty()) req.set("Cookie", cookie_);
  if (!form.empty()) {
    req.setContentType("application/x-www-form-urlencoded");
    req.setContentLength(static_cast<std::streamsize>(form.size()));
  }
  s.sendRequest(req) << form;
  Poco::Net::HTTPResponse res;
  auto& in = s.receiveResponse(res);
  Answer a;
  a.status = res.getStatus();
  a.body.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  std::vector<Poco::Net::HTTPCookie> cookies;
  res.getCookies(cookies);
  for (const auto& c : cookies)
    cookie_ = c.getName() + "=" + c.getValue();
  return a;
}

}  // namespace vic::test
