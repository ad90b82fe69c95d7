#pragma once

#include <optional>
#include <string>

#include "vicapi/soap/node.h"

namespace vic::vim::devices {

// VirtualDeviceConfigSpec builders. Keys are negative placeholders chosen by
// the caller; the server assigns real keys. IDE controller 200 exists on every
// VM, which is where CD-ROMs go.
constexpr int kIdeController0 = 200;

soap::Node add(soap::Node device, bool createFile = false);
soap::Node remove(soap::Node device);
soap::Node edit(soap::Node device);

soap::Node pvscsiController(int key, int busNumber);
soap::Node thinDisk(int key, int controllerKey, int unitNumber, long long capacityKB,
                    const std::string& fileName);
soap::Node isoCdrom(int key, int controllerKey, int unitNumber, const std::string& isoPath);

// A vmxnet3 NIC on a standard port group (by name) ...
soap::Node vmxnet3OnNetwork(int key, const std::string& networkName);
// ... or on a distributed port group (by switch UUID and port group key).
soap::Node vmxnet3OnPortgroup(int key, const std::string& switchUuid,
                              const std::string& portgroupKey);

// A serial port whose output goes to a file on the datastore (the endpoint
// VM's console log, read back for /log).
soap::Node serialToFile(int key, const std::string& fileName);

// A CD-ROM as config.hardware.device lists it.
struct Cdrom {
  int key = 0;
  int controllerKey = 0;
  int unitNumber = 0;
  std::string iso;  // the backing's file name, when it is an ISO
};
// The first CD-ROM of a VM's config.hardware.device.
std::optional<Cdrom> firstCdrom(const soap::Node& deviceList);

}  // namespace vic::vim::devices
