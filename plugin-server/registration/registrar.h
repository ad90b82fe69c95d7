#pragma once

#include <optional>
#include <string>
#include <vector>

#include "plugin-server/registration/appliance_prober.h"
#include "plugin-server/registration/plugin_record.h"
#include "vicapi/vim/client.h"

namespace vic::server {

struct RegisterOptions {
  // Serve the plug-in from this appliance even when the registered plug-in
  // is newer.
  bool force = false;
  // kRemoteClient or kLocalClient; empty: remote for vCenter 7 and later,
  // local (the 6.7 package) before.
  std::string clientType;
  std::string adminEmail = "vic-admin@localhost";
};

struct RegistrationOutcome {
  // registered (the extension was created), updated, unchanged, unregistered
  // (this appliance's entry removed), handed-over (and the plug-in now comes
  // from another appliance), removed (the last one: the extension is gone),
  // not-registered.
  std::string action;
  bool servesPlugin = false;  // this appliance serves the plug-in now
  std::vector<std::string> notes;
  std::optional<PluginRecord> record;  // as it is now
};

// Records this appliance in com.vmware.vic without removing the others, and
// makes it the plug-in's source when it is newer than the registered plug-in
// (or when forced). Doing it again changes nothing. Appliances changing the
// record at the same time take turns (ExtensionLock).
RegistrationOutcome registerAppliance(vim::Client& client, const ApplianceIdentity& me,
                                      const RegisterOptions& options);

// Removes this appliance's entry. When it served the plug-in, the reachable
// appliance of the newest plug-in version takes over; with the last
// appliance, the extension is unregistered.
RegistrationOutcome unregisterAppliance(vim::Client& client, const std::string& applianceId,
                                        ApplianceProber& prober);

// The administrator's choice of appliance for the plug-in's UI; empty clears
// it. Throws NotFoundError for an id that is not registered.
void setPreferredAppliance(vim::Client& client, const std::string& applianceId);

// kRemoteClient for vCenter 7 and later, kLocalClient before.
std::string clientTypeFor(vim::Client& client);

}  // namespace vic::server
