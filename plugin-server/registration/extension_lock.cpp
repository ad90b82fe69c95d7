#include "plugin-server/registration/extension_lock.h"

#include <random>
#include <thread>

#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeParser.h>
#include <Poco/Timestamp.h>

#include "plugin-server/store/clock.h"
#include "vicapi/engine/errors.h"
#include "vicapi/soap/fault.h"
#include "vicapi/util/log.h"
#include "vicapi/vim/extension_manager.h"

namespace vic::server {

namespace {

// How old the lock is by its heartbeat time; a time that cannot be read
// counts as old.
std::chrono::seconds ageOf(const vim::Extension& lock) {
  try {
    int tz = 0;
    const auto when = Poco::DateTimeParser::parse(Poco::DateTimeFormat::ISO8601_FRAC_FORMAT,
                                                  lock.lastHeartbeatTime, tz);
    return std::chrono::seconds(
        (Poco::Timestamp() - when.timestamp()) / Poco::Timestamp::resolution() + tz);
  } catch (const Poco::Exception&) {
    return std::chrono::hours(24);
  }
}

vim::Extension lockExtension(const char* key, const std::string& tag) {
  vim::Extension lock;
  lock.key = key;
  lock.version = "1.0.0.0";
  lock.company = "VMware";
  lock.description = {"VIC registration in progress", tag};
  lock.lastHeartbeatTime = utcNow();
  return lock;
}

void unregisterIfPresent(const vim::ExtensionManager& em, const char* key) {
  try {
    em.unregisterExtension(key);
  } catch (const NotFoundFault&) {
  }
}

}  // namespace

ExtensionLock::ExtensionLock(vim::Client& client, const std::string& holder, Timing timing)
    : client_(client) {
  std::mt19937 random(std::random_device{}());
  tag_ = holder + " #" + std::to_string(random());
  vim::ExtensionManager em(client);
  std::uniform_int_distribution<int> jitter(50, 200);
  const auto deadline = std::chrono::steady_clock::now() + timing.wait;
  while (true) {
    try {
      em.registerExtension(lockExtension(kKey, tag_));
      return;
    } catch (const InvalidArgumentFault&) {
      // Held by someone else.
    }
    if (auto held = em.findExtension(kKey); held && ageOf(*held) > timing.stale) {
      if (timing.beforeBreak) timing.beforeBreak();
      if (breakStale(*held, timing.stale)) continue;
    }
    if (std::chrono::steady_clock::now() > deadline)
      throw engine::ConflictError("another appliance has been changing the VIC registration for " +
                                  std::to_string(timing.wait.count() / 1000) +
                                  " s; try again later");
    std::this_thread::sleep_for(std::chrono::milliseconds(jitter(random)));
  }
}

// Compare-and-set on `seen`: the breaker key makes breaking exclusive, and
// the lock is read again under it, so that a fresh lock someone took since
// `seen` survives. False when another appliance is breaking it: back off.
bool ExtensionLock::breakStale(const vim::Extension& seen, std::chrono::seconds stale) {
  vim::ExtensionManager em(client_);
  try {
    em.registerExtension(lockExtension(kBreakerKey, tag_));
  } catch (const InvalidArgumentFault&) {
    // A breaker that died breaking leaves its key; as old as a stale lock, it goes.
    if (auto breaker = em.findExtension(kBreakerKey); breaker && ageOf(*breaker) > stale)
      unregisterIfPresent(em, kBreakerKey);
    return false;
  }
  try {
    const auto now = em.findExtension(kKey);
    if (now && now->description.summary == seen.description.summary &&
        now->lastHeartbeatTime == seen.lastHeartbeatTime) {
      logger()->warn("breaking the registration lock {} left by {}", seen.lastHeartbeatTime,
                     seen.description.summary);
      unregisterIfPresent(em, kKey);
    }
  } catch (...) {
    unregisterIfPresent(em, kBreakerKey);
    throw;
  }
  unregisterIfPresent(em, kBreakerKey);
  return true;
}

ExtensionLock::~ExtensionLock() {
  try {
    vim::ExtensionManager em(client_);
    // Held past the stale age, it may have been broken and taken by another.
    const auto held = em.findExtension(kKey);
    if (held && held->description.summary == tag_)
      unregisterIfPresent(em, kKey);
    else
      logger()->warn("the registration lock was broken while {} held it", tag_);
  } catch (const std::exception& e) {
    logger()->warn("could not release the registration lock: {}", e.what());
  }
}

}  // namespace vic::server
