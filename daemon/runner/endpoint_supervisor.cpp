#include "daemon/runner/endpoint_supervisor.h"

#include <arpa/inet.h>
#include <sys/stat.h>

#include <fstream>
#include <iostream>

#include <openssl/pem.h>
#include <openssl/x509v3.h>
#include <nlohmann/json.hpp>

#include "vicapi/engine/guestinfo/vch_config.h"
#include "vicapi/util/log.h"
#include "vicapi/vim/virtual_machine.h"

namespace vic::endpoint {

namespace gi = engine::guestinfo;

namespace {

constexpr int kMaxFailures = 5;

// A VCH that exists (not one being created), named by its own id key.
bool isLiveVch(const gi::KeyValues& keys, const vim::Moref& vm) {
  auto id = keys.find(gi::kIdKey);
  return id != keys.end() && id->second == vm.str();
}

std::string guestinfoJson(const gi::KeyValues& keys) {
  nlohmann::json j = nlohmann::json::object();
  for (const auto& [k, v] : keys)
    // The guest's own reports (its daemon's version) are not configuration:
    // a daemon writing them must not look like a configure.
    if (k.rfind("guestinfo.", 0) == 0 && k.rfind(gi::kRuntimePrefix, 0) != 0) j[k] = v;
  return j.dump(1);
}

std::string serverCertificate(const gi::KeyValues& keys) {
  // The certificate is stored as JSON text of a string, like every scalar.
  auto it = keys.find(std::string(gi::kConfigPrefix) + "/auth/server/certificate/pem");
  if (it == keys.end()) return "";
  try {
    return nlohmann::json::parse(it->second).get<std::string>();
  } catch (const std::exception&) {
    return "";
  }
}

std::string configText(const gi::KeyValues& keys, const std::string& pointer) {
  auto it = keys.find(std::string(gi::kConfigPrefix) + "/" + pointer);
  if (it == keys.end()) return "";
  try {
    auto j = nlohmann::json::parse(it->second);
    return j.is_string() ? j.get<std::string>() : j.dump();
  } catch (const std::exception&) {
    return "";
  }
}

// What a user types to reach the VCH with the docker CLI, printed when its
// daemon starts.
std::string howToConnect(const gi::KeyValues& keys, const std::string& address) {
  const std::string name = configText(keys, "name");
  std::string out = "\n  VCH " + name + " answers the docker CLI at " + address;
  if (configText(keys, "auth/no_tls") == "true")
    return out + ":2375 (no TLS):\n    export DOCKER_HOST=tcp://" + address +
           ":2375\n    docker info\n\n";
  out += ":2376, admin portal https://" + address + ":2378\n";
  const bool verify = configText(keys, "auth/client/no_tls_verify") != "true";
  const bool certificateNamesIt = loopbackAddressesOf(serverCertificate(keys)).count(address) > 0;
  const std::string certs =
      "    (ca.pem, cert.pem and key.pem are the client certificate the wizard handed out)\n";
  if (certificateNamesIt) {
    out += "    export DOCKER_HOST=tcp://" + address + ":2376 DOCKER_TLS_VERIFY=1 " +
           "DOCKER_CERT_PATH=<folder of ca.pem, cert.pem, key.pem>\n";
    if (verify) out += certs;
  } else {
    out += "    Its certificate names " + configText(keys, "auth/server/generate/cname") +
           ", not " + address + ": add \"" + address + " " +
           configText(keys, "auth/server/generate/cname") +
           "\" to /etc/hosts and use that name, or skip the server check:\n" +
           "    docker --tls -H tcp://" + address + ":2376" +
           (verify ? " --tlscert cert.pem --tlskey key.pem" : "") + " info\n";
    if (verify) out += certs;
  }
  return out + "\n";
}

}  // namespace

std::set<std::string> loopbackAddressesOf(const std::string& pem) {
  std::set<std::string> out;
  if (pem.empty()) return out;
  BIO* bio = BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()));
  X509* cert = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr);
  BIO_free(bio);
  if (!cert) return out;
  auto* names =
      static_cast<GENERAL_NAMES*>(X509_get_ext_d2i(cert, NID_subject_alt_name, nullptr, nullptr));
  for (int i = 0; names && i < sk_GENERAL_NAME_num(names); ++i) {
    const GENERAL_NAME* n = sk_GENERAL_NAME_value(names, i);
    if (n->type != GEN_IPADD || n->d.iPAddress->length != 4) continue;
    const unsigned char* b = n->d.iPAddress->data;
    if (b[0] != 127) continue;
    out.insert(std::to_string(b[0]) + "." + std::to_string(b[1]) + "." + std::to_string(b[2]) +
               "." + std::to_string(b[3]));
  }
  GENERAL_NAMES_free(names);
  X509_free(cert);
  return out;
}

