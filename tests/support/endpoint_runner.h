#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "tests/support/run_process.h"
#include "vicapi/engine/vch_certificates.h"
#include "vicapi/util/child_process.h"
#include "vicapi/vim/client.h"

namespace vic::test {

// vic-endpoint-runner against the suite's vcsim, as the test user: every
// powered-on VCH gets its endpoint daemon on a loopback address.
class EndpointRunner {
 public:
  explicit EndpointRunner(const std::string& name);
  ~EndpointRunner();
  void stop();
  const std::filesystem::path& stateDir() const { return stateDir_; }

 private:
  std::filesystem::path stateDir_;
  ChildProcess process_;
};

// The VM's guest IP once something reports one; throws after `seconds`.
std::string waitForGuestIp(vim::Client& client, const vim::Moref& vm, int seconds = 30);

// The real docker CLI (Debian's, else whatever is on PATH) pointed at one
// VCH with the certificates create handed out: --tlsverify, a CA and a client
// certificate, or plain with no_tls.
class DockerCli {
 public:
  DockerCli(const std::string& name, const std::string& host,
            const engine::VchCertificates& certificates);
  ProcessResult run(const std::vector<std::string>& args) const;
  // Without a client certificate, or with a given one.
  ProcessResult runWithClientCertificate(const std::vector<std::string>& args,
                                         const std::filesystem::path& cert,
                                         const std::filesystem::path& key) const;
  ProcessResult runWithoutClientCertificate(const std::vector<std::string>& args) const;
  const std::filesystem::path& dir() const { return dir_; }
  static std::string binary();

 private:
  std::filesystem::path dir_;
  std::string host_;
  std::map<std::string, std::string> env_;
};

}  // namespace vic::test

namespace vic::test {

// An HTTPS client of a VCH's admin portal (2378) that keeps its cookie.
class PortalClient {
 public:
  struct Answer {
    int status = 0;
    std::string body;
  };
  explicit PortalClient(std::string address, std::filesystem::path cert = {},
                        std::filesystem::path key = {});
  Answer get(const std::string& path);
  Answer login(const std::string& user, const std::string& password);

 private:
  Answer send(const std::string& method, const std::string& path, const std::string& form);
  std::string address_;
  std::filesystem::path cert_, key_;
  std::string cookie_;
};

}  // namespace vic::test
