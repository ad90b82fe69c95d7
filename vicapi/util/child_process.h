#pragma once

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace vic {

struct ChildOptions {
  std::vector<std::string> argv;  // argv[0] is the program's path
  // Set in (or, when the value is empty, removed from) the inherited environment.
  std::map<std::string, std::string> environment;
  std::filesystem::path stderrFile;  // stderr is appended here; empty: inherited
};

// A program run in the background whose stdout the caller reads line by line
// to learn when it is ready (vcsim's GOVC_URL line, the server's "Serving"
// line). The process is stopped when the object goes. Unlike Poco::Process,
// stderr goes straight to a file, so a chatty child never blocks on a pipe
// that nobody drains, and waiting for the line has a time limit.
class ChildProcess {
 public:
  static ChildProcess spawn(const ChildOptions& options);
  ChildProcess() = default;
  ChildProcess(ChildProcess&& other) noexcept;
  ChildProcess& operator=(ChildProcess&& other) noexcept;
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;
  ~ChildProcess();

  // The first stdout line containing `marker`; throws Error when the program
  // exits or the time runs out first.
  std::string waitForLine(const std::string& marker, std::chrono::milliseconds timeout);

  // SIGTERM, then SIGKILL after `grace`; returns the exit status as waitpid
  // gives it (or -1 when nothing was running).
  int stop(std::chrono::milliseconds grace = std::chrono::milliseconds(5000));
  // SIGKILL at once, as a crash would.
  void kill();
  bool running();
  pid_t pid() const { return pid_; }

 private:
  void closeOutput();
  pid_t pid_ = -1;
  int stdoutFd_ = -1;
  std::string pending_;  // stdout read but not yet returned
  std::string name_;
};

}  // namespace vic
