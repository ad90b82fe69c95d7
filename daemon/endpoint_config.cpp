#include "daemon/endpoint_config.h"

#include <fstream>

#include <nlohmann/json.hpp>

#include "vicapi/base/error.h"
#include "vicapi/engine/guestinfo/sealing.h"
#include "vicapi/util/bounded_json.h"

namespace vic::endpoint {

namespace gi = vic::engine::guestinfo;

EndpointConfig fromGuestinfoFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw Error("cannot read the guestinfo file " + path);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  nlohmann::json j;
  try {
    j = parseJson(text);
  } catch (const BadJson& e) {
    throw Error("the guestinfo file " + path + " is not JSON: " + e.what());
  }
  if (!j.is_object()) throw Error("the guestinfo file " + path + " is not a JSON object");
  gi::KeyValues kv;
  for (auto it = j.begin(); it != j.end(); ++it)
    if (it->is_string()) kv[it.key()] = it->get<std::string>();
  try {
    return fromGuestinfo(kv);
  } catch (const Error& e) {
    throw Error(std::string(e.what()) + " (in " + path + ")");
  }
}

EndpointConfig fromGuestinfo(const gi::KeyValues& kv) {
  const gi::StoredVch stored = gi::decode(kv);
  if (stored.id.empty() || stored.id == gi::kCreatingId)
    throw Error("the guestinfo does not describe a VCH");
  EndpointConfig c;
  c.vchName = stored.model.name;
  c.vchVersion = stored.version;
  c.noTls = stored.model.auth.noTls;
  c.noTlsVerify = stored.model.auth.noTlsVerify;
  c.serverCertificate = stored.model.auth.serverCertificate;
  c.clientCas = stored.model.auth.clientCas;
  c.vchVm = vim::Moref::parse(stored.id);
  c.model = stored.model;
  c.placement = stored.placement;
  auto secret = [&](const char* name) -> std::optional<Secret> {
    auto sealed = kv.find(name);
    if (sealed == kv.end()) return std::nullopt;
    auto key = kv.find(gi::kSealingKeyKey);
    if (key == kv.end()) throw Error("the guestinfo has sealed values but no key to open them");
    return gi::unseal(Secret(key->second), sealed->second);
  };
  if (!c.noTls) {
    auto key = secret(gi::kServerKeyKey);
    if (!key) throw Error("the guestinfo has a server certificate but no sealed private key");
    c.serverPrivateKey = *key;
  }
  if (const auto& ops = stored.model.endpoint.operationsCredentials) {
    c.operationsUser = ops->user;
    if (auto password = secret(gi::kOpsPasswordKey)) c.operationsPassword = *password;
  }
  return c;
}

}  // namespace vic::endpoint
