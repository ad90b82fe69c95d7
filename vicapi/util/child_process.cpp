#include "vicapi/util/child_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>
#include <thread>

#include "vicapi/base/error.h"

extern char** environ;

namespace vic {

namespace {

std::vector<std::string> environmentWith(const std::map<std::string, std::string>& changes) {
  std::vector<std::string> env;
  for (char** e = environ; *e; ++e) {
    std::string_view entry(*e);
    auto eq = entry.find('=');
    if (changes.count(std::string(entry.substr(0, eq)))) continue;
    env.emplace_back(entry);
  }
  for (const auto& [name, value] : changes)
    if (!value.empty()) env.push_back(name + "=" + value);
  return env;
}

std::vector<char*> pointers(std::vector<std::string>& strings) {
  std::vector<char*> p;
  for (auto& s : strings)
    p.push_back(s.data());
  p.push_back(nullptr);
  return p;
}

}  // namespace

ChildProcess ChildProcess::spawn(const ChildOptions& options) {
  if (options.argv.empty()) throw UsageError("no program to run");
  auto args = options.argv;
  auto env = environmentWith(options.environment);
  auto argv = pointers(args);
  auto envp = pointers(env);

  int pipefd[2];
  if (::pipe2(pipefd, O_CLOEXEC) != 0)
    throw Error(std::string("pipe() failed: ") + std::strerror(errno));
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipefd[1], STDOUT_FILENO);
  if (!options.stderrFile.empty())
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, options.stderrFile.c_str(),
                                     O_WRONLY | O_CREAT | O_APPEND, 0600);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  // A parent that blocks signals to take them with sigwait must not pass that
  // on: a child with its own handlers would never see SIGTERM.
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  sigset_t none;
  sigemptyset(&none);
  posix_spawnattr_setsigmask(&attr, &none);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK);
  ChildProcess child;
  child.name_ = options.argv.front();
  int rc = ::posix_spawn(&child.pid_, argv[0], &actions, &attr, argv.data(), envp.data());
  posix_spawnattr_destroy(&attr);
  posix_spawn_file_actions_destroy(&actions);
  ::close(pipefd[1]);
  if (rc != 0) {
    ::close(pipefd[0]);
    child.pid_ = -1;
    throw Error("cannot start " + child.name_ + ": " + std::strerror(rc));
  }
  child.stdoutFd_ = pipefd[0];
  return child;
}

ChildProcess::ChildProcess(ChildProcess&& o) noexcept
    : pid_(o.pid_),
      stdoutFd_(o.stdoutFd_),
      pending_(std::move(o.pending_)),
      name_(std::move(o.name_)) {
  o.pid_ = -1;
  o.stdoutFd_ = -1;
}

ChildProcess& ChildProcess::operator=(ChildProcess&& o) noexcept {
  if (this != &o) {
    stop();
    pid_ = o.pid_;
    stdoutFd_ = o.stdoutFd_;
    pending_ = std::move(o.pending_);
    name_ = std::move(o.name_);
    o.pid_ = -1;
    o.stdoutFd_ = -1;
  }
  return *this;
}

ChildProcess::~ChildProcess() {
  stop();
}

std::string ChildProcess::waitForLine(const std::string& marker,
                                      std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (true) {
    for (auto nl = pending_.find('\n'); nl != std::string::npos; nl = pending_.find('\n')) {
      std::string line = pending_.substr(0, nl);
      pending_.erase(0, nl + 1);
      if (line.find(marker) != std::string::npos) return line;
    }
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0)
      throw Error(name_ + " did not print \"" + marker + "\" within " +
                  std::to_string(timeout.count()) + " ms");
    pollfd p{stdoutFd_, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) continue;
    char buf[512];
    ssize_t n = ::read(stdoutFd_, buf, sizeof buf);
    if (n <= 0) throw Error(name_ + " exited before printing \"" + marker + "\"");
    pending_.append(buf, static_cast<std::size_t>(n));
  }
}

bool ChildProcess::running() {
  if (pid_ <= 0) return false;
  int status = 0;
  if (::waitpid(pid_, &status, WNOHANG) == pid_) {
    pid_ = -1;
    return false;
  }
  return true;
}

int ChildProcess::stop(std::chrono::milliseconds grace) {
  int status = -1;
  if (pid_ > 0) {
    ::kill(pid_, SIGTERM);
    const auto deadline = std::chrono::steady_clock::now() + grace;
    while (::waitpid(pid_, &status, WNOHANG) != pid_) {
      if (std::chrono::steady_clock::now() >= deadline) {  // it ignored SIGTERM
        ::kill(pid_, SIGKILL);
        ::waitpid(pid_, &status, 0);
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    pid_ = -1;
  }
  closeOutput();
  return status;
}

void ChildProcess::kill() {
  if (pid_ > 0) {
    ::kill(pid_, SIGKILL);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
  }
  closeOutput();
}

void ChildProcess::closeOutput() {
  if (stdoutFd_ >= 0) {
    ::close(stdoutFd_);
    stdoutFd_ = -1;
  }
}

}  // namespace vic
