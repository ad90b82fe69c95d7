#include "tests/support/process_stats.h"

#include <chrono>
#include <fstream>
#include <string>

namespace vic::test {

ProcessStats processStats(pid_t pid) {
  ProcessStats s;
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  std::string key;
  while (in >> key) {
    if (key == "VmRSS:")
      in >> s.residentKib;
    else if (key == "VmHWM:")
      in >> s.peakResidentKib;
    else if (key == "Threads:")
      in >> s.threads;
    std::getline(in, key);
  }
  return s;
}

bool mapsLibrary(pid_t pid, const std::string& name) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/maps");
  for (std::string line; std::getline(in, line);)
    if (line.find(name) != std::string::npos) return true;
  return false;
}

ThreadWatch::ThreadWatch(pid_t pid) {
  sampler_ = std::thread([this, pid] {
    while (!stop_) {
      const int n = processStats(pid).threads;
      if (n > most_) most_ = n;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  });
}

ThreadWatch::~ThreadWatch() {
  stop_ = true;
  sampler_.join();
}

}  // namespace vic::test
