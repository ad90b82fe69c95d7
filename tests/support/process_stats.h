#pragma once

#include <sys/types.h>

#include <atomic>
#include <string>
#include <thread>

namespace vic::test {

// A process's memory and threads as /proc shows them.
struct ProcessStats {
  long residentKib = 0;      // VmRSS
  long peakResidentKib = 0;  // VmHWM: the most it has held since it started
  int threads = 0;
};
ProcessStats processStats(pid_t pid);
// Whether the process has a shared library whose file name contains `name`.
bool mapsLibrary(pid_t pid, const std::string& name);

// Samples a process's thread count while it lives, keeping the highest.
class ThreadWatch {
 public:
  explicit ThreadWatch(pid_t pid);
  ~ThreadWatch();
  int most() const { return most_.load(); }

 private:
  std::atomic<bool> stop_{false};
  std::atomic<int> most_{0};
  std::thread sampler_;
};

}  // namespace vic::test
