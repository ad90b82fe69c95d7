#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "vicapi/tls/thumbprint.h"
#include "vicapi/util/child_process.h"

namespace vic::test {

struct ServerOptions {
  std::filesystem::path dataDir;  // kept across restarts of the same server
  std::vector<std::string> extraArgs;
  std::map<std::string, std::string> environment;
};

// vic-machine-server as the product runs it: a child process on 127.0.0.1 and
// a free port, its log in <dataDir>/server.log, ready once it has printed the
// original's "Serving vic machine at" line.
class ServerProcess {
 public:
  explicit ServerProcess(ServerOptions options);
  ~ServerProcess();

  void restart();  // on a new port, with the same data directory
  void kill();     // SIGKILL: a crash
  int stop();      // SIGTERM: the exit status

  unsigned short port() const { return port_; }
  pid_t pid() const { return process_.pid(); }
  std::string host() const { return "127.0.0.1"; }
  // The server's own certificate, as generated on its first start.
  const tls::Thumbprint& thumbprint() const { return thumbprint_; }
  std::string logText() const;
  const std::filesystem::path& dataDir() const { return options_.dataDir; }

 private:
  void launch();
  ServerOptions options_;
  ChildProcess process_;
  unsigned short port_ = 0;
  tls::Thumbprint thumbprint_;
};

std::filesystem::path serverBinary();

}  // namespace vic::test
