#include "plugin-server/registration/appliance_prober.h"

#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>

#include "vicapi/net/bounded_read.h"
#include "vicapi/net/connection_pool.h"
#include "vicapi/net/errors.h"

namespace vic::server {

namespace {

using Clock = std::chrono::steady_clock;

// An appliance's /container/version is one short line.
constexpr std::size_t kMaxVersionAnswer = 256;

std::string keyOf(const ApplianceEntry& a) {
  return a.id + "|" + a.url + "|" + a.sha256;
}

}  // namespace

// The answers one probeAll() call is waiting for.
struct ApplianceProber::Batch {
  Clock::time_point deadline;
  std::mutex mutex;
  std::condition_variable done;
  std::map<std::string, Reachability> answers;  // by key
  std::size_t pending = 0;

  void answer(const std::string& key, Reachability r) {
    std::lock_guard lock(mutex);
    answers[key] = std::move(r);
    --pending;
    done.notify_all();
  }
};

ApplianceProber::ApplianceProber() : ApplianceProber(Limits{}) {}

ApplianceProber::ApplianceProber(std::chrono::milliseconds keep, std::chrono::milliseconds timeout)
    : ApplianceProber(Limits{keep, timeout}) {}

ApplianceProber::ApplianceProber(Limits limits) : limits_(limits) {
  for (std::size_t i = 0; i < std::max<std::size_t>(1, limits_.threads); ++i)
    threads_.emplace_back([this] { work(); });
}

ApplianceProber::~ApplianceProber() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  for (auto& t : threads_)
    t.join();
}

Reachability ApplianceProber::probe(const ApplianceEntry& a) const {
  Reachability r;
  try {
    if (a.sha256.empty()) throw Error("no certificate thumbprint is registered for it");
    net::ConnectionPool pool(net::Endpoint::parse(a.address()),
                             tls::Trust::pin(tls::Thumbprint::parse(a.sha256)),
                             net::Timeouts{limits_.timeout, limits_.timeout}, 1);
    int status = 0;
    pool.run([&](Poco::Net::HTTPSClientSession& session) {
      Poco::Net::HTTPRequest req(Poco::Net::HTTPRequest::HTTP_GET, "/container/version",
                                 Poco::Net::HTTPMessage::HTTP_1_1);
      session.sendRequest(req);
      Poco::Net::HTTPResponse resp;
      std::istream& in = session.receiveResponse(resp);
      r.version.clear();
      status = resp.getStatus();
      if (!net::readUpTo(in, kMaxVersionAnswer, r.version))
        throw ProtocolError("its answer is not a version");
    });
    r.reachable = status == 200;
    if (!r.reachable) r.error = "it answered HTTP " + std::to_string(status);
  } catch (const std::exception& e) {
    r.reachable = false;
    r.version.clear();
    r.error = e.what();
  }
  return r;
}

std::optional<Reachability> ApplianceProber::kept(const std::string& key) {
  std::lock_guard lock(mutex_);
  auto it = kept_.find(key);
  if (it == kept_.end() || Clock::now() - it->second.at >= limits_.keep) return std::nullopt;
  return it->second.answer;
}

void ApplianceProber::keep(const std::string& key, const Reachability& r) {
  std::lock_guard lock(mutex_);
  const auto now = Clock::now();
  if (kept_.size() >= limits_.maxKept && !kept_.count(key)) {
    // Full: forget what is stale, and if nothing is, the oldest answer.
    for (auto it = kept_.begin(); it != kept_.end();)
      it = now - it->second.at >= limits_.keep ? kept_.erase(it) : std::next(it);
    if (kept_.size() >= limits_.maxKept)
      kept_.erase(std::min_element(kept_.begin(), kept_.end(), [](const auto& a, const auto& b) {
        return a.second.at < b.second.at;
      }));
  }
  kept_[key] = {r, now};
}

void ApplianceProber::work() {
  while (true) {
    Job job;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (stopping_) return;
      job = std::move(queue_.front());
      queue_.pop_front();
    }
    // A call that has stopped waiting does not need its probes any more.
    if (Clock::now() >= job.batch->deadline) {
      job.batch->answer(job.key, {false, "", "not probed in time"});
      continue;
    }
    Reachability r = probe(job.appliance);
    keep(job.key, r);
    job.batch->answer(job.key, std::move(r));
  }
}

std::map<std::string, Reachability> ApplianceProber::probeAll(
    const std::vector<ApplianceEntry>& appliances) {
  auto batch = std::make_shared<Batch>();
  batch->deadline = Clock::now() + limits_.timeout;
  std::map<std::string, Reachability> byKey;
  for (const auto& a : appliances) {
    const std::string key = keyOf(a);
    if (byKey.count(key)) continue;
    if (auto r = kept(key)) {
      byKey[key] = *r;
      continue;
    }
    byKey[key] = {};  // filled in below
    std::lock_guard lock(mutex_);
    if (queue_.size() >= limits_.maxQueued) {
      byKey[key].error = "not probed: too many appliances are being probed at once";
      continue;
    }
    {
      std::lock_guard batchLock(batch->mutex);
      ++batch->pending;
    }
    queue_.push_back({key, a, batch});
    wake_.notify_one();
  }
  {
    // Each probe is limited to the timeout too; the margin lets one that
    // started just before the deadline finish.
    std::unique_lock lock(batch->mutex);
    batch->done.wait_until(lock, batch->deadline + limits_.timeout / 4,
                           [&] { return batch->pending == 0; });
    for (auto& [key, r] : batch->answers)
      byKey[key] = r;
  }
  std::map<std::string, Reachability> out;
  for (const auto& a : appliances) {
    Reachability r = byKey[keyOf(a)];
    if (!r.reachable && r.error.empty())
      r.error = "not probed: no answer within " + std::to_string(limits_.timeout.count()) + " ms";
    out[a.id] = std::move(r);
  }
  return out;
}

}  // namespace vic::server
