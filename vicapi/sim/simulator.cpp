#include "vicapi/sim/simulator.h"

#include <unistd.h>

#include <cstdlib>

#include "vicapi/base/error.h"
#include "vicapi/crypto/certificates.h"
#include "vicapi/util/log.h"

namespace vic::sim {

namespace fs = std::filesystem;

#ifndef VIC_DEFAULT_VCSIM
#define VIC_DEFAULT_VCSIM ""
#endif

fs::path locateVcsim() {
  if (const char* env = std::getenv("VIC_VCSIM"); env && *env) {
    if (fs::exists(env)) return env;
    throw NotFoundError(std::string("VIC_VCSIM is set to ") + env + ", which does not exist");
  }
  if (fs::path built = VIC_DEFAULT_VCSIM; !built.empty() && fs::exists(built)) return built;
  if (const char* path = std::getenv("PATH")) {
    std::string p = path;
    for (std::size_t start = 0; start <= p.size();) {
      std::size_t end = p.find(':', start);
      if (end == std::string::npos) end = p.size();
      fs::path candidate = fs::path(p.substr(start, end - start)) / "vcsim";
      if (::access(candidate.c_str(), X_OK) == 0) return candidate;
      start = end + 1;
    }
  }
  throw NotFoundError(
      "the vCenter simulator (vcsim) was not found; build it with tests/vcsim/build.sh or set "
      "VIC_VCSIM to its path");
}

std::unique_ptr<Simulator> Simulator::start(SimulatorOptions o) {
  if (o.binary.empty()) o.binary = locateVcsim();
  fs::create_directories(o.workDir);
  std::unique_ptr<Simulator> sim(new Simulator());
  sim->certFile_ = o.workDir / "vcsim.crt";
  sim->logFile_ = o.workDir / "vcsim.log";
  sim->datastoreRoot_ = o.workDir / "datastores";
  fs::create_directories(sim->datastoreRoot_);
  if (o.removeWorkDir) sim->removeOnStop_ = o.workDir;
  sim->keyFile_ = o.workDir / "vcsim.key";
  const fs::path& keyFile = sim->keyFile_;

  crypto::CertificateRequest req;
  req.commonName = "127.0.0.1";
  req.organization = {"vic simulated vCenter"};
  req.dnsNames = {"localhost"};
  req.ipAddresses = {"127.0.0.1"};
  req.validDays = 30;
  req.serverAuth = true;
  auto cert = crypto::selfSigned(req);
  crypto::writeCertificate(sim->certFile_, cert.certificatePem);
  crypto::writePrivateKey(keyFile, cert.privateKeyPem);
  sim->sha1_ = tls::Thumbprint::ofPem(cert.certificatePem, tls::DigestKind::Sha1);
  sim->sha256_ = tls::Thumbprint::ofPem(cert.certificatePem, tls::DigestKind::Sha256);

  ChildOptions child;
  child.argv = {o.binary.string(),       "-l",      o.listen,        "-tlscert",
                sim->certFile_.string(), "-tlskey", keyFile.string()};
  if (!o.username.empty()) {
    child.argv.insert(child.argv.end(), {"-username", o.username, "-password", o.password});
  }
  child.argv.insert(child.argv.end(), o.extraArgs.begin(), o.extraArgs.end());
  // The datastores are directories under TMPDIR: give each simulator its own.
  child.environment["TMPDIR"] = sim->datastoreRoot_.string();
  std::error_code ignored;
  std::filesystem::remove(sim->logFile_, ignored);
  child.stderrFile = sim->logFile_;
  sim->process_ = ChildProcess::spawn(child);

  std::string line = sim->process_.waitForLine("GOVC_URL=", o.startTimeout);
  // export GOVC_URL=https://user:pass@127.0.0.1:PORT/sdk GOVC_SIM_PID=...
  auto start = line.find("GOVC_URL=") + 9;
  auto end = line.find(' ', start);
  sim->endpoint_ = net::Endpoint::parse(line.substr(start, end - start));
  logger()->info("simulated vCenter on {} (pid {})", sim->endpoint_.hostPort(),
                 sim->process_.pid());
  return sim;
}

void Simulator::stop() {
  process_.stop();
  if (!removeOnStop_.empty()) {
    std::error_code ignored;
    fs::remove_all(removeOnStop_, ignored);
    removeOnStop_.clear();
  }
}

Simulator::~Simulator() {
  stop();
}

}  // namespace vic::sim
