#pragma once

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "vicapi/net/endpoint.h"
#include "vicapi/tls/thumbprint.h"
#include "vicapi/util/child_process.h"

namespace vic::sim {

struct SimulatorOptions {
  std::filesystem::path binary;   // empty: locateVcsim()
  std::filesystem::path workDir;  // certificate, datastores and log go here
  std::string username;           // when set, only these credentials log in
  std::string password;
  std::vector<std::string> extraArgs;  // inventory shape: "-cluster", "2", ...
  std::string listen = "127.0.0.1:0";  // port 0: a free one is picked
  std::chrono::milliseconds startTimeout{30'000};
  bool removeWorkDir = false;  // delete workDir once the simulator has stopped
};

// govmomi's vCenter simulator as a child process: the embedded vCenter of the
// demo and the vCenter of the integration tests. It serves a 2048-bit
// certificate made for it on each start (vcsim's built-in one is RSA-1024,
// which OpenSSL 3 refuses to verify), so both pinning and CA trust work.
class Simulator {
 public:
  static std::unique_ptr<Simulator> start(SimulatorOptions options);
  ~Simulator();
  Simulator(const Simulator&) = delete;
  Simulator& operator=(const Simulator&) = delete;

  // SIGTERM, so that vcsim removes its datastore directories, then wait.
  void stop();

  const net::Endpoint& endpoint() const { return endpoint_; }
  std::string target() const { return endpoint_.hostPort(); }
  const tls::Thumbprint& thumbprint() const { return sha1_; }
  const tls::Thumbprint& sha256() const { return sha256_; }
  const std::filesystem::path& certificateFile() const { return certFile_; }
  // Its private key: the test world's vSphere Client endpoint serves with
  // the same certificate, as vCenter's own front end does.
  const std::filesystem::path& keyFile() const { return keyFile_; }
  const std::filesystem::path& logFile() const { return logFile_; }
  const std::filesystem::path& datastoreRoot() const { return datastoreRoot_; }
  pid_t pid() const { return process_.pid(); }

 private:
  Simulator() = default;

  ChildProcess process_;
  net::Endpoint endpoint_;
  tls::Thumbprint sha1_;
  tls::Thumbprint sha256_;
  std::filesystem::path certFile_;
  std::filesystem::path keyFile_;
  std::filesystem::path logFile_;
  std::filesystem::path datastoreRoot_;
  std::filesystem::path removeOnStop_;
};

// The vcsim binary: $VIC_VCSIM, else the one the project's build made
// (tests/vcsim/build.sh), else "vcsim" on PATH. Throws NotFoundError saying
// how to build it.
std::filesystem::path locateVcsim();

}  // namespace vic::sim
