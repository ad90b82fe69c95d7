#include "vicapi/cli/target.h"

#include <iostream>

#include <Poco/Util/Option.h>

#include "vicapi/net/errors.h"
#include "vicapi/tls/thumbprint.h"
#include "vicapi/util/log.h"
#include "vicapi/util/password_source.h"
#include "vicapi/version/version.h"

namespace vic::cli {

namespace fs = std::filesystem;
using Poco::Util::Option;

void addTargetOptions(Poco::Util::OptionSet& o) {
  o.addOption(Option("target", "t",
                     "vCenter or ESXi host[:port], optionally user:password@host; "
                     "without it an embedded simulated vCenter is started")
                  .argument("host"));
  o.addOption(Option("user", "u", "vSphere user name").argument("name"));
  o.addOption(Option("password", "p",
                     "vSphere password; it shows in ps to every user, so prefer "
                     "--password-file or VIC_MACHINE_PASSWORD (asked for when missing)")
                  .argument("password"));
  o.addOption(Option("password-file", "", "a file whose first line is the vSphere password")
                  .argument("path"));
  o.addOption(Option("thumbprint", "", "SHA-1 or SHA-256 thumbprint of the target's certificate")
                  .argument("AA:BB:..."));
  o.addOption(
      Option("ca-file", "", "PEM bundle of CAs to verify the target against").argument("path"));
  o.addOption(
      Option("timeout", "", "seconds to wait for vSphere before giving up").argument("seconds"));
  o.addOption(Option("verbose", "v", "log every vSphere call (never passwords or tickets)"));
}

namespace {

tls::Trust trustFrom(const Args& args) {
  if (args.has("thumbprint"))
    return tls::Trust::pin(tls::Thumbprint::parse(args.get("thumbprint")));
  if (args.has("ca-file")) return tls::Trust::caBundle(args.get("ca-file"));
  return tls::Trust::systemRoots();
}

std::string userInfo(const std::string& target) {
  auto scheme = target.find("://");
  auto start = scheme == std::string::npos ? 0 : scheme + 3;
  auto at = target.rfind('@');
  return at == std::string::npos || at < start ? std::string() : target.substr(start, at - start);
}

}  // namespace

Connection connect(const Args& args) {
  if (args.has("verbose")) logger()->set_level(spdlog::level::debug);
  vim::ClientOptions options;
  options.transport.userAgent = version::userAgent();
  if (args.has("timeout")) {
    int seconds = 0;
    try {
      seconds = std::stoi(args.get("timeout"));
    } catch (const std::exception&) {
    }
    if (seconds <= 0) throw UsageError("--timeout must be a positive number of seconds");
    options.transport.timeouts.connect = std::chrono::seconds(seconds);
    options.transport.timeouts.read = std::chrono::seconds(seconds);
  }

  Connection c;
  tls::Trust trust = trustFrom(args);  // a malformed --thumbprint is reported even without --target
  if (!args.has("target")) {
    for (const char* flag : {"thumbprint", "ca-file", "user", "password"})
      if (args.has(flag))
        throw UsageError(std::string("--") + flag + " applies to a --target; none was given");
    sim::SimulatorOptions so;
    so.workDir = fs::temp_directory_path() / ("vic-machine-sim-" + std::to_string(::getpid()));
    so.removeWorkDir = true;
    c.simulator = sim::Simulator::start(so);
    std::cerr << "No --target given: using an embedded simulated vCenter at "
              << c.simulator->target() << " (thumbprint " << c.simulator->thumbprint().str()
              << ")\n";
    c.trust = tls::Trust::pin(c.simulator->thumbprint());
    c.thumbprint = c.simulator->thumbprint().str();
    c.user = "administrator@vsphere.local";
    c.password = Secret("simulated");
    c.client = std::make_unique<vim::Client>(c.simulator->endpoint(), c.trust, options);
    c.client->login(c.user, c.password);
    return c;
  }

  const std::string target = args.get("target");
  std::string user = args.get("user");
  PasswordSources sources;
  sources.environment = "VIC_MACHINE_PASSWORD";
  if (std::string info = userInfo(target); !info.empty()) {
    auto colon = info.find(':');
    if (user.empty()) user = info.substr(0, colon);
    if (colon != std::string::npos) {
      sources.flag = info.substr(colon + 1);
      sources.flagName = "--target user:password@host";
    }
  }
  if (args.has("password")) {
    sources.flag = args.get("password");
    sources.flagName = "--password";
  }
  if (args.has("password-file")) sources.file = args.get("password-file");
  if (user.empty()) throw UsageError("no vSphere user: pass --user");
  sources.user = user;
  sources.target = target;
  const Secret password = readPassword(sources, std::cerr);

  auto endpoint = net::Endpoint::parse(target);
  c.trust = trust;
  try {
    c.client = std::make_unique<vim::Client>(endpoint, std::move(trust), options);
  } catch (const ThumbprintMismatch&) {
    throw;
  } catch (const TlsError& e) {
    // Show what the server presents so the administrator can decide to pin it.
    std::string hint;
    try {
      auto cert = tls::readServerCertificate(endpoint.host, endpoint.port,
                                             options.transport.timeouts.connect);
      hint = "\nThe server's certificate has SHA-1 thumbprint " + cert.sha1 +
             "; if you trust it, run again with --thumbprint " + cert.sha1;
    } catch (const std::exception&) {
    }
    throw TlsError(e.what() + hint);
  }
  c.client->login(user, password);
  c.user = user;
  c.password = password;
  c.thumbprint = c.trust.pinned && c.trust.pinned->kind() == tls::DigestKind::Sha1
                     ? c.trust.pinned->str()
                     : tls::readServerCertificate(endpoint.host, endpoint.port,
                                                  options.transport.timeouts.connect)
                           .sha1;
  return c;
}

}  // namespace vic::cli
