#include "plugin-server/registration/registrar.h"

#include <algorithm>

#include "plugin-server/registration/extension_lock.h"
#include "plugin-server/store/clock.h"
#include "vicapi/engine/errors.h"
#include "vicapi/soap/fault.h"
#include "vicapi/version/version.h"

namespace vic::server {

namespace {

std::string xmlOf(const vim::Extension& x) {
  std::string out;
  soap::writeXml(out, x.node(), false);
  return out;
}

void upsert(PluginRecord& record, ApplianceEntry me, std::vector<std::string>& notes) {
  auto& list = record.appliances;
  for (auto it = list.begin(); it != list.end();) {
    if (it->id == me.id) {
      // Same fields: keep the first registration time, so that registering
      // again changes nothing.
      if (it->url == me.url && it->version == me.version && it->pluginVersion == me.pluginVersion &&
          it->sha1 == me.sha1 && it->sha256 == me.sha256)
        me.registered = it->registered;
      it = list.erase(it);
    } else if (it->url == me.url) {
      // Another appliance id at this address: a reinstalled appliance.
      notes.push_back("replaced the entry of appliance " + it->id +
                      ", which was registered at the same address");
      if (record.hostId == it->id) record.hostId = me.id;
      if (record.preferredId == it->id) record.preferredId.clear();
      it = list.erase(it);
    } else {
      ++it;
    }
  }
  list.push_back(std::move(me));
  std::sort(list.begin(), list.end(), [](const auto& a, const auto& b) { return a.url < b.url; });
}

}  // namespace

std::string clientTypeFor(vim::Client& client) {
  const std::string api = client.serviceContent().about.apiVersion;
  int major = 0;
  try {
    major = std::stoi(api);
  } catch (const std::exception&) {
  }
  return major >= 7 ? kRemoteClient : kLocalClient;
}

RegistrationOutcome registerAppliance(vim::Client& client, const ApplianceIdentity& me,
                                      const RegisterOptions& options) {
  vim::ExtensionManager em(client);
  const std::string type = options.clientType.empty() ? clientTypeFor(client) : options.clientType;
  ExtensionLock lock(client, me.id);
  RegistrationOutcome out;
  const auto existing = em.findExtension(kExtensionKey);
  const std::string now = utcNow();
  if (!existing) {
    PluginRecord record;
    record.version = me.pluginVersion;
    record.clientType = type;
    record.hostId = me.id;
    record.appliances.push_back(ApplianceEntry::of(me, now));
    em.registerExtension(record.toExtension(options.adminEmail, now));
    out.action = "registered";
  } else {
    PluginRecord record = PluginRecord::from(*existing);
    std::optional<ApplianceEntry> host;
    if (const auto* h = record.host()) host = *h;
    upsert(record, ApplianceEntry::of(me, now), out.notes);
    const int newer = version::compareDotted(me.pluginVersion, record.version);
    const bool ownsIt = host && host->id == me.id;
    // A record nobody of ours serves (the original's installer wrote one)
    // is taken over unless it is newer.
    const bool takeOver = options.force || ownsIt || newer > 0 || (!host && newer >= 0);
    if (takeOver) {
      if (host && !ownsIt)
        out.notes.push_back("the plug-in now comes from this appliance (" + me.pluginVersion +
                            ") instead of " + host->address() + " (" + record.version + ")");
      record.hostId = me.id;
      record.version = me.pluginVersion;
      if (!options.clientType.empty() || record.clientType.empty()) record.clientType = type;
    } else if (!host) {
      throw engine::ConflictError(
          std::string(kExtensionKey) + " is registered at version " + record.version +
          ", newer than this appliance's " + me.pluginVersion +
          ", by something other than a VIC appliance of this kind; register with force to "
          "replace it");
    } else {
      out.notes.push_back(
          "the plug-in stays with " + (host ? host->address() : std::string("its current source")) +
          ", whose version (" + record.version + ") is newer than this appliance's (" +
          me.pluginVersion + "); register with force to serve it from here");
    }
    const std::string email = record.adminEmail.empty() ? options.adminEmail : record.adminEmail;
    if (xmlOf(record.toExtension(email, existing->lastHeartbeatTime)) == xmlOf(*existing)) {
      out.action = "unchanged";
    } else {
      em.updateExtension(record.toExtension(email, now));
      out.action = "updated";
    }
  }
  // Read back: a writer that does not take the lock would show here.
  auto written = readRecord(client);
  if (!written || !written->find(me.id))
    throw engine::ConflictError(
        "the com.vmware.vic registration was changed by something else meanwhile; try again");
  out.servesPlugin = written->hostId == me.id;
  out.record = std::move(written);
  return out;
}

RegistrationOutcome unregisterAppliance(vim::Client& client, const std::string& applianceId,
                                        ApplianceProber& prober) {
  vim::ExtensionManager em(client);
  ExtensionLock lock(client, applianceId);
  RegistrationOutcome out;
  const auto existing = em.findExtension(kExtensionKey);
  if (!existing) {
    out.action = "not-registered";
    return out;
  }
  PluginRecord record = PluginRecord::from(*existing);
  const bool wasListed = record.find(applianceId) != nullptr;
  std::erase_if(record.appliances, [&](const ApplianceEntry& a) { return a.id == applianceId; });
  if (!wasListed) out.notes.push_back("this appliance was not registered");
  if (record.appliances.empty()) {
    try {
      em.unregisterExtension(kExtensionKey);
    } catch (const NotFoundFault&) {
    }
    out.action = "removed";
    return out;
  }
  if (record.preferredId == applianceId) record.preferredId.clear();
  out.action = "unregistered";
  if (!record.find(record.hostId)) {
    // Hand the plug-in to the reachable appliance of the newest plug-in.
    auto probes = prober.probeAll(record.appliances);
    std::vector<const ApplianceEntry*> order;
    for (const auto& a : record.appliances)
      order.push_back(&a);
    std::stable_sort(order.begin(), order.end(), [&](const auto* a, const auto* b) {
      if (probes[a->id].reachable != probes[b->id].reachable) return probes[a->id].reachable;
      return version::compareDotted(a->pluginVersion, b->pluginVersion) > 0;
    });
    const ApplianceEntry* next = order.front();
    if (!probes[next->id].reachable)
      out.notes.push_back("no remaining appliance answers; the plug-in is handed to " +
                          next->address() + " anyway");
    out.notes.push_back("the plug-in now comes from " + next->address());
    record.hostId = next->id;
    record.version = next->pluginVersion;
    out.action = "handed-over";
  }
  const std::string email =
      record.adminEmail.empty() ? std::string("vic-admin@localhost") : record.adminEmail;
  em.updateExtension(record.toExtension(email, utcNow()));
  out.record = readRecord(client);
  return out;
}

void setPreferredAppliance(vim::Client& client, const std::string& applianceId) {
  vim::ExtensionManager em(client);
  ExtensionLock lock(client, applianceId.empty() ? "preference" : applianceId);
  const auto existing = em.findExtension(kExtensionKey);
  if (!existing) throw NotFoundError("no appliance is registered with this vCenter");
  PluginRecord record = PluginRecord::from(*existing);
  if (!applianceId.empty() && !record.find(applianceId))
    throw NotFoundError("appliance " + applianceId + " is not registered with this vCenter");
  record.preferredId = applianceId;
  const std::string email =
      record.adminEmail.empty() ? std::string("vic-admin@localhost") : record.adminEmail;
  em.updateExtension(record.toExtension(email, utcNow()));
}

}  // namespace vic::server
