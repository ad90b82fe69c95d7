#pragma once

#include <optional>
#include <string>
#include <vector>

#include "vicapi/engine/model/units.h"
#include "vicapi/util/secret.h"

namespace vic::engine {

// The vic-machine-server 1.5 VCH model, field for field (JSON names in the
// comments). Optional members distinguish "not given" from a value, because
// defaults depend on other fields (the client network defaults to the
// public one, for example).

// Managed_Object: {id} (a managed object reference value) or {name} (an
// inventory path or name).
struct ObjectRef {
  std::string id;
  std::string name;
  bool empty() const { return id.empty() && name.empty(); }
  std::string display() const { return name.empty() ? id : name; }
  bool operator==(const ObjectRef&) const = default;
};

// Shares: {level: low|normal|high} or {number}.
struct Shares {
  std::string level;
  std::optional<int> number;
  bool operator==(const Shares&) const = default;
};

struct ResourceSettings {
  std::optional<Quantity> limit;
  std::optional<Quantity> reservation;
  std::optional<Shares> shares;
  bool operator==(const ResourceSettings&) const = default;
};

struct Gateway {
  std::string address;
  std::vector<std::string> routingDestinations;  // routing_destinations
  bool operator==(const Gateway&) const = default;
};

// public, client and management.
struct RoleNetwork {
  ObjectRef portGroup;        // port_group
  std::string staticAddress;  // static: "192.168.1.10/24"
  std::optional<Gateway> gateway;
  std::vector<std::string> nameservers;
  bool operator==(const RoleNetwork&) const = default;
};

struct BridgeNetwork {
  ObjectRef portGroup;              // port_group
  std::string ipRange;              // ip_range
  std::optional<int> networkWidth;  // network_width
  bool operator==(const BridgeNetwork&) const = default;
};

struct ContainerNetwork {
  std::string alias;
  ObjectRef portGroup;  // port_group
  std::optional<Gateway> gateway;
  std::vector<std::string> ipRanges;  // ip_ranges
  std::vector<std::string> nameservers;
  std::string firewall;  // closed, outbound, peers, published, open
  bool operator==(const ContainerNetwork&) const = default;
};

struct VolumeStore {
  std::string datastore;  // ds://ds/path, ds/path or nfs://host/path
  std::string label;
  bool operator==(const VolumeStore&) const = default;
};

struct GenerateCertificate {
  std::optional<Quantity> size;  // Value_Bits
  std::vector<std::string> organization;
  std::string cname;
  std::string algorithm;  // extension: "rsa" (default) or "ecdsa" (P-256)
  bool operator==(const GenerateCertificate&) const = default;
};

struct OperationsCredentials {
  std::string user;
  Secret password;
  bool grantPermissions = false;  // grant_permissions
};

struct ImageFetchProxy {
  std::string http;
  std::string https;
  std::vector<std::string> noProxy;  // no_proxy
  bool operator==(const ImageFetchProxy&) const = default;
};

// Read-only state reported by inspect and list.
struct Runtime {
  std::string powerState;     // power_state
  std::string upgradeStatus;  // upgrade_status
  std::string adminPortal;    // admin_portal
  std::string dockerHost;     // docker_host
};

struct Vch {
  std::string version;
  std::string name;
  std::optional<int> debug;

  struct Compute {
    ObjectRef resource;
    ResourceSettings cpu;
    ResourceSettings memory;
    bool useVmGroup = false;  // affinity.use_vm_group
    bool vapp = false;        // extension: place the VCH in a vApp instead of a resource pool
  } compute;

  struct Network {
    std::optional<BridgeNetwork> bridge;
    std::optional<RoleNetwork> publicNet;  // public
    std::optional<RoleNetwork> client;
    std::optional<RoleNetwork> management;
    std::vector<ContainerNetwork> container;
  } network;

  struct Storage {
    std::vector<std::string> imageStores;   // image_stores
    std::vector<VolumeStore> volumeStores;  // volume_stores
    std::optional<Quantity> baseImageSize;  // base_image_size
  } storage;

  struct Auth {
    bool noTls = false;                           // no_tls
    bool noTlsVerify = false;                     // client.no_tls_verify
    std::vector<std::string> clientCas;           // client.certificate_authorities[].pem
    std::optional<GenerateCertificate> generate;  // server.generate
    std::string serverCertificate;                // server.certificate.pem
    Secret serverPrivateKey;                      // server.private_key.pem (never written out)
  } auth;

  struct Endpoint {
    std::optional<Quantity> memory;
    std::optional<int> cpuSockets;  // cpu.sockets
    std::optional<OperationsCredentials> operationsCredentials;
  } endpoint;

  struct Registry {
    std::vector<std::string> insecure;
    std::vector<std::string> whitelist;
    std::vector<std::string> certificateAuthorities;  // certificate_authorities[].pem
    std::optional<ImageFetchProxy> imageFetchProxy;   // image_fetch_proxy
  } registry;

  std::string syslogAddr;      // syslog_addr
  std::string nameConvention;  // container.name_convention

  Runtime runtime;
};

}  // namespace vic::engine
