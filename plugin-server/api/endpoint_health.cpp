#include "plugin-server/api/endpoint_health.h"

#include <Poco/Net/IPAddress.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>

#include <algorithm>
#include <atomic>
#include <thread>

namespace vic::server {

using Clock = std::chrono::steady_clock;

std::optional<bool> EndpointHealth::kept(const std::string& endpoint) {
  std::lock_guard lock(mutex_);
  auto it = kept_.find(endpoint);
  if (it == kept_.end() || Clock::now() - it->second.at >= limits_.keep) return std::nullopt;
  return it->second.answering;
}

void EndpointHealth::keep(const std::string& endpoint, bool answering) {
  std::lock_guard lock(mutex_);
  const auto now = Clock::now();
  if (kept_.size() >= limits_.maxKept)
    for (auto it = kept_.begin(); it != kept_.end();)
      it = now - it->second.at >= limits_.keep ? kept_.erase(it) : std::next(it);
  if (kept_.size() < limits_.maxKept) kept_[endpoint] = {answering, now};
}

bool EndpointHealth::connects(const std::string& endpoint) const {
  try {
    Poco::Net::StreamSocket socket;
    socket.connect(
        Poco::Net::SocketAddress(endpoint),
        Poco::Timespan(
            std::chrono::duration_cast<std::chrono::microseconds>(limits_.connect).count()));
    socket.close();
    return true;
  } catch (const std::exception&) {
    return false;  // refused, unreachable, too slow, or a name that does not resolve
  }
}

std::map<std::string, bool> EndpointHealth::check(const std::vector<std::string>& endpoints) {
  std::map<std::string, bool> out;
  std::vector<std::string> pending;
  for (const auto& e : endpoints) {
    if (out.count(e) || std::find(pending.begin(), pending.end(), e) != pending.end()) continue;
    if (auto k = kept(e))
      out[e] = *k;
    else if (pending.size() < limits_.maxPerCall)
      pending.push_back(e);
  }
  std::vector<char> answers(pending.size(), 0);
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < pending.size(); i = next++)
      answers[i] = connects(pending[i]) ? 1 : 0;
  };
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < std::min(limits_.parallel, pending.size()); ++t)
    threads.emplace_back(work);
  for (auto& t : threads)
    t.join();
  for (std::size_t i = 0; i < pending.size(); ++i) {
    keep(pending[i], answers[i] != 0);
    out[pending[i]] = answers[i] != 0;
  }
  return out;
}

}  // namespace vic::server
