#include "plugin-server/registration/registration_cli.h"

#include <iomanip>
#include <iostream>

#include "plugin-server/config/server_identity.h"
#include "plugin-server/registration/appliance_prober.h"
#include "plugin-server/registration/registrar.h"
#include "plugin-server/store/clock.h"
#include "plugin-server/store/vcenter_registrations.h"
#include "vicapi/net/errors.h"
#include "vicapi/soap/fault.h"
#include "vicapi/util/password_source.h"
#include "vicapi/version/version.h"

namespace vic::server {

namespace {

std::string flag(const std::map<std::string, std::string>& flags, const std::string& name) {
  auto it = flags.find(name);
  return it == flags.end() ? std::string() : it->second;
}

void printRegistration(std::ostream& out, const std::string& target,
                       const std::optional<PluginRecord>& record,
                       const std::map<std::string, Reachability>& probes,
                       const std::string& selfId) {
  if (!record) {
    out << "No VIC plug-in is registered with " << target << ".\n";
    return;
  }
  const auto* host = record->host();
  out << "com.vmware.vic on " << target << ": plug-in " << record->version << " ("
      << (record->clientType == kRemoteClient ? "remote" : "local") << "), served by "
      << (host ? host->address() : std::string("an unknown source")) << "\n";
  out << std::left << "  " << std::setw(28) << "APPLIANCE" << std::setw(24) << "VERSION"
      << std::setw(14) << "PLUG-IN" << std::setw(11) << "REACHABLE"
      << "SERVES\n";
  for (const auto& a : record->appliances) {
    auto it = probes.find(a.id);
    const bool up = it != probes.end() && it->second.reachable;
    out << "  " << std::setw(28) << (a.address() + (a.id == selfId ? " *" : "")) << std::setw(24)
        << a.version << std::setw(14) << a.pluginVersion << std::setw(11) << (up ? "yes" : "no")
        << (a.id == record->hostId ? "yes" : "") << "\n";
    if (!up && it != probes.end()) out << "      " << it->second.error << "\n";
  }
  out << "  (* this appliance)\n";
}

}  // namespace

int runRegistrationCommand(const std::string& action,
                           const std::map<std::string, std::string>& flags,
                           const ServerConfig& config, std::ostream& out, std::ostream& err) {
  try {
    const std::string targetText = flag(flags, "target");
    const std::string user = flag(flags, "user");
    if (targetText.empty() || user.empty())
      throw UsageError(action +
                       " needs --target (the vCenter) and --user (an administrator of it)");
    const auto target = net::Endpoint::parse(targetText);
    tls::Trust trust = tls::Trust::systemRoots();
    if (const std::string t = flag(flags, "thumbprint"); !t.empty())
      trust = tls::Trust::pin(tls::Thumbprint::parse(t));
    RegisterOptions options;
    options.force = flags.count("force") > 0;
    if (const std::string c = flag(flags, "client"); c == "remote")
      options.clientType = kRemoteClient;
    else if (c == "local")
      options.clientType = kLocalClient;
    else if (!c.empty())
      throw UsageError("--client must be remote (vSphere 7 and 8) or local (6.7)");
    if (const std::string mail = flag(flags, "admin-email"); !mail.empty())
      options.adminEmail = mail;
    PasswordSources sources;
    if (flags.count("password")) sources.flag = flag(flags, "password");
    if (flags.count("password-file")) sources.file = flag(flags, "password-file");
    sources.environment = "VIC_PASSWORD";
    sources.user = user;
    sources.target = targetText;
    const Secret password = readPassword(sources, err);

    // The appliance as its server presents itself: same data directory,
    // same certificate (made now if the server never ran), same port.
    const auto identity =
        ensureIdentity(config.certificate, config.privateKey, {"localhost", "127.0.0.1"});
    ApplianceSelf self;
    self.identity.id = ensureApplianceId(config.dataDir);
    self.identity.version = version::current().str();
    self.identity.pluginVersion = version::current().pluginVersion();
    self.identity.sha1 = identity.sha1;
    self.identity.sha256 = identity.sha256;
    self.publicAddress = config.publicAddress;
    self.port = Poco::Net::SocketAddress(config.listen).port();

    vim::Client client(target, trust);
    try {
      client.login(user, password);
    } catch (const TlsError& e) {
      if (!trust.pinned) {
        const auto cert =
            tls::readServerCertificate(target.host, target.port, std::chrono::seconds(10));
        throw UsageError(std::string(e.what()) + "\nIf this is your vCenter, pass --thumbprint " +
                         cert.sha256 + " (SHA-1 " + cert.sha1 + ")");
      }
      throw;
    }
    ApplianceProber prober;
    if (action == "status") {
      const auto record = readRecord(client);
      printRegistration(
          out, target.hostPort(), record,
          record ? prober.probeAll(record->appliances) : std::map<std::string, Reachability>{},
          self.identity.id);
      return 0;
    }
    RegistrationOutcome outcome;
    if (action == "register") {
      const auto me = self.towards(target);
      outcome = registerAppliance(client, me, options);
      Database db(config.dataDir / "vic.db");
      VcenterRegistrations(db).remember({target.hostPort(),
                                         trust.pinned ? trust.pinned->str() : std::string(),
                                         client.serviceContent().about.instanceUuid, utcNow()});
      out << "Registration " << outcome.action << ": " << me.address
          << (outcome.servesPlugin ? " serves the plug-in.\n"
                                   : " is registered; another appliance serves the plug-in.\n");
    } else if (action == "unregister") {
      outcome = unregisterAppliance(client, self.identity.id, prober);
      Database db(config.dataDir / "vic.db");
      VcenterRegistrations(db).forget(target.hostPort());
      out << "Unregistration: " << outcome.action << ".\n";
    } else {
      throw UsageError("unknown command " + action + "; use register, unregister or status");
    }
    for (const auto& n : outcome.notes)
      out << "  " << n << "\n";
    printRegistration(out, target.hostPort(), outcome.record,
                      outcome.record ? prober.probeAll(outcome.record->appliances)
                                     : std::map<std::string, Reachability>{},
                      self.identity.id);
    return 0;
  } catch (const UsageError& e) {
    err << "vic-machine-server " << action << ": " << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    err << "vic-machine-server " << action << ": " << e.what() << "\n";
    return 1;
  }
}

}  // namespace vic::server
