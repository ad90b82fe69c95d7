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

}  // namespace

ExtensionLock::ExtensionLock(vim::Client& client, const std::string& holder,
                             std::chrono::milliseconds wait, std::chrono::seconds stale)
    : client_(client) {
  vim::ExtensionManager em(client);
  vim::Extension lock;
  lock.key = kKey;
  lock.version = "1.0.0.0";
  lock.company = "VMware";
  lock.description = {"VIC registration in progress", holder};
  std::mt19937 random(std::random_device{}());
  std::uniform_int_distribution<int> jitter(50, 200);
  const auto deadline = std::chrono::steady_clock::now() + wait;
  while (true) {
    lock.lastHeartbeatTime = utcNow();
    try {
      em.registerExtension(lock);
      return;
    } catch (const InvalidArgumentFault&) {
      // Held by someone else.
    }
    if (auto held = em.findExtension(kKey); held && ageOf(*held) > stale) {
      logger()->warn("breaking the registration lock {} left by {}", held->lastHeartbeatTime,
                     held->description.summary);
      try {
        em.unregisterExtension(kKey);
      } catch (const NotFoundFault&) {
      }
      continue;
    }
    if (std::chrono::steady_clock::now() > deadline)
      throw engine::ConflictError("another appliance has been changing the VIC registration for " +
                                  std::to_string(wait.count() / 1000) + " s; try again later");
    std::this_thread::sleep_for(std::chrono::milliseconds(jitter(random)));
  }
}

ExtensionLock::~ExtensionLock() {
  try {
    vim::ExtensionManager(client_).unregisterExtension(kKey);
  } catch (const std::exception& e) {
    logger()->warn("could not release the registration lock: {}", e.what());
  }
}

}  // namespace vic::server
