#pragma once

#include <chrono>
#include <functional>
#include <string>

#include "vicapi/vim/client.h"
#include "vicapi/vim/extension_manager.h"

namespace vic::server {

struct ExtensionLockTiming {
  std::chrono::milliseconds wait = std::chrono::seconds(30);
  std::chrono::seconds stale = std::chrono::seconds(60);
  // Runs between finding the lock stale and breaking it, the window in
  // which another appliance may break it first; tests put one there.
  std::function<void()> beforeBreak;
};

// A mutual exclusion between appliances changing com.vmware.vic on one
// vCenter, which has no compare-and-set for extensions: RegisterExtension of
// a lock key succeeds for one caller only. A lock older than `stale` is
// taken to be left by an appliance that died holding it, and is broken, but
// only by whoever registers the breaker key first, and only if the lock is
// still the one found stale: two appliances breaking at once leave one
// holder. Each lock carries its holder's own tag, and is released only by it.
class ExtensionLock {
 public:
  using Timing = ExtensionLockTiming;
  ExtensionLock(vim::Client& client, const std::string& holder, Timing timing = {});
  ~ExtensionLock();
  ExtensionLock(const ExtensionLock&) = delete;
  ExtensionLock& operator=(const ExtensionLock&) = delete;

  static constexpr const char* kKey = "com.vmware.vic.registration-lock";
  static constexpr const char* kBreakerKey = "com.vmware.vic.registration-lock.breaker";

 private:
  bool breakStale(const vim::Extension& seen, std::chrono::seconds stale);

  vim::Client& client_;
  std::string tag_;  // the holder and a nonce: this lock, not just this appliance's
};

}  // namespace vic::server
