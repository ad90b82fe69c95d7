#include "vicapi/vim/service_content.h"

namespace vic::vim {

ServiceContent ServiceContent::from(const soap::Node& r) {
  auto ref = [&](const char* name) {
    const soap::Node* n = r.find(name);
    return n ? Moref::from(*n) : Moref{};
  };
  ServiceContent sc;
  sc.rootFolder = ref("rootFolder");
  sc.propertyCollector = ref("propertyCollector");
  sc.viewManager = ref("viewManager");
  sc.sessionManager = ref("sessionManager");
  sc.searchIndex = ref("searchIndex");
  sc.fileManager = ref("fileManager");
  sc.extensionManager = ref("extensionManager");
  sc.virtualDiskManager = ref("virtualDiskManager");
  sc.taskManager = ref("taskManager");
  sc.customFieldsManager = ref("customFieldsManager");
  sc.licenseManager = ref("licenseManager");
  sc.authorizationManager = ref("authorizationManager");
  sc.setting = ref("setting");
  if (const soap::Node* a = r.find("about")) {
    sc.about.name = a->textOf("name");
    sc.about.fullName = a->textOf("fullName");
    sc.about.vendor = a->textOf("vendor");
    sc.about.version = a->textOf("version");
    sc.about.build = a->textOf("build");
    sc.about.apiType = a->textOf("apiType");
    sc.about.apiVersion = a->textOf("apiVersion");
    sc.about.instanceUuid = a->textOf("instanceUuid");
  }
  return sc;
}

}  // namespace vic::vim
