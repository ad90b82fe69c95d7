#pragma once

#include <map>
#include <string>
#include <vector>

#include "vicapi/engine/guestinfo/flatten.h"
#include "vicapi/engine/model/vch.h"
#include "vicapi/soap/node.h"

namespace vic::engine::guestinfo {

// The extraConfig scheme of a VCH's endpoint VM (see vicapi/engine/GUESTINFO.md).
inline constexpr const char* kIdKey = "guestinfo.vice./id";
inline constexpr const char* kVersionKey = "guestinfo.vice./version";
inline constexpr const char* kConfigPrefix = "guestinfo.vice./config";
inline constexpr const char* kPlacementPrefix = "guestinfo.vice./placement";
// The names the SOAP layer masks in logs (soap::isSecretOptionKey).
inline constexpr const char* kSealingKeyKey = soap::kSealingKeyOption;
inline constexpr const char* kSecretSuffix = soap::kSecretOptionSuffix;
inline constexpr const char* kLockKey = "UpdateInProgress";
inline constexpr const char* kCreatingId = "CreatingVCH";
inline constexpr const char* kClientIpKey = "guestinfo.vice..runtime.client_ip";
// Written by the endpoint daemon when it starts: the version it runs.
inline constexpr const char* kDaemonVersionKey = "guestinfo.vice..runtime.daemon_version";
// Keys under this prefix are the guest's reports, not the VCH's configuration.
inline constexpr const char* kRuntimePrefix = "guestinfo.vice..runtime.";

// The sealed members of the model, by key.
inline constexpr const char* kServerKeyKey =
    "guestinfo.vice./config/auth/server/private_key/pem@secret";
inline constexpr const char* kOpsPasswordKey =
    "guestinfo.vice./config/endpoint/operations_credentials/password@secret";

// Where a VCH lives in vCenter: written at create, read by every later
// operation and by the endpoint itself.
struct Placement {
  std::string target;  // https://<vCenter>/sdk
  std::string targetThumbprint;
  std::string datacenter;       // "Datacenter:datacenter-2"
  std::string datacenterPath;   // "/DC0"
  std::string computeResource;  // what was asked for, "ClusterComputeResource:..."
  std::string pool;             // the VCH's own pool or vApp
  std::string folder;           // the VCH's VM folder (vCenter only)
  std::string datastore;        // image datastore name
  std::string imagePath;        // "[LocalDS_0] vch-1"
  std::string applianceIso;     // "[LocalDS_0] vch-1/v1.6.0-7-abcdef0-appliance.iso"
  std::string bootstrapIso;
  std::map<std::string, std::string> volumeStores;  // label -> "[ds] path" or nfs:// URL
  std::vector<std::string> createdVolumeDirs;       // made by create; removed only on request
  std::map<std::string, std::string> networks;  // role or container alias -> port group reference
  std::string vmGroupCluster;            // cluster holding the DRS VM group, when one was made
  std::vector<std::string> permissions;  // entities where the operations user was granted a role
  bool ownPool = true;  // false when DRS is off and the cluster's root pool is used
  // What an upgrade replaced, for a rollback.
  std::string previousVersion;
  std::string previousApplianceIso;
  std::string previousBootstrapIso;
};

nlohmann::json placementToJson(const Placement& p);
Placement placementFromJson(const nlohmann::json& j);

struct StoredVch {
  std::string id;       // "VirtualMachine:vm-42" or "CreatingVCH"
  std::string version;  // "v1.6.0-7-abcdef0"
  Vch model;            // without secrets
  Placement placement;
  bool locked = false;        // an upgrade or configure is running
  std::string clientIp;       // reported by the endpoint, when it has one
  std::string daemonVersion;  // reported by the endpoint daemon, when one ran
};

// All keys create writes for this model. Secrets are sealed with `sealingKey`,
// which is stored beside them for the endpoint to open them.
KeyValues encode(const Vch& model, const Placement& placement, const std::string& id,
                 const std::string& version, const Secret& sealingKey);

// Reads what encode wrote; secrets stay sealed and the model's secret members empty.
StoredVch decode(const KeyValues& extraConfig);

// Only the id, version, lock, reported address, no_tls and the client
// network's static address: what a list row needs.
StoredVch decodeSummary(const KeyValues& extraConfig);

// A VM is a VCH when its id key names the VM itself, or says it is being created.
bool isVch(const KeyValues& extraConfig, const std::string& selfMoref);

// The changes that turn `before` into `after` for the keys under `prefix`:
// new and changed keys with their values, removed keys with "" (vCenter's
// way to delete an extraConfig key).
KeyValues diff(const KeyValues& before, const KeyValues& after, const std::string& prefix);

}  // namespace vic::engine::guestinfo
