#include "vicapi/sim/simulator.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <thread>

#include <openssl/pem.h>

#include "vicapi/crypto/certificates.h"
#include "vicapi/soap/errors.h"
#include "vicapi/util/log.h"

extern char** environ;

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

namespace {

tls::Thumbprint thumbprintOfPem(const std::string& pem, tls::DigestKind kind) {
  BIO* bio = BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()));
  X509* cert = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr);
  BIO_free(bio);
  if (!cert) throw Error("the simulator certificate is not PEM");
  auto t = tls::Thumbprint::of(cert, kind);
  X509_free(cert);
  return t;
}

// Reads the child's stdout until the "export GOVC_URL=..." line vcsim prints
// once it listens.
std::string readUrlLine(int fd, std::chrono::milliseconds timeout) {
  std::string seen;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (true) {
    auto nl = seen.find('\n');
    if (nl != std::string::npos && seen.find("GOVC_URL=") != std::string::npos)
      return seen.substr(0, nl);
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0)
      throw Error("the simulator did not start within " + std::to_string(timeout.count()) + " ms");
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) continue;
    char buf[512];
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n <= 0) throw Error("the simulator exited during start-up");
    seen.append(buf, static_cast<std::size_t>(n));
  }
}

}  // namespace

std::unique_ptr<Simulator> Simulator::start(SimulatorOptions o) {
  if (o.binary.empty()) o.binary = locateVcsim();
  fs::create_directories(o.workDir);
  std::unique_ptr<Simulator> sim(new Simulator());
  sim->certFile_ = o.workDir / "vcsim.crt";
  sim->logFile_ = o.workDir / "vcsim.log";
  sim->datastoreRoot_ = o.workDir / "datastores";
  fs::create_directories(sim->datastoreRoot_);
  if (o.removeWorkDir) sim->removeOnStop_ = o.workDir;
  const fs::path keyFile = o.workDir / "vcsim.key";

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
  sim->sha1_ = thumbprintOfPem(cert.certificatePem, tls::DigestKind::Sha1);
  sim->sha256_ = thumbprintOfPem(cert.certificatePem, tls::DigestKind::Sha256);

  std::vector<std::string> args{o.binary.string(),       "-l",      o.listen,        "-tlscert",
                                sim->certFile_.string(), "-tlskey", keyFile.string()};
  if (!o.username.empty()) {
    args.insert(args.end(), {"-username", o.username, "-password", o.password});
  }
  args.insert(args.end(), o.extraArgs.begin(), o.extraArgs.end());
  std::vector<char*> argv;
  for (auto& a : args)
    argv.push_back(a.data());
  argv.push_back(nullptr);

  // The datastores are directories under TMPDIR: give each simulator its own.
  std::vector<std::string> envStore;
  for (char** e = environ; *e; ++e)
    if (std::string_view(*e).substr(0, 7) != "TMPDIR=") envStore.emplace_back(*e);
  envStore.push_back("TMPDIR=" + sim->datastoreRoot_.string());
  std::vector<char*> envp;
  for (auto& e : envStore)
    envp.push_back(e.data());
  envp.push_back(nullptr);

  int pipefd[2];
  if (::pipe2(pipefd, O_CLOEXEC) != 0) throw Error("pipe() failed");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipefd[1], STDOUT_FILENO);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, sim->logFile_.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  int rc = ::posix_spawn(&sim->pid_, argv[0], &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  ::close(pipefd[1]);
  if (rc != 0) {
    ::close(pipefd[0]);
    throw Error("cannot start " + o.binary.string() + ": " + std::strerror(rc));
  }
  sim->stdoutFd_ = pipefd[0];

  std::string line = readUrlLine(sim->stdoutFd_, o.startTimeout);
  // export GOVC_URL=https://user:pass@127.0.0.1:PORT/sdk GOVC_SIM_PID=...
  auto start = line.find("GOVC_URL=") + 9;
  auto end = line.find(' ', start);
  sim->endpoint_ = http::Endpoint::parse(line.substr(start, end - start));
  logger()->info("simulated vCenter on {} (pid {})", sim->endpoint_.hostPort(), sim->pid_);
  return sim;
}

void Simulator::stop() {
  if (pid_ > 0) {
    ::kill(pid_, SIGTERM);
    int status = 0;
    for (int i = 0; i < 100; ++i) {
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    if (pid_ > 0) {  // it ignored SIGTERM for 5 s
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, &status, 0);
      pid_ = -1;
    }
  }
  if (stdoutFd_ >= 0) {
    ::close(stdoutFd_);
    stdoutFd_ = -1;
  }
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
