#include "vicapi/vim/devices.h"

namespace vic::vim::devices {

using soap::el;
using soap::typed;

namespace {

soap::Node spec(const char* operation, soap::Node device, bool createFile) {
  soap::Node n = el("deviceChange", {el("operation", operation)});
  if (createFile) n.add(el("fileOperation", "create"));
  device.name = "device";
  n.add(std::move(device));
  return n;
}

soap::Node connectable() {
  return el("connectable",
            {soap::boolEl("startConnected", true), soap::boolEl("allowGuestControl", true),
             soap::boolEl("connected", true)});
}

}  // namespace

soap::Node add(soap::Node device, bool createFile) {
  return spec("add", std::move(device), createFile);
}
soap::Node remove(soap::Node device) {
  return spec("remove", std::move(device), false);
}
soap::Node edit(soap::Node device) {
  return spec("edit", std::move(device), false);
}

soap::Node pvscsiController(int key, int busNumber) {
  return typed("ParaVirtualSCSIController",
               el("device", {soap::intEl("key", key), soap::intEl("busNumber", busNumber),
                             el("sharedBus", "noSharing")}));
}

soap::Node thinDisk(int key, int controllerKey, int unitNumber, long long capacityKB,
                    const std::string& fileName) {
  return typed(
      "VirtualDisk",
      el("device",
         {soap::intEl("key", key),
          typed("VirtualDiskFlatVer2BackingInfo",
                el("backing", {el("fileName", fileName), el("diskMode", "persistent"),
                               soap::boolEl("thinProvisioned", true)})),
          soap::intEl("controllerKey", controllerKey), soap::intEl("unitNumber", unitNumber),
          soap::intEl("capacityInKB", capacityKB)}));
}

soap::Node isoCdrom(int key, int controllerKey, int unitNumber, const std::string& isoPath) {
  // deviceInfo is optional for vCenter, but vcsim needs it to edit a device.
  return typed(
      "VirtualCdrom",
      el("device", {soap::intEl("key", key),
                    typed("Description", el("deviceInfo", {el("label", "CD/DVD drive 1"),
                                                           el("summary", "ISO " + isoPath)})),
                    typed("VirtualCdromIsoBackingInfo", el("backing", {el("fileName", isoPath)})),
                    connectable(), soap::intEl("controllerKey", controllerKey),
                    soap::intEl("unitNumber", unitNumber)}));
}

soap::Node vmxnet3OnNetwork(int key, const std::string& networkName) {
  return typed("VirtualVmxnet3",
               el("device", {soap::intEl("key", key),
                             typed("VirtualEthernetCardNetworkBackingInfo",
                                   el("backing", {el("deviceName", networkName)})),
                             connectable(), el("addressType", "generated")}));
}

soap::Node vmxnet3OnPortgroup(int key, const std::string& switchUuid,
                              const std::string& portgroupKey) {
  return typed("VirtualVmxnet3",
               el("device", {soap::intEl("key", key),
                             typed("VirtualEthernetCardDistributedVirtualPortBackingInfo",
                                   el("backing", {el("port", {el("switchUuid", switchUuid),
                                                              el("portgroupKey", portgroupKey)})})),
                             connectable(), el("addressType", "generated")}));
}

soap::Node serialToFile(int key, const std::string& fileName) {
  return typed("VirtualSerialPort",
               el("device", {soap::intEl("key", key),
                             typed("VirtualSerialPortFileBackingInfo",
                                   el("backing", {el("fileName", fileName)})),
                             connectable(), soap::boolEl("yieldOnPoll", true)}));
}

std::optional<Cdrom> firstCdrom(const soap::Node& deviceList) {
  for (const auto& d : deviceList.children) {
    if (d.xsiType != "VirtualCdrom") continue;
    Cdrom cd;
    cd.key = std::stoi(d.textOf("key", "0"));
    cd.controllerKey = std::stoi(d.textOf("controllerKey", "0"));
    cd.unitNumber = std::stoi(d.textOf("unitNumber", "0"));
    if (const soap::Node* b = d.find("backing")) cd.iso = b->textOf("fileName");
    return cd;
  }
  return std::nullopt;
}

}  // namespace vic::vim::devices
