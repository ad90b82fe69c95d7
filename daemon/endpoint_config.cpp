#include "daemon/endpoint_config.h"

#include <fstream>

#include <nlohmann/json.hpp>

#include "vicapi/engine/guestinfo/sealing.h"
#include "vicapi/engine/guestinfo/vch_config.h"
#include "vicapi/soap/errors.h"
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

  const gi::StoredVch stored = gi::decode(kv);
  if (stored.id.empty()) throw Error("the guestinfo in " + path + " does not describe a VCH");
  EndpointConfig c;
  c.vchName = stored.model.name;
  c.vchVersion = stored.version;
  c.noTls = stored.model.auth.noTls;
  c.noTlsVerify = stored.model.auth.noTlsVerify;
  c.serverCertificate = stored.model.auth.serverCertificate;
  c.clientCas = stored.model.auth.clientCas;
  if (!c.noTls) {
    auto sealed = kv.find(gi::kServerKeyKey);
    auto key = kv.find(gi::kSealingKeyKey);
    if (sealed == kv.end() || key == kv.end())
      throw Error("the guestinfo has a server certificate but no sealed private key");
    c.serverPrivateKey = gi::unseal(Secret(key->second), sealed->second);
  }
  return c;
}

}  // namespace vic::endpoint
