// Name, debug level, version, syslog and container name convention.
#include <charconv>

#include "vicapi/engine/validate/context.h"

namespace vic::engine {

bool hasForbiddenCharacter(const std::string& s, char* which) {
  static const std::string kForbidden = "%&*$#@!\\/:?\"<>;'|";
  auto pos = s.find_first_of(kForbidden);
  if (pos == std::string::npos) return false;
  if (which) *which = s[pos];
  return true;
}

namespace {

constexpr std::size_t kMaxNameLength = 31;

void checkSyslog(RuleContext& c) {
  std::string& addr = c.vch().syslogAddr;
  if (addr.empty()) return;
  auto scheme = addr.find("://");
  const std::string proto = scheme == std::string::npos ? "" : addr.substr(0, scheme);
  if (proto != "tcp" && proto != "udp") {
    c.issues.add("syslog_addr",
                 "must start with tcp:// or udp://, such as udp://logs.example.com:514");
    return;
  }
  std::string hostPort = addr.substr(scheme + 3);
  while (!hostPort.empty() && hostPort.back() == '/')
    hostPort.pop_back();
  // host, host:port, [v6], [v6]:port
  std::string host = hostPort, port = "514";
  const auto close = hostPort.find(']');
  const auto colon = hostPort.rfind(':');
  const bool v6 = !hostPort.empty() && hostPort.front() == '[';
  if (colon != std::string::npos && (!v6 || (close != std::string::npos && colon > close))) {
    host = hostPort.substr(0, colon);
    port = hostPort.substr(colon + 1);
  }
  if (host.empty()) {
    c.issues.add("syslog_addr", "names no host; write it as " + proto + "://host[:port]");
    return;
  }
  int n = 0;
  auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), n);
  if (ec != std::errc() || end != port.data() + port.size() || n < 1 || n > 65535) {
    c.issues.add("syslog_addr",
                 "has an invalid port \"" + port + "\"; use 1 to 65535 (514 when left out)");
    return;
  }
  addr = proto + "://" + host + ":" + std::to_string(n);  // the port is explicit from here on
}

}  // namespace

void checkBasics(RuleContext& c) {
  Vch& v = c.vch();
  if (!v.version.empty() && v.version != c.options.applianceVersion)
    c.issues.add("version", "invalid version: it is set by the appliance (" +
                                c.options.applianceVersion + "); leave it out of the request");
  v.version = c.options.applianceVersion;

  char bad = 0;
  if (v.name.empty()) {
    c.issues.add("name", "is required: give the VCH a name of up to 31 characters");
  } else if (hasForbiddenCharacter(v.name, &bad)) {
    c.issues.add(
        "name", std::string("invalid display name: it contains the unsupported character '") + bad +
                    "'; do not use % & * $ # @ ! \\ / : ? \" < > ; ' |");
  } else if (v.name.size() > kMaxNameLength) {
    c.issues.add("name", "is " + std::to_string(v.name.size()) +
                             " characters long: length exceeds " + std::to_string(kMaxNameLength) +
                             " characters; shorten it");
  } else if (v.name.front() == ' ' || v.name.back() == ' ') {
    c.issues.add("name", "must not begin or end with a space");
  }

  if (!v.debug) v.debug = 0;
  if (*v.debug < 0 || *v.debug > 3)
    c.issues.add("debug", "must be 0 (off) to 3 (most verbose), not " + std::to_string(*v.debug));

  checkSyslog(c);

  if (!v.nameConvention.empty()) {
    // The original's limit: the convention, less its token, must leave room
    // for a name in vSphere's 80 characters.
    if (v.nameConvention.size() >= 72)
      c.issues.add("container.name_convention",
                   "is too long; keep it under 72 characters including {id} or {name}");
  }
}

}  // namespace vic::engine
