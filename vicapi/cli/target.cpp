#include "vicapi/cli/target.h"

#include <termios.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include <Poco/Util/Option.h>

#include "vicapi/soap/errors.h"
#include "vicapi/tls/thumbprint.h"
#include "vicapi/util/log.h"
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
                     "vSphere password (or set VIC_MACHINE_PASSWORD; asked for when missing)")
                  .argument("password"));
  o.addOption(Option("thumbprint", "", "SHA-1 or SHA-256 thumbprint of the target's certificate")
                  .argument("AA:BB:..."));
  o.addOption(
      Option("ca-file", "", "PEM bundle of CAs to verify the target against").argument("path"));
  o.addOption(
      Option("timeout", "", "seconds to wait for vSphere before giving up").argument("seconds"));
  o.addOption(Option("verbose", "v", "log every vSphere call (never passwords or tickets)"));
}

namespace {

Secret askPassword(const std::string& user) {
  if (!::isatty(STDIN_FILENO))
    throw UsageError("no password for " + user + ": pass --password or set VIC_MACHINE_PASSWORD");
  std::cerr << "Password for " << user << ": " << std::flush;
  termios old{};
  ::tcgetattr(STDIN_FILENO, &old);
  termios quiet = old;
  quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
  ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  std::string line;
  std::getline(std::cin, line);
  ::tcsetattr(STDIN_FILENO, TCSANOW, &old);
  std::cerr << "\n";
  return Secret(std::move(line));
}

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
  Secret password;
  if (std::string info = userInfo(target); !info.empty()) {
    auto colon = info.find(':');
    if (user.empty()) user = info.substr(0, colon);
    if (colon != std::string::npos) password = Secret(info.substr(colon + 1));
  }
  if (args.has("password")) password = Secret(args.get("password"));
  if (password.empty())
    if (const char* env = std::getenv("VIC_MACHINE_PASSWORD")) password = Secret(env);
  if (user.empty()) throw UsageError("no vSphere user: pass --user");
  if (password.empty()) password = askPassword(user);

  auto endpoint = http::Endpoint::parse(target);
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
