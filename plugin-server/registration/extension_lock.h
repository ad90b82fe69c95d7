#pragma once

#include <chrono>
#include <string>

#include "vicapi/vim/client.h"

namespace vic::server {

// A mutual exclusion between appliances changing com.vmware.vic on one
// vCenter, which has no compare-and-set for extensions: RegisterExtension of
// a lock key succeeds for one caller only. A lock older than `stale` is
// taken to be left by an appliance that died holding it, and is broken.
class ExtensionLock {
 public:
  ExtensionLock(vim::Client& client, const std::string& holder,
                std::chrono::milliseconds wait = std::chrono::seconds(30),
                std::chrono::seconds stale = std::chrono::seconds(60));
  ~ExtensionLock();
  ExtensionLock(const ExtensionLock&) = delete;
  ExtensionLock& operator=(const ExtensionLock&) = delete;

  static constexpr const char* kKey = "com.vmware.vic.registration-lock";

 private:
  vim::Client& client_;
};

}  // namespace vic::server
