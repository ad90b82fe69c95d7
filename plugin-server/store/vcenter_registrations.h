#pragma once

#include <string>
#include <vector>

#include "plugin-server/store/database.h"

namespace vic::server {

// A vCenter this appliance registered with, as the administrator confirmed
// it: the plug-in's UI finds its vCenter's address and certificate here,
// since the vSphere Client tells it neither.
struct VcenterRegistration {
  std::string target;      // host[:port] of the SDK
  std::string thumbprint;  // the certificate thumbprint it was trusted by
  std::string guid;        // the vCenter's instance UUID
  std::string registered;  // UTC
};

class VcenterRegistrations {
 public:
  explicit VcenterRegistrations(Database& db);
  void remember(const VcenterRegistration& r);
  void forget(const std::string& target);
  std::vector<VcenterRegistration> all();

 private:
  Database& db_;
};

}  // namespace vic::server