EndpointSupervisor::EndpointSupervisor(vim::Client& client, Options options)
    : client_(client), options_(std::move(options)) {
  std::filesystem::create_directories(options_.stateDir);
}

EndpointSupervisor::~EndpointSupervisor() {
  stopAll();
}

void EndpointSupervisor::stopAll() {
  for (auto& [vm, r] : running_)
    r.process.stop(std::chrono::milliseconds(3000));
  running_.clear();
}

std::string EndpointSupervisor::chooseAddress(const gi::KeyValues& keys) const {
  std::set<std::string> taken;
  for (const auto& [vm, r] : running_)
    taken.insert(r.address);
  for (const auto& a : loopbackAddressesOf(serverCertificate(keys)))
    if (!taken.count(a) && a != "127.0.0.1") return a;
  for (int n = options_.firstAddress; n < 255; ++n) {
    const std::string a = "127.0.0." + std::to_string(n);
    if (!taken.count(a)) return a;
  }
  return "";
}

void EndpointSupervisor::publish(const vim::Moref& vm, const std::string& address) {
  vim::VmConfigSpec spec;
  spec.extraConfig.emplace_back("SET.guest.ipAddress", address);
  vim::VirtualMachine(client_, vm).reconfigure(spec).poll();
}

bool EndpointSupervisor::start(const vim::Moref& vm, const WatchedVm& w, Running& slot) {
  const std::string address = slot.address.empty() ? chooseAddress(w.extraConfig) : slot.address;
  if (address.empty()) {
    logger()->warn("no loopback address is left for VCH {}", vm.str());
    return false;
  }
  const auto dir = options_.stateDir / vm.value;
  std::filesystem::create_directories(dir);
  const auto guestinfoFile = dir / "guestinfo.json";
  const std::string guestinfo = guestinfoJson(w.extraConfig);
  {
    // What the VM holds, sealed values and their key included: only ours to read.
    std::ofstream out(guestinfoFile, std::ios::trunc);
    out << guestinfo;
  }
  ::chmod(guestinfoFile.c_str(), 0600);
  ChildOptions o;
  o.argv = {options_.endpointBinary.string(),
            "--guestinfo",
            guestinfoFile.string(),
            "--listen",
            address,
            "--portal-port",
            std::to_string(options_.portalPort),
            "--log-file",
            (dir / "vic-endpoint.log").string()};
  o.stderrFile = dir / "stderr.log";
  try {
    slot.process = ChildProcess::spawn(o);
    const auto line = slot.process.waitForLine("serving VCH", std::chrono::seconds(20));
    logger()->info("{}: {}", vm.str(), line);
    std::cerr << howToConnect(w.extraConfig, address) << std::flush;
    slot.address = address;
    slot.guestinfo = guestinfo;
    publish(vm, address);
    slot.failures = 0;
    return true;
  } catch (const std::exception& e) {
    slot.process.stop(std::chrono::milliseconds(1000));
    ++slot.failures;
    slot.retryAt =
        std::chrono::steady_clock::now() + std::chrono::seconds(2 << std::min(slot.failures, 5));
    logger()->warn("the endpoint of {} did not start ({}); see {}", vm.str(), e.what(),
                   (dir / "stderr.log").string());
    return false;
  }
}

void EndpointSupervisor::reconcile(const std::map<vim::Moref, WatchedVm>& vms) {
  // Daemons whose VCH is gone, off, or changed (configure, upgrade) stop.
  for (auto it = running_.begin(); it != running_.end();) {
    auto vm = vms.find(it->first);
    const bool keep = vm != vms.end() && vm->second.powerState == "poweredOn" &&
                      isLiveVch(vm->second.extraConfig, it->first) &&
                      (it->second.guestinfo.empty() ||
                       guestinfoJson(vm->second.extraConfig) == it->second.guestinfo);
    if (keep) {
      ++it;
      continue;
    }
    logger()->info("stopping the endpoint of {}", it->first.str());
    it->second.process.stop(std::chrono::milliseconds(3000));
    it = running_.erase(it);
  }
  const auto now = std::chrono::steady_clock::now();
  for (const auto& [vm, w] : vms) {
    if (w.powerState != "poweredOn" || !isLiveVch(w.extraConfig, vm)) continue;
    auto& slot = running_[vm];
    if (slot.process.running() || slot.failures >= kMaxFailures || now < slot.retryAt) continue;
    start(vm, w, slot);
  }
}

}  // namespace vic::endpoint
