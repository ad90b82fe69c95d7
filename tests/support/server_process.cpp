#include "tests/support/server_process.h"

#include <fstream>
#include <sstream>

#include "vicapi/base/error.h"
#include "vicapi/tls/trust.h"

#ifndef VIC_SERVER_BINARY
#define VIC_SERVER_BINARY ""
#endif

namespace vic::test {

namespace fs = std::filesystem;

fs::path serverBinary() {
  if (const char* env = std::getenv("VIC_SERVER"); env && *env) return env;
  return VIC_SERVER_BINARY;
}

ServerProcess::ServerProcess(ServerOptions options) : options_(std::move(options)) {
  launch();
}

ServerProcess::~ServerProcess() {
  process_.stop();
}

void ServerProcess::launch() {
  ChildOptions child;
  child.argv = {serverBinary().string(), "--listen=127.0.0.1:0",
                "--data-dir=" + options_.dataDir.string(), "--log-level=debug"};
  child.argv.insert(child.argv.end(), options_.extraArgs.begin(), options_.extraArgs.end());
  child.environment = options_.environment;
  fs::create_directories(options_.dataDir);
  child.stderrFile = options_.dataDir / "server.log";
  process_ = ChildProcess::spawn(child);
  // The startup line the original printed and its e2e tests waited for.
  const std::string line =
      process_.waitForLine("Serving vic machine at https://", std::chrono::seconds(60));
  port_ = static_cast<unsigned short>(std::stoi(line.substr(line.rfind(':') + 1)));
  std::ifstream in(options_.dataDir / "server.crt");
  std::stringstream pem;
  pem << in.rdbuf();
  thumbprint_ = tls::Thumbprint::ofPem(pem.str(), tls::DigestKind::Sha256);
}

void ServerProcess::restart() {
  process_.stop();
  launch();
}

void ServerProcess::kill() {
  process_.kill();
}

int ServerProcess::stop() {
  return process_.stop();
}

std::string ServerProcess::logText() const {
  std::ifstream in(options_.dataDir / "server.log");
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace vic::test
